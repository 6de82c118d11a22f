"""Distribution parameters mean what the docs say."""

import numpy as np
import pytest
from pydantic import TypeAdapter, ValidationError

from conftest import recipe_from
from demogen.distributions import (
    AmountLaw,
    CountLaw,
    Pareto,
    assign_by_rank,
    copula_uniform,
    pareto_alpha_for_top_share,
)

U = (np.arange(200_000) + 0.5) / 200_000
amount = TypeAdapter(AmountLaw).validate_python
count = TypeAdapter(CountLaw).validate_python


def test_pareto_is_classical_with_minimum_and_cap():
    law = amount({"dist": "pareto", "alpha": 1.3, "minimum": 2000, "cap": 2_000_000})
    x = law.sample(U)
    assert x.min() >= 2000 and x.max() <= 2_000_000
    # P(X > 2 * minimum) = 2 ** -alpha, corrected for the cap's missing mass
    expected = (2**-1.3 - (2000 / 2_000_000) ** 1.3) / (1 - (2000 / 2_000_000) ** 1.3)
    assert np.mean(x > 4000) == pytest.approx(expected, abs=0.002)
    assert x.mean() == pytest.approx(law.mean(), rel=0.01)


def test_lognormal_median_is_the_median():
    law = amount({"dist": "lognormal", "median": 15_000, "sigma": 1.0})
    assert np.median(law.sample(U)) == pytest.approx(15_000, rel=0.01)


def test_mixture_weights_split_the_mass():
    law = amount(
        {
            "dist": "mixture",
            "components": [
                {"weight": 3, "law": {"dist": "lognormal", "median": 1000, "sigma": 0.2}},
                {"weight": 1, "law": {"dist": "pareto", "alpha": 2, "minimum": 100_000}},
            ],
        }
    )
    x = law.sample(U)
    assert np.mean(x >= 100_000) == pytest.approx(0.25, abs=0.002)
    grid = np.array([500.0, 2000.0, 1e6])
    assert np.all(np.diff(law.cdf(grid)) >= 0)


@pytest.mark.parametrize(
    "spec",
    [
        {"dist": "poisson", "mean": 1.5, "max": 25},
        {"dist": "negbinom", "mean": 6, "dispersion": 2, "max": 120},
        {"dist": "lognormal", "median": 3, "sigma": 0.8, "min": 1, "max": 60},
        {"dist": "fixed", "value": 4},
    ],
)
def test_counts_are_truncated_and_match_their_mean(spec):
    law = count(spec)
    k = law.sample(U)
    assert k.min() >= law.min and k.max() <= max(law.max, getattr(law, "value", 0))
    assert k.mean() == pytest.approx(law.mean(), rel=0.01)
    assert law.pmf(np.arange(0, 200)).sum() == pytest.approx(1.0, abs=1e-6)


def test_lognormal_count_median():
    law = count({"dist": "lognormal", "median": 3, "sigma": 0.8, "min": 1, "max": 60})
    assert np.median(law.sample(U)) == 3


@pytest.mark.parametrize(
    "spec",
    [
        {"dist": "pareto", "alpha": 0, "minimum": 1},
        {"dist": "pareto", "alpha": 1, "minimum": 10, "cap": 5},
        {"dist": "lognormal", "median": 10, "sigma": -1},
        {"dist": "lognormal", "median": 10, "sigma": 1, "min": 20, "max": 5},
        {"dist": "lognormal", "median": 10, "sigma": 1, "minimum": 5, "cap": 5},
        {"dist": "uniform"},
    ],
)
def test_bad_parameters_are_refused(spec):
    with pytest.raises(ValidationError):
        amount(spec)


def test_copula_keeps_the_marginal_uniform_and_adds_correlation():
    rng = np.random.Generator(np.random.Philox(1))
    z = rng.standard_normal(100_000)
    u = copula_uniform(z, rng.random(100_000), 0.6)
    assert np.histogram(u, bins=10, range=(0, 1))[0].min() > 9_000
    assert np.corrcoef(z, u)[0, 1] > 0.5


def test_assign_by_rank_keeps_the_values_and_follows_the_score():
    rng = np.random.Generator(np.random.Philox(2))
    values, score = rng.random(1000), rng.standard_normal(1000)
    out = assign_by_rank(values, score)
    assert np.array_equal(np.sort(out), np.sort(values))
    assert np.array_equal(np.argsort(out), np.argsort(score))


