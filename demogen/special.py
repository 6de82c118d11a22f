"""The few special functions generation needs, in numpy float64, so that no process imports scipy.

Importing `scipy.special` costs a quarter of a second per process (its array-API layer loads numpy.f2py, testing
and ma), more than the rest of a small export, for two normal-law functions and two count laws:

- `ndtr` (standard normal CDF) and `ndtri` (its inverse) follow the Cephes Math Library of Stephen L. Moshier
  (ndtr.c, release 2.2, 1992: erf/erfc by rational approximations; ndtri.c, release 2.1, 1989: three rational
  approximations), the algorithms and coefficients scipy.special uses, in the same order of operations. They
  differ from scipy only where numpy's exp/log/sqrt round differently from the C library's.
- The Poisson and negative-binomial CDF and quantile come from a table of the CDF over the support the law can
  reach: the pmf relative to its mode by the ratio recurrence pmf(k) / pmf(k - 1) (a product of numbers below 1,
  so it neither overflows nor drifts like a sum of logs), normalised by its own sum and summed from the nearer end
  of the support (P(X <= k) up to the median, 1 - P(X > k) beyond); the quantile is the smallest k whose CDF
  reaches q. They keep the edge values of scipy.stats' `cdf` / `ppf` (loc 0).
  `tests/test_startup.py` compares all of them with scipy.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import numpy as np

SQRT_2PI = 2.50662827463100050242
SQRT1_2 = 0.70710678118654752440
EXP_MINUS_2 = 0.13533528323661269189
MAXLOG = 7.09782712893383996843e2
"""log(largest double): exp(-x * x) underflows below -MAXLOG."""

# ndtri: w + w**3 P0(w**2) / Q0(w**2) for |y - 0.5| <= 3/8; z - log(z) / z - P(1/z) / (z Q(1/z)) in the tails
# with z = sqrt(-2 log y), P1/Q1 for z in [2, 8] and P2/Q2 for z in [8, 64]. Q polynomials have leading term 1.
NDTRI_P0 = (-5.99633501014107895267e1, 9.80010754185999661536e1, -5.66762857469070293439e1,
            1.39312609387279679503e1, -1.23916583867381258016e0)  # fmt: skip
NDTRI_Q0 = (1.95448858338141759834e0, 4.67627912898881538453e0, 8.63602421390890590575e1,
            -2.25462687854119370527e2, 2.00260212380060660359e2, -8.20372256168333339912e1,
            1.59056225126211695515e1, -1.18331621121330003142e0)  # fmt: skip
NDTRI_P1 = (4.05544892305962419923e0, 3.15251094599893866154e1, 5.71628192246421288162e1,
            4.40805073893200834700e1, 1.46849561928858024014e1, 2.18663306850790267539e0,
            -1.40256079171354495875e-1, -3.50424626827848203418e-2, -8.57456785154685413611e-4)  # fmt: skip
NDTRI_Q1 = (1.57799883256466749731e1, 4.53907635128879210584e1, 4.13172038254672030440e1,
            1.50425385692907503408e1, 2.50464946208309415979e0, -1.42182922854787788574e-1,
            -3.80806407691578277194e-2, -9.33259480895457427372e-4)  # fmt: skip
NDTRI_P2 = (3.23774891776946035970e0, 6.91522889068984211695e0, 3.93881025292474443415e0,
            1.33303460815807542389e0, 2.01485389549179081538e-1, 1.23716634817820021358e-2,
            3.01581553508235416007e-4, 2.65806974686737550832e-6, 6.23974539184983293730e-9)  # fmt: skip
NDTRI_Q2 = (6.02427039364742014255e0, 3.67983563856160859403e0, 1.37702099489081330271e0,
            2.16236993594496635890e-1, 1.34204006088543189037e-2, 3.28014464682127739104e-4,
            2.89247864745380683936e-6, 6.79019408009981274425e-9)  # fmt: skip

# erf(x) = x T(x**2) / U(x**2) for |x| < 1; erfc(x) = exp(-x**2) P(x) / Q(x) for 1 <= x < 8, R(x) / S(x) beyond.
ERF_T = (9.60497373987051638749e0, 9.00260197203842689217e1, 2.23200534594684319226e3,
         7.00332514112805075473e3, 5.55923013010394962768e4)  # fmt: skip
ERF_U = (3.35617141647503099647e1, 5.21357949780152679795e2, 4.59432382970980127987e3,
         2.26290000613890934246e4, 4.92673942608635921086e4)  # fmt: skip
ERFC_P = (2.46196981473530512524e-10, 5.64189564831068821977e-1, 7.46321056442269912687e0,
          4.86371970985681366614e1, 1.96520832956077098242e2, 5.26445194995477358631e2,
          9.34528527171957607540e2, 1.02755188689515710272e3, 5.57535335369399327526e2)  # fmt: skip
ERFC_Q = (1.32281951154744992508e1, 8.67072140885989742329e1, 3.54937778887819891062e2,
          9.75708501743205489753e2, 1.82390916687909736289e3, 2.24633760818710981792e3,
          1.65666309194161350182e3, 5.57535340817727675546e2)  # fmt: skip
ERFC_R = (5.64189583547755073984e-1, 1.27536670759978104416e0, 5.01905042251180477414e0,
          6.16021097993053585195e0, 7.40974269950448939160e0, 2.97886665372100240670e0)  # fmt: skip
ERFC_S = (2.26052863220117276590e0, 9.39603524938001434673e0, 1.20489539808096656605e1,
          1.70814450747565897222e1, 9.60896809063285878198e0, 3.36907645100081516050e0)  # fmt: skip


def _polynomial(x: np.ndarray, coefficients: tuple[float, ...], *, monic: bool = False) -> np.ndarray:
    """Horner's rule from the highest power, as Cephes' polevl (monic: p1evl, an implicit leading 1)."""
    if monic:
        result, rest = x + coefficients[0], coefficients[1:]
    else:
        result, rest = x * coefficients[0] + coefficients[1], coefficients[2:]
    for coefficient in rest:
        result *= x
        result += coefficient
    return result


def _ratio(x: np.ndarray, numerator: tuple[float, ...], denominator: tuple[float, ...]) -> np.ndarray:
    """x P(x) / Q(x) with a monic Q, the form of every approximation here."""
    return x * _polynomial(x, numerator) / _polynomial(x, denominator, monic=True)


def _as_array(x) -> np.ndarray:
    return np.atleast_1d(np.asarray(x, dtype=np.float64))


def _shaped_like(out: np.ndarray, x) -> np.ndarray:
    """A scalar input gives a numpy scalar back, as a ufunc does."""
    return out[0] if np.ndim(x) == 0 else out


def _ndtri_lower_tail(y: np.ndarray) -> np.ndarray:
    """-ndtri(y) for 0 < y <= exp(-2): z - log(z) / z - P(1/z) / (z Q(1/z)) with z = sqrt(-2 log y)."""
    z = np.sqrt(-2.0 * np.log(y))
    x = z - np.log(z) / z
    reciprocal = 1.0 / z
    near = z < 8.0  # y > exp(-32)
    x[near] -= _ratio(reciprocal[near], NDTRI_P1, NDTRI_Q1)
    x[~near] -= _ratio(reciprocal[~near], NDTRI_P2, NDTRI_Q2)
    return x


def ndtri(p) -> np.ndarray:
    """The standard normal quantile: -inf at 0, inf at 1, NaN outside [0, 1] (Cephes ndtri)."""
    probabilities = _as_array(p)
    out = np.full(probabilities.shape, np.nan)
    out[probabilities == 0] = -np.inf
    out[probabilities == 1] = np.inf
    body = (probabilities > EXP_MINUS_2) & (probabilities <= 1.0 - EXP_MINUS_2)
    w = probabilities[body] - 0.5
    out[body] = (w + w * _ratio(w * w, NDTRI_P0, NDTRI_Q0)) * SQRT_2PI
    lower = (probabilities > 0) & (probabilities <= EXP_MINUS_2)
    out[lower] = -_ndtri_lower_tail(probabilities[lower])
    upper = (probabilities > 1.0 - EXP_MINUS_2) & (probabilities < 1)
    out[upper] = _ndtri_lower_tail(1.0 - probabilities[upper])  # by symmetry, on 1 - p
    return _shaped_like(out, p)


def _erf_below_one(x: np.ndarray) -> np.ndarray:
    """erf(x) for |x| < 1 (Cephes erf)."""
    square = x * x
    return x * _polynomial(square, ERF_T) / _polynomial(square, ERF_U, monic=True)


def _erfc_above_sqrt_half(x: np.ndarray) -> np.ndarray:
    """erfc(x) for x >= sqrt(1/2) (Cephes erfc): 1 - erf(x) below 1, 0 once exp(-x**2) underflows."""
    out = np.zeros(x.shape)
    small = x < 1.0
    out[small] = 1.0 - _erf_below_one(x[small])
    exponent = -x * x
    near, far = ~small & (x < 8.0), (x >= 8.0) & (exponent >= -MAXLOG)
    for rows, numerator, denominator in ((near, ERFC_P, ERFC_Q), (far, ERFC_R, ERFC_S)):
        on = x[rows]
        out[rows] = np.exp(exponent[rows]) * _polynomial(on, numerator) / _polynomial(on, denominator, monic=True)
    return out


def ndtr(x) -> np.ndarray:
    """The standard normal CDF, by erf near 0 and erfc in the tails (Cephes ndtr): NaN stays NaN."""
    values = _as_array(x)
    out = np.full(values.shape, np.nan)
    scaled = values * SQRT1_2
    size = np.abs(scaled)
    centre = size < SQRT1_2
    out[centre] = 0.5 + 0.5 * _erf_below_one(scaled[centre])
    tails = size >= SQRT1_2  # NaN is in neither
    half = 0.5 * _erfc_above_sqrt_half(size[tails])
    out[tails] = np.where(scaled[tails] > 0, 1.0 - half, half)
    return _shaped_like(out, x)


TAIL_NEGLIGIBLE = 2.0**-64
"""Mass beyond the end of a count law's table, relative to the mode's: below the rounding of any CDF value."""


LARGEST_TABLE = 1 << 22
"""Counts a law's table may span (32 MB a column): recipes are held below it (`distributions._CountSpec`)."""


