"""Buying committees: who a company's contacts are, and which of them a deal is with.

Every company has exactly one chief executive, titled as its size and legal form call for
(`locales/<CC>/chief_titles.csv`: an owner or founder runs a small firm, a Vorstand an AG, a managing partner an
LLP); the other contacts follow a seniority mix that fits the company's size (no vice presidents at a
five-person firm) and hold at most one of each executive title. A deal's primary contact is the decision maker
whose seniority best fits the deal's size: managers for small deals, directors and executives for the largest.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from demogen.generate.companies import SIZE_CLASSES, size_class
from demogen.locales import LocaleData, Table
from demogen.rng import BlockStreams, below_from_raw
from demogen.text import choose_text, to_text

LEVELS = ("assistant", "professional", "manager", "director", "executive")
EXECUTIVE = LEVELS.index("executive")
SENIORITY_MIX = np.array(
    [
        # assistant, professional, manager, director, executive: the contacts besides the chief executive
        [25, 40, 35, 0, 0],  # micro: the owner, an office manager, the bookkeeper
        [18, 40, 34, 6, 2],  # small
        [12, 36, 33, 14, 5],  # medium
        [8, 35, 32, 18, 7],  # large
    ]
)
"""Seniority mix of a company's other contacts per size class (percent), from the title pyramid of B2B buyers:
the bigger the firm, the more directors and vice presidents a vendor gets to know."""
CHIEF_FIRST = 2
"""Below this size class (micro, small) the chief executive is the account's first contact: the owner buys."""
DEAL_LEVEL = (2.0, 2.4)
"""The seniority a deal calls for: manager (2) for the smallest, + 2.4 x its amount quantile (the largest go to
directors and executives)."""
FIT_NOISE = 1.0
"""How loosely the primary contact fits (in seniority levels): the best fit usually, a neighbour level often."""


SLOT_BITS = 16


def _slots(weights: np.ndarray) -> np.ndarray:
    """Integer weights apportioned to 2**SLOT_BITS slots by largest remainders, in integers (ties: first row)."""
    total = 1 << SLOT_BITS
    scaled = weights.astype(np.int64) * total
    slots, remainder = scaled // weights.sum(), scaled % weights.sum()
    extra = np.argsort(-remainder, kind="stable")[: total - int(slots.sum())]
    slots[extra] += 1
    return slots


@dataclass(frozen=True)
class _Stacked:
    """Weighted tables of several groups as one lookup array, so that a draw is a single gather: each table's
    weights are apportioned to 2**SLOT_BITS slots (a resolution of 1/65,536, far finer than the estimates they
    come from), and the top bits of a row's raw word pick its slot in its group's table."""

    lookup: np.ndarray  # groups x 2**SLOT_BITS entry indices
    start: np.ndarray  # per group: the index of its first entry
    columns: dict[str, np.ndarray]

    @classmethod
    def of(cls, tables: list[Table]) -> _Stacked:
        start = np.concatenate([[0], np.cumsum([len(t) for t in tables])[:-1]]).astype(np.int64)
        lookup = np.concatenate(
            [
                b + np.repeat(np.arange(len(t)), _slots(np.diff(t.cumulative, prepend=0)))
                for t, b in zip(tables, start, strict=True)
            ]
        )
        columns = {k: np.concatenate([t[k] for t in tables]) for k in tables[0].columns}
        return cls(lookup.astype(np.int32), start, columns)

    def choose(self, raw: np.ndarray, group: np.ndarray) -> np.ndarray:
        """Index (into the stacked entries) of one draw per row from its group's table."""
        return self.lookup[(group << SLOT_BITS) + (raw >> np.uint64(64 - SLOT_BITS)).astype(np.int64)]


