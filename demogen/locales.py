"""Load and validate `locales/<CC>/` into immutable arrays with integer cumulative weights.

All per-string work (ASCII folding for emails and domains, phone templates) happens once per vocabulary entry
here, so generation only indexes arrays. Lists are read as plain strings: no NA conversion (`Null` is a real
surname).
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import io
import os
import re
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from anyascii import anyascii

from demogen import locale_cache
from demogen.recipe import FORBIDDEN_WORDS
from demogen.rng import cumulative_weights
from demogen.text import decode, to_text

FALLBACK_MARKET = "US"
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
"""Characters no list value may hold: tenants never see them, PostgreSQL cannot store NUL, and the CSV sinks
drop NUL as padding (`export.csv_bytes`)."""

FILES = {
    "first_names.csv": ("name", "gender", "weight"),
    "last_names.csv": ("name", "weight"),
    "cities.csv": ("city", "region", "postal_code", "weight"),
    "streets.csv": ("street", "weight"),
    "company_words.csv": ("word", "kind", "weight"),
    "legal_forms.csv": ("form", "weight"),
    "job_titles.csv": ("title", "seniority", "weight"),
    "email_domains.csv": ("suffix", "weight"),
    "phone_prefixes.csv": ("prefix", "kind", "length", "area", "template", "weight"),
}
STORY_FILES = {
    "industry_words.csv": ("word", "industry", "weight"),
    "legal_form_sizes.csv": ("form", "size_class", "industry", "weight"),
    "activity_subjects.csv": ("phase", "kind", "subject", "weight"),
    "deal_types.csv": ("vendor", "kind", "name", "weight"),
    "chief_titles.csv": ("title", "size_class", "legal_form", "weight"),
}
"""The market's business vocabulary (docs/STORY.md). Optional: a market without one uses the fallback market's."""
OPTIONAL_FILES = {
    "form_titles.csv": ("title", "legal_form"),
    "regions.csv": ("region", "timezone", "subdivision"),
    "holidays.csv": ("date", "subdivision", "name"),
}
"""Per-market data without a fallback (a market without them has none): job titles that exist only at one
legal form (a Vorstand at an AG), the time zone and holiday subdivision of each region, and public holidays
(`subdivision` empty: nationwide), precomputed by tools/build_locales/holidays.py."""
REAL_DOMAINS = "real_domains.csv"
"""Well-known real domains (free mail, big companies) that generated companies must not be given."""


def domain_brand(domain: bytes) -> bytes:
    """The name a domain keeps under every ending: b"chase" of b"chase.com" (generated domains are name.ending)."""
    return domain.split(b".", 1)[0]


ALLOWED = {
    ("first_names.csv", "gender"): {"F", "M"},
    ("company_words.csv", "kind"): {"stem", "sector"},
    ("job_titles.csv", "seniority"): {"executive", "director", "manager", "professional", "assistant"},
    ("phone_prefixes.csv", "kind"): {"fixed", "mobile"},
    ("legal_form_sizes.csv", "size_class"): {"micro", "small", "medium", "large"},
    ("chief_titles.csv", "size_class"): {"micro", "small", "medium", "large"},
    ("activity_subjects.csv", "phase"): {
        "qualify",
        "discovery",
        "proposal",
        "contract",
        "onboarding",
        "followup",
        "any",
    },
    ("activity_subjects.csv", "kind"): {"call", "email", "meeting", "task", "note"},
    ("deal_types.csv", "kind"): {"new_business", "renewal", "expansion", "services"},
}
EXTRA_COLUMNS = {
    "first_names.csv": ("ascii", "origin"),
    "last_names.csv": ("ascii", "origin"),
    "company_words.csv": ("ascii",),
    "industry_words.csv": ("ascii",),
    "streets.csv": ("region",),
    "legal_form_sizes.csv": ("region",),
}
"""Columns a file may carry before its weight, in this order: `ascii`, the romanised form emails and domains are
made of, for scripts that accent folding cannot turn into ASCII (Japanese kanji); `origin`, the people a name row
stands for (a surname's Hispanic bearers, a first name's), so that first name and surname pair as they do in the
population; a street's or legal form's `region` (empty: anywhere), so that a region's own streets and forms stay
in it (Québec's rues, its `inc.` and `Ltée`)."""
OPTIONAL_COLUMNS = {
    ("legal_form_sizes.csv", "industry"),
    ("chief_titles.csv", "legal_form"),
    ("streets.csv", "region"),
    ("legal_form_sizes.csv", "region"),
    ("first_names.csv", "origin"),
    ("last_names.csv", "origin"),
}
"""Columns that may be empty (the row applies to any industry or legal form)."""
LOCALE_KEYS = {
    "reference",
    "name",
    "language",
    "currency",
    "timezone",
    "phone_region",
    "mobile_share",
    "formats",
    "transliteration",
    "sources",
}


_NOT_ALNUM = re.compile(r"[^a-z0-9]")


class LocaleError(ValueError):
    """A locale folder that cannot be used, with the file and the fix."""


def locales_root() -> Path:
    """`$DEMOGEN_LOCALES_DIR`, else the `locales/` folder shipped beside the package."""
    override = os.environ.get("DEMOGEN_LOCALES_DIR")
    return Path(override) if override else Path(__file__).resolve().parent.parent / "locales"


def search_path() -> list[Path]:
    """Where markets are looked up, first match wins: the folders of `$DEMOGEN_LOCALES_PATH` (the user's own
    markets, which add to or override the shipped ones), then `locales_root()`."""
    own = [Path(entry) for entry in os.environ.get("DEMOGEN_LOCALES_PATH", "").split(os.pathsep) if entry]
    return [*own, locales_root()]


def _markets_in(root: Path) -> list[str]:
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if p.is_dir() and (p / "locale.toml").is_file())


