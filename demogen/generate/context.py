"""Everything generation needs that does not depend on the block: recipe, market data, dates, currency."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from dataclasses import dataclass

import numpy as np

from demogen.generate.timing import SECONDS_PER_DAY, Place, WorkingClock
from demogen.generate.vendor import VendorProfile, vendor_profile
from demogen.locales import FALLBACK_MARKET, LocaleData, fold_ascii, load_locale, resolve_markets, with_names
from demogen.recipe import Recipe
from demogen.rng import cumulative_weights, integer_weights
from demogen.text import concat

EPOCH = dt.date(1970, 1, 1)

USD_PER_UNIT = {
    "USD": 1.0,
    "EUR": 1.08,
    "GBP": 1.27,
    "CHF": 1.13,
    "JPY": 0.0066,
    "INR": 0.0119,
    "BRL": 0.185,
    "MXN": 0.054,
    "AUD": 0.655,
    "CAD": 0.725,
}
"""Approximate 2024-2025 average exchange rates, used only to express company revenue in the tenant currency."""


@dataclass(frozen=True)
class TenantContext:
    recipe: Recipe
    markets: tuple[LocaleData, ...]
    market_cumulative: np.ndarray
    home: LocaleData
    tenant_domain: str
    as_of_day: int  # days since epoch
    history_start_day: int
    warnings: tuple[str, ...]

    @functools.cached_property
    def vendor(self) -> VendorProfile:
        """Who the tenant sells to, and its deal types' prices, cycles and odds."""
        return vendor_profile(self.recipe)

    @functools.cached_property
    def places(self) -> Places:
        """Where the customer companies work: each market's regions by time zone and holiday subdivision."""
        return market_places(self.markets)

    @functools.cached_property
    def clock(self) -> WorkingClock:
        """Working time at the customer companies' places (see `places`)."""
        return self._working_clock(self.places.places, self.recipe.activities.weekend_share)

    @functools.cached_property
    def home_clock(self) -> WorkingClock:
        """Working time of the tenant's own team: the home market's zone and nationwide holidays."""
        return self._working_clock(market_places((self.home,), regional=False).places, 0.0)

    def _working_clock(self, places: tuple[Place, ...], weekend_share: float) -> WorkingClock:
        hours = self.recipe.activities
        return WorkingClock(
            places,
            hours.working_hours,
            weekend_share,
            *self._clock_days,
            holiday_share=hours.holiday_share,
            lunch=(hours.lunch_hour, hours.lunch_dip),
        )

    @property
    def _clock_days(self) -> tuple[int, int]:
        """Every working day the tenant can mention: reps join up to a year before history; tasks run ahead."""
        return self.history_start_day - 400, self.as_of_day + 800

    @functools.cached_property
    def stream_seed(self) -> int:
        """The root entropy of every stream: the recipe's seed and the tenant's identity (see `tenant_key`)."""
        return stream_seed(self.recipe.seed, self.recipe.tenant.name)

    def addresses(self, local: np.ndarray, domain: np.ndarray | str) -> np.ndarray:
        """Email addresses of local parts at their domain, or, with `tenant.route_email_to`, at the routed domain
        tagged with theirs (`first.last+company.com@routed`): unique, readable, and delivered to the user only."""
        routed = self.recipe.tenant.route_email_to
        return concat(local, "@", domain) if routed is None else concat(local, "+", domain, "@", routed)

    @property
    def as_of_seconds(self) -> int:
        return self.as_of_day * SECONDS_PER_DAY

    @property
    def currency(self) -> str:
        return self.home.currency

    @property
    def usd_to_currency(self) -> float:
        return 1.0 / USD_PER_UNIT.get(self.currency, 1.0)


@dataclass(frozen=True)
class Places:
    places: tuple[Place, ...]
    city_place: tuple[np.ndarray, ...]  # per market, the place index of each row of its cities.csv


def market_places(markets: tuple[LocaleData, ...], *, regional: bool = True) -> Places:
    """The distinct (time zone, holiday subdivision) places of the markets' regions (`regions.csv`; a region it
    does not list works in the market's time zone with nationwide holidays), in market order."""
    places: list[Place] = []
    city_place = []
    for locale in markets:
        days = np.array([d for d, _ in locale.holidays], dtype="datetime64[D]").astype(np.int64)
        subdivisions = np.array([s for _, s in locale.holidays], dtype=str)
        own: dict[tuple[str, str], int] = {}
        regions, inverse = np.unique(locale.cities["region"], return_inverse=True)
        index = []
        for region in regions.tolist() if regional else []:
            key = locale.regions.get(region.decode("utf-8"), (locale.timezone, ""))
            if key not in own:
                observed = days[(subdivisions == "") | (subdivisions == key[1])]
                own[key] = len(places)
                places.append(Place(key[0], tuple(np.unique(observed).tolist())))
            index.append(own[key])
        if not regional:
            places.append(Place(locale.timezone, tuple(np.unique(days[subdivisions == ""]).tolist())))
        city_place.append(np.array(index, dtype=np.int64)[inverse] if regional else np.zeros(0, dtype=np.int64))
    return Places(tuple(places), tuple(city_place))


def tenant_key(name: str) -> int:
    """A stable 64-bit key of the tenant's name (SHA-256, never the salted built-in hash)."""
    return int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big")


def stream_seed(seed: int, tenant_name: str) -> int:
    """Seed and tenant identity as one integer of SeedSequence entropy (seed < 2**63, so the pair is recoverable).

    Two tenants with the same seed but different names draw from unrelated streams, so tenants pushed into one
    database share no reps, contacts or companies.
    """
    return seed + (tenant_key(tenant_name) << 64)


def day_number(day: dt.date) -> int:
    return (day - EPOCH).days


def _market(recipe: Recipe, code: str) -> LocaleData:
    """A market's data, with the recipe's own name lists for it where it has them."""
    data = load_locale(code)
    own = recipe.names.get(code)
    return data if own is None else with_names(data, own.first_names, own.last_names)


def build_context(recipe: Recipe) -> TenantContext:
    """Resolve markets (with fallback warnings) and load their data; the only I/O before generation."""
    mix, warnings = resolve_markets(recipe.locales, strict=recipe.strict_locales)
    home_code, home_warnings = resolve_markets({recipe.tenant.country: 1.0}, strict=recipe.strict_locales)
    markets = tuple(_market(recipe, code) for code in mix)
    home = _market(recipe, next(iter(home_code)))
    ignored = sorted(set(recipe.names) - set(mix) - set(home_code))
    warnings += [f"names.{code}: {code} uses {FALLBACK_MARKET} data, so its own names are not used" for code in ignored]
    domain = recipe.tenant.domain or f"{fold_ascii(recipe.tenant.name, {})}.{home.email_suffixes.texts('suffix')[0]}"
    as_of_day = day_number(recipe.as_of)
    history_days = round(recipe.tenant.history_months * 30.4375)
    return TenantContext(
        recipe=recipe,
        markets=markets,
        market_cumulative=cumulative_weights(integer_weights(mix)),
        home=home,
        tenant_domain=domain,
        as_of_day=as_of_day,
        history_start_day=as_of_day - history_days,
        warnings=tuple(warnings + [w.replace("locales.", "tenant.country: ") for w in home_warnings]),
    )