def _cdf_table(step: Callable[[np.ndarray], np.ndarray], decay_limit: float) -> np.ndarray:
    """CDF at 0, 1, ..., K of the law with pmf(k) / pmf(k - 1) = step(k), read-only.

    step(k) must be monotone in k and tend to decay_limit < 1, so that beyond K the pmf falls at least as fast as
    a geometric series of ratio max(step(K + 1), decay_limit); the table doubles until that tail is negligible.
    """
    size = 64
    while True:
        if size > LARGEST_TABLE:
            raise ValueError(f"the law reaches past {LARGEST_TABLE:,} counts")
        steps = step(np.arange(1.0, size + 1.0))  # steps[k - 1] = pmf(k) / pmf(k - 1)
        mode = int(np.count_nonzero(steps > 1.0))
        with np.errstate(over="ignore"):  # far below the mode the pmf underflows: 1 / inf = 0
            below = 1.0 / np.cumprod(steps[:mode][::-1])[::-1]
        above = np.cumprod(steps[mode:])
        beyond = max(float(step(np.float64(size + 1))), decay_limit)
        if mode < size and beyond < 1.0 and above[-1] * beyond / (1.0 - beyond) < TAIL_NEGLIGIBLE:
            break
        size *= 2
    weights = np.concatenate([below, [1.0], above])
    total = weights.sum()  # pairwise; a running sum over a long table drifts by many ulps
    at_most = np.cumsum(weights) / total
    above_k = np.append(np.cumsum(weights[:0:-1])[::-1], 0.0) / total  # P(X > k), summed from the far end
    cdf = np.maximum.accumulate(np.where(at_most <= 0.5, at_most, 1.0 - above_k))  # each side where it is exact
    cdf.flags.writeable = False
    return cdf


