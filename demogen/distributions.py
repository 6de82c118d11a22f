"""Distributions as validated parameter objects with inverse-CDF samplers and pdf/cdf for charts.

Samplers take uniforms in (0, 1) (from `rng`) rather than a Generator: one uniform per row keeps rows
prefix-stable, lets a Gaussian copula tie a value to company size without changing its marginal law, and keeps
results independent of numpy's own sampling algorithms. Parameters mean what users expect: `median` (not the
underlying normal's mean) for log-normal, classical Pareto (`minimum` is the smallest value, not numpy's Lomax).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

import numpy as np
from pydantic import AliasChoices, BaseModel, ConfigDict, Field, model_validator

from demogen import special
from demogen.special import nbinom_cdf, nbinom_ppf, poisson_cdf, poisson_ppf


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


def _truncate(u: np.ndarray, low: float, high: float) -> np.ndarray:
    """Squeeze uniforms into [low, high] of the untruncated CDF (exact truncation by inversion)."""
    return low + u * (high - low)


class Pareto(_Spec):
    """Classical Pareto: P(X > x) = (minimum / x) ** alpha for x >= minimum, optionally capped."""

    dist: Literal["pareto"]
    alpha: float = Field(gt=0)
    minimum: float = Field(gt=0)
    cap: float | None = Field(default=None, gt=0)

    @model_validator(mode="after")
    def _cap_above_minimum(self) -> Pareto:
        if self.cap is not None and self.cap <= self.minimum:
            raise ValueError("cap must be greater than minimum — raise cap or lower minimum")
        return self

    def cdf(self, x: np.ndarray) -> np.ndarray:
        x = np.asarray(x, dtype=np.float64)
        raw = np.where(x < self.minimum, 0.0, 1.0 - (self.minimum / np.maximum(x, self.minimum)) ** self.alpha)
        if self.cap is None:
            return raw
        return np.where(x >= self.cap, 1.0, raw / self._mass())

    def pdf(self, x: np.ndarray) -> np.ndarray:
        x = np.asarray(x, dtype=np.float64)
        inside = (x >= self.minimum) & (self.cap is None or x <= (self.cap or np.inf))
        dens = self.alpha * self.minimum**self.alpha / np.maximum(x, self.minimum) ** (self.alpha + 1)
        return np.where(inside, dens / self._mass(), 0.0)

    def _mass(self) -> float:
        return 1.0 if self.cap is None else 1.0 - (self.minimum / self.cap) ** self.alpha

    def sample(self, u: np.ndarray) -> np.ndarray:
        return self.minimum * (1.0 - u * self._mass()) ** (-1.0 / self.alpha)

    def support(self) -> tuple[float, float]:
        return self.minimum, self.cap if self.cap is not None else float("inf")

    def mean(self) -> float:
        a, m = self.alpha, self.minimum
        if self.cap is None:
            return float("inf") if a <= 1 else a * m / (a - 1)
        if a == 1:
            return m * np.log(self.cap / m) / self._mass()
        return a * m**a / (1 - a) * (self.cap ** (1 - a) - m ** (1 - a)) / self._mass()

    def top_share(self, fraction: float = 0.2) -> float:
        """Share of the total value held by the top `fraction` of draws: E[X; X > t] / E[X] at the
        (1 - fraction) quantile t, in closed form (expm1 keeps alpha near 1, where both are logs, exact)."""
        if not 0 < fraction < 1:
            raise ValueError("fraction must lie strictly between 0 and 1 — for the top 20% write 0.2")
        m, b = self.minimum, 1.0 - self.alpha
        t = float(self.sample(np.float64(1.0 - fraction)))
        if self.cap is None:
            return 1.0 if b >= 0 else (t / m) ** b  # alpha <= 1 uncapped: infinite mean, the top holds it all
        above, whole = np.log(self.cap / t), np.log(self.cap / m)
        if b == 0:
            return float(above / whole)
        return float((t / m) ** b * np.expm1(b * above) / np.expm1(b * whole))


ALPHA_SEARCH = (1e-3, 1e3)
"""The alphas `pareto_alpha_for_top_share` searches; wider ones are not amounts anyone meant."""
GOLDEN_SECTION = (np.sqrt(5.0) - 1.0) / 2.0


def _peak(f, low: float, high: float, tolerance: float) -> float:
    """Where a unimodal f peaks in [low, high], by golden-section search to within tolerance."""
    left, right = high - GOLDEN_SECTION * (high - low), low + GOLDEN_SECTION * (high - low)
    f_left, f_right = f(left), f(right)
    while high - low > tolerance:
        if f_left >= f_right:
            high, right, f_right = right, left, f_left
            left = high - GOLDEN_SECTION * (high - low)
            f_left = f(left)
        else:
            low, left, f_left = left, right, f_right
            right = low + GOLDEN_SECTION * (high - low)
            f_right = f(right)
    return (low + high) / 2


def _crossing(f, low: float, high: float) -> float:
    """Where f, with f(low) >= 0 > f(high), crosses zero: bisection down to adjacent doubles."""
    while (middle := (low + high) / 2) not in (low, high):
        low, high = (middle, high) if f(middle) >= 0 else (low, middle)
    return middle


def pareto_alpha_for_top_share(share: float, *, minimum: float, cap: float | None, fraction: float = 0.2) -> float:
    """The Pareto alpha at which the top `fraction` of draws hold `share` of the total value.

    Lowering alpha raises the top share, but a capped law turns back past a peak (towards log-uniform on
    [minimum, cap]), so the answer is taken on the side above the peak alpha, where a smaller alpha means a heavier
    tail; shares beyond the peak are refused with the reachable range.
    """

    def top(alpha: float) -> float:
        return Pareto(dist="pareto", alpha=alpha, minimum=minimum, cap=cap).top_share(fraction)

    low, high = ALPHA_SEARCH
    if cap is None:
        low = 1.0 + 1e-9  # at alpha <= 1 the uncapped mean is infinite
    else:
        log_low, log_high = np.log(ALPHA_SEARCH)
        low = float(np.exp(_peak(lambda log_alpha: top(float(np.exp(log_alpha))), log_low, log_high, 1e-9)))
    most, least = top(low), top(high)
    if not least < share <= most:
        bounds = f"minimum = {minimum:g}" + ("" if cap is None else f", cap = {cap:g}")
        raise ValueError(
            f"the top {fraction:.0%} of draws can hold more than {least:.2%} and at most {most:.2%} of the value with"
            f" {bounds} (asked: {share:.2%}) — choose a share in that range, or raise the cap for a larger one"
        )
    return _crossing(lambda alpha: top(alpha) - share, low, high)


class LogNormal(_Spec):
    """Log-normal by its median and the sigma of log(X); optional `minimum`/`cap` truncate it.

    The bounds carry Pareto's names so that switching an amount law keeps them; `min`/`max` (the count laws'
    names, used by older recipes and `sales_cycle_days`) are accepted as aliases, and dumps use `minimum`/`cap`.
    """

    dist: Literal["lognormal"]
    median: float = Field(gt=0)
    sigma: float = Field(gt=0)
    minimum: float | None = Field(default=None, validation_alias=AliasChoices("minimum", "min"))
    cap: float | None = Field(default=None, validation_alias=AliasChoices("cap", "max"))

    @model_validator(mode="before")
    @classmethod
    def _one_spelling_per_bound(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for name, alias in (("minimum", "min"), ("cap", "max")):
                if name in data and alias in data:
                    raise ValueError(f"{name} and {alias} are the same bound — keep one of them")
        return data

    @model_validator(mode="after")
    def _bounds(self) -> LogNormal:
        if self.minimum is not None and self.cap is not None and self.minimum >= self.cap:
            raise ValueError("cap (max) must be greater than minimum (min) — raise cap or lower minimum")
        if self.cap is not None and self.cap <= 0:
            raise ValueError("cap (max) must be positive — set cap > 0")
        return self

    def _z(self, x: np.ndarray) -> np.ndarray:
        return np.log(np.maximum(x, 1e-300) / self.median) / self.sigma

    def _bounds_cdf(self) -> tuple[float, float]:
        low = 0.0 if (self.minimum or 0) <= 0 else float(special.ndtr(self._z(np.float64(self.minimum))))
        high = 1.0 if self.cap is None else float(special.ndtr(self._z(np.float64(self.cap))))
        return low, high

    def cdf(self, x: np.ndarray) -> np.ndarray:
        low, high = self._bounds_cdf()
        x = np.asarray(x, dtype=np.float64)
        return np.clip((special.ndtr(self._z(x)) - low) / (high - low), 0.0, 1.0)

    def pdf(self, x: np.ndarray) -> np.ndarray:
        low, high = self._bounds_cdf()
        x = np.asarray(x, dtype=np.float64)
        dens = np.exp(-0.5 * self._z(x) ** 2) / (np.maximum(x, 1e-300) * self.sigma * np.sqrt(2 * np.pi))
        inside = (x > 0) & (x >= (self.minimum or 0)) & (x <= (self.cap if self.cap is not None else np.inf))
        return np.where(inside, dens / (high - low), 0.0)

    def sample(self, u: np.ndarray) -> np.ndarray:
        low, high = self._bounds_cdf()
        return self.median * np.exp(self.sigma * special.ndtri(_truncate(u, low, high)))

    def support(self) -> tuple[float, float]:
        return self.minimum or 0.0, self.cap if self.cap is not None else float("inf")

    def mean(self) -> float:
        return float(self.sample((np.arange(20000) + 0.5) / 20000).mean())


Continuous = Annotated[Pareto | LogNormal, Field(discriminator="dist")]


class MixtureComponent(_Spec):
    weight: float = Field(gt=0)
    law: Continuous


class Mixture(_Spec):
    """A weighted mixture (for example many small deals and a Pareto tail of large ones)."""

    dist: Literal["mixture"]
    components: list[MixtureComponent] = Field(min_length=1)

    def _edges(self) -> np.ndarray:
        weights = np.array([c.weight for c in self.components])
        return np.concatenate([[0.0], np.cumsum(weights / weights.sum())])

    def sample(self, u: np.ndarray) -> np.ndarray:
        """One uniform per row: its interval picks the component, its position within it the value."""
        edges = self._edges()
        which = np.clip(np.searchsorted(edges, u, side="right") - 1, 0, len(self.components) - 1)
        out = np.empty_like(u)
        for k, component in enumerate(self.components):
            rows = which == k
            local = (u[rows] - edges[k]) / (edges[k + 1] - edges[k])
            out[rows] = component.law.sample(np.clip(local, 1e-12, 1 - 1e-12))
        return out

    def cdf(self, x: np.ndarray) -> np.ndarray:
        shares = np.diff(self._edges())
        return sum(s * c.law.cdf(x) for s, c in zip(shares, self.components, strict=True))

    def pdf(self, x: np.ndarray) -> np.ndarray:
        shares = np.diff(self._edges())
        return sum(s * c.law.pdf(x) for s, c in zip(shares, self.components, strict=True))

    def support(self) -> tuple[float, float]:
        bounds = [c.law.support() for c in self.components]
        return min(low for low, _ in bounds), max(high for _, high in bounds)

    def mean(self) -> float:
        shares = np.diff(self._edges())
        return float(sum(s * c.law.mean() for s, c in zip(shares, self.components, strict=True)))


AmountLaw = Annotated[Pareto | LogNormal | Mixture, Field(discriminator="dist")]


class _CountSpec(_Spec):
    min: int = Field(default=0, ge=0)
    max: int = Field(default=1000, ge=0, le=1_000_000)

    @model_validator(mode="after")
    def _bounds(self) -> _CountSpec:
        if self.min > self.max:
            raise ValueError("min must not exceed max — lower min or raise max")
        try:
            low, high = self._window()
        except ValueError as error:  # a law too wide to tabulate (special.LARGEST_TABLE)
            fix = "lower mean, or raise dispersion" if hasattr(self, "dispersion") else "lower mean"
            raise ValueError(f"{error} — {fix}") from None
        if not high > low:
            raise ValueError("almost no counts fall between min and max for this mean — move mean into [min, max]")
        return self

    def _cdf_raw(self, k: np.ndarray) -> np.ndarray:  # pragma: no cover - overridden
        raise NotImplementedError

    def _ppf(self, q: np.ndarray) -> np.ndarray:  # pragma: no cover - overridden
        raise NotImplementedError

    def _window(self) -> tuple[float, float]:
        """The law's CDF just below min and at max: the mass the truncation keeps lies between them."""
        low = float(self._cdf_raw(np.float64(self.min - 1))) if self.min > 0 else 0.0
        return low, float(self._cdf_raw(np.float64(self.max)))

    def sample(self, u: np.ndarray) -> np.ndarray:
        """Truncated to [min, max] by inverting the CDF on the squeezed uniform."""
        low, high = self._window()
        values = self._ppf(_truncate(u, low, high))
        return np.clip(np.nan_to_num(values, nan=self.max), self.min, self.max).astype(np.int64)

    def pmf(self, k: np.ndarray) -> np.ndarray:
        low, high = self._window()
        k = np.asarray(k)
        inside = (k >= self.min) & (k <= self.max)
        return np.where(inside, (self._cdf_raw(k) - self._cdf_raw(k - 1)) / (high - low), 0.0)

    def mean(self) -> float:
        k = np.arange(self.min, self.max + 1)
        return float((k * self.pmf(k)).sum())


