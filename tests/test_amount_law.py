"""Laws mean what they say over the generated deals, for any size correlation (DESIGN section 6).

Each tenant has about 20,000 deals: enough for maximum likelihood to land within 5% and for a KS test to see the
tilt that size-weighted deal counts used to give amounts (MLE alpha 1.04 instead of 1.3 at size_correlation 0.6).
The company count is not a multiple of the block, so the filled-up last block is part of the sample.
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd
import pytest
from scipy import optimize, special, stats

from conftest import recipe_from
from demogen.dataset import build_plan
from demogen.generate.companies import generate_companies
from demogen.generate.contacts import generate_contacts
from demogen.generate.deals import generate_deals
from demogen.generate.lifecycle import KINDS
from demogen.generate.vendor import DEAL_TYPES

COMPANIES = 13_500
SEED = 5
CORRELATIONS = (0.0, 0.6, 0.95)
PARETO = {"dist": "pareto", "alpha": 1.3, "minimum": 2000, "cap": 2_000_000}
LAWS = {
    "pareto": PARETO,
    "lognormal": {"dist": "lognormal", "median": 15_000, "sigma": 0.9},
    "mixture": {
        "dist": "mixture",
        "components": [
            {"weight": 4, "law": {"dist": "lognormal", "median": 8000, "sigma": 0.6}},
            {"weight": 1, "law": {"dist": "pareto", "alpha": 1.2, "minimum": 25_000, "cap": 5_000_000}},
        ],
    },
}


@functools.cache
def tenant(law: str, rho: float, rounding: str = "cents") -> dict[str, np.ndarray]:
    """Deal amounts (currency units), sales cycles (days) and company employees of a large tenant."""
    overrides = {
        "volume": {"companies": COMPANIES},
        "companies": {"size_correlation": rho},
        "deals": {"amount": {**LAWS[law], "rounding": rounding}},
    }
    plan = build_plan(recipe_from(overrides, seed=SEED))
    blocks = []
    for block in range(plan.blocks):
        companies = generate_companies(plan.context, plan, block)
        contacts = generate_contacts(plan.context, plan, block, companies=companies)
        blocks.append(generate_deals(plan.context, plan, block, companies=companies, contacts=contacts))
    deals = {column: np.concatenate([b[column] for b in blocks]) for column in blocks[0]}
    day = 86_400
    return {
        "amount": deals["amount"] / 100,
        "cycle_days": deals["expected_close_date"] - deals["created_at"] // day,
        "employees": plan.employees[deals["company_id"] - 1],
        "kind": deals["_kind"],
        "law": plan.context.recipe.deals.amount.law,
        "cycle_law": plan.context.recipe.deals.sales_cycle_days,
    }


def pareto_alpha_mle(x: np.ndarray, minimum: float, cap: float) -> float:
    """Truncated-Pareto MLE with known bounds: n/a - sum log(x/m) - n r q^a / (1 - q^a) = 0, q = m/cap."""
    n, s, r = len(x), np.log(x / minimum).sum(), np.log(cap / minimum)
    return optimize.brentq(lambda a: n / a - s - n * r / np.expm1(a * r), 1e-3, 50)


def mixture_mle(x: np.ndarray) -> dict[str, float]:
    """MLE of the lognormal + capped Pareto mixture (bounds known): weight share, median, sigma, alpha."""
    _, tail = LAWS["mixture"]["components"]
    m, cap = tail["law"]["minimum"], tail["law"]["cap"]
    logx = np.log(x)

    def nll(theta: np.ndarray) -> float:
        share, median, sigma, alpha = special.expit(theta[0]), *np.exp(theta[1:])
        body = np.exp(-0.5 * ((logx - np.log(median)) / sigma) ** 2) / (x * sigma * np.sqrt(2 * np.pi))
        inside = (x >= m) & (x <= cap)
        dens = alpha * m**alpha / np.maximum(x, m) ** (alpha + 1) / -np.expm1(alpha * np.log(m / cap))
        return -np.log(share * body + (1 - share) * np.where(inside, dens, 0.0)).sum()

    start = np.array([special.logit(0.7), np.log(7000), np.log(0.5), np.log(1.0)])
    fit = optimize.minimize(nll, start, method="Nelder-Mead", options={"xatol": 1e-6, "fatol": 1e-6, "maxiter": 4000})
    share, median, sigma, alpha = special.expit(fit.x[0]), *np.exp(fit.x[1:])
    return {"share": share, "median": median, "sigma": sigma, "alpha": alpha}


def mle(law: str, x: np.ndarray) -> dict[str, float]:
    if law == "pareto":
        return {"alpha": pareto_alpha_mle(x, PARETO["minimum"], PARETO["cap"])}
    if law == "lognormal":
        return {"median": float(np.exp(np.log(x).mean())), "sigma": float(np.log(x).std())}
    return mixture_mle(x)


def configured(law: str) -> dict[str, float]:
    spec = LAWS[law]
    if law == "mixture":
        body, tail = (c["law"] for c in spec["components"])
        weights = [c["weight"] for c in spec["components"]]
        share = weights[0] / sum(weights)
        return {"share": share, "median": body["median"], "sigma": body["sigma"], "alpha": tail["alpha"]}
    return {k: v for k, v in spec.items() if k in {"alpha", "median", "sigma"}}


@pytest.mark.parametrize("rho", CORRELATIONS)
@pytest.mark.parametrize("law", sorted(LAWS))
def test_maximum_likelihood_recovers_the_configured_law(law, rho):
    fitted = mle(law, tenant(law, rho)["amount"])
    for name, value in configured(law).items():
        assert fitted[name] == pytest.approx(value, rel=0.05), name


@pytest.mark.parametrize("rho", CORRELATIONS)
@pytest.mark.parametrize("law", sorted(LAWS))
def test_amounts_pass_a_ks_test_against_the_law(law, rho):
    data = tenant(law, rho)
    assert len(data["amount"]) > 19_000
    assert stats.kstest(data["amount"], data["law"].cdf).pvalue > 0.01


def test_nice_rounding_keeps_the_pareto_mle_within_5_percent():
    amounts = tenant("pareto", 0.6, "nice")["amount"]
    assert pareto_alpha_mle(amounts, PARETO["minimum"], PARETO["cap"]) == pytest.approx(PARETO["alpha"], rel=0.05)


@pytest.mark.parametrize(("rho", "low", "high"), [(0.0, -0.03, 0.03), (0.6, 0.4, 0.6), (0.95, 0.65, 0.9)])
def test_amounts_still_follow_company_size(rho, low, high):
    """The deal's type takes part of the ranking (its price band: a SaaS expansion costs about a third of new
    business at the same company), so even rho = 0.95 leaves room for a small expansion at a large account."""
    data = tenant("pareto", rho)
    assert low < stats.spearmanr(data["amount"], data["employees"]).statistic < high


def test_new_business_is_worth_more_than_expansions_and_services():
    data = tenant("pareto", 0.6)
    median = {kind: np.median(data["amount"][data["kind"] == index]) for index, kind in enumerate(KINDS)}
    assert median["new_business"] > 1.2 * median["expansion"] > 1.2 * median["services"]
    assert median["renewal"] > median["expansion"]


def test_sales_cycles_follow_their_law_over_all_deals():
    """Cycles are whole days (max(rint(x), 1)); compare with that law's CDF, F(k + 0.5), at the 1% KS bound."""
    data = tenant("pareto", 0.6)
    days, law = data["cycle_days"], data["cycle_law"]
    k = np.arange(1, int(law.support()[1]) + 1)
    empirical = np.searchsorted(np.sort(days), k, side="right") / len(days)
    assert np.abs(empirical - law.cdf(k + 0.5)).max() < 1.63 / np.sqrt(len(days))
    assert stats.spearmanr(days, data["employees"]).statistic > 0.25


