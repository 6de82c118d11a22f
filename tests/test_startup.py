"""Start-up: what a small export imports, and the scipy-free special functions that make it possible.

Timings live in `benchmarks/startup.py`; these tests pin the causes (which modules load) and hold
`demogen.special` to scipy, the reference: the normal CDF and quantile within 4 ulp of scipy.special's, the count
laws' quantiles equal to scipy.stats' except where q lies within 1e-12 of a step of the CDF.
"""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal, localcontext
from pathlib import Path

import numpy as np
import pytest
from scipy import special as reference
from scipy import stats

from demogen import special

ROOT = Path(__file__).resolve().parent.parent
EDGE_QUANTILES = np.array([0.0, 1.0, 5e-324, 1e-300, 1e-12, 0.5, 1 - 1e-12, 1 - 2**-53, -0.5, 1.5, np.nan])
COUNTS = np.concatenate([np.arange(-3.0, 3000.0), [0.5, 2.5, np.inf, -np.inf, np.nan]])
POISSON_MEANS = [1e-3, 0.3, 1.5, 3.0, 7.25, 40.0, 500.0, 600.0]
NEGATIVE_BINOMIALS = [(6.0, 2.0), (1.5, 0.3), (0.2, 5.0), (30.0, 10.0), (3.0, 1000.0), (500.0, 0.3), (500.0, 2.0)]
"""(mean, dispersion): the recipes' laws and far beyond them (large means, heavy tails)."""


def ulps_apart(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """How many doubles lie between a and b (of the same sign), 0 where both are the same infinity or NaN."""
    same = (a == b) | (np.isnan(a) & np.isnan(b))
    assert np.all(same | (np.sign(a) == np.sign(b)))
    return np.where(same, 0, np.abs(a.view(np.int64) - b.view(np.int64)))


def test_normal_quantile_is_scipys_within_4_ulp():
    rng = np.random.default_rng(11)
    p = np.concatenate(
        [
            np.linspace(0, 1, 1_000_001),
            10.0 ** -rng.uniform(0, 300, 200_000),  # the lower tail down to 1e-300
            1 - 10.0 ** -rng.uniform(0, 16, 200_000),  # the upper tail up to 1 - 1e-16
            EDGE_QUANTILES,
            [np.inf, -np.inf],
        ]
    )
    ours, theirs = special.ndtri(p), reference.ndtri(p)
    assert ulps_apart(ours, theirs).max() <= 4  # numpy's log rounds otherwise than the C library's at times
    assert special.ndtri(0.0) == -np.inf and special.ndtri(1.0) == np.inf and np.isnan(special.ndtri(1.5))
    assert isinstance(special.ndtri(0.3), np.float64)


def test_normal_cdf_is_scipys_within_4_ulp():
    rng = np.random.default_rng(12)
    x = np.concatenate([np.linspace(-40, 40, 1_000_001), rng.normal(0, 3, 200_000), [np.inf, -np.inf, np.nan, -0.0]])
    ours, theirs = special.ndtr(x), reference.ndtr(x)
    assert ulps_apart(ours, theirs).max() <= 4  # numpy's exp rounds otherwise than the C library's at times
    assert special.ndtr(-np.inf) == 0 and special.ndtr(np.inf) == 1 and np.isnan(special.ndtr(np.nan))


def assert_quantiles_match(ours, theirs, q: np.ndarray, cdf) -> None:
    """Equal, or q lies within a relative 1e-12 of the CDF at the smaller answer (a step either side may round)."""
    differ = (ours != theirs) & ~(np.isnan(ours) & np.isnan(theirs))
    step = cdf(np.minimum(ours[differ], theirs[differ]))
    assert np.all(np.abs(q[differ] - step) <= 1e-12 * q[differ]), q[differ]


def assert_cdf_matches(ours: np.ndarray, theirs: np.ndarray) -> None:
    """Within 1e-12 relative (scipy's own Poisson CDF errs by 5e-13 at mean 600), edges exactly."""
    body = np.isfinite(theirs) & (theirs > 1e-300)
    assert np.array_equal(ours[~body], theirs[~body], equal_nan=True)
    assert np.all(np.abs(ours[body] - theirs[body]) <= 1e-12 * theirs[body])


def quantiles(size: int, seed: int = 7) -> np.ndarray:
    return np.concatenate([np.random.default_rng(seed).random(size), EDGE_QUANTILES])


@pytest.mark.parametrize("mu", POISSON_MEANS)
def test_poisson_counts_are_those_of_scipy_stats(mu):
    law, q = stats.poisson(mu), quantiles(100_000)
    assert_quantiles_match(special.poisson_ppf(q, mu), law.ppf(q), q, law.cdf)
    assert_cdf_matches(special.poisson_cdf(COUNTS, mu), law.cdf(COUNTS))
    assert special.poisson_cdf(np.float64(4), mu) == special.poisson_cdf(np.array([4.0]), mu)[0]


@pytest.mark.parametrize(("mean", "dispersion"), NEGATIVE_BINOMIALS)
def test_negative_binomial_counts_are_those_of_scipy_stats(mean, dispersion):
    p = dispersion / (dispersion + mean)
    law, q = stats.nbinom(dispersion, p), quantiles(100_000)
    assert_quantiles_match(special.nbinom_ppf(q, dispersion, p), law.ppf(q), q, law.cdf)
    assert_cdf_matches(special.nbinom_cdf(COUNTS, dispersion, p), law.cdf(COUNTS))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("law", "ours"),
    [
        (stats.poisson(600.0), lambda q: special.poisson_ppf(q, 600.0)),
        (stats.nbinom(2.0, 0.25), lambda q: special.nbinom_ppf(q, 2.0, 0.25)),
        (stats.nbinom(0.3, 0.3 / 500.3), lambda q: special.nbinom_ppf(q, 0.3, 0.3 / 500.3)),
    ],
    ids=["poisson-600", "negbinom-6-2", "negbinom-500-0.3"],
)
def test_a_million_count_quantiles_are_those_of_scipy_stats(law, ours):
    q = quantiles(1_000_000, seed=8)
    assert_quantiles_match(ours(q), law.ppf(q), q, law.cdf)