BOUNDS = {"minimum": 2000, "cap": 2_000_000}


@pytest.mark.parametrize(
    "spec",
    [
        {"dist": "pareto", "alpha": 1.3},
        {"dist": "lognormal", "median": 15_000, "sigma": 0.9},
        {"dist": "mixture", "components": [{"weight": 1, "law": {"dist": "lognormal", "median": 9000, "sigma": 1}}]},
    ],
)
def test_every_amount_law_takes_minimum_and_cap(spec):
    if spec["dist"] == "mixture":
        spec = {**spec, "components": [{**c, "law": {**c["law"], **BOUNDS}} for c in spec["components"]]}
    else:
        spec = {**spec, **BOUNDS}
    law = amount(spec)
    assert law.support() == (2000, 2_000_000)
    x = law.sample(U)
    assert x.min() >= 2000 and x.max() <= 2_000_000


def test_lognormal_accepts_min_and_max_as_aliases_and_dumps_minimum_and_cap():
    old = amount({"dist": "lognormal", "median": 15_000, "sigma": 0.9, "min": 2000, "max": 2_000_000})
    new = amount({"dist": "lognormal", "median": 15_000, "sigma": 0.9, **BOUNDS})
    assert old == new
    dumped = old.model_dump(mode="json", by_alias=True)
    assert dumped["minimum"] == 2000 and dumped["cap"] == 2_000_000 and "min" not in dumped
    assert amount(dumped) == old


def test_both_spellings_of_one_bound_are_refused():
    with pytest.raises(ValidationError, match="same bound"):
        amount({"dist": "lognormal", "median": 15_000, "sigma": 0.9, "min": 1000, "minimum": 2000})


def test_sales_cycle_days_keep_min_and_max():
    cycle = {"dist": "lognormal", "median": 75, "sigma": 0.6, "min": 7, "max": 540}
    law = recipe_from({"deals": {"sales_cycle_days": cycle}}).deals.sales_cycle_days
    assert law.support() == (7, 540)


def test_pareto_top_share_matches_a_sample():
    law = amount({"dist": "pareto", "alpha": 1.3, **BOUNDS})
    x = np.sort(law.sample(U))
    assert x[-len(x) // 5 :].sum() / x.sum() == pytest.approx(law.top_share(), abs=0.005)
    assert x[-len(x) // 10 :].sum() / x.sum() == pytest.approx(law.top_share(0.1), abs=0.005)
    uncapped = amount({"dist": "pareto", "alpha": 1.3, "minimum": 2000})
    assert uncapped.top_share() == pytest.approx(0.2 ** (1 - 1 / 1.3), rel=1e-12)


CAPPED = [(alpha, 2_000_000) for alpha in (0.8, 1.0, 1.3, 2.5, 6.0)]
UNCAPPED = [(alpha, None) for alpha in (1.3, 2.5, 6.0)]  # alpha <= 1 uncapped: infinite mean


@pytest.mark.parametrize(("alpha", "cap"), CAPPED + UNCAPPED)
@pytest.mark.parametrize("fraction", [0.2, 0.1])
def test_alpha_for_top_share_round_trips(alpha, cap, fraction):
    share = Pareto(dist="pareto", alpha=alpha, minimum=2000, cap=cap).top_share(fraction)
    solved = pareto_alpha_for_top_share(share, minimum=2000, cap=cap, fraction=fraction)
    assert solved == pytest.approx(alpha, rel=1e-9)


def test_alpha_for_top_share_takes_the_heavy_tailed_side_of_the_peak():
    """Far below alpha = 1 a capped Pareto tends to log-uniform and its top share falls again: the larger twin wins."""
    share = Pareto(dist="pareto", alpha=0.2, **BOUNDS).top_share()
    solved = pareto_alpha_for_top_share(share, **BOUNDS)
    assert solved > 0.2
    assert Pareto(dist="pareto", alpha=solved, **BOUNDS).top_share() == pytest.approx(share, rel=1e-9)


@pytest.mark.parametrize("share", [0.5, 0.15, 1.2])
def test_unreachable_top_share_names_the_range(share):
    with pytest.raises(ValueError, match=r"more than 20\.03% and at most 26\.50%"):
        pareto_alpha_for_top_share(share, minimum=2000, cap=4000)
