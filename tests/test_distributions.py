"""Distribution parameters mean what the docs say."""

import numpy as np
import pytest
from pydantic import TypeAdapter, ValidationError

from demogen.distributions import AmountLaw, CountLaw, copula_uniform

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
