"""Customer companies: name, unique domain, industry, size-driven revenue, a coherent address and landline."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from demogen.generate.context import TenantContext
from demogen.generate.industries import INDUSTRY_NAMES, REVENUE_PER_EMPLOYEE
from demogen.generate.lifecycle import FIRST_DEAL_LEAD_DAYS, growth_days
from demogen.locales import Table, domain_brand, matching, split_format, table_view
from demogen.recipe import FORBIDDEN_WORDS
from demogen.rng import BlockStreams, choose, cumulative_weights, uniform_from_raw
from demogen.tables import Block
from demogen.text import (
    choose_text,
    concat,
    contains_any,
    fill_templates,
    int_text,
    repeat,
    replace_rows,
    scatter,
    significant_round,
)

NAME_PATTERNS = (
    # (first word, second word); the name joins them with the market's word or partner joiner, the domain joins
    # the same words' ASCII slugs
    ("stem", "sector"),
    ("last", "sector"),
    ("last", "last2"),
    ("stem", None),
)
PATTERN_CUMULATIVE = cumulative_weights(np.array([45, 25, 12, 18]))
EMAIL_PATTERNS = ("first.last", "flast", "first", "firstl", "first_last")
EMAIL_PATTERN_CUMULATIVE = cumulative_weights(np.array([62, 18, 8, 6, 6]))


SIZE_CLASSES = ("micro", "small", "medium", "large")
SIZE_BOUNDS = np.array([10, 50, 250])
"""EU size classes by employees (micro < 10 <= small < 50 <= medium < 250 <= large): legal forms depend on them."""


def size_class(employees: np.ndarray) -> np.ndarray:
    """Index into SIZE_CLASSES of each employee count."""
    return np.searchsorted(SIZE_BOUNDS, employees, side="right")


@dataclass(frozen=True)
class Identity:
    """What a company is called (with and without its legal form) and its web domain."""

    name: np.ndarray
    base: np.ndarray
    domain: np.ndarray


def _sector_words(locale, industry: np.ndarray, raw: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A sector word of each company's own industry (Logistik for a carrier, Software for a software house)."""
    words = locale.industry_words
    pieces, slugs = [], []
    for index, name in enumerate(INDUSTRY_NAMES):
        rows = np.flatnonzero(industry == index)
        if rows.size == 0:
            continue
        table = table_view(words, ("industry", name), lambda name=name: _rows_of(words, words["industry"] == name))
        pick = choose(raw[rows], table.cumulative)
        pieces.append((rows, table["word"][pick]))
        slugs.append((rows, table["slug"][pick]))
    return scatter(len(industry), pieces), scatter(len(industry), slugs)


def _rows_of(table: Table, selected: np.ndarray) -> Table:
    """The selected rows of a vocabulary, or all of it where none is selected (a market without the words)."""
    return table.subset(np.flatnonzero(selected)) if selected.any() else table


def _forms_by_industry(forms: Table, class_name: str) -> tuple[Table, dict[bytes, Table]]:
    """A size class's legal forms for any industry, and per industry with forms of its own (a profession's LLP)
    those plus the generic ones."""
    in_class = forms["size_class"] == class_name.encode()
    generic = in_class & (forms["industry"] == b"")
    special = sorted(set(forms["industry"][in_class & ~generic].tolist()))
    own = {ind: forms.subset(np.flatnonzero(generic | (in_class & (forms["industry"] == ind)))) for ind in special}
    return forms.subset(np.flatnonzero(generic)), own


def _legal_forms(locale, industry: np.ndarray, size: np.ndarray, raw: np.ndarray, city_raw: np.ndarray) -> np.ndarray:
    """A legal form that exists at the company's size in its market (an LLP or P.C. only where it is a profession)
    and, where the market keeps forms to a region, in the region of the company's city (Québec's `inc.`)."""
    if "region" not in locale.legal_form_sizes.columns:
        return _legal_forms_of(locale.legal_form_sizes, industry, size, raw)
    region = locale.cities["region"][choose(city_raw, locale.cities.cumulative)]
    return _by_region(
        region, locale.legal_form_sizes, lambda at, forms: _legal_forms_of(forms, industry[at], size[at], raw[at])
    )


