"""Experiment arms and deterministic, sticky assignment of shoppers to them.

A shopper (a conversation id) lands in the same arm on every turn and every server, with no stored
assignment: the arm is a function of sha256(salt + id). Changing the salt reshuffles everyone, which is
how a new experiment avoids inheriting the last one's split.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

ComplementSource = Literal["auto", "graph", "baskets"]

_SCALE = float(2**64)


@dataclass(frozen=True, slots=True)
class Arm:
    """A named variant: the pricing and bundling parameters it overrides (None keeps the shop default)."""

    name: str
    weight: float = 1.0
    max_discount: Decimal | None = None
    min_margin: Decimal | None = None
    max_bundles: int | None = None
    complement_source: ComplementSource | None = None

    def __post_init__(self) -> None:
        if not self.name:
            raise ValueError("an arm needs a name")
        if not self.weight > 0:
            raise ValueError(f"arm {self.name!r}: weight must be positive, got {self.weight}")


@dataclass(frozen=True, slots=True)
class Experiment:
    """A running experiment: its name, the salt of its assignment hash and its arms (the first is control)."""

    name: str
    salt: str
    arms: tuple[Arm, ...]

    def __post_init__(self) -> None:
        names = [arm.name for arm in self.arms]
        if len(names) < 2:
            raise ValueError(f"experiment {self.name!r} needs at least two arms")
        if len(set(names)) != len(names):
            raise ValueError(f"experiment {self.name!r}: arm names must be unique, got {names}")

    @property
    def weights(self) -> dict[str, float]:
        """Each arm's share of traffic (summing to 1)."""
        total = sum(arm.weight for arm in self.arms)
        return {arm.name: arm.weight / total for arm in self.arms}

    def arm(self, name: str) -> Arm:
        """The arm called `name`; KeyError if there is none."""
        for arm in self.arms:
            if arm.name == name:
                return arm
        raise KeyError(name)


def bucket(salt: str, unit_id: str) -> float:
    """A uniform number in [0, 1) fixed by the salt and the unit id (first 64 bits of sha256)."""
    digest = hashlib.sha256(f"{salt}\x1f{unit_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / _SCALE


def assign_arm(experiment: Experiment, unit_id: str) -> Arm:
    """The arm `unit_id` belongs to: its bucket falls in the arm's slice of [0, 1), sized by weight."""
    point = bucket(experiment.salt, unit_id)
    cumulative = 0.0
    for arm, share in zip(experiment.arms, experiment.weights.values(), strict=True):
        cumulative += share
        if point < cumulative:
            return arm
    return experiment.arms[-1]  # float rounding can leave the last sliver just above the sum
