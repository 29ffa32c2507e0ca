"""Pricing policies compared in the simulator, each fitted on one sample of shoppers and applied to another.

All policies obey the same shop rules (price between the rules' lowest price and the list total, see
`BundlePricer.ladder`), so differences come from how well they price, not from breaking rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

import numpy as np

from pricing.optimiser import BundlePricer, PricingPolicy
from pricing.simulation.market import FloatArray, MarketBundle, Outcome, ShopperSample, respond
from pricing.types import ShopperSignals
from pricing.wtp import PriceObservation, WillingnessToPay


@dataclass(frozen=True, slots=True)
class BundleMarket:
    """One bundle's market: its price structure, the rules' price range and two shopper samples."""

    bundle: MarketBundle
    list_total: float
    cost_total: float
    lowest: float  # the lowest price the shop's rules allow (the list total when no discount is allowed)
    places: int  # the currency's minor units
    fit: ShopperSample
    test: ShopperSample
    explored: FloatArray  # the random prices fit shoppers were offered (the observed history)

    def clip(self, prices: FloatArray) -> FloatArray:
        """Prices rounded to the minor unit and kept within the shop's rules."""
        rounded: FloatArray = np.clip(np.round(prices, self.places), self.lowest, self.list_total)
        return rounded

    def grid(self, steps: int = 41) -> FloatArray:
        """Candidate bundle prices between the rules' lowest price and the list total."""
        return self.clip(np.linspace(self.lowest, self.list_total, steps))


@dataclass(frozen=True, slots=True)
class Offer:
    """A policy's bundle price for each test shopper (None: no bundle); `pure` hides the items alone."""

    prices: FloatArray | None
    pure: bool = False

    def outcome(self, market: BundleMarket, sample: ShopperSample) -> Outcome:
        """How `sample` responds to this offer."""
        return respond(sample, self.prices, cost_total=market.cost_total, pure=self.pure)


class Policy(Protocol):
    """A way to price bundles: `fit` sees only fit samples, `offer` prices the test shoppers."""

    name: str

    def fit(self, markets: Sequence[BundleMarket]) -> None: ...

    def offer(self, market: BundleMarket) -> Offer: ...


class SeparateSelling:
    """No bundle: items at list price only (the status quo)."""

    name = "separate"

    def fit(self, markets: Sequence[BundleMarket]) -> None:
        """Nothing to learn."""

    def offer(self, market: BundleMarket) -> Offer:
        """No bundle offer."""
        return Offer(None)


class FixedDiscount:
    """The same discount off every bundle (beside the items at list price)."""

    def __init__(self, *, rate: float = 0.10) -> None:
        self.rate = rate
        self.name = f"fixed_{round(rate * 100)}pct"

    def fit(self, markets: Sequence[BundleMarket]) -> None:
        """Nothing to learn."""

    def offer(self, market: BundleMarket) -> Offer:
        """List total less the fixed rate, within the rules."""
        price = market.clip(np.array([market.list_total * (1 - self.rate)]))
        return Offer(np.full(len(market.test), price[0]))


class PureBundling:
    """Only the bundle is sold, at the price that earned most on the fit sample (per bundle)."""

    name = "pure_bundling"

    def __init__(self) -> None:
        self._prices: dict[int, float] = {}

    def fit(self, markets: Sequence[BundleMarket]) -> None:
        """Pick each bundle's best price on its fit shoppers."""
        for index, market in enumerate(markets):
            grid = market.grid()
            profits = [
                respond(
                    market.fit, np.full(len(market.fit), p), cost_total=market.cost_total, pure=True
                ).profit.sum()
                for p in grid
            ]
            self._prices[index] = float(grid[int(np.argmax(profits))])
        self._index = {id(market): index for index, market in enumerate(markets)}

    def offer(self, market: BundleMarket) -> Offer:
        """The fitted price, bundle only."""
        return Offer(np.full(len(market.test), self._prices[self._index[id(market)]]), pure=True)