def available_markets(root: Path | None = None) -> list[str]:
    if root is not None:
        return _markets_in(root)
    return sorted({code for folder in search_path() for code in _markets_in(folder)})


def market_folder(code: str) -> Path:
    """The folder a market is read from: the first on the search path that has it."""
    for root in search_path():
        if (root / code / "locale.toml").is_file():
            return root / code
    return locales_root() / code


@dataclass(frozen=True)
class Table:
    """A weighted vocabulary: string columns plus integer cumulative weights for exact choice."""

    columns: dict[str, np.ndarray]
    cumulative: np.ndarray

    def __len__(self) -> int:
        return len(self.cumulative)

    def __getitem__(self, column: str) -> np.ndarray:
        return self.columns[column]

    def texts(self, column: str) -> list[str]:
        """A column as Python strings (columns are stored as UTF-8 byte strings)."""
        return decode(self.columns[column])

    def subset(self, rows: np.ndarray) -> Table:
        weights = np.diff(self.cumulative, prepend=0)[rows]
        return Table({k: v[rows] for k, v in self.columns.items()}, cumulative_weights(weights))


@dataclass(frozen=True)
class LocaleData:
    """One market, ready for vectorised generation."""

    code: str
    name: str
    language: str
    currency: str
    timezone: str
    phone_region: str
    mobile_share: float
    street_format: str
    house_number_max: int
    unit: tuple[str, str, float]  # text before and after the unit number, share of addresses with one ("Suite ")
    mobiles_like_landlines: bool  # mobiles share the landlines' area-code pools (North America, no mobile rows)
    sector_first: float  # share of sector-word names with the word first (Transportes García, not García Transportes)
    company_format: str  # "{name} {form}" (Acme GmbH), or "{form}{name}" where the form leads (株式会社...)
    surnames: int  # 2 where people carry two (Spain, Mexico): drawn independently, joined by a space
    word_joiner: str  # between a company name's words: " " (Acme Software), "" in Japanese (中央情報処理)
    partner_joiner: str  # between two partners' surnames: " & " (Roorda & Kooiman), "・" in Japanese
    first_names: Table  # name, gender, ascii
    last_names: Table  # with an "ascii" column
    cities: Table
    streets: Table
    stems: Table  # with a "slug" column
    sectors: Table  # with a "slug" column
    legal_forms: Table
    job_titles: Table
    email_suffixes: Table
    fixed_prefixes: Table  # columns prefix, template, area
    mobile_prefixes: Table
    city_prefixes: CityPrefixes = field(repr=False)
    industry_words: Table = field(default=None, repr=False)  # type: ignore[assignment]
    legal_form_sizes: Table = field(default=None, repr=False)  # type: ignore[assignment]
    activity_subjects: Table = field(default=None, repr=False)  # type: ignore[assignment]
    deal_types: Table = field(default=None, repr=False)  # type: ignore[assignment]
    chief_titles: Table = field(default=None, repr=False)  # type: ignore[assignment]
    form_titles: dict[str, str] = field(default_factory=dict)  # title -> the only legal form that has it
    regions: dict[str, tuple[str, str]] = field(default_factory=dict)  # region -> (time zone, subdivision)
    holidays: tuple[tuple[str, str], ...] = ()  # (YYYY-MM-DD, subdivision or "")
    real_brands: frozenset[bytes] = frozenset()
    """The names of well-known real domains (`chase` of chase.com), which no generated domain may carry under any
    ending: chase.ca is the same bank to a reader."""
    sources: dict[str, str] = field(default_factory=dict)
    """How each list was made (`counts`, `bands` or `ranks` for names; the origin in a word), for `locales list`."""
    reference: dict[str, float] = field(default_factory=dict)
    """Realism figures of the real population, computed from the source statistics (see SOURCES.md)."""
    transliteration: dict[str, str] = field(default_factory=dict)