class _Vocabulary:
    """A market's titles prepared for committees, once per market: every title has a code (job titles, then
    chief titles that are no job title); the pools of the other contacts by size class and bound legal form,
    and the chief titles by size class and legal form, each stacked for one draw."""

    def __init__(self, locale: LocaleData) -> None:
        jobs, chief_titles = locale.job_titles, locale.chief_titles
        self.locale = locale
        extra = np.unique(chief_titles["title"][~np.isin(chief_titles["title"], jobs["title"])])
        self.titles = np.concatenate([jobs["title"], extra])
        self.bound_forms = to_text(sorted(set(locale.form_titles.values())))
        self.chief_forms = np.concatenate([[b""], np.unique(chief_titles["legal_form"])[1:]]).astype(bytes)
        relevant = (set(self.chief_forms.tolist()) | set(self.bound_forms.tolist())) - {b""}
        known = relevant | set(locale.legal_form_sizes["form"].tolist())
        longer = {g for g in known for f in relevant if g.endswith(b" " + f)}  # GmbH & Co. KG is no KG
        self.forms = sorted(relevant | longer, key=len)  # the forms that change titles, and those ending in them
        level = np.array([LEVELS.index(s) for s in jobs.texts("seniority")], dtype=np.int64)
        sizes = range(len(SIZE_CLASSES))
        self.pools = _Stacked.of(
            [self._pool(level, size, b) for b in range(len(self.bound_forms) + 1) for size in sizes]
        )
        self.chiefs = _Stacked.of([self._chiefs(size, form) for form in self.chief_forms for size in sizes])
        self.executives = np.flatnonzero(self.pools.columns["level"] == EXECUTIVE)
        ends = np.append(self.pools.start[1:], len(self.pools.columns["code"]))
        self.executive_first = np.searchsorted(self.executives, self.pools.start)
        self.executive_count = np.searchsorted(self.executives, ends) - self.executive_first

    def _pool(self, level: np.ndarray, size: int, bound: int) -> Table:
        """Title codes of the other contacts at a size class and bound form (0: none, k: bound_forms[k - 1]):
        chief titles left out, and titles of another legal form (a Vorstand outside an AG); each seniority
        weighted by SENIORITY_MIX, titles within it by how common they are."""
        titles = self.locale.job_titles
        form = self.bound_forms[bound - 1].decode() if bound else ""
        weights = np.diff(titles.cumulative, prepend=0).astype(np.float64)
        elsewhere = np.array([self.locale.form_titles.get(t, form) != form for t in titles.texts("title")])
        others = ~np.isin(titles["title"], self.locale.chief_titles["title"]) & ~elsewhere
        totals = np.bincount(level[others], weights=weights[others], minlength=len(LEVELS))
        scaled = np.rint(weights * SENIORITY_MIX[size][level] / np.maximum(totals[level], 1.0) * 100_000)
        keep = np.flatnonzero(others & (scaled >= 1))
        return Table({"code": keep, "level": level[keep]}, np.cumsum(scaled[keep]).astype(np.int64))

    def _chiefs(self, size: int, form: bytes) -> Table:
        """Chief title codes at a size class for a legal form (its generic rows where the form has none)."""
        table = self.locale.chief_titles
        in_class = table["size_class"] == SIZE_CLASSES[size].encode()
        rows = np.flatnonzero(in_class & (table["legal_form"] == form))
        subset = table.subset(rows if rows.size else np.flatnonzero(in_class & (table["legal_form"] == b"")))
        return Table(
            {"code": self._order[np.searchsorted(self.titles, subset["title"], sorter=self._order)]}, subset.cumulative
        )

    @functools.cached_property
    def _order(self) -> np.ndarray:
        return np.argsort(self.titles, kind="stable")

    @functools.cached_property
    def _form_industries(self) -> dict[bytes, np.ndarray | None]:
        """The industries a legal form is given to (`legal_form_sizes.csv`; None: any), so only their companies
        need a look (an LLP is a professional firm)."""
        table = self.locale.legal_form_sizes
        out: dict[bytes, np.ndarray | None] = {}
        for form in self.forms:
            industries = table["industry"][table["form"] == form]
            out[form] = None if not industries.size or (industries == b"").any() else np.unique(industries)
        return out

    def legal_forms(self, names: np.ndarray, industries: np.ndarray) -> np.ndarray:
        """The legal form each company name ends with (b"" for none), among `forms`; the longest wins."""
        out = np.zeros(len(names), dtype="S1")
        for form in self.forms:
            allowed = self._form_industries[form]
            rows = np.arange(len(names)) if allowed is None else np.flatnonzero(np.isin(industries, allowed))
            hit = np.zeros(len(names), dtype=bool)
            hit[rows[np.strings.endswith(names[rows], b" " + form)]] = True
            out = choose_text(hit, np.array(form), out)
        return out

    @staticmethod
    def _form_index(forms: np.ndarray, form: np.ndarray) -> np.ndarray:
        """Index of each company's form in `forms` (sorted, b"" first), 0 where it is not listed."""
        index = np.minimum(np.searchsorted(forms, form), len(forms) - 1)
        return np.where(forms[index] == form, index, 0)

    def chief_group(self, form: np.ndarray, size: np.ndarray) -> np.ndarray:
        return self._form_index(self.chief_forms, form) * len(SIZE_CLASSES) + size

    def pool_group(self, form: np.ndarray, size: np.ndarray) -> np.ndarray:
        return self._form_index(np.append(b"", self.bound_forms), form) * len(SIZE_CLASSES) + size

    def distinct_executives(self, raw: np.ndarray, group: np.ndarray, company: np.ndarray) -> np.ndarray:
        """Titles (stacked pool entries) of the other contacts, drawn from their group's pool; a company's
        executives hold different titles: the k-th takes the title k places after the first one's draw in the
        pool's executive list (one CFO, one COO)."""
        pick = self.pools.choose(raw, group)
        execs = np.flatnonzero(self.pools.columns["level"][pick] == EXECUTIVE)
        if execs.size == 0:
            return pick
        k = _rank_within(company[execs])
        first, count = self.executive_first[group[execs]], self.executive_count[group[execs]]
        drawn = np.searchsorted(self.executives, pick[execs])[np.arange(len(k)) - k] - first
        out = pick.copy()
        out[execs] = self.executives[first + (drawn + k) % np.maximum(count, 1)]
        return out


