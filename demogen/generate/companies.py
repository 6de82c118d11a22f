"""Customer companies: name, unique domain, industry, size-driven revenue, a coherent address and landline."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from demogen.generate.context import TenantContext
from demogen.generate.lifecycle import FIRST_DEAL_LEAD_DAYS, growth_days
from demogen.recipe import FORBIDDEN_WORDS
from demogen.rng import BlockStreams, choose, cumulative_weights
from demogen.tables import Block
from demogen.text import (
    concat,
    contains_any,
    fill_templates,
    int_text,
    partition,
    repeat,
    replace_rows,
    scatter,
    significant_round,
    to_text,
)

INDUSTRIES = (
    # (industry, share of B2B accounts in permille, revenue per employee in USD)
    ("Software", 120, 250_000),
    ("IT Services", 90, 160_000),
    ("Manufacturing", 140, 320_000),
    ("Wholesale", 70, 700_000),
    ("Retail", 60, 220_000),
    ("Financial Services", 60, 420_000),
    ("Healthcare", 70, 150_000),
    ("Construction", 60, 260_000),
    ("Logistics", 50, 240_000),
    ("Professional Services", 90, 140_000),
    ("Energy", 25, 900_000),
    ("Education", 30, 90_000),
    ("Media", 30, 200_000),
    ("Hospitality", 30, 70_000),
    ("Real Estate", 25, 350_000),
    ("Telecommunications", 20, 480_000),
)
INDUSTRY_NAMES = to_text(i[0] for i in INDUSTRIES)
INDUSTRY_CUMULATIVE = cumulative_weights(np.array([i[1] for i in INDUSTRIES]))
REVENUE_PER_EMPLOYEE = np.array([i[2] for i in INDUSTRIES], dtype=np.float64)

NAME_PATTERNS = (
    # (first word, second word, how the name joins them); the domain joins the same words' ASCII slugs
    ("stem", "sector", " "),
    ("last", "sector", " "),
    ("last", "last2", " & "),
    ("stem", None, ""),
)
PATTERN_CUMULATIVE = cumulative_weights(np.array([45, 25, 12, 18]))
EMAIL_PATTERNS = ("first.last", "flast", "first", "firstl", "first_last")
EMAIL_PATTERN_CUMULATIVE = cumulative_weights(np.array([62, 18, 8, 6, 6]))


@dataclass(frozen=True)
class Identity:
    """What a company is called and the stem of its web domain."""

    name: np.ndarray
    domain_base: np.ndarray


def company_identity(streams: BlockStreams, market: np.ndarray, context: TenantContext) -> Identity:
    """Brand-like names in the market's language with a legal form, and a matching ASCII domain stem."""
    n = len(market)
    pattern = choose(streams.raw("name_pattern", n), PATTERN_CUMULATIVE)
    raws = {key: streams.raw(key, n) for key in ("stem", "sector", "surname", "surname2", "legal_form", "suffix")}
    names, bases = [], []
    for index, locale in enumerate(context.markets):
        rows = np.flatnonzero(market == index)
        if rows.size == 0:
            continue
        stem = choose(raws["stem"][rows], locale.stems.cumulative)
        sector = choose(raws["sector"][rows], locale.sectors.cumulative)
        last = choose(raws["surname"][rows], locale.last_names.cumulative)
        last2 = choose(raws["surname2"][rows], locale.last_names.cumulative)
        form = choose(raws["legal_form"][rows], locale.legal_forms.cumulative)
        tld = choose(raws["suffix"][rows], locale.email_suffixes.cumulative)
        words = {
            "stem": (locale.stems["word"][stem], locale.stems["slug"][stem]),
            "sector": (locale.sectors["word"][sector], locale.sectors["slug"][sector]),
            "last": (locale.last_names["name"][last], locale.last_names["ascii"][last]),
            "last2": (locale.last_names["name"][last2], locale.last_names["ascii"][last2]),
        }
        p = pattern[rows]
        name_parts, slug_parts = [], []
        for k, (first, second, joiner) in enumerate(NAME_PATTERNS):
            at = np.flatnonzero(p == k)
            if at.size == 0:
                continue
            name, slug = words[first][0][at], words[first][1][at]
            if second is not None:
                second_name, second_slug = words[second][0][at], words[second][1][at]
                name = concat(name, joiner, second_name)
                joined_slug = concat(slug, second_slug)
                clash = np.flatnonzero(contains_any(joined_slug, FORBIDDEN_WORDS))  # stolte+steuerung meet as one
                slug = replace_rows(joined_slug, clash, concat(slug[clash], "-", second_slug[clash]))
            name_parts.append((at, name))
            slug_parts.append((at, slug))
        base_name, base_slug = scatter(rows.size, name_parts), scatter(rows.size, slug_parts)
        names.append((rows, concat(base_name, " ", locale.legal_forms["form"][form])))
        bases.append((rows, concat(base_slug, "|", locale.email_suffixes["suffix"][tld])))
    return Identity(name=scatter(n, names), domain_base=scatter(n, bases))


