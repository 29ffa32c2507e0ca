"""The experiment report: per-arm conversion, order value, revenue and profit per shopper with intervals,
the probability each arm is best, a sample-ratio-mismatch check, a sample-size warning and a decision.

The decision is the only claim the report makes, so its error rate is controlled: a winner is declared
only when every arm has at least `min_shoppers_per_arm` shoppers and Welch's t-test on profit per
shopper says it beats every other arm at `alpha` divided by the number of pairs (Bonferroni). Between
identical arms that happens at most `alpha` of the time (on small arms skewed profit made the t-test
generous: 7.5% false winners at ~50 shoppers per arm over HTTP, hence the minimum).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import numpy as np

from pricing.experiments.arms import Experiment
from pricing.experiments.statistics import (
    FloatArray,
    Interval,
    conversion_draws,
    mean_draws,
    mean_interval,
    pairs,
    probability_best,
    required_per_arm,
    sample_ratio_p_value,
    welch_p_value,
    wilson_interval,
)

PRIMARY_METRIC = "profit_per_shopper"


@dataclass(frozen=True, slots=True)
class UnitOutcome:
    """What one assigned shopper (conversation) did: whether they bought, how much, what the shop kept."""

    unit_id: str
    arm: str
    orders: int = 0
    revenue: Decimal = Decimal(0)
    profit: Decimal = Decimal(0)

    @property
    def converted(self) -> bool:
        return self.orders > 0


@dataclass(frozen=True, slots=True)
class ArmSummary:
    """One arm's figures (money in the experiment's currency, rates as shares)."""

    arm: str
    shoppers: int
    conversions: int
    orders: int
    conversion_rate: Interval
    average_order_value: Interval
    revenue_per_shopper: Interval
    profit_per_shopper: Interval
    probability_best_profit: float
    probability_best_conversion: float

    def to_json(self) -> dict[str, Any]:
        return {
            "arm": self.arm,
            "shoppers": self.shoppers,
            "conversions": self.conversions,
            "orders": self.orders,
            "conversion_rate": self.conversion_rate.to_json(),
            "average_order_value": self.average_order_value.to_json(2),
            "revenue_per_shopper": self.revenue_per_shopper.to_json(2),
            "profit_per_shopper": self.profit_per_shopper.to_json(2),
            "probability_best_profit": round(self.probability_best_profit, 4),
            "probability_best_conversion": round(self.probability_best_conversion, 4),
        }


@dataclass(frozen=True, slots=True)
class Comparison:
    """Welch's test of profit per shopper between two arms."""

    first: str
    second: str
    difference: float  # first - second
    p_value: float
    significant: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "arms": [self.first, self.second],
            "difference": round(self.difference, 4),
            "p_value": round(self.p_value, 6),
            "significant": self.significant,
        }


@dataclass(frozen=True, slots=True)
class Decision:
    """The report's verdict on the primary metric, and the error rate it is held to."""

    winner: str | None
    reason: str
    alpha: float
    metric: str = PRIMARY_METRIC
    method: str = "Welch t-test on every pair of arms, Bonferroni-corrected; family-wise error <= alpha"

    def to_json(self) -> dict[str, Any]:
        return {
            "winner": self.winner,
            "reason": self.reason,
            "metric": self.metric,
            "alpha": self.alpha,
            "method": self.method,
        }


@dataclass(frozen=True, slots=True)
class ExperimentReport:
    """Everything a merchant needs to judge an experiment."""

    experiment: str
    currency: str | None
    arms: tuple[ArmSummary, ...]
    comparisons: tuple[Comparison, ...]
    decision: Decision
    sample_ratio_p_value: float
    sample_ratio_mismatch: bool
    required_shoppers_per_arm: int
    warnings: tuple[str, ...] = field(default=())

    def arm(self, name: str) -> ArmSummary:
        """The summary of arm `name`; KeyError if absent."""
        for summary in self.arms:
            if summary.arm == name:
                return summary
        raise KeyError(name)

    def to_json(self) -> dict[str, Any]:
        return {
            "experiment": self.experiment,
            "currency": self.currency,
            "arms": [summary.to_json() for summary in self.arms],
            "comparisons": [comparison.to_json() for comparison in self.comparisons],
            "decision": self.decision.to_json(),
            "sample_ratio": {
                "p_value": round(self.sample_ratio_p_value, 6),
                "mismatch": self.sample_ratio_mismatch,
            },
            "required_shoppers_per_arm": self.required_shoppers_per_arm,
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True, slots=True)
class AnalysisOptions:
    """Error rates and thresholds of the report (defaults: 5% false winners, 80% power for a 10% lift)."""

    alpha: float = 0.05
    power: float = 0.8
    relative_effect: float = 0.10  # smallest lift in profit per shopper worth detecting
    min_shoppers_per_arm: int = 100  # below this no interval is trusted, whatever the power formula says
    srm_threshold: float = 0.001  # a sample-ratio p-value below this flags broken assignment
    confidence: float = 0.95
    posterior_draws: int = 20_000
    seed: int = 0  # of the posterior draws, so a report is reproducible


