"""Steps shared by the GB and DE builders (build time only): the British surname rank curve, pairing by origin
and the realism figures; their first names are the shared nam_dict bands tilted to working age (market.py)."""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable, Iterable

from faker.providers.person.en_GB import Provider as FakerGB

from tools.build_locales import market as m
from tools.build_locales.common import clean

# Scale of person-name weights: expected bearers per 10 million people (of the gender, for first names).
PER_TEN_MILLION = 10_000_000


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


def gb_rank_share() -> tuple[Callable[[int], float], dict]:
    """Share of the people bearing the surname of a rank on the British curve: the shares of Great Britain's 500
    most common surnames (faker en_GB's percentages, its PR #353 cites the ONS), beyond them the power law fitted
    on ranks 50-500, continued from rank 500 with the US Census tail exponent (no British tail is published)."""
    head = sorted((pct / 100.0 for pct in FakerGB.last_names.values()), reverse=True)
    a, s = fit_power_law((rank, v) for rank, v in enumerate(head, 1) if rank >= 50)
    anchor, exponent, n = a * len(head) ** -s, us_census_tail_exponent(), len(head)

    def share(rank: int) -> float:
        return head[rank - 1] if rank <= n else anchor * (n / rank) ** exponent

    return share, {"head": n, "anchor": anchor, "exponent": exponent}


def fit_power_law(points: Iterable[tuple[int, float]]) -> tuple[float, float]:
    """Least-squares fit of log(share) = log(a) - s*log(rank); returns (a, s)."""
    mx, my, slope = m.line_fit([(math.log(rank), math.log(share)) for rank, share in points])
    return math.exp(my - slope * mx), -slope


# --- reference realism figures ----------------------------------------------------------------------------------


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


EXTRA_FIRST_MAX_RANK, EXTRA_FIRST_MIN_GENDER, EXTRA_FIRST_SURNAME_RANK = 5000, 0.9, 3000
"""names-dataset first names up to this national rank complete nam_dict (deeper ranks are mostly noise), if it
gives them one gender at least this often and they do not rank higher among this many most common surnames (a
surname typed into the first-name field)."""
VOWEL = re.compile(r"[aeiouyäöüéèáàíóúAEIOUYÄÖÜÉ]")
UMLAUTS = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"), ("ss", "ß"), ("Ae", "Ä"), ("Oe", "Ö"), ("Ue", "Ü"))


def respelled(name: str) -> set[str]:
    """Spellings of an ASCII-typed name with umlauts restored (Juergen -> Jürgen)."""
    out = {name}
    for typed, letter in UMLAUTS:
        out |= {v.replace(typed, letter) for v in out}
    return out - {name}


def extra_first_names(country: str, rows: list[tuple[str, str, float]]) -> tuple[list[tuple[str, str, float]], dict]:
    """names-dataset first names nam_dict lacks (today's names, and those of the country's minorities: Mehmet,
    Priya), weighted a x rank^-s, fitted on the names in both."""
    total = m.summed((name, weight) for name, _, weight in rows)
    ranked = ranked_names("first_names", country)
    a, s = fit_power_law((rank, total[name]) for rank, name in ranked if name in total)
    surname_rank = {n: r for r, n in ranked_names("last_names", country) if r <= EXTRA_FIRST_SURNAME_RANK}
    known = set(total) | {name for _, name in ranked}
    extra = []
    for rank, name in ranked:
        gender = m.names_dataset("first_names")[name].get("gender") or {}
        if (
            rank <= EXTRA_FIRST_MAX_RANK and name not in total and len(name) > 2 and VOWEL.search(name)
            and surname_rank.get(name, rank + 1) >= rank and not respelled(name) & known
            and max(gender.values(), default=0) >= EXTRA_FIRST_MIN_GENDER
        ):  # fmt: skip
            extra.append((name, "F" if gender.get("F", 0) > gender.get("M", 0) else "M", a * rank**-s))
    return extra, {"a": a, "s": s, "added": len(extra)}


def people(country: str, surnames: tuple[list, dict], belongs: Callable, working_age=None, **pairing):
    """first_names.csv and last_names.csv of GB or DE: nam_dict bands and their names-dataset completion, weighted
    to working age by `working_age(rows) -> (rows, facts)` (by default as for IT and NL, `market.working_age_tilt`),
    per 10 million of each gender; surnames spread over the people of unlisted names; both paired by origin
    (`pair_by_origin`). Returns those files, the facts for SOURCES.md and the first-name rows."""
    facts: dict = {}
    bands = m.band_first_names(country)
    extra, facts["first_extra"] = extra_first_names(country, bands)
    facts["first_base"] = len(bands)
    first, facts["age"] = (working_age or (lambda rows: m.working_age_tilt(rows, country)))(bands + extra)
    first = m.equal_genders(first, PER_TEN_MILLION)
    facts["first_distinct"] = m.first_name_distinct(first)
    kept, facts["last"] = surnames
    facts["surnames"] = surname_figures([w for _, w in kept])
    last = m.spread_unlisted(kept, PER_TEN_MILLION)
    sampled = surname_figures([w for _, w in last])
    facts["surnames"].update(top10_file=sampled["top10_file"], distinct_file=sampled["distinct_file"])
    first_rows, last_rows, facts["origin"] = pair_by_origin(first, last, belongs, **pairing)
    return {"first_names.csv": first_rows, "last_names.csv": last_rows}, facts, first


HEADERS = {"first_names.csv": ("name", "gender", "origin", "weight"), "last_names.csv": ("name", "origin", "weight")}


def finish(country: str, files: dict[str, list], facts: dict, **fields) -> None:
    """`market.finish` for GB or DE, with the legal forms and e-mail suffixes of data/<cc>.toml; locale.toml takes
    the population figures, SOURCES.md every file's row count, the facts of the build and the builder's `fields`."""
    vocabulary = m.vocabulary(country)
    files |= {file: vocabulary[file.removesuffix(".csv")] for file in ("legal_forms.csv", "email_domains.csv")}
    last = facts["surnames"]
    reference = m.reference(facts["first_distinct"], last["distinct_real"], last["top10_real"])
    m.finish(country, files, reference, headers=HEADERS, **facts, **fields, facts=facts, gbde=sys.modules[__name__])
