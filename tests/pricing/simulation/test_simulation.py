from __future__ import annotations

import numpy as np
import pytest

from pricing.optimiser import PricingPolicy
from pricing.simulation import MarketBundle, MarketConfig, build_markets, compare_policies
from pricing.simulation.market import ShopperSample, respond, standalone_choice
from pricing.simulation.policies import (
    FixedDiscount,
    HindsightPostedPrice,
    Oracle,
    OursPolicy,
    SeparateSelling,
    SizeDiscount,
)
from tests.pricing.factories import draft, product


def _bundles(count: int = 8) -> list[MarketBundle]:
    rng = np.random.default_rng(0)
    bundles = []
    for index in range(count):
        size = 2 + index % 3
        items = []
        for position in range(size):
            price = round(float(np.exp(rng.uniform(1, 5))), 2)
            items.append(
                product(f"{index}-{position}", f"{price:.2f}", f"{price * 0.4:.2f}", category=f"c{position}")
            )
        bundles.append(
            MarketBundle(draft(*items, complementarity=float(rng.uniform())), substitutability=0.2)
        )
    return bundles


def test_separate_selling_matches_a_hand_computed_case() -> None:
    # two shoppers, items priced 10 and 5 (costs 4 and 2), no synergy
    values = np.array([[12.0, 4.0], [9.0, 6.0]])
    surplus, margin, revenue = standalone_choice(
        values, np.zeros(2), np.array([10.0, 5.0]), np.array([4.0, 2.0])
    )
    # shopper 1 buys only item 1 (surplus 2), shopper 2 only item 2 (surplus 1)
    assert surplus.tolist() == [2.0, 1.0]
    assert margin.tolist() == [6.0, 3.0]
    assert revenue.tolist() == [10.0, 5.0]
    # a 20% synergy makes shopper 2 buy both: (9 + 6) x 1.2 - 15 = 3 > 1
    surplus, margin, _ = standalone_choice(
        values, np.full(2, 0.2), np.array([10.0, 5.0]), np.array([4.0, 2.0])
    )
    assert surplus == pytest.approx([4.2, 3.0])  # shopper 1: (12 + 4) x 1.2 - 15 = 4.2 > 2
    assert margin.tolist() == [9.0, 9.0]


def test_shoppers_take_the_bundle_only_when_it_leaves_more_surplus() -> None:
    sample = ShopperSample(
        values=np.array([[12.0, 4.0]]),
        synergy=np.zeros(1),
        bundle_value=np.array([16.0]),
        alone_surplus=np.array([2.0]),
        alone_profit=np.array([6.0]),
        alone_revenue=np.array([10.0]),
        signals=(),
    )
    assert respond(sample, np.array([14.0]), cost_total=6.0).profit.tolist() == [8.0]  # surplus 2 >= 2
    assert respond(sample, np.array([14.5]), cost_total=6.0).profit.tolist() == [6.0]  # buys item 1 alone
    assert respond(sample, np.array([16.5]), cost_total=6.0, pure=True).profit.tolist() == [0.0]


def test_same_seed_same_report_other_seed_other_shoppers() -> None:
    first = compare_policies(_bundles(), shoppers=60, seed=7)
    again = compare_policies(_bundles(), shoppers=60, seed=7)
    other = compare_policies(_bundles(), shoppers=60, seed=8)
    assert first.results == again.results
    assert first.results["separate"] != other.results["separate"]


def test_oracle_bounds_every_mixed_policy_shopper_by_shopper() -> None:
    policy = PricingPolicy()
    markets = build_markets(_bundles(), shoppers=80, seed=1, config=MarketConfig(), policy=policy)
    ours = OursPolicy(policy=policy)
    candidates = [FixedDiscount(rate=0.1), SizeDiscount(), ours]
    for candidate in candidates:
        candidate.fit(markets)
    for market in markets:
        best = Oracle().offer(market).outcome(market, market.test).profit
        for candidate in candidates:
            profit = candidate.offer(market).outcome(market, market.test).profit
            assert np.all(best >= profit - 1e-9)


def test_report_compares_all_policies_on_the_same_shoppers() -> None:
    report = compare_policies(_bundles(), shoppers=80, seed=3)
    names = set(report.results)
    assert names == {
        "separate",
        "fixed_10pct",
        "pure_bundling",
        "size_discount",
        "ours",
        "ours_without_signals",
        "hindsight_posted_price",
        "oracle",
    }
    oracle = report.results["oracle"].profit
    assert all(result.profit <= oracle + 1e-6 for result in report.results.values())
    assert report.results["separate"].bundle_take_rate == 0
    assert 0 < report.oracle_ratio() <= 1


def test_the_hindsight_price_lies_between_selling_separately_and_the_oracle() -> None:
    markets = build_markets(_bundles(), shoppers=80, seed=2, config=MarketConfig(), policy=PricingPolicy())
    hindsight = HindsightPostedPrice()
    for market in markets:
        offer = hindsight.offer(market)
        assert offer.prices is not None and len(set(offer.prices.tolist())) == 1  # one price for everyone
        earned = offer.outcome(market, market.test).profit.sum()
        alone = SeparateSelling().offer(market).outcome(market, market.test).profit.sum()
        best = Oracle().offer(market).outcome(market, market.test).profit.sum()
        assert alone - 1e-9 <= earned <= best + 1e-9
        for price in market.grid(121):  # no single allowed price on the grid earns more
            single = respond(market.test, np.full(len(market.test), price), cost_total=market.cost_total)
            assert single.profit.sum() <= earned + 1e-9