_VIEWS: dict[tuple, tuple[Table, Any]] = {}


def table_view(table: Table, key: tuple, build: Callable[[], Any]) -> Any:
    """What `build` makes of a table (a subset, a lookup), made once per table and key: tables are immutable,
    and generation asks for the same views block after block."""
    known = _VIEWS.get((id(table), *key))
    if known is None or known[0] is not table:
        if len(_VIEWS) > 4096:
            _VIEWS.clear()
        known = _VIEWS[(id(table), *key)] = (table, build())
    return known[1]


def matching(table: Table, column: str, value: bytes, *, blank_in_proportion: bool = False) -> Table:
    """The rows of a table whose `column` is `value` or empty (rows for everyone): a region's streets, the first
    names of a surname's origin; its `_row` column holds their rows in `table`. With `blank_in_proportion` the empty
    rows count for the value's share of the rows that have one (a first name of unknown origin is borne by each
    origin's people in proportion to their number), so they do not swamp a small origin."""

    def build() -> Table:
        weights = np.diff(table.cumulative, prepend=0).astype(np.float64)
        own, blank = table[column] == value, table[column] == b""
        if blank_in_proportion:
            weights[blank] *= weights[own].sum() / max(weights[~blank].sum(), 1.0)
        rows = np.flatnonzero(own | blank)
        kept = np.maximum(np.rint(weights[rows]), 1).astype(np.int64)
        subset = {k: v[rows] for k, v in table.columns.items()}
        return Table({**subset, "_row": rows}, cumulative_weights(kept))

    return table_view(table, ("matching", column, value, blank_in_proportion), build)


def fold_ascii(text: str, transliteration: dict[str, str]) -> str:
    """Lower-case ASCII for emails and domains: market rules first (Müller -> mueller), then accents dropped, then
    anyascii for letters without a decomposition (Tarık -> tarik, Øster -> oster, Łódź -> lodz)."""
    if text.isascii():
        return _NOT_ALNUM.sub("", text.lower())
    for source, target in transliteration.items():
        text = text.replace(source, target)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_ALNUM.sub("", anyascii(stripped).lower())


def _folded_words(value: str, transliteration: dict[str, str]) -> str:
    """`fold_ascii` of a name, its words kept apart by a hyphen where running them together would spell a word
    that gives the data away ("de Molina" is de-molina, not demolina)."""
    folded = fold_ascii(value, transliteration) or "x"
    if any(word in folded for word in FORBIDDEN_WORDS):
        folded = "-".join(part for part in (fold_ascii(w, transliteration) for w in value.split()) if part) or "x"
    return folded


def _read_csv(path: Path, header: tuple[str, ...]) -> dict[str, list[str]]:
    """All columns as strings, exactly as written (no NA conversion, no type guessing); blank lines skipped."""
    if not path.is_file():
        raise LocaleError(f"{path}: missing — every market needs {path.name} ({', '.join(header)})")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise LocaleError(f"{path}: byte {error.start} is not UTF-8 — save the file as UTF-8") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    found = tuple(next(reader, ()))
    extras = tuple(column for column in EXTRA_COLUMNS.get(path.name, ()) if column in found)
    if found == (*header[:-1], *extras, header[-1]):
        header = found
    if found != header:
        raise LocaleError(f"{path}: header is {','.join(found)} — it must be {','.join(header)}")
    fix = f"write UTF-8 with {len(header)} fields per row"
    try:
        rows = [row for row in reader if len(row) > 1 or "".join(row).strip()]
    except csv.Error as error:
        raise LocaleError(f"{path}: unreadable CSV (line {reader.line_num}: {error}) — {fix}") from None
    if not rows:
        raise LocaleError(f"{path}: no rows — add at least one")
    short = next((i for i, row in enumerate(rows) if len(row) != len(header)), None)
    if short is not None:
        raise LocaleError(f"{path}: line {short + 2} has {len(rows[short])} fields — {fix}")
    columns = dict(zip(header, (list(values) for values in zip(*rows, strict=True)), strict=True))
    keys = list(zip(*(columns[name] for name in header if name != "weight"), strict=True))
    if len(set(keys)) != len(keys):
        seen: set[tuple[str, ...]] = set()
        for line, key in enumerate(keys, start=2):
            if key in seen:
                raise LocaleError(f"{path}: line {line} duplicates an earlier row — merge them (add their weights)")
            seen.add(key)
    return columns


