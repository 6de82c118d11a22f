"""Poisson and negative-binomial CDF and quantile, computed exactly as `scipy.stats` computes them.

Importing `scipy.stats` takes about half a second, more than everything else a small export needs, while
generation only uses two of its laws. These functions call the same `scipy.special` ufuncs with the same
arguments as `scipy.stats.poisson` / `scipy.stats.nbinom` (`rv_discrete.cdf` / `.ppf` with loc 0), so the
counts, and the data, are bit for bit the same; `tests/test_startup.py` compares them over many points.
"""

from __future__ import annotations

import numpy as np
import scipy.special._ufuncs as scu  # the boost negative binomial, which scipy.stats.nbinom calls
from scipy import special


def _cdf(k: np.ndarray, law) -> np.ndarray:
    """rv_discrete.cdf on the support 0, 1, ...: 0 below it, the law's CDF clipped to [0, 1] on it."""
    k = np.asarray(k, dtype=np.float64)
    out = np.zeros(k.shape)
    inside = (k >= 0) & np.isfinite(k)
    out[k == np.inf] = 1.0
    out[np.isnan(k)] = np.nan
    out[inside] = np.clip(law(np.floor(k[inside])), 0, 1)
    return out[()] if out.ndim == 0 else out


def _ppf(q: np.ndarray, law) -> np.ndarray:
    """rv_discrete.ppf: -1 at q = 0, infinity at q = 1, NaN outside [0, 1], the law's quantile inside."""
    q = np.asarray(q, dtype=np.float64)
    out = np.full(q.shape, np.nan)
    out[q == 0] = -1.0
    out[q == 1] = np.inf
    inside = (q > 0) & (q < 1)
    if inside.any():
        out[inside] = law(q[inside])
    return out[()] if out.ndim == 0 else out


def poisson_cdf(k: np.ndarray, mu: float) -> np.ndarray:
    return _cdf(k, lambda whole: special.pdtr(whole, mu))


def poisson_ppf(q: np.ndarray, mu: float) -> np.ndarray:
    def law(q: np.ndarray) -> np.ndarray:
        vals = np.ceil(special.pdtrik(q, mu))
        below = np.maximum(vals - 1, 0)
        return np.where(special.pdtr(below, mu) >= q, below, vals)

    return _ppf(q, law)


def nbinom_cdf(k: np.ndarray, n: float, p: float) -> np.ndarray:
    return _cdf(k, lambda whole: scu._nbinom_cdf(whole, n, p))


def nbinom_ppf(q: np.ndarray, n: float, p: float) -> np.ndarray:
    def law(q: np.ndarray) -> np.ndarray:
        with np.errstate(over="ignore"):  # as scipy.stats (its gh-17432)
            return scu._nbinom_ppf(q, n, p)

    return _ppf(q, law)
