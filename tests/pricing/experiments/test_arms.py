"""Assignment: deterministic, sticky, salted, split by weight."""

from __future__ import annotations

from collections import Counter

import pytest
from scipy import stats

from pricing.experiments import Arm, Experiment, assign_arm

EXPERIMENT = Experiment("cap-test", "salt-1", (Arm("control"), Arm("treatment")))


def test_the_same_conversation_always_gets_the_same_arm() -> None:
    first = [assign_arm(EXPERIMENT, f"conv-{i}").name for i in range(200)]
    again = [assign_arm(EXPERIMENT, f"conv-{i}").name for i in range(200)]
    assert first == again
    assert set(first) == {"control", "treatment"}


def test_a_new_salt_reshuffles() -> None:
    other = Experiment("cap-test", "salt-2", EXPERIMENT.arms)
    moved = sum(
        assign_arm(EXPERIMENT, f"conv-{i}").name != assign_arm(other, f"conv-{i}").name for i in range(2000)
    )
    assert 850 < moved < 1150  # about half, as for an independent split


def test_the_split_follows_the_weights() -> None:
    weighted = Experiment("w", "s", (Arm("a", weight=1), Arm("b", weight=1), Arm("c", weight=2)))
    counts = Counter(assign_arm(weighted, f"u{i}").name for i in range(40_000))
    expected = [10_000, 10_000, 20_000]
    assert stats.chisquare([counts["a"], counts["b"], counts["c"]], expected).pvalue > 0.001


@pytest.mark.parametrize(
    "arms",
    [(Arm("only"),), (Arm("a"), Arm("a"))],
)
def test_broken_experiments_are_refused(arms: tuple[Arm, ...]) -> None:
    with pytest.raises(ValueError):
        Experiment("x", "s", arms)


def test_weights_must_be_positive() -> None:
    with pytest.raises(ValueError):
        Arm("a", weight=0)
