"""Everything generation needs that does not depend on the block: recipe, market data, dates, currency."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from dataclasses import dataclass

import numpy as np

from demogen.generate.timing import SECONDS_PER_DAY, WorkingClock
from demogen.locales import FALLBACK_MARKET, LocaleData, fold_ascii, load_locale, resolve_markets, with_names
from demogen.recipe import Recipe
from demogen.rng import cumulative_weights, integer_weights

EPOCH = dt.date(1970, 1, 1)

USD_PER_UNIT = {"USD": 1.0, "EUR": 1.08, "GBP": 1.27, "CHF": 1.13}
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
    def clock(self) -> WorkingClock:
        """Working time in the customer markets (zone index = market index)."""
        hours = self.recipe.activities
        return WorkingClock(
            tuple(m.timezone for m in self.markets), hours.working_hours, hours.weekend_share, *self._clock_days
        )

    @functools.cached_property
    def home_clock(self) -> WorkingClock:
        return WorkingClock((self.home.timezone,), self.recipe.activities.working_hours, 0.0, *self._clock_days)

    @property
    def _clock_days(self) -> tuple[int, int]:
        """Every working day the tenant can mention: reps join up to a year before history; tasks run ahead."""
        return self.history_start_day - 400, self.as_of_day + 800

    @functools.cached_property
    def stream_seed(self) -> int:
        """The root entropy of every stream: the recipe's seed and the tenant's identity (see `tenant_key`)."""
        return stream_seed(self.recipe.seed, self.recipe.tenant.name)

    @property
    def as_of_seconds(self) -> int:
        return self.as_of_day * SECONDS_PER_DAY

    @property
    def currency(self) -> str:
        return self.home.currency

    @property
    def usd_to_currency(self) -> float:
        return 1.0 / USD_PER_UNIT.get(self.currency, 1.0)


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
