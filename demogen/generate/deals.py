"""Deals: sized by the company and their kind, owned mostly by its rep, moving through the funnel by as_of.

When deals are created, what kind they are and how they close is the account's lifecycle (`generate.lifecycle`);
this module turns it into rows. Per-deal laws tied to company size and deal type (amount, sales cycle; the type's
price and cycle from the vendor profile, `generate.vendor`) are drawn iid per block and handed out by rank of a
score (`assign_by_rank`), not through a per-deal copula: bigger companies have more
deals, so a copula would tilt the law over all deals towards big-company values, while ranks keep it exactly the
configured law. Ranks are taken over the full block (the last one filled up with the companies a larger count
would add), so raising volume.companies keeps existing deals.
"""

from __future__ import annotations

import numpy as np

from demogen.distributions import assign_by_rank, size_score
from demogen.generate.committees import primary_contacts
from demogen.generate.context import SECONDS_PER_DAY, TenantContext
from demogen.generate.lifecycle import KINDS, account_timeline, deal_days
from demogen.generate.pipeline import stage_order
from demogen.rng import BlockStreams, choose
from demogen.tables import NULL, Block
from demogen.text import concat, nice_round, repeat, scatter, to_text

OWNER_FOLLOWS_COMPANY = 0.85
CYCLE_SIZE_CORRELATION = 0.4
"""Bigger companies take longer to decide."""


def _by_rank(streams: BlockStreams, column: str, law, score: np.ndarray) -> np.ndarray:
    """`law` drawn iid, one value per score, handed out by rank of `score` (any score: size, deal type...)."""
    return assign_by_rank(law.sample(streams.uniform(column, len(score))), score)


def offerings(context: TenantContext, streams: BlockStreams, kind: np.ndarray) -> np.ndarray:
    """What each deal sells, from the vendor's catalogue of its kind, in the vendor's language."""
    table = context.home.deal_types
    vendor = table["vendor"] == context.recipe.vendor.sells.encode()
    raw = streams.raw("offering", len(kind))
    pieces = []
    for index, name in enumerate(KINDS):
        rows = np.flatnonzero(kind == index)
        if rows.size:
            catalogue = table.subset(np.flatnonzero(vendor & (table["kind"] == name.encode())))
            pieces.append((rows, catalogue["name"][choose(raw[rows], catalogue.cumulative)]))
    return scatter(len(kind), pieces)


def generate_deals(context: TenantContext, plan, block: int, *, companies: Block, contacts: Block) -> Block:
    recipe = context.recipe
    start, stop = plan.company_range(block)
    counts = plan.deals_per_company[start:stop]
    company = np.repeat(np.arange(stop - start), counts)
    n = len(company)
    first_id = int(plan.deal_offset[start])
    streams = BlockStreams(context.stream_seed, "deals", block)
    planning = BlockStreams(context.stream_seed, "plan", block)
    block_z, block_counts = plan.block_deal_sizes(block)
    deal_z = np.repeat(block_z, block_counts)  # the block's deals first, then those of the filling companies

    cycle_law, vendor = recipe.deals.sales_cycle_days, context.vendor
    cycle_score = size_score(deal_z, streams.uniform("cycle_score", len(deal_z)), CYCLE_SIZE_CORRELATION)
    days = deal_days(context, planning, block_counts)

    def timeline_with(score: np.ndarray):
        cycles = np.maximum(np.rint(_by_rank(streams, "cycle", cycle_law, score)), 1).astype(np.int64)
        return cycles, account_timeline(
            context, streams, planning, counts=block_counts, created_day=days, cycle_days=cycles
        )

    # the kinds of a first pass set each deal's cycle (renewals close faster); its timeline follows those cycles
    _, first_pass = timeline_with(cycle_score)
    cycle_days, timeline = timeline_with(cycle_score + vendor.score_shift(vendor.cycle, cycle_law, first_pass.kind))

    amount_law = recipe.deals.amount
    amount_score = size_score(deal_z, streams.uniform("amount_score", len(deal_z)), recipe.companies.size_correlation)
    amount_score += vendor.score_shift(vendor.price, amount_law.law, timeline.kind)
    amount = _by_rank(streams, "amount", amount_law.law, amount_score)[:n]
    amount = nice_round(amount, *amount_law.law.support()) if amount_law.rounding == "nice" else np.round(amount, 2)

    contact_first = plan.contact_offset[start:stop][company] - plan.contact_offset[start]
    zone = companies["_zone"][company]
    created = context.clock.moment(timeline.created_day[:n], streams, "created", zone)
    contact = primary_contacts(
        streams,
        quantile=amount_law.law.cdf(amount),
        first=contact_first,
        count=plan.contacts_per_company[start:stop][company],
        level=contacts["_level"],
        contact_created=contacts["created_at"],
        deal_created=created,
    )
    earliest = np.maximum(companies["created_at"][company], contacts["created_at"][contact])
    created = np.clip(created, earliest, context.as_of_seconds - 60)
    own = streams.uniform("owner_follows", n) < OWNER_FOLLOWS_COMPANY
    owner = np.where(own, companies["owner_id"][company], plan.ownership.pick(streams.raw("owner", n), created))

    closed, won = timeline.closed[:n], timeline.won[:n]
    closed_at = context.clock.moment(timeline.close_day[:n], streams, "closed", zone)
    closed_at = np.clip(closed_at, created + 60, context.as_of_seconds - 1)
    open_ids, won_id, lost_id = stage_order(context)
    progress = np.clip((context.as_of_seconds - created) / (cycle_days[:n] * SECONDS_PER_DAY), 0, 0.999999)
    stage = open_ids[np.floor(progress * len(open_ids)).astype(np.int64)]
    stage = np.where(closed, np.where(won, won_id, lost_id), stage)
    status = to_text(["open", "won", "lost"])[np.where(closed, np.where(won, 1, 2), 0)]
    return {
        "id": np.arange(first_id + 1, first_id + n + 1, dtype=np.int64),
        "company_id": companies["id"][company],
        "contact_id": contacts["id"][contact],
        "owner_id": owner,
        "stage_id": stage.astype(np.int64),
        "name": concat(plan.names.block(block)[1][company], " - ", offerings(context, streams, timeline.kind[:n])),
        "amount": np.rint(amount * 100).astype(np.int64),
        "currency": repeat(context.currency, n),
        "status": status,
        "created_at": created,
        "expected_close_date": created // SECONDS_PER_DAY + cycle_days[:n].astype(np.int64),
        "closed_at": np.where(closed, closed_at, NULL),
        "_contact_index": contact,
        "_zone": zone,
        "_company_index": company,
        "_kind": timeline.kind[:n],
        "_won": won,
    }