class SizeDiscount:
    """A discount per number of items (e.g. 2 items 5%, 3 items 10%), each chosen on the fit sample."""

    name = "size_discount"

    def __init__(self, *, max_discount: float = 0.25, steps: int = 26) -> None:
        self.rates = np.linspace(0.0, max_discount, steps)
        self._by_size: dict[int, float] = {}

    def fit(self, markets: Sequence[BundleMarket]) -> None:
        """For each bundle size, the rate with the highest total fit profit over bundles of that size."""
        sizes = sorted({len(market.bundle.draft.items) for market in markets})
        for size in sizes:
            group = [market for market in markets if len(market.bundle.draft.items) == size]
            totals = [sum(self._profit(market, rate) for market in group) for rate in self.rates]
            self._by_size[size] = float(self.rates[int(np.argmax(totals))])

    def offer(self, market: BundleMarket) -> Offer:
        """The size's rate off the list total, within the rules."""
        rate = self._by_size.get(len(market.bundle.draft.items), 0.0)
        price = market.clip(np.array([market.list_total * (1 - rate)]))[0]
        return Offer(np.full(len(market.test), price))

    @staticmethod
    def _profit(market: BundleMarket, rate: float) -> float:
        price = market.clip(np.array([market.list_total * (1 - rate)]))[0]
        return float(
            respond(market.fit, np.full(len(market.fit), price), cost_total=market.cost_total).profit.sum()
        )


class OursPolicy:
    """`BundlePricer` with its WTP model fitted on the fit shoppers' accept/decline outcomes at the
    random prices they were offered; `use_signals=False` prices everyone as a typical shopper."""

    def __init__(
        self, *, policy: PricingPolicy, prior: WillingnessToPay | None = None, use_signals: bool = True
    ) -> None:
        self.pricing_policy = policy
        self.use_signals = use_signals
        self.name = "ours" if use_signals else "ours_without_signals"
        self.wtp = prior or WillingnessToPay()

    def fit(self, markets: Sequence[BundleMarket]) -> None:
        """Maximum-likelihood WTP from the observed offers (never from valuations)."""
        observations = [obs for market in markets for obs in _observations(market, self.use_signals)]
        self.wtp = self.wtp.fit(observations)

    def offer(self, market: BundleMarket) -> Offer:
        """Each test shopper's price from the pricer, given only what the conversation revealed."""
        pricer = BundlePricer(policy=self.pricing_policy, wtp=self.wtp)
        signals = market.test.signals if self.use_signals else [ShopperSignals()] * len(market.test)
        priced = pricer.price_many(market.bundle.draft, signals)
        return Offer(np.array([float(p.bundle_price) for p in priced]))


class HindsightPostedPrice:
    """A reference, not a usable policy: one bundle price per bundle, the one that earns most on the test
    shoppers themselves (it knows their valuations' distribution, not who is who). It is the ceiling of
    every policy that offers one price to all shoppers of a bundle; only conversation signals beat it."""

    name = "hindsight_posted_price"

    def fit(self, markets: Sequence[BundleMarket]) -> None:
        """Needs no fitting: it looks at the test shoppers."""

    def offer(self, market: BundleMarket) -> Offer:
        """The single best price on the test sample (ties: the higher price), or no bundle."""
        sample = market.test
        best_price, best_profit = np.inf, respond(sample, None, cost_total=market.cost_total).profit.sum()
        for price in market.grid(121):
            offered = np.full(len(sample), price)
            profit = respond(sample, offered, cost_total=market.cost_total).profit.sum()
            if profit >= best_profit:
                best_price, best_profit = float(price), profit
        return Offer(np.full(len(sample), best_price))


class Oracle:
    """Clairvoyant: knows each shopper's valuations and charges the most they would accept for the
    bundle, within the same rules, when that earns more than their purchase of items alone."""

    name = "oracle"

    def fit(self, markets: Sequence[BundleMarket]) -> None:
        """Needs no fitting: it reads the test shoppers' minds."""

    def offer(self, market: BundleMarket) -> Offer:
        """Per shopper: the reservation price (rounded down) or no bundle."""
        sample = market.test
        reservation = sample.bundle_value - sample.alone_surplus
        scale = 10.0**market.places
        price = np.minimum(np.floor(reservation * scale + 1e-9) / scale, market.list_total)
        worth = (price >= market.lowest) & (price - market.cost_total >= sample.alone_profit)
        return Offer(np.where(worth, price, np.inf))


def _observations(market: BundleMarket, use_signals: bool) -> list[PriceObservation]:
    """The fit shoppers' history: the random price each was offered, whether they took the bundle,
    and the margin from items they bought alone instead."""
    outcome = respond(market.fit, market.explored, cost_total=market.cost_total)
    draft = market.bundle.draft
    typical = ShopperSignals()
    return [
        PriceObservation(
            draft=draft,
            shopper=signals if use_signals else typical,
            offered_price=Decimal(repr(float(price))),
            accepted=bool(took),
            fallback_margin=None if took else Decimal(repr(float(margin))),
        )
        for signals, price, took, margin in zip(
            market.fit.signals, market.explored, outcome.bought_bundle, outcome.profit, strict=True
        )
    ]
