"""Deals: sized by the company, owned mostly by its rep, moving through the funnel to won or lost by as_of.

Per-deal laws tied to company size (amount, sales cycle) are drawn iid per block and handed out by rank of a
size score (`assign_by_rank`), not through a per-deal copula: bigger companies have more deals, so a copula would
tilt the law over all deals towards big-company values, while ranks keep it exactly the configured law. Ranks are
taken over the full block (the last one filled up with the companies a larger count would add), so raising
volume.companies keeps existing deals.
"""

from __future__ import annotations

import numpy as np

from demogen.distributions import assign_by_rank, size_score
from demogen.generate.context import SECONDS_PER_DAY, TenantContext
from demogen.generate.pipeline import stage_order
from demogen.rng import BlockStreams, choose, cumulative_weights
from demogen.tables import NULL, Block
from demogen.text import choose_text, concat, nice_round, partition, repeat, to_text

OFFERINGS = (
    ("Annual subscription", 30),
    ("Platform expansion", 14),
    ("Renewal", 16),
    ("Pilot project", 8),
    ("Enterprise licence", 7),
    ("Support contract", 8),
    ("Onboarding services", 6),
    ("Additional seats", 11),
)
OFFERING_NAMES = to_text(o[0] for o in OFFERINGS)
OFFERING_CUMULATIVE = cumulative_weights(np.array([o[1] for o in OFFERINGS]))
OWNER_FOLLOWS_COMPANY = 0.85
CYCLE_SIZE_CORRELATION = 0.4
"""Bigger companies take longer to decide."""


def _legal_stem(company_names: np.ndarray) -> np.ndarray:
    """Company name without its legal form (the last word group), as reps write it in deal names."""
    head, _, _ = partition(company_names, " ", last=True)
    return choose_text(np.strings.str_len(head) > 0, head, company_names)


def _by_rank(streams: BlockStreams, column: str, law, score: np.ndarray) -> np.ndarray:
    """`law` drawn iid, one value per score, handed out by rank of `score` (any score: size, deal type...)."""
    return assign_by_rank(law.sample(streams.uniform(column, len(score))), score)


def generate_deals(context: TenantContext, plan, block: int, *, companies: Block, contacts: Block) -> Block:
    recipe = context.recipe
    start, stop = plan.company_range(block)
    counts = plan.deals_per_company[start:stop]
    company = np.repeat(np.arange(stop - start), counts)
    n = len(company)
    first_id = int(plan.deal_offset[start])
    streams = BlockStreams(context.stream_seed, "deals", block)
    rho = recipe.companies.size_correlation
    block_z, block_counts = plan.block_deal_sizes(block)
    deal_z = np.repeat(block_z, block_counts)  # the block's deals first, then those of the filling companies

    contact_first = plan.contact_offset[start:stop][company] - plan.contact_offset[start]
    pick = streams.below("contact", n, np.maximum(plan.contacts_per_company[start:stop][company], 1))
    contact = contact_first + pick
    own = streams.uniform("owner_follows", n) < OWNER_FOLLOWS_COMPANY
    owner = np.where(own, companies["owner_id"][company], choose(streams.raw("owner", n), plan.ownership) + 1)

    as_of_s = context.as_of_day * SECONDS_PER_DAY
    earliest = np.maximum(companies["created_at"][company], contacts["created_at"][contact])
    earliest_day = earliest // SECONDS_PER_DAY + 1
    span = np.maximum(context.as_of_day - earliest_day, 1)
    created_day = earliest_day + np.floor(streams.uniform("created_day", n) ** 0.8 * span)
    zone = companies["_zone"][company]
    created = context.clock.moment(created_day, streams, "created", zone)
    created = np.clip(created, earliest, as_of_s - 60)

    cycle_score = size_score(deal_z, streams.uniform("cycle_score", len(deal_z)), CYCLE_SIZE_CORRELATION)
    cycle = _by_rank(streams, "cycle", recipe.deals.sales_cycle_days, cycle_score)[:n]
    cycle_days = np.maximum(np.rint(cycle), 1).astype(np.int64)
    close_day = created // SECONDS_PER_DAY + cycle_days
    closed = close_day < context.as_of_day
    won = closed & (streams.uniform("won", n) < recipe.deals.win_rate)

    amount_law = recipe.deals.amount
    amount_score = size_score(deal_z, streams.uniform("amount_score", len(deal_z)), rho)
    amount = _by_rank(streams, "amount", amount_law.law, amount_score)[:n]
    amount = nice_round(amount, *amount_law.law.support()) if amount_law.rounding == "nice" else np.round(amount, 2)
    amount_cents = np.rint(amount * 100).astype(np.int64)

    closed_at = context.clock.moment(close_day, streams, "closed", zone)
    closed_at = np.clip(closed_at, created + 60, as_of_s - 1)
    open_ids, won_id, lost_id = stage_order(context)
    elapsed = (as_of_s - created) / (cycle_days * SECONDS_PER_DAY)
    progress = np.clip(elapsed, 0, 0.999999)
    stage = open_ids[np.floor(progress * len(open_ids)).astype(np.int64)]
    stage = np.where(closed, np.where(won, won_id, lost_id), stage)
    status = to_text(["open", "won", "lost"])[np.where(closed, np.where(won, 1, 2), 0)]

    offering = OFFERING_NAMES[choose(streams.raw("offering", n), OFFERING_CUMULATIVE)]
    return {
        "id": np.arange(first_id + 1, first_id + n + 1, dtype=np.int64),
        "company_id": companies["id"][company],
        "contact_id": contacts["id"][contact],
        "owner_id": owner,
        "stage_id": stage.astype(np.int64),
        "name": concat(_legal_stem(companies["name"][company]), " - ", offering),
        "amount": amount_cents,
        "currency": repeat(context.currency, n),
        "status": status,
        "created_at": created,
        "expected_close_date": np.where(closed, closed_at // SECONDS_PER_DAY, close_day).astype(np.int64),
        "closed_at": np.where(closed, closed_at, NULL),
        "_contact_index": contact,
        "_zone": zone,
        "_company_index": company,
    }