def domain_from_base(domain_base: np.ndarray, ordinal: np.ndarray) -> np.ndarray:
    """`slug|suffix` -> `slug.suffix`, with the n-th repeat of a domain numbered (`acme2.com`)."""
    slug, _, suffix = partition(domain_base, "|")
    numbered = np.flatnonzero(ordinal > 0)
    slug = replace_rows(slug, numbered, concat(slug[numbered], int_text(ordinal[numbered] + 1)))
    return concat(slug, ".", suffix)


def _created_days(context: TenantContext, plan, streams: BlockStreams, start: int, stop: int) -> np.ndarray:
    """An account enters the CRM some weeks before its first deal; accounts without deals at the same pace."""
    n = stop - start
    first_deal = plan.first_deal_day[start:stop]
    lead = np.floor(-np.log(streams.uniform("lead_days", n)) * FIRST_DEAL_LEAD_DAYS).astype(np.int64)
    growth = context.recipe.deals.growth_per_year
    idle = growth_days(streams.uniform("created_day", n), context.history_start_day, context.as_of_day - 21, growth)
    return np.where(first_deal >= 0, np.maximum(first_deal - lead, context.history_start_day), idle)


def generate_companies(context: TenantContext, plan, block: int) -> Block:
    start, stop = plan.company_range(block)
    n = stop - start
    streams = BlockStreams(context.stream_seed, "companies", block)
    market = plan.company_market[start:stop]
    employees = plan.employees[start:stop]
    industry = choose(streams.raw("industry", n), INDUSTRY_CUMULATIVE)
    noise = np.exp(0.45 * (streams.uniform("revenue_noise", n) - 0.5) * 2)
    revenue = significant_round(employees * REVENUE_PER_EMPLOYEE[industry] * noise * context.usd_to_currency)
    city_raw, street_raw = streams.raw("city", n), streams.raw("street", n)
    number_raw, prefix_raw = streams.raw("house_number", n), streams.raw("phone_prefix", n)
    pieces: dict[str, list] = {k: [] for k in ("country", "region", "city", "postal_code", "street", "template")}
    zone = np.empty(n, dtype=np.int64)
    for index, locale in enumerate(context.markets):
        rows = np.flatnonzero(market == index)
        if rows.size == 0:
            continue
        city = choose(city_raw[rows], locale.cities.cumulative)
        street = locale.streets["street"][choose(street_raw[rows], locale.streets.cumulative)]
        number = int_text((number_raw[rows] % np.uint64(locale.house_number_max)).astype(np.int64) + 1)
        street_first = locale.street_format.startswith("{street}")
        pieces["street"].append((rows, concat(street, " ", number) if street_first else concat(number, " ", street)))
        pieces["country"].append((rows, repeat(locale.code, rows.size)))
        for key in ("region", "city", "postal_code"):
            pieces[key].append((rows, locale.cities[key][city]))
        prefix = locale.city_prefixes.pick(city, prefix_raw[rows])
        pieces["template"].append((rows, locale.fixed_prefixes["template"][prefix]))
        zone[rows] = index
    columns = {key: scatter(n, parts) for key, parts in pieces.items()}
    templates = columns.pop("template")
    columns["phone"] = fill_templates(templates, streams.raw("phone", n))
    created = context.clock.moment(_created_days(context, plan, streams, start, stop), streams, "created", zone)
    return {
        "id": np.arange(start + 1, stop + 1, dtype=np.int64),
        "name": plan.company_name[start:stop],
        "domain": plan.company_domain[start:stop],
        "industry": INDUSTRY_NAMES[industry],
        "employees": employees,
        "annual_revenue": (revenue * 100).astype(np.int64),
        **columns,
        "owner_id": plan.ownership.pick(streams.raw("owner", n), created),
        "created_at": created,
        "_zone": zone,
        "_phone_template": templates,
        "_email_pattern": choose(streams.raw("email_pattern", n), EMAIL_PATTERN_CUMULATIVE),
        "_market": market,
    }
