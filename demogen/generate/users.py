"""Sales reps, managers and an admin of the tenant, named after its home market."""

from __future__ import annotations

import numpy as np
from scipy.special import ndtri

from demogen.generate.context import TenantContext
from demogen.generate.people import pick_people
from demogen.rng import BlockStreams, cumulative_weights
from demogen.tables import Block
from demogen.text import concat, deduplicate, to_text

MANAGER_EVERY = 6


def ownership_cumulative(context: TenantContext) -> np.ndarray:
    """How much of the book each rep owns: log-normal shares, so a few reps own most deals."""
    n = context.recipe.volume.users
    z = BlockStreams(context.stream_seed, "users", 0).uniform("ownership", n)
    weights = np.exp(context.recipe.users.ownership_skew * ndtri(z))
    return cumulative_weights(np.maximum(np.rint(weights / weights.max() * 1_000_000), 1).astype(np.int64))


def generate_users(context: TenantContext) -> Block:
    n = context.recipe.volume.users
    streams = BlockStreams(context.stream_seed, "users", 0)
    people = pick_people(streams, np.zeros(n, dtype=np.int64), (context.home,))
    local = concat(people.first_ascii, ".", people.last_ascii)
    email = concat(deduplicate(local), "@", context.tenant_domain)
    position = np.arange(n)
    role = to_text(["rep", "manager", "admin"])[np.where(position == 0, 2, (position % MANAGER_EVERY == 1).astype(int))]
    days = context.history_start_day - streams.below("created_day", n, 240) - 1
    created = context.home_clock.moment(days, streams, "created", np.zeros(n, dtype=np.int64))
    return {
        "id": np.arange(1, n + 1, dtype=np.int64),
        "first_name": people.first,
        "last_name": people.last,
        "email": email,
        "role": role,
        "created_at": created,
    }
