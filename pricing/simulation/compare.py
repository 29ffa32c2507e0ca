"""Run every policy on the same simulated shoppers and report profit, revenue, conversion and surplus."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from pricing.optimiser import BundlePricer, PricingPolicy
from pricing.simulation.market import MarketBundle, MarketConfig, category_dispersions, draw_shoppers
from pricing.simulation.policies import (
    BundleMarket,
    FixedDiscount,
    HindsightPostedPrice,
    Oracle,
    OursPolicy,
    Policy,
    PureBundling,
    SeparateSelling,
    SizeDiscount,
)
from pricing.wtp import WillingnessToPay, WtpParameters
from retrieval.catalog.currencies import minor_units


@dataclass(frozen=True, slots=True)
class PolicyResult:
    """A policy's totals over all test shoppers of all bundles (money in the bundles' currency)."""

    profit: float
    revenue: float
    conversion: float  # share of shoppers who bought anything
    bundle_take_rate: float  # share of shoppers who bought the bundle
    consumer_surplus: float


@dataclass(frozen=True, slots=True)
class MarketReport:
    """Results per policy on one market, with everything needed to reproduce it."""

    seed: int
    bundles: int
    shoppers_per_bundle: int  # in each of the fit and the test sample
    results: Mapping[str, PolicyResult]
    fitted_wtp: WtpParameters
    config: MarketConfig = field(default_factory=MarketConfig)

    def uplift(self, policy: str, baseline: str = "separate") -> float:
        """Relative profit gain of `policy` over `baseline` (0.05 = 5% more)."""
        base = self.results[baseline].profit
        return self.results[policy].profit / base - 1 if base else float("nan")

    def oracle_ratio(self, policy: str = "ours") -> float:
        """`policy`'s profit as a share of the clairvoyant oracle's."""
        best = self.results["oracle"].profit
        return self.results[policy].profit / best if best else float("nan")


def build_markets(
    bundles: Sequence[MarketBundle],
    *,
    shoppers: int,
    seed: int,
    config: MarketConfig,
    policy: PricingPolicy,
) -> list[BundleMarket]:
    """Draw a fit and a test sample of shoppers per bundle, and the fit sample's random offers."""
    rng = np.random.default_rng(seed)
    dispersions = category_dispersions(bundles, config, rng)
    rules = BundlePricer(policy=policy)
    markets = []
    for bundle in bundles:
        ladder = rules.ladder(bundle.draft)
        fit = draw_shoppers(bundle, shoppers, config=config, dispersions=dispersions, rng=rng)
        test = draw_shoppers(bundle, shoppers, config=config, dispersions=dispersions, rng=rng)
        explored = np.array([float(p) for p in ladder.candidates])[
            rng.integers(len(ladder.candidates), size=shoppers)
        ]
        markets.append(
            BundleMarket(
                bundle=bundle,
                list_total=float(ladder.list_total),
                cost_total=float(ladder.cost_total or 0),
                lowest=float(ladder.lowest),
                places=minor_units(ladder.currency),
                fit=fit,
                test=test,
                explored=explored,
            )
        )
    return markets


def default_policies(policy: PricingPolicy, prior: WillingnessToPay | None = None) -> list[Policy]:
    """The baselines, ours (with and without conversation signals), the best single price in hindsight
    and the oracle."""
    return [
        SeparateSelling(),
        FixedDiscount(rate=0.10),
        PureBundling(),
        SizeDiscount(max_discount=float(policy.max_discount)),
        OursPolicy(policy=policy, prior=prior),
        OursPolicy(policy=policy, prior=prior, use_signals=False),
        HindsightPostedPrice(),
        Oracle(),
    ]


def compare_policies(
    bundles: Sequence[MarketBundle],
    *,
    shoppers: int = 300,
    seed: int = 0,
    config: MarketConfig | None = None,
    policy: PricingPolicy | None = None,
    prior: WillingnessToPay | None = None,
) -> MarketReport:
    """Fit every policy on the fit shoppers, then measure all of them on the same test shoppers."""
    config = config or MarketConfig()
    policy = policy or PricingPolicy()
    markets = build_markets(bundles, shoppers=shoppers, seed=seed, config=config, policy=policy)
    results: dict[str, PolicyResult] = {}
    fitted = (prior or WillingnessToPay()).parameters
    for candidate in default_policies(policy, prior):
        candidate.fit(markets)
        results[candidate.name] = _measure(candidate, markets)
        if isinstance(candidate, OursPolicy) and candidate.use_signals:
            fitted = candidate.wtp.parameters
    return MarketReport(
        seed=seed,
        bundles=len(markets),
        shoppers_per_bundle=shoppers,
        results=results,
        fitted_wtp=fitted,
        config=config,
    )


def _measure(policy: Policy, markets: Sequence[BundleMarket]) -> PolicyResult:
    outcomes = [policy.offer(market).outcome(market, market.test) for market in markets]
    count = sum(len(outcome.profit) for outcome in outcomes)
    return PolicyResult(
        profit=float(sum(outcome.profit.sum() for outcome in outcomes)),
        revenue=float(sum(outcome.revenue.sum() for outcome in outcomes)),
        conversion=float(sum(outcome.bought_any.sum() for outcome in outcomes)) / max(count, 1),
        bundle_take_rate=float(sum(outcome.bought_bundle.sum() for outcome in outcomes)) / max(count, 1),
        consumer_surplus=float(sum(outcome.surplus.sum() for outcome in outcomes)),
    )
