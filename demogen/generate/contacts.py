"""People at customer companies: named in the company's market, emailed at its domain, phoned in its area, with
the titles of a buying committee (`generate.committees`)."""

from __future__ import annotations

import numpy as np

from demogen.generate.committees import committee_titles
from demogen.generate.companies import EMAIL_PATTERNS
from demogen.generate.context import TenantContext
from demogen.generate.people import pick_people
from demogen.generate.timing import SECONDS_PER_DAY
from demogen.locales import Table, table_view
from demogen.recipe import FORBIDDEN_WORDS
from demogen.rng import BlockStreams, choose
from demogen.tables import Block
from demogen.text import concat, contains_any, deduplicate, fill_templates, replace_rows, scatter

OWNER_FOLLOWS_COMPANY = 0.9


def email_local_part(pattern: np.ndarray, first: np.ndarray, last: np.ndarray) -> np.ndarray:
    """The company's address convention applied to ASCII names (first.last, flast, first, firstl, first_last)."""
    builders = {
        "first.last": lambda f, n: concat(f, ".", n),
        "flast": lambda f, n: concat(np.strings.slice(f, 1), n),
        "first": lambda f, n: f,
        "firstl": lambda f, n: concat(f, np.strings.slice(n, 1)),
        "first_last": lambda f, n: concat(f, "_", n),
    }
    pieces = []
    for index, name in enumerate(EMAIL_PATTERNS):
        rows = np.flatnonzero(pattern == index)
        if rows.size:
            pieces.append((rows, builders[name](first[rows], last[rows])))
    local = scatter(len(pattern), pieces)
    joined = np.flatnonzero(contains_any(local, FORBIDDEN_WORDS))  # an initial can meet a name: t + estes
    return replace_rows(local, joined, concat(first[joined], ".", last[joined])) if joined.size else local


def gendered(title: np.ndarray, gender: np.ndarray) -> np.ndarray:
    """A title written `masculine|feminine` (Directeur commercial|Directrice commerciale) in the person's form."""
    before, separator, after = np.strings.partition(title, b"|")
    if not (separator == b"|").any():
        return title
    return np.where((separator == b"|") & (gender == b"F"), after, before).astype(title.dtype)


LOCAL_MOBILE_SHARE = 0.75
"""Mobiles with an area code of the company's own region where the market's mobiles have areas (Brazil's DDD,
North America's area codes): most people's number is from where they live and work; the rest moved, or kept an
old number (an estimate)."""


def _area(template: bytes) -> bytes:
    """The area code of a number template: the group after the country code (+55 11 ... -> 11, +1 617-... -> 617).
    Non-geographic mobiles (+44 7700 ..., +49 151 ...) match no landline's."""
    parts = template.split(b" ")
    return parts[1].split(b"-")[0] if len(parts) > 1 else b""


def local_mobiles(locale, companies: Block, company: np.ndarray, raw: np.ndarray) -> np.ndarray:
    """A mobile template from each company's own area, or b"" where the market has none there.

    Where mobiles share the landlines' area-code pools (North America, or markets without mobile rows), one of
    the city's own prefixes; else a mobile row with the company landline's area code (Brazil's DDD)."""
    if locale.mobiles_like_landlines:
        prefix = locale.city_prefixes.pick(companies["_city"][company], raw, fallback=-1)
        return np.where(prefix >= 0, locale.fixed_prefixes["template"][np.maximum(prefix, 0)], b"")
    by_area = table_view(locale.mobile_prefixes, ("by area",), lambda: _mobiles_by_area(locale))
    out = np.full(len(company), b"", dtype=locale.mobile_prefixes["template"].dtype)
    if not by_area:  # mobiles without areas (+44 7...): nothing is local
        return out
    landlines, row = np.unique(companies["_phone_template"][company], return_inverse=True)
    areas = np.array([_area(t) for t in landlines.tolist()], dtype=object)[row]
    for area, table in by_area.items():
        at = np.flatnonzero(areas == area)
        if at.size:
            out[at] = table["template"][choose(raw[at], table.cumulative)]
    return out


def _mobiles_by_area(locale) -> dict[bytes, Table]:
    """The mobile rows of each area code that landlines have too (none where mobiles are non-geographic)."""
    fixed = {_area(template) for template in locale.fixed_prefixes["template"].tolist()}
    groups: dict[bytes, list[int]] = {}
    for row, template in enumerate(locale.mobile_prefixes["template"].tolist()):
        if (area := _area(template)) in fixed:
            groups.setdefault(area, []).append(row)
    return {area: locale.mobile_prefixes.subset(np.array(rows)) for area, rows in groups.items()}


def generate_contacts(context: TenantContext, plan, block: int, *, companies: Block) -> Block:
    start, stop = plan.company_range(block)
    counts = plan.contacts_per_company[start:stop]
    company = np.repeat(np.arange(stop - start), counts)
    n = len(company)
    first_id = int(plan.contact_offset[start])
    streams = BlockStreams(context.stream_seed, "contacts", block)
    market = companies["_market"][company]
    people = pick_people(streams, market, context.markets)
    local = email_local_part(companies["_email_pattern"][company], people.first_ascii, people.last_ascii)
    email = context.addresses(deduplicate(local, company), companies["domain"][company])

    title, level = committee_titles(streams, context.markets, companies, company)
    title = gendered(title, people.gender)
    mobile_u, mobile_raw = streams.uniform("is_mobile", n), streams.raw("mobile_prefix", n)
    local_u = streams.uniform("mobile_local", n)
    templates = []
    for index, locale in enumerate(context.markets):
        rows = np.flatnonzero(market == index)
        if rows.size == 0:
            continue
        mobile = mobile_u[rows] < locale.mobile_share
        picked = choose(mobile_raw[rows[mobile]], locale.mobile_prefixes.cumulative)
        templates.append((rows[~mobile], companies["_phone_template"][company[rows[~mobile]]]))
        national = locale.mobile_prefixes["template"][picked]
        local = np.flatnonzero(local_u[rows[mobile]] < LOCAL_MOBILE_SHARE)
        near = local_mobiles(locale, companies, company[rows[mobile][local]], mobile_raw[rows[mobile][local]])
        found = np.flatnonzero(near != b"")
        templates.append((rows[mobile], replace_rows(national, local[found], near[found])))
    phone = fill_templates(scatter(n, templates), streams.raw("phone", n))

    company_created = companies["created_at"][company]
    first = np.r_[True, company[1:] != company[:-1]]  # the account's first contact came with it
    delay_days = np.where(first, 0, np.floor(-np.log(streams.uniform("created_delay", n)) * 20).astype(np.int64))
    created_day = np.minimum(company_created // SECONDS_PER_DAY + delay_days, context.as_of_day - 1)
    created = context.clock.moment(created_day, streams, "created", companies["_zone"][company])
    created = np.clip(created, company_created, context.as_of_seconds - 60)
    own = streams.uniform("owner_follows", n) < OWNER_FOLLOWS_COMPANY
    owner = np.where(own, companies["owner_id"][company], plan.ownership.pick(streams.raw("owner", n), created))
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
        "_level": level,
    }