def _table(columns: dict[str, list[str]], path: Path) -> Table:
    texts = columns["weight"]
    if not all(text.isdecimal() for text in texts):
        raise LocaleError(f"{path}: a weight is not a positive integer — weights are positive integers")
    weights = np.array(texts).astype(np.int64)
    if (weights <= 0).any():
        raise LocaleError(f"{path}: a weight is not positive — weights are positive integers")
    data = {k: to_text(v) for k, v in columns.items() if k != "weight"}
    return Table(data, cumulative_weights(weights))


def _with_ascii(table: Table, source: str, target: str, transliteration: dict[str, str]) -> Table:
    """Add the ASCII-folded form of a column (what emails and domains are made of); a file's own `ascii` column
    (a romanisation) is used where it has one."""
    values = table.texts("ascii") if "ascii" in table.columns else table.texts(source)
    folded = [
        value.lower() if value.isascii() and value.isalnum() else _folded_words(value, transliteration)
        for value in values
    ]
    extended = Table({**table.columns, target: to_text(folded)}, table.cumulative)
    giveaway = [i for i, value in enumerate(folded) if any(word in value for word in FORBIDDEN_WORDS)]
    if not giveaway:
        return extended
    # a name whose ASCII form spells a giveaway word (Demóstenes -> demostenes) is left out, as the builders
    # leave out names that spell one as written
    return extended.subset(np.setdiff1d(np.arange(len(folded)), giveaway))


def _check_rows(raw: dict[str, dict[str, list[str]]], root: Path) -> None:
    for (file, column), allowed in ALLOWED.items():
        if file not in raw:
            continue
        bad = sorted(set(raw[file][column]) - allowed)
        if bad:
            raise LocaleError(f"{root / file}: {column} {bad[0]!r} — use one of {', '.join(sorted(allowed))}")
    for file, columns in raw.items():
        for column, values in columns.items():
            if column in {"weight", "area"} or (file, column) in OPTIONAL_COLUMNS:
                continue
            if any(not v.strip() or v != v.strip() for v in values):
                raise LocaleError(f"{root / file}: empty or padded {column} — trim values and drop empty rows")
        key = [c for c in columns if c != "weight"]
        rows = list(zip(*(columns[c] for c in key), strict=True))
        if len(set(rows)) != len(rows):
            raise LocaleError(f"{root / file}: duplicate rows — merge them and add their weights")
        weights = [int(w) for w in columns["weight"]] if all(w.isdigit() for w in columns["weight"]) else None
        if weights is not None:
            order = sorted(range(len(rows)), key=lambda i: (-weights[i], rows[i]))
            if order != list(range(len(rows))):
                raise LocaleError(f"{root / file}: rows are not sorted — sort by weight descending, then value")
    for file, columns in raw.items():
        bad = next((v for v in columns.get("ascii", ()) if not re.fullmatch(r"[a-z][a-z0-9]*", v)), None)
        if bad is not None:
            raise LocaleError(f"{root / file}: ascii {bad!r} — write the romanised form in lower-case a-z and 0-9")
    for file, columns in raw.items():
        for column, values in columns.items():
            if CONTROL.search(" ".join(values)):
                value = next(v for v in values if CONTROL.search(v))
                code = ord(CONTROL.search(value).group())
                raise LocaleError(
                    f"{root / file}: {column} {value!r} holds the control character U+{code:04X} — remove it"
                )
            if column in {"weight", "template", "prefix", "length"}:
                continue
            for value in values:
                lowered = value.lower()
                if any(word in lowered for word in FORBIDDEN_WORDS):
                    raise LocaleError(f"{root / file}: {value!r} contains a forbidden word — remove the row")


def _check_phone_prefixes(region: str, columns: dict[str, list[str]], cities: set[str], path: Path) -> None:
    """Every template valid by libphonenumber at its extremes; every area a city (`City, Region` if ambiguous)."""
    import phonenumbers  # noqa: PLC0415 - validation only; loading a market does not need it

    for prefix, kind, length, area, template in zip(
        columns["prefix"],
        columns["kind"],
        columns["length"],
        columns["area"],
        columns["template"],
        strict=True,
    ):
        if area and area not in cities:
            raise LocaleError(f"{path}: area {area!r} is not a city of cities.csv — fix the name or clear it")
        if not prefix.isdigit() or not length.isdigit():
            raise LocaleError(f"{path}: prefix {prefix!r} — prefixes and lengths are digits")
        for fill in ("0", "9"):
            number = template.replace("#", fill)
            parsed = phonenumbers.parse(number, region)
            if not phonenumbers.is_valid_number(parsed):
                raise LocaleError(f"{path}: {number} (template {template}) is not valid — rebuild the prefixes")
            if not phonenumbers.national_significant_number(parsed).startswith(prefix):
                raise LocaleError(f"{path}: template {template} does not start with prefix {prefix}")
        _ = kind


