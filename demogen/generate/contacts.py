"""People at customer companies: named in the company's market, emailed at its domain, phoned in its area."""

from __future__ import annotations

import numpy as np

from demogen.generate.companies import EMAIL_PATTERNS
from demogen.generate.context import TenantContext
from demogen.generate.people import pick_people
from demogen.generate.text import concat, deduplicate, fill_templates
from demogen.generate.timing import SECONDS_PER_DAY
from demogen.locales import STRINGS
from demogen.rng import BlockStreams, choose
from demogen.tables import Block

OWNER_FOLLOWS_COMPANY = 0.9


def email_local_part(pattern: np.ndarray, first: np.ndarray, last: np.ndarray) -> np.ndarray:
    """The company's address convention applied to ASCII names (first.last, flast, first, firstl, first_last)."""
    initial_first, initial_last = np.strings.slice(first, 1), np.strings.slice(last, 1)
    forms = {
        "first.last": concat(first, ".", last),
        "flast": concat(initial_first, last),
        "first": first,
        "firstl": concat(first, initial_last),
        "first_last": concat(first, "_", last),
    }
    out = forms["first.last"].copy()
    for index, name in enumerate(EMAIL_PATTERNS):
        rows = pattern == index
        out[rows] = forms[name][rows]
    return out


def generate_contacts(context: TenantContext, plan, block: int, *, companies: Block) -> Block:
    start, stop = plan.company_range(block)
    counts = plan.contacts_per_company[start:stop]
    company = np.repeat(np.arange(stop - start), counts)
    n = len(company)
    first_id = int(plan.contact_offset[start])
    streams = BlockStreams(context.recipe.seed, "contacts", block)
    market = companies["_market"][company]
    people = pick_people(streams, market, context.markets)
    local = email_local_part(companies["_email_pattern"][company], people.first_ascii, people.last_ascii)
    email = concat(deduplicate(local, company), "@", companies["domain"][company])

    title = np.empty(n, dtype=STRINGS)
    phone = np.empty(n, dtype=STRINGS)
    title_raw, mobile_u = streams.raw("title", n), streams.uniform("is_mobile", n)
    mobile_raw, digits = streams.raw("mobile_prefix", n), streams.digits("phone", n, 32)
    for index, locale in enumerate(context.markets):
        rows = np.flatnonzero(market == index)
        if rows.size == 0:
            continue
        title[rows] = locale.job_titles["title"][choose(title_raw[rows], locale.job_titles.cumulative)]
        templates = companies["_phone_template"][company[rows]].copy()
        mobile = mobile_u[rows] < locale.mobile_share
        picked = choose(mobile_raw[rows[mobile]], locale.mobile_prefixes.cumulative)
        templates[mobile] = locale.mobile_prefixes["template"][picked]
        phone[rows] = fill_templates(templates, digits[rows])

    company_created = companies["created_at"][company]
    delay_days = np.floor(-np.log(streams.uniform("created_delay", n)) * 20).astype(np.int64)
    created_day = np.minimum(company_created // SECONDS_PER_DAY + delay_days, context.as_of_day - 1)
    created = context.clock.moment(created_day, streams, "created", companies["_zone"][company])
    created = np.clip(created, company_created, context.as_of_seconds - 60)
    own = streams.uniform("owner_follows", n) < OWNER_FOLLOWS_COMPANY
    owner = np.where(own, companies["owner_id"][company], choose(streams.raw("owner", n), plan.ownership) + 1)
    return {
        "id": np.arange(first_id + 1, first_id + n + 1, dtype=np.int64),
        "company_id": companies["id"][company],
        "first_name": people.first,
        "last_name": people.last,
        "gender": people.gender,
        "title": title,
        "email": email,
        "phone": phone,
        "country": companies["country"][company],
        "owner_id": owner,
        "created_at": created,
    }
