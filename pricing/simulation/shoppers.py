"""Simulated shoppers deciding on quoted bundles, one at a time, with the market simulator's valuations.

This is the market of `pricing.simulation.market` seen from outside a shop: a shopper values each item at
list price x exp(anchor + sigma x z) (z shares a common factor: some shoppers simply pay more), values a
bundle at the sum x (1 + synergy), and takes the shown bundle leaving the most surplus if it beats buying
the items alone at list price and beats buying nothing. Used to drive the real API with known behaviour,
so an experiment report can be checked against the truth.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from pricing.simulation.market import MarketConfig, standalone_choice
from pricing.types import BundleDraft


@dataclass(frozen=True, slots=True)
class QuotedBundle:
    """A bundle as shown to the shopper, at its quoted price."""

    draft: BundleDraft
    price: Decimal


class QuoteShoppers:
    """A stream of independent simulated shoppers; `choose` is one new shopper's decision."""

    def __init__(self, *, config: MarketConfig | None = None, seed: int = 0) -> None:
        self.config = config or MarketConfig()
        self._rng = np.random.default_rng(seed)

    def choose(self, offers: Sequence[QuotedBundle]) -> int | None:
        """The index of the bundle a fresh shopper takes, or None when they take none."""
        config, rng = self.config, self._rng
        common = float(rng.standard_normal())
        values: dict[str, float] = {}  # one shopper values a product the same in every bundle
        best, best_surplus = None, 0.0
        for index, offer in enumerate(offers):
            products = offer.draft.products
            for product in products:
                if product.id not in values:
                    z = math.sqrt(config.correlation) * common + math.sqrt(1 - config.correlation) * float(
                        rng.standard_normal()
                    )
                    values[product.id] = float(product.price) * math.exp(
                        config.anchor + config.dispersion * z
                    )
            own = np.array([[values[p.id] for p in products]])
            synergy = np.array(
                [
                    max(
                        config.complement_bonus * offer.draft.complementarity
                        + config.synergy_noise * float(rng.standard_normal()),
                        -0.9,
                    )
                ]
            )
            prices = np.array([float(p.price) for p in products])
            alone, _, _ = standalone_choice(own, synergy, prices, np.zeros(len(products)))
            surplus = float(own.sum() * (1 + synergy[0])) - float(offer.price)
            if surplus >= max(float(alone[0]), 0.0) and (best is None or surplus > best_surplus):
                best, best_surplus = index, surplus
        return best