def _by_region(region: np.ndarray, table: Table, pick) -> np.ndarray:
    """`pick(rows, table)` for the rows of each region, with the table's rows of that region or of none."""
    pieces = []
    for value in np.unique(region).tolist():
        at = np.flatnonzero(region == value)
        pieces.append((at, pick(at, matching(table, "region", value))))
    return scatter(len(region), pieces)


def _legal_forms_of(forms: Table, industry: np.ndarray, size: np.ndarray, raw: np.ndarray) -> np.ndarray:
    pieces = []
    for index, class_name in enumerate(SIZE_CLASSES):
        rows = np.flatnonzero(size == index)
        if rows.size == 0:
            continue
        generic, own = table_view(forms, ("by industry", class_name), lambda c=class_name: _forms_by_industry(forms, c))
        names = INDUSTRY_NAMES[industry[rows]]
        for ind, table in own.items():
            at = rows[names == ind]
            if at.size:
                pieces.append((at, table["form"][choose(raw[at], table.cumulative)]))
        at = rows[~np.isin(names, list(own))] if own else rows
        if at.size:
            pieces.append((at, generic["form"][choose(raw[at], generic.cumulative)]))
    return scatter(len(industry), pieces)


def company_identity(
    streams: BlockStreams,
    context: TenantContext,
    market: np.ndarray,
    industry: np.ndarray,
    employees: np.ndarray,
    *,
    attempt: int = 0,
    only: np.ndarray | None = None,
) -> Identity:
    """Brand-like names in the market's language: a sector word of the company's industry, a legal form of its
    size, and a matching ASCII domain. `attempt` > 0 draws another name (for a clash) from streams of its own.

    `only` (row indices) makes just those rows' identities, the same as those rows of the whole block's: every
    step is row by row once the block's draws are made, and a redraw is needed for a few rows of a block."""
    n = len(market)
    tag = f"@{attempt}" if attempt else ""
    pattern = choose(streams.raw("name_pattern" + tag, n), PATTERN_CUMULATIVE)
    keys = ("stem", "sector", "surname", "surname2", "surname3", "word_order", "legal_form", "suffix")
    raws = {key: streams.raw(key + tag, n) for key in keys}
    city_raw = streams.raw("city", n)  # the block's draw of each company's city (`generate_companies`)
    if only is not None:
        market, industry, employees, pattern = market[only], industry[only], employees[only], pattern[only]
        raws = {key: raw[only] for key, raw in raws.items()}
        city_raw = city_raw[only]
        n = len(only)
    size = size_class(employees)
    names, bases, domains = [], [], []
    for index, locale in enumerate(context.markets):
        rows = np.flatnonzero(market == index)
        if rows.size == 0:
            continue
        stem = choose(raws["stem"][rows], locale.stems.cumulative)
        last = choose(raws["surname"][rows], locale.last_names.cumulative)
        last2 = choose(raws["surname2"][rows], locale.last_names.cumulative)
        same = np.flatnonzero(last2 == last)  # not "Oliveira & Oliveira": a partner of another family
        last2[same] = choose(raws["surname3"][rows][same], locale.last_names.cumulative)
        tld = choose(raws["suffix"][rows], locale.email_suffixes.cumulative)
        words = {
            "stem": (locale.stems["word"][stem], locale.stems["slug"][stem]),
            "sector": _sector_words(locale, industry[rows], raws["sector"][rows]),
            "last": (locale.last_names["name"][last], locale.last_names["ascii"][last]),
            "last2": (locale.last_names["name"][last2], locale.last_names["ascii"][last2]),
        }
        p = pattern[rows]
        name_parts, slug_parts = [], []
        for k, (first, second) in enumerate(NAME_PATTERNS):
            at = np.flatnonzero(p == k)
            if at.size == 0:
                continue
            name, slug = words[first][0][at], words[first][1][at]
            if second is not None:
                second_name, second_slug = words[second][0][at], words[second][1][at]
                if second == "sector" and locale.sector_first:  # Transportes García where the language says so
                    flip = uniform_from_raw(raws["word_order"][rows][at]) < locale.sector_first
                    name, second_name = choose_text(flip, second_name, name), choose_text(flip, name, second_name)
                    slug, second_slug = choose_text(flip, second_slug, slug), choose_text(flip, slug, second_slug)
                name = concat(name, locale.partner_joiner if second == "last2" else locale.word_joiner, second_name)
                joined_slug = concat(slug, second_slug)
                clash = np.flatnonzero(contains_any(joined_slug, FORBIDDEN_WORDS))  # stolte+steuerung meet as one
                slug = replace_rows(joined_slug, clash, concat(slug[clash], "-", second_slug[clash]))
            name_parts.append((at, name))
            slug_parts.append((at, slug))
        base_name, base_slug = _capitalised(scatter(rows.size, name_parts)), scatter(rows.size, slug_parts)
        form = _legal_forms(locale, industry[rows], size[rows], raws["legal_form"][rows], city_raw[rows])
        names.append((rows, formatted(locale.company_format, name=base_name, form=form)))
        bases.append((rows, base_name))
        domains.append((rows, concat(base_slug, ".", locale.email_suffixes["suffix"][tld])))
    return Identity(name=scatter(n, names), base=scatter(n, bases), domain=scatter(n, domains))


