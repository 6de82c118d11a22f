# ruff: noqa: N999 - `in` is the market code; the module is loaded with importlib, never imported by name
"""India (IN): regionally mixed names in Latin script as written in Indian business English, PIN codes, +91
numbers. `in` is a keyword, so the module is loaded with importlib only (markets/__main__.py, phones, holidays)."""

from __future__ import annotations

import dataclasses
import functools
import math
import re
import statistics
from collections import Counter, defaultdict

from anyascii import anyascii
from phonenumbers.geodata import GEOCODE_DATA

from tools.build_locales import market as m
from tools.build_locales.phones import Plan, plan_of

CC = "IN"
VOCAB = m.vocabulary(CC)
FEMALE_SHARE = 0.25
"""Women among B2B contacts: PLFS 2022-23 urban labour-force participation (15+) is 25.4% for women, 74.5% for men."""
FIRST_RANKS, SURNAME_RANKS = 3500, 5000
FIRST_HEAD_S, FIRST_KNEE, FIRST_TAIL_S = 0.5, 300, 1.2
SURNAME_HEAD_S, SURNAME_TAIL_S = 0.6, 1.0
B2B_SCALING = 1.25
"""B2B buyers follow knowledge-economy activity, which grows faster than population: urban scaling exponents of
about 1.15 (GDP) to 1.27-1.34 (patents, R&D employment), Bettencourt et al., PNAS 2007."""
WITHIN_KM = 30.0
CITY_COUNT = 1500
PEOPLE_PER_PIN_CAP = 250_000


# --- curated vocabularies (compact) ---------------------------------------------------------------------------

NICKNAMES = set(VOCAB["nicknames"])
"""Pet names, words and abbreviations that names-dataset (social-network profiles) ranks as Indian first names."""
MERGED = {"Mohd": "Mohammed"}
"""Mohd is how profiles abbreviate Mohammed: counted for the full name, as on a business card (Md, rank 2, is mostly
Bangladeshi and Bengali usage and would make Mohammed one man in twenty-five; it is dropped)."""
NAM_DICT_KEEP = set(VOCAB["nam_dict_keep"])
"""nam_dict India/Sri Lanka names that names-dataset does not rank in India but that are Indian (Christian names
more common abroad, Punjabi and Tamil names of older cohorts); the rest of the nam_dict-only names are Sri Lankan
Tamil (Nadarajah, Sinnathamby) or Western diaspora names, and are dropped."""

GENDER_FIX = {name: gender for gender, names in VOCAB["gender_fix"].items() for name in m.WORDS(names)}
"""Names both sources misgender for India (names-dataset's share of women is worldwide: Ronit and Basant are women's
names in Israel and Egypt, men's names in India); U: given to both (half each)."""

SURNAME_DROP = set(VOCAB["surname_drop"])
"""Female-only surnames and female first names in the surname field (the runtime draws surnames without the
person's gender: no Rajesh Kaur), abbreviations, words and pet names, typing slips of common surnames (Shrma,
Kumer, Yadev), and community or caste labels written in place of a surname on social profiles."""
SURNAME_KEEP = set(m.WORDS("Raj Prasad Lal Chand Nath Prakash Anand Krishnan Rao Ram Kumar Mohan Gopal Krishna Pillai"))
"""Real surnames that names-dataset ranks higher as first names in India."""

REGION_NAMES = {"Chattisgarh": "Chhattisgarh", "Pondicherry": "Puducherry", "Jammu & Kashmir": "Jammu and Kashmir",
                "Andaman & Nicobar Islands": "Andaman and Nicobar Islands"}  # fmt: skip
LADAKH_DISTRICTS = {"Leh", "Kargil", "Leh Ladakh"}
CITY_NAMES = {"Gurgaon": "Gurugram"}
CITY_DISTRICTS = set(VOCAB["city_districts"])
"""Districts that are one city: their postal codes belong to it whatever the post office is called."""
SUSPECT_TOWNS = {"Rasapūdipalem", "Kallakurichi", "Nowrangapur", "Teni", "Kanayannur", "Bilimora", "Punāsa", "Mulugu",
                 "Kushinagar", "Gundupālaiyam", "Shivaji Nagar", "Tirunelveli"}  # fmt: skip
"""GeoNames towns carrying their district's or taluk's population (Kallakurichi 1.7 million): left out."""


# --- generic steps (candidates for market.py) ----------------------------------------------------------------


