"""How well a willingness-to-pay model predicts logged accept/decline outcomes (held-out scoring)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from pricing.wtp import PriceObservation, WillingnessToPay

_EPSILON = 1e-12


@dataclass(frozen=True, slots=True)
class OutcomeFit:
    """Mean log-likelihood per offer (higher is better), accuracy of P > 0.5, and the Brier score."""

    offers: int
    mean_log_likelihood: float
    accuracy: float
    brier: float

    def to_json(self) -> dict[str, float | int]:
        return {
            "offers": self.offers,
            "mean_log_likelihood": round(self.mean_log_likelihood, 5),
            "accuracy": round(self.accuracy, 4),
            "brier": round(self.brier, 5),
        }


def score(model: WillingnessToPay, observations: Sequence[PriceObservation]) -> OutcomeFit:
    """The model's predictions of `observations` against what happened."""
    if not observations:
        return OutcomeFit(0, math.nan, math.nan, math.nan)
    predicted = np.array(
        [
            model.purchase_probability(obs.draft, obs.shopper, np.array([float(obs.offered_price)]))[0]
            for obs in observations
        ]
    )
    actual = np.array([obs.accepted for obs in observations], dtype=np.float64)
    clipped = np.clip(predicted, _EPSILON, 1 - _EPSILON)
    log_likelihood = actual * np.log(clipped) + (1 - actual) * np.log(1 - clipped)
    return OutcomeFit(
        offers=len(observations),
        mean_log_likelihood=float(log_likelihood.mean()),
        accuracy=float(np.mean((predicted > 0.5) == (actual > 0.5))),
        brier=float(np.mean((predicted - actual) ** 2)),
    )
