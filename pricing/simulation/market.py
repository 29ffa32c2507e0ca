"""Simulated shoppers with known valuations, and how they choose under mixed bundling.

Each shopper values each item at list price x exp(anchor + sigma_category x z), where z is normal with
a common factor (correlation `correlation` between a shopper's items: some shoppers simply pay more).
Owning k of a bundle's n items together is worth (1 + synergy x (k - 1) / (n - 1)) times their sum:
positive synergy for complements (phone + case), negative for substitutes (two similar games). The
conversation reveals noisy signals of the common factor: a price sensitivity and, for some shoppers,
a budget near what the bundle is worth to them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import numpy as np
from numpy.typing import NDArray
from scipy.special import ndtr

from pricing.money import to_money
from pricing.types import BundleDraft, ShopperSignals

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class MarketBundle:
    """A bundle from a real price structure, with how much its items substitute for each other (0..1)."""

    draft: BundleDraft
    substitutability: float = 0.0


@dataclass(frozen=True, slots=True)
class MarketConfig:
    """How simulated shoppers value items and what the conversation reveals (documented defaults).

    Attributes:
        anchor: mean log WTP relative to list price (0: half of shoppers value an item above its price).
        dispersion: log-sd of item WTP across shoppers (0.25: the middle two thirds within about +-25%).
        dispersion_spread: categories differ; each gets dispersion x U[1 - spread, 1 + spread].
        correlation: share of each item's log-WTP variance from the shopper's common factor.
        complement_bonus: synergy of a complete bundle per unit of complementarity.
        substitute_penalty: value lost by a complete bundle per unit of substitutability.
        synergy_noise: sd of the synergy across shoppers.
        sensitivity_noise: noise (in sds of the common factor) in the revealed price sensitivity.
        budget_share: share of shoppers who state a budget.
        budget_noise: log-sd of a stated budget around the bundle's worth to that shopper.
    """

    anchor: float = 0.0
    dispersion: float = 0.25
    dispersion_spread: float = 0.2
    correlation: float = 0.5
    complement_bonus: float = 0.15
    substitute_penalty: float = 0.25
    synergy_noise: float = 0.05
    sensitivity_noise: float = 0.75
    budget_share: float = 0.4
    budget_noise: float = 0.15


@dataclass(frozen=True, slots=True)
class ShopperSample:
    """N shoppers of one bundle: their valuations, what they would do without a bundle, their signals."""

    values: FloatArray  # (N, n) item valuations
    synergy: FloatArray  # (N,)
    bundle_value: FloatArray  # (N,) value of owning all n items
    alone_surplus: FloatArray  # (N,) best surplus from items bought alone at list price (>= 0)
    alone_profit: FloatArray  # (N,) the shop's margin from that purchase
    alone_revenue: FloatArray  # (N,)
    signals: tuple[ShopperSignals, ...]

    def __len__(self) -> int:
        return int(self.values.shape[0])


@dataclass(frozen=True, slots=True)
class Outcome:
    """What N shoppers did when offered a bundle (or nothing) beside the items at list price."""

    profit: FloatArray
    revenue: FloatArray
    surplus: FloatArray
    bought_bundle: BoolArray
    bought_any: BoolArray


def category_dispersions(
    bundles: Sequence[MarketBundle], config: MarketConfig, rng: np.random.Generator
) -> dict[str, float]:
    """Each category's log-sd of WTP: heterogeneous across categories, fixed for the whole market."""
    names = sorted({p.category or "" for bundle in bundles for p in bundle.draft.products})
    spread = rng.uniform(1 - config.dispersion_spread, 1 + config.dispersion_spread, size=len(names))
    return {name: config.dispersion * float(factor) for name, factor in zip(names, spread, strict=True)}


