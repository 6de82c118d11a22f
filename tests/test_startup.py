"""Start-up: what a small export imports, and the scipy.stats-free count laws that make it possible.

Timings live in `benchmarks/startup.py`; these tests pin the causes (which modules load, and that the counts
are those of scipy.stats bit for bit).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from scipy import stats

from demogen import discrete

ROOT = Path(__file__).resolve().parent.parent

QUANTILES = np.concatenate(
    [
        np.random.default_rng(7).random(100_000),
        [0.0, 1.0, 5e-324, 1e-300, 1e-12, 0.5, 1 - 1e-12, 1 - 2**-53, -0.5, 1.5, np.nan],
    ]
)
COUNTS = np.concatenate([np.arange(-3.0, 1500.0), [0.5, 2.5, np.inf, -np.inf, np.nan]])


@pytest.mark.parametrize("mu", [1e-3, 0.3, 1.5, 3.0, 7.25, 40.0, 600.0])
def test_poisson_counts_are_those_of_scipy_stats(mu):
    law = stats.poisson(mu)
    assert np.array_equal(discrete.poisson_ppf(QUANTILES, mu), law.ppf(QUANTILES), equal_nan=True)
    assert np.array_equal(discrete.poisson_cdf(COUNTS, mu), law.cdf(COUNTS), equal_nan=True)
    assert discrete.poisson_cdf(np.float64(4), mu) == law.cdf(np.float64(4))


@pytest.mark.parametrize(("mean", "dispersion"), [(6.0, 2.0), (1.5, 0.3), (0.2, 5.0), (30.0, 10.0), (3.0, 1000.0)])
def test_negative_binomial_counts_are_those_of_scipy_stats(mean, dispersion):
    p = dispersion / (dispersion + mean)
    law = stats.nbinom(dispersion, p)
    assert np.array_equal(discrete.nbinom_ppf(QUANTILES, dispersion, p), law.ppf(QUANTILES), equal_nan=True)
    assert np.array_equal(discrete.nbinom_cdf(COUNTS, dispersion, p), law.cdf(COUNTS), equal_nan=True)


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
        "scipy.stats",
        "scipy.optimize",
        "phonenumbers",
        "pandas",
    ],
)
def test_a_small_export_does_not_import(small_export_imports, module):
    assert "numpy" in small_export_imports  # the export did run
    assert module not in small_export_imports