def _read_toml(path: Path) -> dict:
    if not path.is_file():
        raise LocaleError(f"{path}: missing — every market needs a locale.toml")
    try:
        meta = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise LocaleError(f"{path}: invalid TOML ({error}) — fix the syntax") from None
    unknown = sorted(set(meta) - LOCALE_KEYS)
    missing = sorted({"name", "language", "currency", "timezone", "phone_region"} - set(meta))
    if unknown:
        raise LocaleError(f"{path}: unknown key {unknown[0]!r} — allowed: {', '.join(sorted(LOCALE_KEYS))}")
    if missing:
        raise LocaleError(f"{path}: missing key {missing[0]!r} — add it")
    return meta


def _two_part_format(formats: dict, key: str, parts: tuple[str, str], path: Path) -> str:
    """A format of two placeholders and the text between them, in either order ("{street} {number}")."""
    default = "{%s} {%s}" % parts  # noqa: UP031 - braces are the format's own
    value = formats.get(key, default)
    a, b = ("{%s}" % part for part in parts)  # noqa: UP031
    if not isinstance(value, str) or not (
        (value.startswith(a) and value.endswith(b)) or (value.startswith(b) and value.endswith(a))
    ):
        raise LocaleError(f"{path}: formats.{key} is {value!r} — write it as {a} {b} or {b}{a}, text between them")
    return value


def split_format(value: str) -> tuple[str, str, str]:
    """("{first}", joiner, "{second}") of a two-part format: `"{street} {number}"` -> ("street", " ", "number")."""
    first, rest = value[1:].split("}", 1)
    joiner, second = rest.rsplit("{", 1)
    return first, joiner, second.rstrip("}")


def _share(formats: dict, key: str, path: Path, *, needs: str | None = None) -> float:
    """A share from 0 to 1 (0 where absent); with `needs`, only 0 unless that format key is set too."""
    share = formats.get(key, 0.0)
    if isinstance(share, bool) or not isinstance(share, int | float) or not 0 <= share <= 1:
        raise LocaleError(f"{path}: formats.{key} is {share!r} — a share from 0 to 1")
    if share and needs and not formats.get(needs):
        raise LocaleError(f"{path}: formats.{key} is {share!r} — set formats.{needs} too, or leave the share out")
    return float(share)


def _unit(formats: dict, path: Path) -> tuple[str, str, float]:
    """An office unit after the street where business addresses carry one ("Suite 410"), and how often."""
    text = formats.get("unit", "")
    if not isinstance(text, str) or (text and text.count("{unit}") != 1):
        raise LocaleError(f'{path}: formats.unit is {text!r} — write it with one {{unit}}, such as "Suite {{unit}}"')
    before, _, after = text.partition("{unit}")
    return before, after, _share(formats, "unit_share", path, needs="unit")


def _flag(formats: dict, key: str, path: Path) -> bool:
    value = formats.get(key, False)
    if not isinstance(value, bool):
        raise LocaleError(f"{path}: formats.{key} is {value!r} — write true or false")
    return value


def _joiner(formats: dict, key: str, default: str, path: Path) -> str:
    """The text between two words of a company name: short, printable, no leading or trailing letters."""
    value = formats.get(key, default)
    if not isinstance(value, str) or len(value) > 5 or CONTROL.search(value) or value.strip().isalnum():
        raise LocaleError(f"{path}: formats.{key} is {value!r} — write the text between the words, such as {default!r}")
    return value


def _surnames(formats: dict, path: Path) -> int:
    value = formats.get("surnames", 1)
    if value not in (1, 2) or isinstance(value, bool):
        raise LocaleError(f"{path}: formats.surnames is {value!r} — use 1, or 2 where people carry two surnames")
    return int(value)


def area_keys(cities: Table) -> list[bytes]:
    """How phone_prefixes.csv names each city row: the city, or `City, Region` where the name is not unique."""
    names, regions = cities["city"].tolist(), cities["region"].tolist()
    regions_of: dict[bytes, set[bytes]] = {}
    for name, region in zip(names, regions, strict=True):
        regions_of.setdefault(name, set()).add(region)
    return [
        name if len(regions_of[name]) == 1 else name + b", " + region
        for name, region in zip(names, regions, strict=True)
    ]


