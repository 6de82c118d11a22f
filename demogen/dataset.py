"""The plan (counts and parent links of every table) and the block iterator over all tables in FK order.

Companies are generated in fixed blocks of COMPANY_BLOCK; the contacts, deals and activities of a company block
are generated with it, from streams keyed by that block. So a block depends only on (seed, block), children
never straddle blocks, and raising a count only appends rows (prefix stability). The plan holds one small
integer per company and per deal; everything else streams. Company names are the one sequential step (a name
depends on those taken before it, and naming is most of the plan's time): they are made block by block when a
block is first generated (`CompanyNames`), so a push starts writing while later blocks are still unnamed.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from demogen.distributions import assign_by_rank, copula_uniform, size_score
from demogen.generate.activities import generate_activities
from demogen.generate.companies import NameRegistry, generate_companies
from demogen.generate.contacts import generate_contacts
from demogen.generate.context import TenantContext, build_context
from demogen.generate.deals import generate_deals
from demogen.generate.lifecycle import deal_days, win_draws
from demogen.generate.pipeline import generate_stages
from demogen.generate.users import Ownership, generate_users, ownership
from demogen.recipe import Recipe, RecipeError
from demogen.rng import BlockStreams, choose
from demogen.special import ndtri
from demogen.tables import TABLE_ORDER, Block

COMPANY_BLOCK = 1024
"""Companies per block; a constant of the generator version (changing it changes the data)."""
ACTIVITY_OUTCOME_CORRELATION = 0.6
"""Activity counts are handed out by rank of a score this correlated with the deal's win draw: won deals carry
more activity than lost ones, and the counts over all deals are still exactly `volume.activities_per_deal`."""


def estimate_rows(recipe: Recipe) -> dict[str, int]:
    """Expected row counts from the recipe's laws alone (cheap; used before any plan is built)."""
    v = recipe.volume
    companies = v.companies
    deals = companies * v.deals_per_company.mean()
    return {
        "users": v.users,
        "companies": companies,
        "contacts": round(companies * v.contacts_per_company.mean()),
        "pipeline_stages": len(recipe.pipeline.stages),
        "deals": round(deals),
        "activities": round(deals * v.activities_per_deal.mean()),
    }


def check_volume(recipe: Recipe, total: int) -> str | None:
    """Refuse recipes above `limits.max_rows`; return a warning above `limits.warn_rows`."""
    limits = recipe.limits
    if total > limits.max_rows:
        raise RecipeError(
            "limits.max_rows",
            f"this recipe makes about {total:,} rows, over the cap of {limits.max_rows:,}",
            "lower volume.companies or the per-company counts, or raise limits.max_rows",
        )
    if total > limits.warn_rows:
        return f"this recipe makes about {total:,} rows (limits.warn_rows = {limits.warn_rows:,})"
    return None


Names = tuple[np.ndarray, np.ndarray, np.ndarray]
"""A block's company names, the same without the legal form (as reps write them in deal names), and domains
(unique within the tenant, never a well-known real domain)."""


class CompanyNames:
    """The companies' names, made block by block in company order the first time a block asks for them.

    A name depends on every name taken before it (`NameRegistry`), so blocks are named in order, once, here; what
    a block is given never depends on when it asked. Worker processes are handed their block's names with the
    block (`demogen.parallel`) instead of naming all blocks before it again.
    """

    def __init__(self, context: TenantContext, market: np.ndarray, industry: np.ndarray, employees: np.ndarray):
        self._inputs = (context, market, industry, employees)
        self._registry = NameRegistry(context)
        self._named: list[Names] = []
        self._lock = threading.Lock()

    def block(self, block: int) -> Names:
        with self._lock:
            while len(self._named) <= block:
                self._named.append(self._name(len(self._named)))
            return self._named[block]

    def _name(self, block: int) -> Names:
        context, *columns = self._inputs
        rows = slice(block * COMPANY_BLOCK, (block + 1) * COMPANY_BLOCK)
        streams = BlockStreams(context.stream_seed, "companies", block)
        return self._registry.register(streams, context, *(column[rows] for column in columns))

    def __getstate__(self) -> tuple:
        """Only what the names are made from: a copy names its blocks again, to the same names."""
        return self._inputs

    def __setstate__(self, inputs: tuple) -> None:
        self.__init__(*inputs)