class PoissonCount(_CountSpec):
    dist: Literal["poisson"]
    mean_: float = Field(alias="mean", gt=0)

    def _cdf_raw(self, k: np.ndarray) -> np.ndarray:
        return poisson_cdf(k, self.mean_)

    def _ppf(self, q: np.ndarray) -> np.ndarray:
        return poisson_ppf(q, self.mean_)


class NegBinomCount(_CountSpec):
    """Negative binomial by mean and dispersion (variance = mean + mean**2 / dispersion)."""

    dist: Literal["negbinom"]
    mean_: float = Field(alias="mean", gt=0)
    dispersion: float = Field(gt=0)

    def _p(self) -> float:
        return self.dispersion / (self.dispersion + self.mean_)

    def _cdf_raw(self, k: np.ndarray) -> np.ndarray:
        return nbinom_cdf(k, self.dispersion, self._p())

    def _ppf(self, q: np.ndarray) -> np.ndarray:
        return nbinom_ppf(q, self.dispersion, self._p())


class LogNormalCount(_CountSpec):
    """Log-normal rounded to whole numbers; `median` and `sigma` as for amounts."""

    dist: Literal["lognormal"]
    median: float = Field(gt=0)
    sigma: float = Field(gt=0)

    def _cdf_raw(self, k: np.ndarray) -> np.ndarray:
        k = np.asarray(k, dtype=np.float64)
        edge = np.maximum(k + 0.5, 1e-300)
        return np.where(k < 0, 0.0, special.ndtr(np.log(edge / self.median) / self.sigma))

    def sample(self, u: np.ndarray) -> np.ndarray:
        low = float(self._cdf_raw(np.float64(self.min - 1))) if self.min > 0 else 0.0
        high = float(self._cdf_raw(np.float64(self.max)))
        x = self.median * np.exp(self.sigma * special.ndtri(_truncate(u, low, high)))
        return np.clip(np.floor(x + 0.5), self.min, self.max).astype(np.int64)