_PREPARED: dict[int, _Vocabulary] = {}
PREPARED_MARKETS = 32


def _vocabulary(locale: LocaleData) -> _Vocabulary:
    """The prepared vocabulary of a market object (kept for the last few markets; markets are immutable)."""
    prepared = _PREPARED.get(id(locale))
    if prepared is None or prepared.locale is not locale:
        if len(_PREPARED) >= PREPARED_MARKETS:
            _PREPARED.clear()
        prepared = _PREPARED[id(locale)] = _Vocabulary(locale)
    return prepared


def _rank_within(company: np.ndarray) -> np.ndarray:
    """0, 1, 2, ... within each contiguous run of equal company indices."""
    starts = np.r_[True, company[1:] != company[:-1]] if len(company) else np.zeros(0, dtype=bool)
    first = np.maximum.accumulate(np.where(starts, np.arange(len(company)), 0))
    return np.arange(len(company)) - first


def committee_titles(
    streams: BlockStreams, markets: tuple[LocaleData, ...], companies: dict, company: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Title and seniority level (index into LEVELS) of each contact; rows are grouped by company."""
    n, firms = len(company), len(companies["id"])
    size = size_class(companies["employees"])
    count = np.bincount(company, minlength=firms)
    title_raw, chief_raw = streams.raw("title", n), streams.raw("chief", firms)
    # one word per company: its top bits pick the chief's title (a lookup slot), its remainder the chief's place
    chief_at = np.where(size < CHIEF_FIRST, 0, below_from_raw(chief_raw, np.maximum(count, 1)))
    chief = np.zeros(n, dtype=bool)
    chief[(np.cumsum(count) - count + chief_at)[count > 0]] = True
    vocabularies = [_vocabulary(locale) for locale in markets]
    offsets = np.cumsum([0] + [len(v.titles) for v in vocabularies])
    chief_code, group = np.empty(firms, dtype=np.int64), np.empty(firms, dtype=np.int64)
    code, level = np.empty(n, dtype=np.int64), np.full(n, EXECUTIVE, dtype=np.int64)
    for index, vocabulary in enumerate(vocabularies):
        own = np.flatnonzero(companies["_market"] == index) if len(markets) > 1 else np.arange(firms)
        if own.size == 0:
            continue
        form, sizes = vocabulary.legal_forms(companies["name"][own], companies["industry"][own]), size[own]
        drawn = vocabulary.chiefs.choose(chief_raw[own], vocabulary.chief_group(form, sizes))
        chief_code[own] = offsets[index] + vocabulary.chiefs.columns["code"][drawn]
        group[own] = vocabulary.pool_group(form, sizes)
        others = ~chief if len(markets) == 1 else ~chief & (companies["_market"][company] == index)
        rows = np.flatnonzero(others)
        pick = vocabulary.distinct_executives(title_raw[rows], group[company[rows]], company[rows])
        code[rows] = offsets[index] + vocabulary.pools.columns["code"][pick]
        level[rows] = vocabulary.pools.columns["level"][pick]
    code[chief] = chief_code[company[chief]]
    return np.concatenate([v.titles for v in vocabularies])[code], level


def primary_contacts(
    streams: BlockStreams,
    *,
    quantile: np.ndarray,
    first: np.ndarray,
    count: np.ndarray,
    level: np.ndarray,
    contact_created: np.ndarray,
    deal_created: np.ndarray,
) -> np.ndarray:
    """The contact (block index) each deal is with: of its company's contacts `first[d] .. first[d] + count[d]`
    known when the deal was created, the one whose seniority best fits the deal's amount quantile, give or take
    FIT_NOISE. The account's first contact came with it, so there is always one."""
    deal = np.repeat(np.arange(len(first)), count)
    contact = first[deal] + _rank_within(deal)
    target = DEAL_LEVEL[0] + DEAL_LEVEL[1] * quantile[deal]
    cost = np.abs(level[contact] - target) + FIT_NOISE * streams.uniform("contact_fit", len(deal))
    cost = np.where(contact_created[contact] <= deal_created[deal], cost, np.inf)
    best = np.lexsort((cost, deal))
    return contact[best[np.cumsum(count) - count]]