class GivenNames:
    """One block's names, as a worker process is handed them (see `CompanyNames`)."""

    def __init__(self, block: int, names: Names) -> None:
        self._block, self._names = block, names

    def block(self, block: int) -> Names:
        if block != self._block:
            raise ValueError(f"names of block {block} were not given (only of block {self._block})")
        return self._names


@dataclass(frozen=True)
class Plan:
    context: TenantContext
    company_market: np.ndarray
    employees: np.ndarray
    size_z: np.ndarray
    names: CompanyNames | GivenNames
    industry: np.ndarray  # index into generate.industries.INDUSTRIES; names and legal forms follow it
    contacts_per_company: np.ndarray
    deals_per_company: np.ndarray
    first_deal_day: np.ndarray  # per company, the day of its first deal (-1 without deals)
    activities_per_deal: np.ndarray
    ownership: Ownership
    contact_offset: np.ndarray  # per company, first contact index (length companies + 1)
    deal_offset: np.ndarray
    activity_offset: np.ndarray  # per deal
    warnings: tuple[str, ...]
    padding_size_z: np.ndarray  # size scores of the companies that would fill the last block
    padding_deals: np.ndarray  # and their deal counts

    def block_deal_sizes(self, block: int) -> tuple[np.ndarray, np.ndarray]:
        """Size scores and deal counts of all COMPANY_BLOCK companies of a block, the last one filled up.

        Per-deal values are ranked over the whole block (see `generate.deals`); ranking over a full block, of
        which the real companies are a prefix, keeps their deals unchanged when volume.companies grows.
        """
        start, stop = self.company_range(block)
        z, deals = self.size_z[start:stop], self.deals_per_company[start:stop]
        if block < self.blocks - 1:
            return z, deals
        return np.concatenate([z, self.padding_size_z]), np.concatenate([deals, self.padding_deals])

    @property
    def blocks(self) -> int:
        return -(-len(self.company_market) // COMPANY_BLOCK)

    def company_range(self, block: int) -> tuple[int, int]:
        start = block * COMPANY_BLOCK
        return start, min(start + COMPANY_BLOCK, len(self.company_market))

    def row_counts(self) -> dict[str, int]:
        return {
            "users": self.context.recipe.volume.users,
            "companies": len(self.company_market),
            "contacts": int(self.contact_offset[-1]),
            "pipeline_stages": len(self.context.recipe.pipeline.stages),
            "deals": int(self.deal_offset[-1]),
            "activities": int(self.activity_offset[-1]),
        }

    @property
    def total_rows(self) -> int:
        return sum(self.row_counts().values())


def _offsets(counts: np.ndarray) -> np.ndarray:
    return np.concatenate([[0], np.cumsum(counts, dtype=np.int64)])


def _activity_counts(law, planning: BlockStreams, deals: int) -> np.ndarray:
    """The block's activity counts, an iid sample of the law handed out by rank of the deals' outcome score."""
    score = size_score(
        ndtri(1 - win_draws(planning, deals)), planning.uniform("activity_score", deals), ACTIVITY_OUTCOME_CORRELATION
    )
    return assign_by_rank(law.sample(planning.uniform("activities", deals)), score)


def build_plan(recipe: Recipe) -> Plan:
    """Validate the volume, load market data and draw every per-company count (prefix-stable, block-keyed); the
    names are made as blocks ask for them (`CompanyNames`)."""
    estimate_warning = check_volume(recipe, sum(estimate_rows(recipe).values()))
    context = build_context(recipe)
    v, rho = recipe.volume, recipe.companies.size_correlation
    keys = ("market", "industry", "employees", "z", "contacts", "deals", "first_deal_day")
    parts: dict[str, list[np.ndarray]] = {k: [] for k in keys}
    activities: list[np.ndarray] = []
    for block in range(-(-v.companies // COMPANY_BLOCK)):
        n = min(COMPANY_BLOCK, v.companies - block * COMPANY_BLOCK)
        streams = BlockStreams(context.stream_seed, "companies", block)
        planning = BlockStreams(context.stream_seed, "plan", block)
        market = choose(streams.raw("market", n), context.market_cumulative)
        size_u = streams.uniform("employees", COMPANY_BLOCK)
        full_z = ndtri(size_u)
        full_deals = v.deals_per_company.sample(copula_uniform(full_z, planning.uniform("deals", COMPANY_BLOCK), rho))
        size_u, z, deals = size_u[:n], full_z[:n], full_deals[:n]
        parts["market"].append(market)
        employees = recipe.companies.employees.sample(size_u)
        industry = choose(streams.raw("industry", n), context.vendor.industry_cumulative)
        parts["employees"].append(employees)
        parts["industry"].append(industry)
        parts["z"].append(z)
        parts["contacts"].append(v.contacts_per_company.sample(copula_uniform(z, planning.uniform("contacts", n), rho)))
        parts["deals"].append(deals)
        days = deal_days(context, planning, full_deals)
        first = np.concatenate([[0], np.cumsum(full_deals)[:-1]])[:n]
        parts["first_deal_day"].append(
            np.where(deals > 0, days[np.minimum(first, len(days) - 1)], -1) if len(days) else np.full(n, -1)
        )
        activities.append(_activity_counts(v.activities_per_deal, planning, len(days))[: int(deals.sum())])
    joined = {k: np.concatenate(p) for k, p in parts.items()}
    per_deal = np.concatenate(activities)
    deal_offset, activity_offset = _offsets(joined["deals"]), _offsets(per_deal)
    contact_offset = _offsets(joined["contacts"])
    exact_total = (
        v.users
        + v.companies
        + len(recipe.pipeline.stages)
        + int(contact_offset[-1])
        + int(deal_offset[-1])
        + int(activity_offset[-1])
    )
    volume_warning = check_volume(recipe, exact_total) or estimate_warning
    return Plan(
        context=context,
        company_market=joined["market"],
        employees=joined["employees"],
        size_z=joined["z"],
        names=CompanyNames(context, joined["market"], joined["industry"], joined["employees"]),
        industry=joined["industry"],
        contacts_per_company=joined["contacts"],
        deals_per_company=joined["deals"],
        first_deal_day=joined["first_deal_day"],
        activities_per_deal=per_deal,
        ownership=ownership(context),
        contact_offset=contact_offset,
        deal_offset=deal_offset,
        activity_offset=activity_offset,
        warnings=(*context.warnings, *([volume_warning] if volume_warning else [])),
        padding_size_z=full_z[n:],  # n and full_* of the last block
        padding_deals=full_deals[n:],
    )


def iter_blocks(plan: Plan) -> Iterator[tuple[str, Block]]:
    """All rows in foreign-key order: users, stages, then each company block with its children."""
    yield from tenant_blocks(plan)
    for block in range(plan.blocks):
        yield from company_block(plan, block)


def tenant_blocks(plan: Plan) -> list[tuple[str, Block]]:
    """The tables that come before the company blocks: users and pipeline stages."""
    return [("users", generate_users(plan.context)), ("pipeline_stages", generate_stages(plan.context))]


def company_block(plan: Plan, block: int) -> list[tuple[str, Block]]:
    """One block of companies with its contacts, deals and activities; depends on no other block, so blocks can
    be generated in any order or process (`demogen.parallel`)."""
    context = plan.context
    companies = generate_companies(context, plan, block)
    contacts = generate_contacts(context, plan, block, companies=companies)
    deals = generate_deals(context, plan, block, companies=companies, contacts=contacts)
    activities = generate_activities(context, plan, block, companies=companies, contacts=contacts, deals=deals)
    return [("companies", companies), ("contacts", contacts), ("deals", deals), ("activities", activities)]


def iter_table(plan: Plan, table: str) -> Iterator[Block]:
    """The blocks of one table only, in id order."""
    if table not in TABLE_ORDER:
        raise ValueError(f"unknown table {table!r}")
    for name, block in iter_blocks(plan):
        if name == table:
            yield block