@dataclass(frozen=True)
class CityPrefixes:
    """For each city row, the landline prefixes of its area code(s): pool[start : start + count] (equal shares)."""

    pool: np.ndarray
    start: np.ndarray
    count: np.ndarray

    def pick(self, city: np.ndarray, raw: np.ndarray, fallback: int = 0) -> np.ndarray:
        """One of the city's prefixes per row (the fallback prefix where a city has no area code)."""
        count = self.count[city]
        offset = self.start[city] + (raw % np.maximum(count, 1).astype(np.uint64)).astype(np.int64)
        return np.where(count > 0, self.pool[np.minimum(offset, len(self.pool) - 1)], fallback)


def _city_prefixes(cities: Table, fixed: Table) -> CityPrefixes:
    """Group the fixed prefixes by the city they serve (their `area`), in file order. A city that no prefix names
    takes those of its region's cities (a Mallorcan village the Balearic codes, not the capital's), and only a
    region without any the market's first prefix."""
    by_area: dict[bytes, list[int]] = {}
    for index, area in enumerate(fixed["area"].tolist()):
        if area:
            by_area.setdefault(area, []).append(index)
    keys, regions = area_keys(cities), cities["region"].tolist()
    by_region: dict[bytes, dict[int, None]] = {}
    for key, region in zip(keys, regions, strict=True):
        by_region.setdefault(region, {}).update(dict.fromkeys(by_area.get(key, ())))
    pool: list[int] = []
    start, count = [], []
    first_of: dict[bytes, int] = {}
    for key, region in zip(keys, regions, strict=True):
        own = by_area.get(key)
        rows, pool_key = (own, key) if own else (list(by_region[region]), ("region", region))
        if pool_key not in first_of:
            first_of[pool_key] = len(pool)
            pool.extend(rows)
        start.append(first_of[pool_key])
        count.append(len(rows))
    return CityPrefixes(
        pool=np.array(pool or [0], dtype=np.int64),
        start=np.array(start, dtype=np.int64),
        count=np.array(count, dtype=np.int64),
    )


def _rows_with(table: Table, column: str, value: str, path: Path) -> np.ndarray:
    """The rows whose column holds the value; a market without any cannot be used."""
    rows = np.flatnonzero(table[column] == value.encode("utf-8"))
    if rows.size == 0:
        raise LocaleError(f"{path}: no rows with {column} {value!r} — add some")
    return rows


def _part(table: Table, column: str, value: str, path: Path) -> Table:
    return table.subset(_rows_with(table, column, value, path))


def _story_folder(folder: Path, name: str) -> Path:
    """Where a market's story file lives: its own folder, else the fallback market's (English vocabulary)."""
    return folder if (folder / name).is_file() else market_folder(FALLBACK_MARKET)


def _read_story(folder: Path, validate: bool, translit: dict[str, str], regions: set[str]) -> dict:
    raw = {name: _read_csv(_story_folder(folder, name) / name, header) for name, header in STORY_FILES.items()}
    if validate:
        _check_rows(raw, folder)
        _check_regions(raw, regions, folder)
    tables = {name: _table(columns, folder / name) for name, columns in raw.items()}
    domains_path = _story_folder(folder, REAL_DOMAINS) / REAL_DOMAINS
    domains = _read_csv(domains_path, ("domain",))["domain"]
    return {
        "industry_words": _with_ascii(tables["industry_words.csv"], "word", "slug", translit),
        "legal_form_sizes": tables["legal_form_sizes.csv"],
        "activity_subjects": tables["activity_subjects.csv"],
        "deal_types": tables["deal_types.csv"],
        "chief_titles": tables["chief_titles.csv"],
        "real_brands": frozenset(domain_brand(d.encode("utf-8")) for d in domains),
    }


def _read_optional(folder: Path) -> dict:
    raw = {
        name: _read_csv(folder / name, header) if (folder / name).is_file() else {key: [] for key in header}
        for name, header in OPTIONAL_FILES.items()
    }
    titles, regions, holidays = (raw[name] for name in OPTIONAL_FILES)
    return {
        "form_titles": dict(zip(titles["title"], titles["legal_form"], strict=True)),
        "regions": {r: (z, s) for r, z, s in zip(*regions.values(), strict=True)},
        "holidays": tuple(zip(holidays["date"], holidays["subdivision"], strict=True)),
    }


