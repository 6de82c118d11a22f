"""The vendor profile: who the tenant sells to, and how its deal types differ in price, cycle and odds.

`[vendor] sells` picks the defaults below; `[vendor] industries` and `[vendor.deal_types.<kind>]` override them.
Prices and cycles are relative to a new-business deal at the same company and move a deal in the ranking that
hands out the amount and cycle laws (`deals.assign_by_rank`), so the laws over all deals stay exactly the
configured ones; win odds multiply the odds of `deals.win_rate`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from demogen.generate.industries import INDUSTRIES
from demogen.recipe import DEAL_KINDS as KINDS
from demogen.recipe import Recipe
from demogen.special import ndtr

INDUSTRY_LIFT = {
    # how much more (or less) often than in the B2B account base each industry buys from this kind of vendor
    "saas": {"Software": 2.0, "IT Services": 1.8, "Professional Services": 1.5, "Media": 1.5,
             "Financial Services": 1.3, "Manufacturing": 0.6, "Wholesale": 0.6, "Logistics": 0.6,
             "Construction": 0.4, "Energy": 0.4, "Hospitality": 0.6, "Education": 0.8, "Real Estate": 0.8},
    "enterprise_software": {"Financial Services": 2.2, "Telecommunications": 2.0, "Healthcare": 1.5, "Energy": 1.5,
                            "Manufacturing": 1.3, "Retail": 1.3, "Logistics": 1.2, "Software": 0.8,
                            "IT Services": 0.8, "Professional Services": 0.8, "Education": 0.8, "Media": 0.8,
                            "Real Estate": 0.6, "Construction": 0.5, "Hospitality": 0.5},
    "machinery": {"Manufacturing": 3.5, "Construction": 2.0, "Energy": 1.8, "Logistics": 1.5, "Wholesale": 1.2,
                  "Healthcare": 0.4, "Retail": 0.3, "Hospitality": 0.3, "Telecommunications": 0.3,
                  "Professional Services": 0.2, "Education": 0.2, "Real Estate": 0.2, "Software": 0.1,
                  "IT Services": 0.1, "Financial Services": 0.1, "Media": 0.1},
    "professional_services": {"Real Estate": 1.8, "Financial Services": 1.5, "Construction": 1.4, "Hospitality": 1.4,
                              "Healthcare": 1.3, "Retail": 1.2, "Software": 0.9, "IT Services": 0.8,
                              "Energy": 0.6, "Telecommunications": 0.5},
}  # fmt: skip
"""Unlisted industries: 1. A machinery maker sells to plants and builders, a SaaS vendor to software and services
firms, an enterprise vendor to banks and carriers, an accountancy or consultancy to every trade."""
DEAL_TYPES = {
    # kind: (price, cycle, win odds) per vendor, relative to a new-business deal (win odds: to deals.win_rate)
    "saas": {"new_business": (1.0, 1.0, 0.8), "renewal": (0.9, 0.5, 8.0), "expansion": (0.35, 0.6, 3.0),
             "services": (0.2, 0.4, 4.0)},
    "enterprise_software": {"new_business": (1.0, 1.0, 0.8), "renewal": (0.6, 0.6, 6.0),
                            "expansion": (0.5, 0.7, 2.5), "services": (0.3, 0.5, 3.0)},
    "machinery": {"new_business": (1.0, 1.0, 0.8), "renewal": (0.15, 0.5, 6.0), "expansion": (0.5, 0.8, 2.0),
                  "services": (0.12, 0.3, 5.0)},
    "professional_services": {"new_business": (1.0, 1.0, 0.8), "renewal": (0.8, 0.4, 5.0),
                              "expansion": (0.6, 0.6, 3.0), "services": (0.3, 0.5, 4.0)},
}  # fmt: skip
"""SaaS renewals are worth about a year's contract and close fast; machinery renewals are service contracts worth
a fraction of a machine; consultancies renew retainers and extend scopes. Existing customers win far more often."""


MAX_SHIFT = 2.0
"""The furthest a deal type moves a deal in a law's ranking (standard-normal units)."""


@dataclass(frozen=True)
class VendorProfile:
    industry_cumulative: np.ndarray  # over generate.companies.INDUSTRIES; an industry of weight 0 is never drawn
    price: np.ndarray  # per KINDS
    cycle: np.ndarray
    win_odds: np.ndarray

    def score_shift(self, ratio: np.ndarray, law, kind: np.ndarray) -> np.ndarray:
        """The shift (standard-normal units) of each deal's ranking score that moves its value by about `ratio`
        of its kind under `law`: log ratio over the law's log spread per sigma (half its +-1 sigma quantile range),
        within +-MAX_SHIFT so that company size still ranks most deals. A law bounds how far a ratio reaches: a
        Pareto law keeps the smaller deals near its minimum."""
        low, high = law.sample(np.array([float(ndtr(-1.0)), float(ndtr(1.0))]))
        shift = np.log(ratio) / max(float(np.log(high / low)) / 2, 1e-9)
        return np.clip(shift, -MAX_SHIFT, MAX_SHIFT)[kind]


def vendor_profile(recipe: Recipe) -> VendorProfile:
    """The recipe's vendor profile: its own industry mix and deal-type figures where given, else its kind's."""
    vendor = recipe.vendor
    lift = INDUSTRY_LIFT[vendor.sells]
    if vendor.industries is not None:
        weights = np.array([vendor.industries.get(name, 0.0) for name, _, _ in INDUSTRIES])
    else:
        weights = np.array([share * lift.get(name, 1.0) for name, share, _ in INDUSTRIES])
    defaults = DEAL_TYPES[vendor.sells]
    columns = []
    for position, field in enumerate(("price", "cycle", "win_odds")):
        own = {kind: getattr(spec, field) for kind, spec in vendor.deal_types.items()}
        columns.append(np.array([own.get(k) or defaults[k][position] for k in KINDS], dtype=np.float64))
    return VendorProfile(np.cumsum(np.rint(weights / weights.sum() * 1_000_000).astype(np.int64)), *columns)
