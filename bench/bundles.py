"""Bundle construction (and pricing) benchmark: latency of building 3 bundles from 200 candidates, as JSON.

Target (2 CPU cores): building and pricing 3 bundles from 200 scored candidates takes <= 20 ms at p95.

Scenarios come from the demo catalog (phone, laptop, camera, coffee machine, skincare, smartwatch), each
with 200 candidates: the anchor category's products plus the products of its complement roles from the
category graph, topped up with seeded price variants of the same products (id and price changed,
attributes kept, so compatibility checks still bite). Relevance is seeded random, the best anchor at 1.0.
Pricing uses `pricing.optimiser.BundlePricer` when it is present; the report says whether it ran.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

# bench/retrieval.py would shadow the `retrieval` package: drop bench/ from the import path.
if sys.path and Path(sys.path[0] or ".").resolve() == Path(__file__).resolve().parent:
    sys.path.pop(0)

from assistant.settings import BundleSettings
from pricing.bundles import BundleBuilder, BundleRequest
from pricing.complements import GraphComplementModel, leaf_role
from pricing.types import BundleDraft, ScoredProduct
from retrieval.catalog import Catalog, Product, demo_catalog_path, load_catalog

CANDIDATES = 200
SCENARIOS = {  # name: (anchor title fragment, budgets to try)
    "phone": ("iPhone 16 128GB", (None, Decimal(1100), Decimal(700))),
    "laptop": ("MacBook Air 13-inch", (None, Decimal(1400))),
    "camera": ("Sony ZV-E10 II", (None, Decimal(1400))),
    "coffee": ("Nespresso Vertuo Next", (None, Decimal(400))),
    "skincare": ("CeraVe Hydrating Facial Cleanser", (None, Decimal(150))),
    "smartwatch": ("Apple Watch Series 10 GPS 46mm", (None, Decimal(600))),
}


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def variant(product: Product, number: int) -> Product:
    """A priced variant of `product` (new id and price, same attributes)."""
    factor = Decimal(1) + Decimal(number % 7 - 3) / Decimal(20)
    return dataclasses.replace(
        product,
        id=f"{product.id}~v{number}",
        title=f"{product.title} (variant {number})",
        price=(product.price * factor).quantize(Decimal("0.01")),
    )


def scenario(
    catalog: Catalog, graph: GraphComplementModel, fragment: str, rng: random.Random
) -> tuple[list[ScoredProduct], dict[str, list[ScoredProduct]]]:
    """Anchors and role candidates, `CANDIDATES` in all."""
    top = next(product for product in catalog if fragment in product.title)
    anchor_pool = [product for product in catalog if leaf_role(product) == leaf_role(top)]
    roles = graph.roles_for(top)
    pools = {role: [product for product in catalog if graph.role_of(product) == role] for role in roles}
    pools = {role: products for role, products in pools.items() if products}
    groups = [anchor_pool, *pools.values()]
    number = 0
    while sum(map(len, groups)) < CANDIDATES:
        for group in groups:
            if sum(map(len, groups)) >= CANDIDATES:
                break
            number += 1
            group.append(variant(group[number % len(group)], number))
    anchors = [
        ScoredProduct(product, 1.0 if product is top else rng.uniform(0.2, 0.9)) for product in anchor_pool
    ]
    candidates = {
        role: [ScoredProduct(product, rng.uniform(0.2, 1.0)) for product in products]
        for role, products in pools.items()
    }
    return anchors, candidates


def load_pricer() -> Callable[[BundleDraft], object] | None:
    """The other half's pricer, if it is in this checkout."""
    try:
        from pricing.optimiser import BundlePricer
    except ImportError:
        return None
    return BundlePricer().price


def main() -> None:
    """Measure and print the JSON report."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=30, help="builds per scenario and budget")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    catalog = load_catalog(demo_catalog_path())
    graph = GraphComplementModel()
    settings = BundleSettings(max_bundles=3, max_items=4, candidates_per_role=CANDIDATES)
    builder = BundleBuilder(settings=settings, complements=graph)
    price = load_pricer()
    build_ms: list[float] = []
    total_ms: list[float] = []
    per_scenario: dict[str, dict[str, object]] = {}
    for name, (fragment, budgets) in SCENARIOS.items():
        anchors, candidates = scenario(catalog, graph, fragment, rng)
        count = len(anchors) + sum(map(len, candidates.values()))
        mine: list[float] = []
        bundles = []
        for budget in budgets:
            request = BundleRequest(budget_max=budget)
            builder.build(request, anchors, candidates)  # warm caches (category phrases) outside the timing
            for _ in range(args.repeat):
                begin = time.perf_counter()
                result = builder.build(request, anchors, candidates)
                built = time.perf_counter()
                if price is not None:
                    for draft in result.bundles:
                        price(draft)
                done = time.perf_counter()
                build_ms.append((built - begin) * 1000)
                total_ms.append((done - begin) * 1000)
                mine.append((done - begin) * 1000)
            bundles.append(len(result.bundles))
        per_scenario[name] = {
            "candidates": count,
            "bundles_per_budget": bundles,
            "p95_ms": round(percentile(mine, 0.95), 2),
        }
    p95 = percentile(total_ms, 0.95)
    report = {
        "machine": {"cpus": os.cpu_count()},
        "priced": price is not None,
        "calls": len(total_ms),
        "build_ms": {
            "p50": round(percentile(build_ms, 0.50), 2),
            "p95": round(percentile(build_ms, 0.95), 2),
            "mean": round(statistics.fmean(build_ms), 2),
        },
        "build_and_price_ms": {
            "p50": round(percentile(total_ms, 0.50), 2),
            "p95": round(p95, 2),
            "p99": round(percentile(total_ms, 0.99), 2),
            "max": round(max(total_ms), 2),
        },
        "scenarios": per_scenario,
        "targets": {"build_and_price_p95_le_20ms": p95 <= 20.0},
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
