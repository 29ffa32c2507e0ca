"""`bundlewise eval pricing`: the market simulator on real price structures, and the Steam realism check.

Per data set, every policy is fitted on one sample of simulated shoppers and measured on another
(same shoppers for every policy). Costs absent from a data set are assumed; the report says which.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np

from assistant.components import open_catalog
from assistant.evaluation.pricing_data import (
    STEAM_COST_SHARE,
    STEAM_MAX_ITEMS,
    UCI_COST_SHARE,
    SteamBundle,
    demo_bundles,
    simulator_steam_bundles,
    steam_bundles,
    uci_bundles,
)
from assistant.settings import Settings
from pricing.optimiser import BundlePricer, PricingPolicy
from pricing.simulation import MarketBundle, MarketReport, compare_policies
from pricing.types import ShopperSignals
from pricing.wtp import WillingnessToPay

DISCOUNT_BUCKETS = ((0, 5), (5, 15), (15, 25), (25, 35), (35, 101))  # percent, [low, high)
BASELINES = ("separate", "fixed_10pct", "pure_bundling", "size_discount")


def evaluate_pricing(
    settings: Settings,
    *,
    data_dir: Path,
    steam_file: Path | None = None,
    seed: int = 0,
    shoppers: int = 200,
) -> dict[str, Any]:
    """The full report: per data set per policy figures, ours vs baselines and oracle, Steam realism."""
    policy = PricingPolicy.from_settings(settings.pricing)
    sources: dict[str, tuple[list[MarketBundle], str]] = {
        "demo_catalog": (demo_bundles(open_catalog(settings, "demo")), "catalog costs"),
    }
    uci_dir = data_dir / "uci_online_retail"
    if uci_dir.is_dir():
        sources["uci_online_retail"] = (uci_bundles(uci_dir), f"assumed {UCI_COST_SHARE} x median unit price")
    steam_path = steam_file or data_dir / "steam_bundles" / "bundle_data.json"
    steam = steam_bundles(steam_path) if steam_file is not None or steam_path.is_file() else []
    if steam:
        note = f"assumed {STEAM_COST_SHARE} x price (store cut); bundles of <= {STEAM_MAX_ITEMS} items"
        sources["steam_bundles"] = (simulator_steam_bundles(steam), note)
    datasets: dict[str, Any] = {}
    reports: dict[str, MarketReport] = {}
    for name, (bundles, costs) in sources.items():
        reports[name] = compare_policies(bundles, shoppers=shoppers, seed=seed, policy=policy)
        datasets[name] = {"costs": costs, **market_summary(reports[name])}
    report: dict[str, Any] = {
        "seed": seed,
        "shoppers_per_bundle": {"fit": shoppers, "test": shoppers},
        "policy": {
            "min_margin": str(policy.min_margin),
            "max_discount": str(policy.max_discount),
            "price_ending": None if policy.price_ending is None else str(policy.price_ending),
        },
        "datasets": datasets,
    }
    if steam and "steam_bundles" in reports:
        wtp = WillingnessToPay(reports["steam_bundles"].fitted_wtp)
        report["steam_realism"] = steam_realism(steam, BundlePricer(policy=policy, wtp=wtp), str(steam_path))
    return report


def market_summary(report: MarketReport) -> dict[str, Any]:
    """One data set's figures: per policy totals, ours vs separate and baselines, ours / oracle."""
    results = {
        name: {
            "profit": round(result.profit, 2),
            "revenue": round(result.revenue, 2),
            "conversion": round(result.conversion, 4),
            "bundle_take_rate": round(result.bundle_take_rate, 4),
            "consumer_surplus": round(result.consumer_surplus, 2),
        }
        for name, result in report.results.items()
    }
    best_baseline = max(BASELINES, key=lambda name: report.results[name].profit)
    ours = report.results["ours"].profit
    return {
        "bundles": report.bundles,
        "test_shoppers": report.bundles * report.shoppers_per_bundle,
        "policies": results,
        "ours_vs_separate_uplift_pct": round(100 * report.uplift("ours"), 2),
        "ours_vs_best_baseline_uplift_pct": round(100 * report.uplift("ours", best_baseline), 2),
        "best_baseline": best_baseline,
        "ours_over_oracle": round(report.oracle_ratio("ours"), 4),
        "ours_without_signals_over_oracle": round(report.oracle_ratio("ours_without_signals"), 4),
        # The ceiling of any one-price-per-bundle policy, chosen on the test shoppers themselves.
        "hindsight_posted_price_vs_separate_uplift_pct": round(
            100 * report.uplift("hindsight_posted_price"), 2
        ),
        "ours_over_hindsight_posted_price": round(
            report.results["ours"].profit / report.results["hindsight_posted_price"].profit, 4
        ),
        "acceptance": {
            "uplift_ge_5pct": report.uplift("ours") >= 0.05,
            "beats_every_baseline": all(ours > report.results[name].profit for name in BASELINES),
            "oracle_ratio_ge_90pct": report.oracle_ratio("ours") >= 0.90,
        },
        "fitted_wtp": {
            key: round(value, 4)
            for key, value in asdict(report.fitted_wtp).items()
            if isinstance(value, float)
        },
        "simulator": asdict(report.config),
    }


def steam_realism(bundles: Sequence[SteamBundle], pricer: BundlePricer, source: str) -> dict[str, Any]:
    """Our recommended discount for a typical shopper vs the publisher's, bundle by bundle."""
    ours = []
    theirs = []
    for item in bundles:
        priced = pricer.price(item.bundle.draft, ShopperSignals())
        ours.append(float(priced.breakdown.discount_rate) * 100)
        theirs.append(float(item.publisher_discount) * 100)
    ours_array, theirs_array = np.array(ours), np.array(theirs)
    return {
        "file": source,
        "bundles": len(bundles),
        "note": "realism check, not a target: our discounts are capped at the configured max_discount",
        "mean_discount_pct": {"ours": _round(ours_array.mean()), "publisher": _round(theirs_array.mean())},
        "median_discount_pct": {
            "ours": _round(float(np.median(ours_array))),
            "publisher": _round(float(np.median(theirs_array))),
        },
        "mean_absolute_difference_pct_points": _round(float(np.abs(ours_array - theirs_array).mean())),
        "correlation": _round(_correlation(ours_array, theirs_array)),
        "histogram_pct": {
            f"{low}-{min(high, 100)}": {
                "ours": int(((ours_array >= low) & (ours_array < high)).sum()),
                "publisher": int(((theirs_array >= low) & (theirs_array < high)).sum()),
            }
            for low, high in DISCOUNT_BUCKETS
        },
    }


def _correlation(a: np.ndarray[Any, Any], b: np.ndarray[Any, Any]) -> float:
    if a.size < 2 or a.std() == 0 or b.std() == 0:
        return float("nan")
    return float(np.corrcoef(a, b)[0, 1])


def _round(value: float | Decimal) -> float | None:
    number = float(value)
    return None if math.isnan(number) else round(number, 4)