class FixedCount(_CountSpec):
    dist: Literal["fixed"]
    value: int = Field(ge=0)

    def _cdf_raw(self, k: np.ndarray) -> np.ndarray:
        return (np.asarray(k, dtype=np.float64) >= self.value).astype(np.float64)

    def sample(self, u: np.ndarray) -> np.ndarray:
        return np.full(u.shape, self.value, dtype=np.int64)

    def pmf(self, k: np.ndarray) -> np.ndarray:
        return (np.asarray(k) == self.value).astype(np.float64)

    def mean(self) -> float:
        return float(self.value)


CountLaw = Annotated[PoissonCount | NegBinomCount | LogNormalCount | FixedCount, Field(discriminator="dist")]


def size_score(size_z: np.ndarray, noise_u: np.ndarray, rho: float) -> np.ndarray:
    """A standard-normal score with correlation rho to a standard-normal size score."""
    return rho * size_z + np.sqrt(1.0 - rho * rho) * special.ndtri(noise_u)


def copula_uniform(size_z: np.ndarray, noise_u: np.ndarray, rho: float) -> np.ndarray:
    """A uniform correlated with a standard-normal size score: the marginal stays uniform (Gaussian copula).

    Exact for one value per company; for per-deal values use `assign_by_rank`, since bigger companies have
    more deals and a per-deal copula would tilt the law over all deals towards them.
    """
    return np.clip(special.ndtr(size_score(size_z, noise_u, rho)), 1e-15, 1 - 1e-15)


def assign_by_rank(values: np.ndarray, score: np.ndarray) -> np.ndarray:
    """The k-th smallest value goes to the row with the k-th smallest score.

    The rows get exactly the given values (an iid sample of a law stays that sample) whatever the score holds:
    company size, deal type, or both; the score only decides which rows get the large ones.
    """
    out = np.empty_like(values)
    out[np.argsort(score, kind="stable")] = np.sort(values)
    return out