def draw_shoppers(
    bundle: MarketBundle,
    size: int,
    *,
    config: MarketConfig,
    dispersions: dict[str, float],
    rng: np.random.Generator,
) -> ShopperSample:
    """`size` shoppers interested in `bundle`, with valuations, standalone choices and signals."""
    products = bundle.draft.products
    prices = np.array([float(p.price) for p in products])
    costs = np.array([float(p.cost or 0) for p in products])
    sigma = np.array([dispersions[p.category or ""] for p in products])
    common = rng.standard_normal((size, 1))
    own = rng.standard_normal((size, len(products)))
    z = np.sqrt(config.correlation) * common + np.sqrt(1 - config.correlation) * own
    values = prices * np.exp(config.anchor + sigma * z)
    mean_synergy = (
        config.complement_bonus * bundle.draft.complementarity
        - config.substitute_penalty * bundle.substitutability
    )
    synergy = np.maximum(mean_synergy + config.synergy_noise * rng.standard_normal(size), -0.9)
    surplus, profit, revenue = standalone_choice(values, synergy, prices, costs)
    bundle_value = values.sum(axis=1) * (1 + synergy)
    signals = _signals(common[:, 0], bundle_value, bundle.draft.products[0].currency, config, rng)
    return ShopperSample(values, synergy, bundle_value, surplus, profit, revenue, signals)


def standalone_choice(
    values: FloatArray, synergy: FloatArray, prices: FloatArray, costs: FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Each shopper's best set of items bought alone at list price: (surplus, shop margin, revenue).

    For each set size k the best k items are those with the largest value x size multiplier - price;
    the best size wins (buying nothing gives surplus 0).
    """
    size, n = values.shape
    best_surplus, best_margin, best_revenue = np.zeros(size), np.zeros(size), np.zeros(size)
    for k in range(1, n + 1):
        multiplier = 1 + synergy * ((k - 1) / (n - 1) if n > 1 else 0.0)
        gain = values * multiplier[:, None] - prices
        chosen = np.argsort(-gain, axis=1, kind="stable")[:, :k]
        surplus = np.take_along_axis(gain, chosen, axis=1).sum(axis=1)
        better = surplus > best_surplus
        best_surplus = np.where(better, surplus, best_surplus)
        best_margin = np.where(better, (prices - costs)[chosen].sum(axis=1), best_margin)
        best_revenue = np.where(better, prices[chosen].sum(axis=1), best_revenue)
    return best_surplus, best_margin, best_revenue


def respond(
    sample: ShopperSample, bundle_prices: FloatArray | None, *, cost_total: float, pure: bool = False
) -> Outcome:
    """Shoppers take whichever option leaves them the most surplus: nothing, items alone, or the bundle
    (ties go to the bundle). `pure` removes the items-alone option; `inf` prices offer no bundle."""
    size = len(sample)
    if bundle_prices is None:
        bought = np.zeros(size, dtype=bool)
        return Outcome(
            sample.alone_profit, sample.alone_revenue, sample.alone_surplus, bought, sample.alone_revenue > 0
        )
    bundle_surplus = sample.bundle_value - bundle_prices
    alternative = np.zeros(size) if pure else sample.alone_surplus
    takes = (bundle_surplus >= alternative) & (bundle_surplus >= 0) & np.isfinite(bundle_prices)
    alone = ~takes & ~np.full(size, pure)
    price = np.where(takes, bundle_prices, 0.0)
    profit = np.where(takes, price - cost_total, np.where(alone, sample.alone_profit, 0.0))
    revenue = np.where(takes, price, np.where(alone, sample.alone_revenue, 0.0))
    surplus = np.where(takes, bundle_surplus, np.where(alone, sample.alone_surplus, 0.0))
    bought_any = takes | (alone & (sample.alone_revenue > 0))
    return Outcome(profit, revenue, surplus, takes, bought_any)


def _signals(
    common: FloatArray,
    bundle_value: FloatArray,
    currency: str,
    config: MarketConfig,
    rng: np.random.Generator,
) -> tuple[ShopperSignals, ...]:
    """Noisy views of the common factor: sensitivity is uniform on 0..1 and lower for keen shoppers."""
    noise = config.sensitivity_noise
    sensitivity = ndtr(-(common + noise * rng.standard_normal(common.shape)) / np.sqrt(1 + noise**2))
    states = rng.random(common.shape) < config.budget_share
    budgets = bundle_value * np.exp(config.budget_noise * rng.standard_normal(common.shape))
    return tuple(
        ShopperSignals(
            budget_max=_money(budget, currency) if stated else None,
            price_sensitivity=float(s),
        )
        for s, stated, budget in zip(sensitivity, states, budgets, strict=True)
    )


def _money(amount: float, currency: str) -> Decimal:
    return to_money(amount, currency)