@lru_cache(maxsize=64)
def _poisson_table(mu: float) -> np.ndarray:
    return _cdf_table(lambda k: mu / k, decay_limit=0.0)


@lru_cache(maxsize=64)
def _nbinom_table(n: float, p: float) -> np.ndarray:
    """Failures before the n-th success of probability p: pmf(k) / pmf(k - 1) = (k - 1 + n) / k (1 - p)."""
    return _cdf_table(lambda k: (k - 1.0 + n) / k * (1.0 - p), decay_limit=1.0 - p)


def _cdf(k, table: np.ndarray) -> np.ndarray:
    """scipy.stats' cdf on the support 0, 1, ...: 0 below it, 1 past the table, NaN for NaN; k is floored."""
    counts = _as_array(k)
    whole = np.floor(np.where(np.isfinite(counts), counts, -1.0))
    out = table[np.clip(whole, 0, len(table) - 1).astype(np.int64)]
    out = np.where(whole < 0, 0.0, np.where(whole >= len(table), 1.0, out))
    out[counts == np.inf] = 1.0
    out[np.isnan(counts)] = np.nan
    return _shaped_like(out, k)


def _ppf(q, table: np.ndarray) -> np.ndarray:
    """scipy.stats' ppf: -1 at q = 0, infinity at q = 1, NaN outside [0, 1]; else the smallest k with CDF >= q."""
    quantiles = _as_array(q)
    inside = (quantiles > 0) & (quantiles < 1)
    out = np.full(quantiles.shape, np.nan)
    out[quantiles == 0] = -1.0
    out[quantiles == 1] = np.inf
    out[inside] = np.searchsorted(table, quantiles[inside], side="left")
    return _shaped_like(out, q)


def poisson_cdf(k, mu: float) -> np.ndarray:
    return _cdf(k, _poisson_table(float(mu)))


def poisson_ppf(q, mu: float) -> np.ndarray:
    return _ppf(q, _poisson_table(float(mu)))


def nbinom_cdf(k, n: float, p: float) -> np.ndarray:
    return _cdf(k, _nbinom_table(float(n), float(p)))


def nbinom_ppf(q, n: float, p: float) -> np.ndarray:
    return _ppf(q, _nbinom_table(float(n), float(p)))