def analyse(
    experiment: Experiment,
    outcomes: Sequence[UnitOutcome],
    *,
    currency: str | None = None,
    options: AnalysisOptions | None = None,
) -> ExperimentReport:
    """The report over the outcomes of every shopper assigned to `experiment` (unknown arms are ignored
    and counted in a warning)."""
    options = options or AnalysisOptions()
    names = [arm.name for arm in experiment.arms]
    known = [outcome for outcome in outcomes if outcome.arm in names]
    columns = {name: _columns([o for o in known if o.arm == name]) for name in names}
    rng = np.random.default_rng(options.seed)
    size = options.posterior_draws
    profit_best = probability_best({n: mean_draws(c.profit, size, rng) for n, c in columns.items()})
    conversion_best = probability_best(
        {n: conversion_draws(c.conversions, c.shoppers, size, rng) for n, c in columns.items()}
    )
    summaries = tuple(
        _summary(name, columns[name], profit_best[name], conversion_best[name], options.confidence)
        for name in names
    )
    comparisons = _comparisons(names, columns, options.alpha)
    srm_p = sample_ratio_p_value({n: c.shoppers for n, c in columns.items()}, experiment.weights)
    srm = srm_p < options.srm_threshold
    required = _required(columns, options, len(comparisons))
    warnings = _warnings(columns, required, srm, srm_p, len(outcomes) - len(known))
    return ExperimentReport(
        experiment=experiment.name,
        currency=currency,
        arms=summaries,
        comparisons=tuple(comparisons),
        decision=_decide(names, columns, comparisons, options.alpha, srm, options.min_shoppers_per_arm),
        sample_ratio_p_value=srm_p,
        sample_ratio_mismatch=srm,
        required_shoppers_per_arm=required,
        warnings=tuple(warnings),
    )


@dataclass(frozen=True, slots=True)
class _Columns:
    """One arm's outcomes as arrays (floats for statistics only)."""

    orders: FloatArray
    revenue: FloatArray
    profit: FloatArray

    @property
    def shoppers(self) -> int:
        return int(self.orders.size)

    @property
    def conversions(self) -> int:
        return int(np.count_nonzero(self.orders))


def _columns(outcomes: Sequence[UnitOutcome]) -> _Columns:
    return _Columns(
        orders=np.array([o.orders for o in outcomes], dtype=np.float64),
        revenue=np.array([float(o.revenue) for o in outcomes], dtype=np.float64),
        profit=np.array([float(o.profit) for o in outcomes], dtype=np.float64),
    )


def _summary(
    name: str, columns: _Columns, best_profit: float, best_conversion: float, confidence: float
) -> ArmSummary:
    buyers = columns.orders > 0
    order_count = float(columns.orders.sum())
    # average order value: revenue per order, interval over buyers' revenue per order
    per_order = columns.revenue[buyers] / columns.orders[buyers] if buyers.any() else np.zeros(0)
    return ArmSummary(
        arm=name,
        shoppers=columns.shoppers,
        conversions=columns.conversions,
        orders=int(order_count),
        conversion_rate=wilson_interval(columns.conversions, columns.shoppers, confidence),
        average_order_value=mean_interval(per_order, confidence),
        revenue_per_shopper=mean_interval(columns.revenue, confidence),
        profit_per_shopper=mean_interval(columns.profit, confidence),
        probability_best_profit=best_profit,
        probability_best_conversion=best_conversion,
    )


def _comparisons(names: list[str], columns: dict[str, _Columns], alpha: float) -> list[Comparison]:
    arm_pairs = pairs(names)
    level = alpha / max(len(arm_pairs), 1)
    results = []
    for first, second in arm_pairs:
        a, b = columns[first].profit, columns[second].profit
        p_value = welch_p_value(a, b)
        difference = (float(a.mean()) if a.size else 0.0) - (float(b.mean()) if b.size else 0.0)
        results.append(Comparison(first, second, difference, p_value, p_value < level))
    return results


def _decide(
    names: list[str],
    columns: dict[str, _Columns],
    comparisons: list[Comparison],
    alpha: float,
    srm: bool,
    min_shoppers: int,
) -> Decision:
    if srm:
        return Decision(None, "sample ratio mismatch: assignment or logging is broken", alpha)
    smallest = min((columns[name].shoppers for name in names), default=0)
    if smallest < min_shoppers:  # skewed profit makes t-tests generous on small arms: no early calls
        return Decision(
            None, f"too early: an arm has {smallest} shoppers, at least {min_shoppers} needed", alpha
        )
    for name in names:
        beats_all = all(
            c.significant and ((c.first == name) == (c.difference > 0))
            for c in comparisons
            if name in (c.first, c.second)
        )
        if beats_all:
            return Decision(name, f"{name} earns more profit per shopper than every other arm", alpha)
    return Decision(None, "no arm is significantly better than all others yet", alpha)


def _required(columns: dict[str, _Columns], options: AnalysisOptions, comparisons: int) -> int:
    everything = np.concatenate([c.profit for c in columns.values()])
    if everything.size < 2:
        return options.min_shoppers_per_arm
    effect = abs(float(everything.mean())) * options.relative_effect
    needed = required_per_arm(
        float(everything.var(ddof=1)),
        effect,
        alpha=options.alpha,
        power=options.power,
        comparisons=comparisons,
    )
    return max(needed, options.min_shoppers_per_arm)


def _warnings(
    columns: dict[str, _Columns], required: int, srm: bool, srm_p: float, unknown: int
) -> list[str]:
    warnings = []
    smallest = min(c.shoppers for c in columns.values())
    if smallest < required:
        warnings.append(
            f"minimum sample size not reached: {smallest} shoppers in the smallest arm, "
            f"{required} per arm needed to detect the configured lift"
        )
    if srm:
        warnings.append(f"sample ratio mismatch (chi-square p = {srm_p:.2g}): do not trust these figures")
    if unknown:
        warnings.append(f"{unknown} shoppers were in arms this experiment does not define; ignored")
    return warnings
