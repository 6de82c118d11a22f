"""Sales reps, managers and an admin of the tenant, named after its home market, who join over the history.

The admin set the CRM up and owns nothing. About half the team was there before the history starts; the others
join during it, so the team grows with the business, and a rep owns only records created after joining.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from demogen.generate.context import TenantContext
from demogen.generate.people import pick_people
from demogen.rng import BlockStreams, cumulative_weights
from demogen.special import ndtri
from demogen.tables import Block
from demogen.text import concat, deduplicate, to_text

MANAGER_EVERY = 6
FOUNDING_SHARE = 0.7
"""Share of the team on board before the history starts; the rest join during it."""
LAST_JOIN_DAYS = 240
"""The last reps join this long before as_of, so every rep has built a book."""
BOOK_QUANTILES = (0.3, 0.7)
"""Book sizes are log-normal quantiles spread over this central range: the top rep owns about exp(0.52 *
ownership_skew) times the median rep's share (1.8x at the default 1.1) before tenure; a rep who joined later owns
less, so top to median lands at about 2-3x, and nobody has an empty book."""


def roles(n: int) -> np.ndarray:
    """0 = rep, 1 = manager, 2 = admin: user 1 is the admin, every sixth a manager."""
    position = np.arange(n)
    return np.where(position == 0, 2, (position % MANAGER_EVERY == 1).astype(np.int64))


def join_moments(context: TenantContext) -> np.ndarray:
    """When each user joined (UTC seconds): the admin and the founding team before the history, others during it."""
    n = context.recipe.volume.users
    streams = BlockStreams(context.stream_seed, "users", 0)
    before = context.history_start_day - streams.below("created_day", n, 240) - 1
    span = max(context.as_of_day - LAST_JOIN_DAYS - context.history_start_day, 1)
    during = context.history_start_day + np.floor(streams.uniform("join_day", n) * span).astype(np.int64)
    founding = (streams.uniform("founding", n) < FOUNDING_SHARE) | (roles(n) == 2) | (np.arange(n) == 1)
    days = np.where(founding, before, during)
    return context.home_clock.moment(days, streams, "created", np.zeros(n, dtype=np.int64))


@dataclass(frozen=True)
class Ownership:
    """Who may own a record created at a moment: the reps who had joined by then, weighted by book size."""

    user: np.ndarray  # user index of each owner, in order of joining
    joined: np.ndarray  # their join moments, ascending
    cumulative: np.ndarray  # cumulative book weights in that order

    def pick(self, raw: np.ndarray, at: np.ndarray) -> np.ndarray:
        """A user id per row among those who joined before `at` (the first owner if nobody had yet)."""
        eligible = np.maximum(np.searchsorted(self.joined, at, side="left"), 1)
        points = (raw % self.cumulative[eligible - 1].astype(np.uint64)).astype(np.int64)
        return self.user[np.searchsorted(self.cumulative, points, side="right")] + 1


def ownership(context: TenantContext) -> Ownership:
    """Book weights of the reps and managers (the admin owns nothing, unless the tenant has no one else)."""
    n = context.recipe.volume.users
    streams = BlockStreams(context.stream_seed, "users", 0)
    owners = np.flatnonzero(roles(n) != 2) if n > 1 else np.zeros(1, dtype=np.int64)
    low, high = BOOK_QUANTILES
    rank = np.argsort(np.argsort(streams.uniform("book_rank", len(owners)), kind="stable"), kind="stable")
    quantile = low + (high - low) * (rank + 0.5) / len(owners)
    weights = np.exp(context.recipe.users.ownership_skew * ndtri(quantile))
    joined = join_moments(context)[owners]
    order = np.argsort(joined, kind="stable")
    integer = np.maximum(np.rint(weights / weights.max() * 1_000_000), 1).astype(np.int64)
    return Ownership(owners[order], joined[order], cumulative_weights(integer[order]))


def generate_users(context: TenantContext) -> Block:
    n = context.recipe.volume.users
    streams = BlockStreams(context.stream_seed, "users", 0)
    people = pick_people(streams, np.zeros(n, dtype=np.int64), (context.home,))
    local = concat(people.first_ascii, ".", people.last_ascii)
    email = context.addresses(deduplicate(local), context.tenant_domain)
    return {
        "id": np.arange(1, n + 1, dtype=np.int64),
        "first_name": people.first,
        "last_name": people.last,
        "email": email,
        "role": to_text(["rep", "manager", "admin"])[roles(n)],
        "created_at": join_moments(context),
    }