def fitted_rank_weights(ranks: list[int], anchors: dict[int, float], **curve) -> dict[int, float]:
    """`market.rank_weights` scaled to a second source: the factor is the median ratio of the anchors (rank ->
    weight from that source, e.g. band weights) to the curve at the same ranks."""
    base = m.rank_weights(max(ranks), top=10**9, **curve)
    factor = math.exp(statistics.median(math.log(w / base[r - 1]) for r, w in anchors.items()))
    return {r: base[r - 1] * factor for r in ranks}


def spread_towns(places, populations, *, region_of, names_of, city_name, count, within_km, cap_per_code, scale):
    """`cities.csv` rows where the dump's locality is a post office: a town claims the codes whose names (`names_of`)
    include its name within `within_km`, the largest claimant keeps a code; its people, capped at `cap_per_code` a
    code (GeoNames gives some towns their district's count), split evenly and scaled to weights by `scale`."""
    by_key: dict[str, list] = defaultdict(list)
    for place in places:
        for key in {m.name_key(n) for n in names_of(place)} - {""}:
            by_key[key].append(place)
    taken: set[str] = set()
    rows, towns_kept = [], 0
    for town in populations:
        keys = {m.name_key(town.name)} | {m.name_key(a) for a in town.alternates if a.isascii()}
        near = [
            p
            for k in sorted(keys - {""})
            for p in by_key.get(k, ())
            if m.distance_km(town.lat, town.lon, p.lat, p.lon) <= within_km and p.postal_code not in taken
        ]
        codes = sorted({p.postal_code for p in near})
        if not codes:
            continue
        regions = Counter(region_of(p) for p in near)
        people = scale(min(town.population, cap_per_code * len(codes)))
        for code in codes:
            region = Counter(region_of(p) for p in near if p.postal_code == code).most_common(1)[0][0]
            rows.append((city_name(town), region or regions.most_common(1)[0][0], code, max(1, people // len(codes))))
        taken.update(codes)
        towns_kept += 1
        if towns_kept >= count:
            break
    return rows


# --- people -----------------------------------------------------------------------------------------------------

LATIN = re.compile(r"[A-Z][a-z]+")


def garbled(name: str, rank: int) -> bool:
    """Typing slips and pet forms of the social-network tail: Prkash, Surendr, Deepk; beyond rank 1,000 also names
    of three letters and two-syllable pet forms in -u (Hitu, Jigu)."""
    low = name.lower()
    if len(low) < 3 or re.match(r"[^aeiouyhs]{3}", low) or re.search(r"(dr|tr|kr|pk|sk|rk|sr)$", low):
        return True
    return rank > 1000 and (len(low) == 3 or bool(re.fullmatch(r"[a-z]{2,3}u", low)))


def female_share(code: str, profiles: float | None) -> float:
    """Women's share of a name: nam_dict's definite code unless the profiles contradict it (Devendra: F there, 97%
    men); else names-dataset's share (male to 0.3, female from 0.6, between corrected for three men per woman
    among India's profiles, p = 3f / (1 + 2f)); else 75/25 (?F, ?M) or 50/50."""
    if code in ("F", "1F", "M", "1M") and (profiles is None or abs(profiles - ("F" in code)) < 0.85):
        return 1.0 if "F" in code else 0.0
    if profiles is None:
        return {"?F": 0.75, "?M": 0.25}.get(code, 0.5)
    return 0.0 if profiles <= 0.3 else 1.0 if profiles >= 0.6 else 3 * profiles / (1 + 2 * profiles)


def first_name_rows() -> tuple[list[tuple[str, str, int]], dict]:
    """nam_dict bands and names-dataset ranks, joined (see SOURCES.md); women scaled to FEMALE_SHARE."""
    nd = m.names_dataset("first_names")
    surname_rank = m.names_dataset_ranks("last_names", CC)
    ranked: dict[str, int] = {}
    for source, attrs in nd.items():
        rank, name = attrs["rank"].get(CC), MERGED.get(source, source)
        usable = rank and rank <= FIRST_RANKS and LATIN.fullmatch(name) and name not in NICKNAMES
        if usable and not garbled(name, rank) and surname_rank.get(name, 10**9) > rank:
            ranked[name] = min(rank, ranked.get(name, rank))
    bands = {n: (g, b) for n, g, b in m.nam_dict(CC) if LATIN.fullmatch(n)}
    anchors = {ranked[n]: m.band_weight(b) for n, (_, b) in bands.items() if n in ranked}
    curve = fitted_rank_weights(sorted(set(ranked.values())), anchors, head_s=FIRST_HEAD_S, knee=FIRST_KNEE,
                                tail_s=FIRST_TAIL_S)  # fmt: skip
    weights = {name: curve[rank] for name, rank in ranked.items()}
    for name in NAM_DICT_KEEP & set(bands):
        weights.setdefault(name, m.band_weight(bands[name][1] - 2))
    rows: dict[tuple[str, str], float] = defaultdict(float)
    for name, weight in weights.items():
        code = bands.get(name, ("",))[0]
        share = {"F": 1.0, "M": 0.0, "U": 0.5}.get(GENDER_FIX.get(name, ""))
        share = female_share(code, (nd.get(name) or {}).get("gender", {}).get("F")) if share is None else share
        for gender, part in (("F", share), ("M", 1 - share)):
            if part > 0:
                rows[(name, gender)] += weight * part
    totals = {g: math.fsum(w for (_, gg), w in rows.items() if gg == g) for g in "FM"}
    target = {"F": FEMALE_SHARE, "M": 1 - FEMALE_SHARE}
    out = [(n, g, round(w / totals[g] * target[g] * 10**7)) for (n, g), w in rows.items()]
    out = [r for r in out if r[2] >= 1]
    facts = {
        "ranked": len(ranked),
        "banded": len(bands),
        "both": len(anchors),
        "kept_band_only": len(NAM_DICT_KEEP & set(bands)),
    }
    return out, facts


def last_name_rows() -> tuple[list[tuple[str, int]], dict]:
    """names-dataset ranks for India, filtered; weights from a Zipf curve (see SOURCES.md)."""
    first_rank = m.names_dataset_ranks("first_names", CC)
    kept = []
    for name, attrs in m.names_dataset("last_names").items():
        rank = attrs["rank"].get(CC)
        if not rank or rank > SURNAME_RANKS or name in SURNAME_DROP or len(name) < 3:
            continue
        if not (LATIN.fullmatch(name) or re.fullmatch(r"D'[A-Z][a-z]+", name)) or not re.search("[aeiouy]", name):
            continue
        if first_rank.get(name, 10**9) < rank and name not in SURNAME_KEEP:
            continue
        kept.append((rank, name))
    kept.sort()
    weights = m.rank_weights(len(kept), head_s=SURNAME_HEAD_S, tail_s=SURNAME_TAIL_S, top=10**6)
    return [(m.name_case(n), w) for (_, n), w in zip(kept, weights, strict=True)], {"kept": len(kept)}


# --- places -------------------------------------------------------------------------------------------------------

OFFICE_SUFFIX = re.compile(r"\s*\(.*?\)|\s+(?:[HSB]\.?\s?O\.?|G\.?P\.?O\.?|H\.O|S\.O|B\.O|City Corporation|Corporation|"
                           r"City|Urban|Rural|North|South|East|West|Central|Local|Cantt\.?)$", re.I)  # fmt: skip
COMPASS = re.compile(r"^(?:North|South|East|West|Central|North East|North West|South East|South West)\s+", re.I)


def clean_place(text: str) -> str:
    """A post office, sub-district or district as a town name: "Bangalore North" -> "Bangalore", "Pune City" ->
    "Pune", "Town Hall (Mumbai)" -> "Town Hall", "South Delhi" -> "Delhi"; "NA" -> ""."""
    text = COMPASS.sub("", text.strip())
    while (shorter := OFFICE_SUFFIX.sub("", text).strip()) != text:
        text = shorter
    return "" if text.upper() == "NA" else text


def region_of(place: m.PostalPlace) -> str:
    """The state or union territory as written in an address (Ladakh split from Jammu and Kashmir, 2019)."""
    if place.admin2 in LADAKH_DISTRICTS:
        return "Ladakh"
    return REGION_NAMES.get(place.admin1, place.admin1)


def city_name(town: m.Town) -> str:
    """GeoNames' current official name without diacritics (Thāne -> Thane), as Indian addresses write it."""
    name = anyascii(town.name)
    return CITY_NAMES.get(name, name)


def city_rows() -> list[tuple[str, str, str, int]]:
    places = [p for p in m.postal_places(CC) if re.fullmatch(r"[1-9]\d{5}", p.postal_code)]
    return spread_towns(
        places,
        [t for t in m.towns(CC) if t.name not in SUSPECT_TOWNS],
        region_of=region_of,
        names_of=lambda p: (
            (clean_place(p.place), clean_place(p.admin3))
            + ((clean_place(p.admin2),) if clean_place(p.admin2) in CITY_DISTRICTS else ())
        ),
        city_name=city_name,
        count=CITY_COUNT,
        within_km=WITHIN_KM,
        cap_per_code=PEOPLE_PER_PIN_CAP,
        scale=lambda people: round(people * (people / 100_000) ** (B2B_SCALING - 1)),
    )


# --- phones and regions -------------------------------------------------------------------------------------------

BASE_PLAN = plan_of(CC)
"""Ten digits: landlines an STD code (11 Delhi, 8472 Kalaburagi) and the subscriber number, mobiles 6-9 in
TRAI blocks of four digits; libphonenumber calls landlines with a 6-9 STD code FIXED_LINE_OR_MOBILE, so that type
counts as fixed."""


@functools.cache
def geocoder_aliases() -> tuple[tuple[str, str], ...]:
    """How India's geocoder names places (`Plan.aliases`): a text ("Gulbarga, Karnataka") reads as the cities.csv
    city whose name or GeoNames alternate it is in that state, if that city is the largest of its name (phones.py
    matches names only); needs cities.csv, so it runs when phones.py asks for `phone_plan()`."""
    aliases: dict[str, str] = {}
    regions: dict[str, set[str]] = defaultdict(set)
    people: Counter = Counter()
    for city, region, _, weight in m.read_rows(m.LOCALES_DIR / CC / "cities.csv", header=True):
        regions[city].add(region)
        people[(city, region)] += int(weight)
    heaviest = {city: max(sorted(rs), key=lambda r: people[(city, r)]) for city, rs in regions.items()}
    votes: dict[str, Counter] = defaultdict(Counter)
    towns = [t for t in m.towns(CC) if city_name(t) in regions]
    for town in towns:
        if len(regions[city_name(town)]) == 1:
            votes[town.admin1_code][next(iter(regions[city_name(town)]))] += town.population
    state_of = {code: vote.most_common(1)[0][0] for code, vote in votes.items()}
    reading: dict[tuple[str, str], str] = {}
    primary = {m.name_key(t.name) for t in m.towns(CC)}  # "Velur" is a town, not Vellore's alternate name
    for town in towns:
        alternates = [a for a in town.alternates if a.isascii() and m.name_key(a) not in primary]
        for alias in (town.name, city_name(town), *alternates):
            reading.setdefault((m.name_key(alias), state_of.get(town.admin1_code, "")), city_name(town))
    for key, value in GEOCODE_DATA.items():
        text = value.get("en", "") if key.startswith("91") else ""
        for part in dict.fromkeys([text, *[p.strip() for p in text.split("/")]]):
            name, _, state = part.partition(", ")
            name = re.sub(r"\s+Local$", "", name)
            states = VOCAB["geocoder_states"].get(state, state).split("|") if state else sorted(regions.get(name, ()))
            hit = next(((reading[(m.name_key(name), s)], s) for s in states if (m.name_key(name), s) in reading), None)
            found = hit[0] if hit and heaviest.get(hit[0]) == hit[1] else None  # phones.py matches names only
            if part and found and found != part:
                aliases.setdefault(part, found)
    return tuple(aliases.items())


def phone_plan() -> Plan:
    """The plan once cities.csv exists: asking for it reads the geocoder aliases."""
    return dataclasses.replace(BASE_PLAN, aliases=geocoder_aliases())


# --- build --------------------------------------------------------------------------------------------------------


def build() -> None:
    first, first_facts = first_name_rows()
    last, last_facts = last_name_rows()
    cities = city_rows()
    files = m.business_files(CC) | {"streets.csv": m.rows_of(VOCAB["streets"])}
    surnames = {n for n, _ in last[:300]}
    files["company_words.csv"] = [r for r in files["company_words.csv"] if r[0] not in surnames or r[1] == "sector"]
    files = {"first_names.csv": first, "last_names.csv": last, "cities.csv": cities} | files
    distinct_first = m.expected_distinct(w for _, _, w in first)
    figures = {"distinct_first": distinct_first, "distinct_last": m.expected_distinct(w for _, w in last),
               "top10": m.top_share(w for _, w in last), "towns": len({(c, r) for c, r, _, _ in cities}),
               "suspect_towns": ", ".join(sorted(SUSPECT_TOWNS)), "b2b_extra": B2B_SCALING - 1}  # fmt: skip
    m.finish(CC, files, m.reference(distinct_first), **m.constants(__name__), f=first_facts | last_facts | figures)
