"""The report's statistics: intervals, decision error rate, planted differences, SRM, sample size."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest

from pricing.experiments import Arm, Experiment, UnitOutcome, analyse, assign_arm
from pricing.experiments.report import AnalysisOptions
from pricing.experiments.statistics import sample_ratio_p_value, wilson_interval

AB = Experiment("ab", "salt", (Arm("control"), Arm("treatment")))
FAST = AnalysisOptions(posterior_draws=2000)


def simulate(
    experiment: Experiment, shoppers: int, seed: int, *, rates: dict[str, float], margins: dict[str, float]
) -> list[UnitOutcome]:
    """Shoppers buying one order with probability rate[arm], worth 3x the margin in revenue."""
    rng = np.random.default_rng(seed)
    outcomes = []
    for number in range(shoppers):
        unit = f"s{seed}-{number}"
        arm = assign_arm(experiment, unit).name
        bought = rng.random() < rates[arm]
        margin = Decimal(str(round(margins[arm] * rng.uniform(0.5, 1.5), 2))) if bought else Decimal(0)
        outcomes.append(UnitOutcome(unit, arm, int(bought), margin * 3, margin))
    return outcomes


def test_identical_arms_rarely_get_a_winner_over_many_seeds() -> None:
    """A/A: the false-winner rate over 400 seeds stays within the stated alpha (binomial slack)."""
    winners = 0
    for seed in range(400):
        outcomes = simulate(
            AB, 300, seed, rates={"control": 0.3, "treatment": 0.3}, margins={"control": 50, "treatment": 50}
        )
        winners += analyse(AB, outcomes, options=FAST).decision.winner is not None
    rate = winners / 400
    assert rate <= 0.05 + 0.03, rate  # P(rate > 8% | true 5%) < 0.5%


def test_a_planted_profit_difference_is_found() -> None:
    outcomes = simulate(
        AB, 2000, 7, rates={"control": 0.30, "treatment": 0.30}, margins={"control": 40, "treatment": 60}
    )
    report = analyse(AB, outcomes, currency="USD", options=FAST)
    assert report.decision.winner == "treatment"
    assert report.arm("treatment").probability_best_profit > 0.99
    control, treatment = report.arm("control"), report.arm("treatment")
    assert control.profit_per_shopper.low < 0.3 * 40 < control.profit_per_shopper.high
    assert treatment.profit_per_shopper.low < 0.3 * 60 < treatment.profit_per_shopper.high
    assert treatment.average_order_value.estimate == pytest.approx(180, rel=0.05)


def test_three_arms_need_a_winner_that_beats_both_others() -> None:
    three = Experiment("abc", "s", (Arm("a"), Arm("b"), Arm("c")))
    outcomes = simulate(
        three, 3000, 3, rates={"a": 0.3, "b": 0.3, "c": 0.3}, margins={"a": 40, "b": 70, "c": 70}
    )
    assert analyse(three, outcomes, options=FAST).decision.winner is None  # b and c tie at the top


def test_no_winner_is_called_before_every_arm_has_the_minimum() -> None:
    outcomes = simulate(
        AB, 120, 5, rates={"control": 0.1, "treatment": 0.9}, margins={"control": 10, "treatment": 90}
    )
    early = analyse(AB, outcomes, options=FAST)
    assert early.decision.winner is None and early.decision.reason.startswith("too early")
    allowed = AnalysisOptions(posterior_draws=2000, min_shoppers_per_arm=40)
    assert analyse(AB, outcomes, options=allowed).decision.winner == "treatment"


def test_small_samples_warn_and_a_skewed_split_is_flagged() -> None:
    outcomes = [UnitOutcome(f"u{i}", "control", 0) for i in range(90)] + [
        UnitOutcome(f"v{i}", "treatment", 1, Decimal(10), Decimal(3)) for i in range(30)
    ]
    report = analyse(AB, outcomes, options=FAST)
    assert report.sample_ratio_mismatch
    assert report.decision.winner is None and "sample ratio" in report.decision.reason
    assert any("minimum sample size" in warning for warning in report.warnings)


def test_interval_helpers() -> None:
    assert sample_ratio_p_value({"a": 500, "b": 500}, {"a": 0.5, "b": 0.5}) == pytest.approx(1.0)
    interval = wilson_interval(0, 50)
    assert interval.low == pytest.approx(0.0, abs=1e-12) and 0.05 < interval.high < 0.09
    assert analyse(AB, [], options=FAST).to_json()["arms"][0]["profit_per_shopper"]["estimate"] == 0.0