def _streets(locale, region: np.ndarray, raw: np.ndarray) -> np.ndarray:
    """A street of the company's region where the market lists streets by region (the ones without a region go
    anywhere), else of the whole market."""
    streets = locale.streets
    if "region" not in streets.columns:
        return streets["street"][choose(raw, streets.cumulative)]
    return _by_region(region, streets, lambda at, table: table["street"][choose(raw[at], table.cumulative)])


def _capitalised(names: np.ndarray) -> np.ndarray:
    """A name starts with a capital, also where it starts with a surname particle: "Van Doorn & Hoefnagel B.V."."""
    first = np.strings.slice(names, 0, 1)
    if not np.isin(first, np.frombuffer(b"abcdefghijklmnopqrstuvwxyz", dtype="S1")).any():
        return names
    return concat(np.strings.upper(first), np.strings.slice(names, 1, None))


def formatted(two_part_format: str, **parts: np.ndarray) -> np.ndarray:
    """A market's two-part format filled row-wise: "{street} {number}", "{number} {street}", "{form}{name}"."""
    first, joiner, second = split_format(two_part_format)
    return concat(parts[first], joiner, parts[second])


def house_numbers(u: np.ndarray, largest: int) -> np.ndarray:
    """House numbers 1..largest, small ones most common as on real streets (most are short): log-uniform on
    [k, largest + k] shifted back by k, with k = largest / 40. Medians: about 30 for largest 200 (DE), about 1,350
    for 9,999 (US), where a uniform law gave 100 and 5,000."""
    k = max(largest / 40.0, 1.0)
    number = np.floor(k * ((largest + k) / k) ** u - k) + 1
    return np.clip(number, 1, largest).astype(np.int64)


class _DrawnOnce:
    """A block's streams that keep what they drew: the redraws of one attempt, made for a few rows at a time,
    read the same words (a stream is a pure function of its key, so this changes no value)."""

    def __init__(self, streams: BlockStreams) -> None:
        self._streams = streams
        self._drawn: dict[tuple[str, int], np.ndarray] = {}

    def raw(self, column: str, n: int) -> np.ndarray:
        if (column, n) not in self._drawn:
            self._drawn[column, n] = self._streams.raw(column, n)
        return self._drawn[column, n]