def _check_regions(raw: dict[str, dict], regions: set[str], folder: Path) -> None:
    """A row kept to a region (streets, legal forms) must name one of cities.csv, or no company would get it."""
    for name, columns in raw.items():
        unknown = sorted(set(columns.get("region", ())) - regions - {""}) if name in EXTRA_COLUMNS else []
        if unknown:
            raise LocaleError(f"{folder / name}: region {unknown[0]!r} is not a region of cities.csv — fix it")


def read_locale(folder: Path, *, validate: bool = False) -> LocaleData:
    """Read one market folder; `validate` adds the full checks (sorting, duplicates, words, phone templates)."""
    folder = Path(folder)
    code = folder.name.upper()
    meta = _read_toml(folder / "locale.toml")
    raw = {name: _read_csv(folder / name, header) for name, header in FILES.items()}
    if validate:
        _check_rows(raw, folder)
    tables = {name: _table(columns, folder / name) for name, columns in raw.items()}
    regions = set(raw["cities.csv"]["region"])
    if validate:
        _check_regions(raw, regions, folder)
        _check_phone_prefixes(
            meta["phone_region"],
            raw["phone_prefixes.csv"],
            {key.decode("utf-8") for key in area_keys(tables["cities.csv"])},
            folder / "phone_prefixes.csv",
        )
    translit = {str(k): str(v) for k, v in (meta.get("transliteration") or {}).items()}
    first = _with_ascii(tables["first_names.csv"], "name", "ascii", translit)
    for gender in ("F", "M"):
        _rows_with(first, "gender", gender, folder / "first_names.csv")
    words = _with_ascii(tables["company_words.csv"], "word", "slug", translit)
    prefixes = tables["phone_prefixes.csv"]
    fixed = _part(prefixes, "kind", "fixed", folder / "phone_prefixes.csv")
    has_mobile = bool((prefixes["kind"] == b"mobile").any())
    mobile = _part(prefixes, "kind", "mobile", folder / "phone_prefixes.csv") if has_mobile else fixed
    cities = tables["cities.csv"]
    formats = meta.get("formats") or {}
    return LocaleData(
        code=code,
        name=meta["name"],
        language=meta["language"],
        currency=meta["currency"],
        timezone=meta["timezone"],
        phone_region=meta["phone_region"],
        mobile_share=float(meta.get("mobile_share", 0.35)),
        street_format=_two_part_format(formats, "street_address", ("number", "street"), folder / "locale.toml"),
        house_number_max=int(formats.get("house_number_max", 200)),
        unit=_unit(formats, folder / "locale.toml"),
        mobiles_like_landlines=not has_mobile or _flag(formats, "mobiles_like_landlines", folder / "locale.toml"),
        sector_first=_share(formats, "sector_first_share", folder / "locale.toml"),
        surnames=_surnames(formats, folder / "locale.toml"),
        word_joiner=_joiner(formats, "word_joiner", " ", folder / "locale.toml"),
        partner_joiner=_joiner(formats, "partner_joiner", " & ", folder / "locale.toml"),
        company_format=_two_part_format(formats, "company_name", ("name", "form"), folder / "locale.toml"),
        first_names=first,
        last_names=_with_ascii(tables["last_names.csv"], "name", "ascii", translit),
        cities=cities,
        streets=tables["streets.csv"],
        stems=_part(words, "kind", "stem", folder / "company_words.csv"),
        sectors=_part(words, "kind", "sector", folder / "company_words.csv"),
        legal_forms=tables["legal_forms.csv"],
        job_titles=tables["job_titles.csv"],
        email_suffixes=tables["email_domains.csv"],
        fixed_prefixes=fixed,
        mobile_prefixes=mobile,
        city_prefixes=_city_prefixes(cities, fixed),
        reference={str(k): float(v) for k, v in (meta.get("reference") or {}).items()},
        sources={str(k): str(v) for k, v in (meta.get("sources") or {}).items()},
        transliteration=translit,
        **_read_story(folder, validate, translit, regions),
        **_read_optional(folder),
    )


PARSER_SOURCES = ("locales.py", "locale_cache.py", "text.py", "rng.py")
"""The modules a parsed market is made by: the cache key covers their source as well as the market's files."""


def source_files(folder: Path) -> list[Path]:
    """Every file a market is read from: its own folder's, and the fallback market's story files it lacks."""
    own = sorted(path for path in folder.iterdir() if path.is_file())
    lacking = [name for name in (*STORY_FILES, REAL_DOMAINS) if not (folder / name).is_file()]
    return own + [_story_folder(folder, name) / name for name in lacking]


