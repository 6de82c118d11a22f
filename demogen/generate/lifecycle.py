"""The life of an account's deals: when each is created, what kind of deal it is, when and how it closes.

Deals are created at a steady pace that grows by `deals.growth_per_year`; an account's first deal is new
business, and renewals, expansions and services follow only a win (a renewal about a year after it). Deals close
around their expected date, often late; reps push wins into the last days of a quarter. Everything is decided on
whole days for the full company block (padding companies included, see `Plan.block_deal_sizes`), so raising
volume.companies keeps every existing deal.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from demogen.generate.context import TenantContext
from demogen.recipe import DEAL_KINDS
from demogen.rng import BlockStreams, choose, cumulative_weights
from demogen.special import ndtri

KINDS = DEAL_KINDS
NEW_BUSINESS, RENEWAL, EXPANSION, SERVICES = range(4)
AFTER_WIN = (
    # (days since the last win below which the row applies, weights of renewal, expansion, services)
    (90, (1, 40, 59)),
    (270, (1, 70, 29)),
    (420, (80, 17, 3)),
    (10**9, (45, 45, 10)),
)
"""What an account buys after a win: services right away, expansions within the year, the renewal about a year
after the win (its opportunity opens a quarter before the anniversary)."""
ON_TIME, EARLY = 0.35, 0.12
"""Shares of closed deals that close on their expected date and before it; the rest slip late."""
LATE_SLIP = (0.3, 0.8)
"""A late deal slips by a log-normal share of its cycle: median 30% of the cycle, sigma 0.8."""
QUARTER_PUSH = 0.6
"""Share of wins that reps move to the last days of a quarter (pulled in, or held back a few weeks)."""
FIRST_DEAL_LEAD_DAYS = 30.0
"""Mean days between an account entering the CRM and its first deal."""


def growth_days(u: np.ndarray, first_day: int, last_day: int, growth_per_year: float) -> np.ndarray:
    """Days in [first_day, last_day] from uniforms, with a density that grows by `growth_per_year` a year."""
    span = max(last_day - first_day, 1)
    rate = np.log1p(growth_per_year) / 365.25
    offset = u * span if abs(rate) < 1e-12 else np.log1p(u * np.expm1(rate * span)) / rate
    return first_day + np.minimum(np.floor(offset), span).astype(np.int64)


def deal_days(context: TenantContext, planning: BlockStreams, counts: np.ndarray) -> np.ndarray:
    """Creation day of every deal of a block, ascending within each company (deal k is its k-th deal)."""
    company = np.repeat(np.arange(len(counts)), counts)
    u = planning.uniform("deal_day", len(company))
    first = context.history_start_day + 1
    days = growth_days(u, first, context.as_of_day - 1, context.recipe.deals.growth_per_year)
    return days[np.lexsort((days, company))]


def win_draws(planning: BlockStreams, n: int) -> np.ndarray:
    """The uniform that decides each deal's outcome; the plan also ranks activity counts by it."""
    return planning.uniform("win", n)


def quarter_end(days: np.ndarray) -> np.ndarray:
    """The last day of the calendar quarter of each day."""
    months = np.asarray(days, dtype="datetime64[D]").astype("datetime64[M]").astype(np.int64)
    next_quarter = (months - months % 3 + 3).astype("datetime64[M]")
    return next_quarter.astype("datetime64[D]").astype(np.int64) - 1


@dataclass(frozen=True)
class Timeline:
    created_day: np.ndarray
    close_day: np.ndarray  # meaningful where closed
    closed: np.ndarray
    won: np.ndarray
    kind: np.ndarray  # index into KINDS


def _close_days(streams: BlockStreams, created: np.ndarray, cycle: np.ndarray) -> np.ndarray:
    """When each deal really closes: on time, somewhat early, or (mostly) late."""
    m = len(created)
    how = streams.uniform("slip_kind", m)
    late = np.ceil(cycle * LATE_SLIP[0] * np.exp(LATE_SLIP[1] * ndtri(streams.uniform("slip_late", m))))
    early = -np.floor(cycle * 0.3 * streams.uniform("slip_early", m))
    slip = np.where(how < ON_TIME, 0, np.where(how < ON_TIME + EARLY, early, late)).astype(np.int64)
    return np.maximum(created + cycle + slip, created + 1)


def _kind_after_win(raw: np.ndarray, gap: np.ndarray) -> np.ndarray:
    out = np.empty(len(gap), dtype=np.int64)
    lower = -1
    for upper, weights in AFTER_WIN:
        rows = np.flatnonzero((gap > lower) & (gap <= upper))
        out[rows] = 1 + choose(raw[rows], cumulative_weights(np.array(weights)))
        lower = upper
    return out


def _push_to_quarter_end(streams: BlockStreams, close: np.ndarray, created: np.ndarray, as_of: int) -> np.ndarray:
    """Wins moved to the last days of their quarter (or of the previous one, if just past it)."""
    m = len(close)
    end = quarter_end(close)
    previous_end = quarter_end(end - 92)
    back = streams.below("quarter_day", m, 8)
    target = np.where(
        end - close <= 40,
        np.maximum(end - back, close),
        np.where(close - previous_end <= 15, previous_end - back // 2, close),
    )
    ok = (streams.uniform("quarter_push", m) < QUARTER_PUSH) & (target > created + 1) & (target < as_of)
    return np.where(ok, target, close)


def account_timeline(
    context: TenantContext,
    streams: BlockStreams,
    planning: BlockStreams,
    *,
    counts: np.ndarray,
    created_day: np.ndarray,
    cycle_days: np.ndarray,
) -> Timeline:
    """Kinds, closes and outcomes of a block's deals, account by account in order of creation."""
    m = len(created_day)
    as_of = context.as_of_day
    company = np.repeat(np.arange(len(counts)), counts)
    first = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)
    ordinal = np.arange(m) - first[company]
    close = _close_days(streams, created_day, cycle_days)
    closed = close < as_of
    pushed = _push_to_quarter_end(streams, close, created_day, as_of)
    win_u, kind_raw = win_draws(planning, m), streams.raw("kind", m)
    base = context.recipe.deals.win_rate / (1 - context.recipe.deals.win_rate)
    kind = np.zeros(m, dtype=np.int64)
    won = np.zeros(m, dtype=bool)
    for k in range(int(counts.max(initial=0))):
        rows = np.flatnonzero(ordinal == k)
        last_win = np.full(len(rows), np.iinfo(np.int64).min)
        for j in range(k):
            earlier = first[company[rows]] + j
            counted = won[earlier] & (close[earlier] + 1 < created_day[rows])
            last_win = np.where(counted, np.maximum(last_win, close[earlier]), last_win)
        customer = last_win > np.iinfo(np.int64).min
        kind[rows[customer]] = _kind_after_win(kind_raw[rows[customer]], (created_day[rows] - last_win)[customer])
        odds = base * context.vendor.win_odds[kind[rows]]
        won[rows] = closed[rows] & (win_u[rows] < odds / (1 + odds))
        close[rows] = np.where(won[rows], pushed[rows], close[rows])
    return Timeline(created_day, close, closed, won, kind)