MAX_ATTEMPTS = 40
"""Names drawn for a company before a clash is accepted (only tiny custom name lists get there)."""


class NameRegistry:
    """Names and domains taken so far in the tenant, and the real domains no generated company may have.

    Blocks are registered in company order, so a company's name depends only on the companies before it
    (prefix stability); a company whose name or domain is taken, or whose domain names a real firm's (chase.ca
    for chase.com), draws again.
    """

    def __init__(self, context: TenantContext) -> None:
        self.reserved = frozenset().union(*(m.real_brands for m in (*context.markets, context.home)))
        self.names: set[bytes] = set()
        self.domains: set[bytes] = set()

    def _free(self, base: bytes, domain: bytes) -> bool:
        return (
            base.lower() not in self.names and domain not in self.domains and domain_brand(domain) not in self.reserved
        )

    def register(
        self,
        streams: BlockStreams,
        context: TenantContext,
        market: np.ndarray,
        industry: np.ndarray,
        employees: np.ndarray,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Unique names (with and without the legal form) and domains of one block's companies.

        Redraws are made only for the rows that can need them (first draws taken before, reserved, or repeated
        in the block; any other row on demand), each the same as that row of a whole-block redraw."""
        streams = _DrawnOnce(streams)
        first = company_identity(streams, context, market, industry, employees)
        name, base, domain = first.name.tolist(), first.base.tolist(), first.domain.tolist()
        suspects = self._suspects(base, domain)
        redraws: dict[int, dict[int, tuple[bytes, bytes, bytes]]] = {}

        def likely(attempt: int, row: int) -> bool:
            """Whether a later row will need this attempt too: every suspect for the first redraw, later ones where
            the previous draw is made and taken by now (a guess; a row left out draws on demand, the same)."""
            if attempt == 1:
                return True
            previous = redraws[attempt - 1].get(row)
            return previous is not None and not self._free(previous[1], previous[2])

        def redraw(attempt: int, row: int) -> tuple[bytes, bytes, bytes]:
            made = redraws.setdefault(attempt, {})
            if row not in made:
                later = (r for r in suspects if r > row and r not in made and likely(attempt, r))
                rows = np.array(sorted({row, *later}), dtype=np.int64)
                identity = company_identity(streams, context, market, industry, employees, attempt=attempt, only=rows)
                columns = (identity.name.tolist(), identity.base.tolist(), identity.domain.tolist())
                made.update(zip(rows.tolist(), zip(*columns, strict=True), strict=True))
            return made[row]

        for row in range(len(market)):
            chosen = (name[row], base[row], domain[row])
            attempt = 0
            while not self._free(chosen[1], chosen[2]):
                attempt += 1
                if attempt == MAX_ATTEMPTS:
                    chosen = (name[row], base[row], domain[row])
                    break
                chosen = redraw(attempt, row)
            name[row], base[row], domain[row] = chosen
            self.names.add(chosen[1].lower())
            self.domains.add(chosen[2])
        return np.array(name), np.array(base), np.array(domain)

    def _suspects(self, base: list[bytes], domain: list[bytes]) -> list[int]:
        """Rows whose first draw clashes with names taken before, a real firm, or another row of the block."""
        lowered = [b.lower() for b in base]
        seen_names, seen_domains = Counter(lowered), Counter(domain)
        return [
            row
            for row, (low, dom) in enumerate(zip(lowered, domain, strict=True))
            if seen_names[low] > 1 or seen_domains[dom] > 1 or not self._free(low, dom)
        ]


def _created_days(context: TenantContext, plan, streams: BlockStreams, start: int, stop: int) -> np.ndarray:
    """An account enters the CRM some weeks before its first deal; accounts without deals at the same pace."""
    n = stop - start
    first_deal = plan.first_deal_day[start:stop]
    lead = np.floor(-np.log(streams.uniform("lead_days", n)) * FIRST_DEAL_LEAD_DAYS).astype(np.int64)
    growth = context.recipe.deals.growth_per_year
    idle = growth_days(streams.uniform("created_day", n), context.history_start_day, context.as_of_day - 21, growth)
    return np.where(first_deal >= 0, np.maximum(first_deal - lead, context.history_start_day), idle)


def _with_units(locale, line: np.ndarray, streams: BlockStreams, rows: np.ndarray, n: int) -> np.ndarray:
    """Office suites on the street line where the market's business addresses carry them ("Suite 410"): the
    floor log-uniform from 1 to 29 (low floors most common), then a room in tens."""
    before, after, share = locale.unit
    if share == 0:
        return line
    has = np.flatnonzero(streams.uniform("unit", n)[rows] < share)
    floor = np.exp(streams.uniform("unit_floor", n)[rows][has] * np.log(30)).astype(np.int64)
    room = (streams.uniform("unit_room", n)[rows][has] * 10).astype(np.int64) * 10
    unit = concat(line[has], ", " + before, int_text(floor * 100 + room), after)
    return replace_rows(line, has, unit)


def generate_companies(context: TenantContext, plan, block: int) -> Block:
    start, stop = plan.company_range(block)
    n = stop - start
    streams = BlockStreams(context.stream_seed, "companies", block)
    market = plan.company_market[start:stop]
    employees = plan.employees[start:stop]
    industry = plan.industry[start:stop]
    noise = np.exp(0.45 * (streams.uniform("revenue_noise", n) - 0.5) * 2)
    revenue = significant_round(employees * REVENUE_PER_EMPLOYEE[industry] * noise * context.usd_to_currency)
    city_raw, street_raw = streams.raw("city", n), streams.raw("street", n)
    number_raw, prefix_raw = streams.raw("house_number", n), streams.raw("phone_prefix", n)
    pieces: dict[str, list] = {k: [] for k in ("country", "region", "city", "postal_code", "street", "template")}
    zone, city_of = np.empty(n, dtype=np.int64), np.empty(n, dtype=np.int64)
    for index, locale in enumerate(context.markets):
        rows = np.flatnonzero(market == index)
        if rows.size == 0:
            continue
        city = choose(city_raw[rows], locale.cities.cumulative)
        street = _streets(locale, locale.cities["region"][city], street_raw[rows])
        number = int_text(house_numbers(uniform_from_raw(number_raw[rows]), locale.house_number_max))
        first, joiner, _ = split_format(locale.street_format)
        line = concat(street, joiner, number) if first == "street" else concat(number, joiner, street)
        pieces["street"].append((rows, _with_units(locale, line, streams, rows, n)))
        pieces["country"].append((rows, repeat(locale.code, rows.size)))
        for key in ("region", "city", "postal_code"):
            pieces[key].append((rows, locale.cities[key][city]))
        prefix = locale.city_prefixes.pick(city, prefix_raw[rows])
        pieces["template"].append((rows, locale.fixed_prefixes["template"][prefix]))
        zone[rows] = context.places.city_place[index][city]
        city_of[rows] = city
    columns = {key: scatter(n, parts) for key, parts in pieces.items()}
    templates = columns.pop("template")
    columns["phone"] = fill_templates(templates, streams.raw("phone", n))
    created = context.clock.moment(_created_days(context, plan, streams, start, stop), streams, "created", zone)
    name, _, domain = plan.names.block(block)
    return {
        "id": np.arange(start + 1, stop + 1, dtype=np.int64),
        "name": name,
        "domain": domain,
        "industry": INDUSTRY_NAMES[industry],
        "employees": employees,
        "annual_revenue": (revenue * 100).astype(np.int64),
        **columns,
        "owner_id": plan.ownership.pick(streams.raw("owner", n), created),
        "created_at": created,
        "_zone": zone,
        "_city": city_of,  # row of its market's cities.csv
        "_phone_template": templates,
        "_email_pattern": choose(streams.raw("email_pattern", n), EMAIL_PATTERN_CUMULATIVE),
        "_market": market,
    }
