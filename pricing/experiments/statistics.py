"""The tests and intervals behind the experiment report (floats only; no money is set here).

Frequentist intervals and tests make the decision, so its error rate is the stated alpha; the Bayesian
probability that each arm is best is reported beside them for merchants who read odds more easily.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy import stats

FloatArray = NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class Interval:
    """A point estimate with its two-sided confidence interval."""

    estimate: float
    low: float
    high: float

    def to_json(self, places: int = 4) -> dict[str, float | None]:
        """Rounded figures; an unbounded side (fewer than two observations) is null."""
        return {name: _finite(value, places) for name, value in self._fields()}

    def _fields(self) -> tuple[tuple[str, float], ...]:
        return (("estimate", self.estimate), ("low", self.low), ("high", self.high))


def _finite(value: float, places: int) -> float | None:
    return round(value, places) if math.isfinite(value) else None


def wilson_interval(successes: int, trials: int, confidence: float = 0.95) -> Interval:
    """Proportion with its Wilson score interval (sound near 0 and 1, unlike the normal interval)."""
    if trials == 0:
        return Interval(0.0, 0.0, 1.0)
    z = float(stats.norm.ppf(0.5 + confidence / 2))
    share = successes / trials
    centre = (share + z * z / (2 * trials)) / (1 + z * z / trials)
    half = z * math.sqrt(share * (1 - share) / trials + z * z / (4 * trials * trials)) / (1 + z * z / trials)
    return Interval(share, max(0.0, centre - half), min(1.0, centre + half))


def mean_interval(values: FloatArray, confidence: float = 0.95) -> Interval:
    """Mean with its Student-t interval (per-shopper money is skewed, but its mean is near normal at the
    sample sizes the report asks for)."""
    count = values.size
    if count == 0:
        return Interval(0.0, 0.0, 0.0)
    mean = float(values.mean())
    if count == 1:
        return Interval(mean, -math.inf, math.inf)
    error = float(values.std(ddof=1)) / math.sqrt(count)
    half = float(stats.t.ppf(0.5 + confidence / 2, count - 1)) * error
    return Interval(mean, mean - half, mean + half)


def welch_p_value(first: FloatArray, second: FloatArray) -> float:
    """Two-sided p-value of Welch's t-test for equal means (1.0 when a sample cannot be tested)."""
    if first.size < 2 or second.size < 2:
        return 1.0
    if np.ptp(first) == 0 and np.ptp(second) == 0:  # constant samples: the t statistic is undefined
        return 1.0 if first[0] == second[0] else 0.0
    return float(stats.ttest_ind(first, second, equal_var=False).pvalue)


def probability_best(draws: Mapping[str, FloatArray]) -> dict[str, float]:
    """Share of posterior draws (one column per arm, equal length) in which each arm is highest."""
    names = list(draws)
    matrix = np.column_stack([draws[name] for name in names])
    winners = np.argmax(matrix, axis=1)
    return {name: float(np.mean(winners == index)) for index, name in enumerate(names)}


def conversion_draws(successes: int, trials: int, size: int, rng: np.random.Generator) -> FloatArray:
    """Posterior draws of a conversion rate: Beta(1 + successes, 1 + failures), a uniform prior."""
    draws: FloatArray = rng.beta(1 + successes, 1 + trials - successes, size=size)
    return draws


def mean_draws(values: FloatArray, size: int, rng: np.random.Generator) -> FloatArray:
    """Approximate posterior draws of a mean: normal around the sample mean with its standard error
    (flat prior, large sample)."""
    if values.size < 2:
        return np.full(size, float(values.mean()) if values.size else 0.0)
    error = float(values.std(ddof=1)) / math.sqrt(values.size)
    draws: FloatArray = rng.normal(float(values.mean()), error, size=size)
    return draws


def sample_ratio_p_value(observed: Mapping[str, int], weights: Mapping[str, float]) -> float:
    """Chi-square goodness-of-fit p-value of the units per arm against the configured split; a tiny
    value means assignment or logging is broken and no metric of the experiment can be trusted."""
    counts = np.array([observed.get(name, 0) for name in weights], dtype=np.float64)
    total = counts.sum()
    if total == 0:
        return 1.0
    expected = np.array(list(weights.values()), dtype=np.float64) * total
    return float(stats.chisquare(counts, expected).pvalue)


def required_per_arm(
    variance: float, effect: float, *, alpha: float, power: float, comparisons: int = 1
) -> int:
    """Shoppers per arm for a two-sided test at `alpha` (Bonferroni over `comparisons`) to detect a
    difference of `effect` in a mean with per-shopper `variance`, with probability `power`."""
    if effect <= 0 or variance <= 0:
        return 0
    z_alpha = float(stats.norm.ppf(1 - alpha / (2 * max(comparisons, 1))))
    z_power = float(stats.norm.ppf(power))
    return math.ceil(2 * variance * (z_alpha + z_power) ** 2 / effect**2)


def pairs(names: Sequence[str]) -> list[tuple[str, str]]:
    """Every unordered pair of arms, in order."""
    return [(a, b) for i, a in enumerate(names) for b in names[i + 1 :]]