def exact_cdf(first: Decimal, step, count: int) -> np.ndarray:
    """CDF at 0 .. count - 1 in 50-digit decimals from pmf(0) and the ratio pmf(k) / pmf(k - 1) = step(k)."""
    with localcontext() as context:
        context.prec = 50
        term, total, out = first, Decimal(0), []
        for k in range(count):
            term = term * step(k) if k else term
            total += term
            out.append(float(total))
    return np.array(out)


def test_count_laws_are_exact_to_a_few_ulp_per_step():
    """Against 50-digit sums: our Poisson CDF is closer to the truth than scipy's (5e-13 at mean 600)."""
    k = np.arange(2000.0)
    mu, n, p = 600.0, 0.3, 0.3 / 500.3
    with localcontext() as context:
        context.prec = 50
        exact_mu, exact_n, exact_p = Decimal(mu), Decimal(n), Decimal(p)  # the doubles the laws are given, exactly
        poisson = exact_cdf((-exact_mu).exp(), lambda j: exact_mu / j, 2000)
        nbinom = exact_cdf((exact_n * exact_p.ln()).exp(), lambda j: (j - 1 + exact_n) / j * (1 - exact_p), 2000)
    assert np.max(np.abs(special.poisson_cdf(k, mu) / poisson - 1)) < 1e-14
    assert np.max(np.abs(special.nbinom_cdf(k, n, p) / nbinom - 1)) < 1e-13  # 1 - p rounds: k ulp at k


def imported_by(*args: str) -> set[str]:
    """The modules a `demogen` command imports, read from `python -X importtime` in a process of its own."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "demogen.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    lines = [line.split("|")[-1] for line in result.stderr.splitlines() if line.startswith("import time:")]
    return {line.strip() for line in lines}


@pytest.fixture(scope="module")
def small_export_imports(tmp_path_factory) -> set[str]:
    folder = tmp_path_factory.mktemp("small")
    recipe = folder / "small.toml"
    recipe.write_text('[tenant]\nname = "Acme"\nas_of = "2026-11-28"\n[volume]\ncompanies = 10\n', encoding="utf-8")
    return imported_by("export", "--config", str(recipe), "--out", str(folder / "out"))


@pytest.mark.parametrize(
    "module",
    [
        "sqlalchemy",
        "alembic",
        "scipy",
        "phonenumbers",
        "pandas",
    ],
)
def test_a_small_export_does_not_import(small_export_imports, module):
    assert "numpy" in small_export_imports  # the export did run
    assert module not in small_export_imports