@functools.lru_cache(maxsize=32)
def _load_cached(folder: str) -> LocaleData:
    """Parsed once per process, and once per change of its files or parser across processes (the binary cache)."""
    path = Path(folder)
    code = [Path(__file__).with_name(name) for name in PARSER_SOURCES]
    key = locale_cache.entry_key(path.name, source_files(path), code)
    return locale_cache.cached(path.name, key, lambda: read_locale(path), (LocaleData, Table, CityPrefixes))


def load_locale(code: str, root: Path | None = None) -> LocaleData:
    """The market's data, cached per process (loading is the only I/O before generation)."""
    folder = root / code if root is not None else market_folder(code)
    if not (folder / "locale.toml").is_file():
        raise LocaleError(f"locales/{code}: not a supported market — use one of {', '.join(available_markets())}")
    return _load_cached(str(folder.resolve()))


def resolve_markets(mix: dict[str, float], *, strict: bool) -> tuple[dict[str, float], list[str]]:
    """Map unsupported markets to the fallback market (with a warning), or refuse in strict mode."""
    supported = set(available_markets())
    resolved: dict[str, float] = {}
    warnings: list[str] = []
    for code, share in mix.items():
        target = code
        if code not in supported:
            if strict:
                raise LocaleError(
                    f"locales.{code}: market not supported — use one of {', '.join(sorted(supported))} or drop strict"
                )
            warnings.append(f"locales.{code}: market not supported, using {FALLBACK_MARKET} data for its share")
            target = FALLBACK_MARKET
        resolved[target] = resolved.get(target, 0.0) + share
    return dict(sorted(resolved.items())), warnings


NAME_LISTS = {"first_names": FILES["first_names.csv"], "last_names": FILES["last_names.csv"]}


def parse_name_list(text: str, kind: str) -> list[dict[str, object]]:
    """An uploaded name list (the CSV format of `first_names.csv` / `last_names.csv`) as recipe rows.

    Errors name the line and the column. Rows come back sorted by weight, then name, so the recipe (and the data)
    do not depend on the file's row order."""
    header = NAME_LISTS[kind]
    rows = list(csv.reader(text.removeprefix("\ufeff").splitlines()))
    if not rows or tuple(c.strip() for c in rows[0]) != header:
        found = ",".join(rows[0]) if rows else "nothing"
        raise LocaleError(f"line 1: header is {found!r} — it must be {','.join(header)}")
    out: list[dict[str, object]] = []
    seen: dict[tuple, int] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise LocaleError(f"line {line}: {len(row)} fields — each row needs {len(header)}: {','.join(header)}")
        cells = dict(zip(header, (cell.strip() for cell in row), strict=True))
        for column in header:
            if not cells[column]:
                raise LocaleError(f"line {line}, column {column}: empty — fill it in or drop the row")
        if "gender" in cells and cells["gender"] not in {"F", "M"}:
            raise LocaleError(f"line {line}, column gender: {cells['gender']!r} — use F or M")
        if not cells["weight"].isdecimal() or int(cells["weight"]) <= 0:
            raise LocaleError(f"line {line}, column weight: {cells['weight']!r} — weights are positive whole numbers")
        lowered = cells["name"].lower()
        if any(word in lowered for word in FORBIDDEN_WORDS):
            raise LocaleError(f"line {line}, column name: {cells['name']!r} gives the data away — remove the row")
        key = tuple(cells[c] for c in header if c != "weight")
        if key in seen:
            raise LocaleError(f"line {line}, column name: {cells['name']!r} repeats line {seen[key]} — merge them")
        seen[key] = line
        out.append({**cells, "weight": int(cells["weight"])})
    if not out:
        raise LocaleError("no rows — add at least one name")
    return sorted(out, key=lambda r: (-int(r["weight"]), str(r["name"]), str(r.get("gender", ""))))


def with_names(data: LocaleData, first_names, last_names) -> LocaleData:
    """The market with a recipe's own name lists in place of the shipped ones (None keeps a list)."""
    translit = data.transliteration
    changes = {}
    if first_names is not None:
        table = _table(
            {
                "name": [n.name for n in first_names],
                "gender": [n.gender for n in first_names],
                "weight": [str(n.weight) for n in first_names],
            },
            Path("names"),
        )
        changes["first_names"] = _with_ascii(table, "name", "ascii", translit)
    if last_names is not None:
        table = _table(
            {"name": [n.name for n in last_names], "weight": [str(n.weight) for n in last_names]}, Path("names")
        )
        changes["last_names"] = _with_ascii(table, "name", "ascii", translit)
    return dataclasses.replace(data, **changes)


def validate_locale_dir(folder: Path) -> LocaleData:
    """Full validation of a (custom) market folder, phone templates included."""
    return read_locale(folder, validate=True)