@functools.cache
def deals_by_company(law: str) -> pd.DataFrame:
    plan = build_plan(recipe_from({"volume": {"companies": COMPANIES}, "deals": {"amount": LAWS[law]}}, seed=SEED))
    blocks = []
    for block in range(plan.blocks):
        companies = generate_companies(plan.context, plan, block)
        contacts = generate_contacts(plan.context, plan, block, companies=companies)
        blocks.append(generate_deals(plan.context, plan, block, companies=companies, contacts=contacts))
    columns = ("company_id", "amount", "_kind", "expected_close_date", "created_at")
    deals = pd.DataFrame({c: np.concatenate([b[c] for b in blocks]) for c in columns})
    return deals.assign(cycle=deals["expected_close_date"] - deals["created_at"] // 86_400)


def test_deal_types_keep_the_vendors_price_band_and_cycle_at_the_same_company():
    """SaaS defaults (generate.vendor.DEAL_TYPES): renewal 0.9x, expansion 0.35x, services 0.2x of a new-business
    deal at the same company, cycles 0.5x / 0.6x / 0.4x; measured as the median ratio to that company's new business
    (lognormal amounts: a Pareto law keeps small deals near its minimum)."""
    deals = deals_by_company("lognormal")
    new = deals[deals["_kind"] == 0].groupby("company_id")[["amount", "cycle"]].median()
    for index, (price, cycle, _) in enumerate(DEAL_TYPES["saas"][kind] for kind in KINDS):
        if index == 0:
            continue
        rows = (
            deals[deals["_kind"] == index]
            .merge(new, left_on="company_id", right_index=True, suffixes=("", "_new"))
            .dropna()
        )
        assert np.median(rows["amount"] / rows["amount_new"]) == pytest.approx(price, rel=0.35), KINDS[index]
        assert np.median(rows["cycle"] / rows["cycle_new"]) == pytest.approx(cycle, rel=0.3), KINDS[index]
