"""`bundlewise eval bundles`: do our bundles recover real bundles better than plain retrieval?

On any directory in the BundleRec layout (see `bundlerec`), per domain: bundles are split (seeded) into a
fit and a test part; complementarity (item and category co-occurrence, `BasketComplementModel`) is learned
from the fit bundles and from the sessions that contain no test bundle. Each test bundle's intent text is
the request; candidates come from the project's hybrid `Retriever` over the domain's items. We build one
bundle of the real bundle's size as the chat engine does (its anchor pool, its roles from `bundle_roles`,
the product's `BundleBuilder` with the complement model as it is) and compare it, by category recall and
item hits, with the retrieval-only baseline (the top-k search results). One difference stays: the engine
searches each role separately, here each role's candidates are the request's own hits in that category.
The data has no prices: every item gets the same placeholder price and no budget applies, so this measures
what goes together, not what fits a budget.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from statistics import fmean
from typing import Any

from assistant.chat.candidates import ANCHOR_POOL, ROLE_ANCHORS
from assistant.evaluation.bundlerec import BundleRecDomain, find_domains, read_domain
from assistant.settings import BundleSettings, Settings
from pricing.bundles import BundleBuilder, BundleRequest
from pricing.complements import BasketComplementModel, bundle_roles, leaf_role
from pricing.types import ScoredProduct
from retrieval.catalog.schema import CATEGORY_SEPARATOR, Catalog, Product
from retrieval.embedders import Embedder
from retrieval.search import Retriever, SearchHit

PLACEHOLDER_PRICE = Decimal("1.00")  # BundleRec has no prices
SEARCH_DEPTH = 300  # hits per intent: anchors and every role's candidates come from these


@dataclass(frozen=True, slots=True)
class EvaluationOptions:
    """Split and search parameters (the report repeats them)."""

    seed: int = 13
    test_share: float = 0.3
    max_test_bundles: int | None = None  # cap per domain for quick runs; None: all
    anchors: int = ANCHOR_POOL
    search_depth: int = SEARCH_DEPTH


def evaluate_bundles(
    data_dir: Path,
    *,
    settings: Settings,
    embedder: Embedder | None = None,
    options: EvaluationOptions | None = None,
) -> dict[str, Any]:
    """Figures per domain found under `data_dir` (a BundleRec root or one domain directory)."""
    from assistant.components import build_retriever

    options = options or EvaluationOptions()
    retrieval = settings.retrieval.model_copy(update={"candidate_pool": max(options.search_depth, 100)})
    settings = settings.model_copy(update={"retrieval": retrieval})
    domains: dict[str, Any] = {}
    for directory in find_domains(data_dir):
        domain = read_domain(directory)
        catalog = domain_catalog(domain)
        retriever = build_retriever(settings, catalog, embedder)
        domains[domain.name] = evaluate_domain(domain, catalog, retriever, options)
    return {
        "data": str(data_dir),
        "seed": options.seed,
        "test_share": options.test_share,
        "prices": "none in the data: every item gets a placeholder price, no budget applies",
        "domains": domains,
    }


def domain_catalog(domain: BundleRecDomain) -> Catalog:
    """The domain's titled items as products with a placeholder price (categories from the data)."""
    products = [
        Product(
            id=item,
            title=title,
            price=PLACEHOLDER_PRICE,
            currency="USD",
            category=CATEGORY_SEPARATOR.join(domain.categories.get(item, ())) or None,
        )
        for item, title in domain.titles.items()
        if title
    ]
    return Catalog(tuple(products), source=domain.name)


def split_bundles(domain: BundleRecDomain, *, seed: int, test_share: float) -> tuple[list[str], list[str]]:
    """Fit and test bundle ids: bundles with an intent and at least two titled items, shuffled by `seed`."""
    usable = sorted(
        (
            bundle
            for bundle, items in domain.bundles.items()
            if domain.intents.get(bundle) and sum(item in domain.titles for item in items) >= 2
        ),
        key=lambda bundle: (len(bundle), bundle),
    )
    random.Random(seed).shuffle(usable)
    cut = round(len(usable) * test_share)
    return usable[cut:], usable[:cut]


def fit_baskets(domain: BundleRecDomain, fit: Sequence[str], test: Sequence[str]) -> list[tuple[str, ...]]:
    """Fit bundles plus sessions that hold no test bundle (a session holding one would leak its items)."""
    test_set = set(test)
    test_item_sets = [set(domain.bundles[bundle]) for bundle in test]
    baskets = [domain.bundles[bundle] for bundle in fit]
    for session, items in domain.sessions.items():
        if domain.session_bundles.get(session, frozenset()) & test_set:
            continue
        present = set(items)
        if any(len(present & bundle_items) >= 2 for bundle_items in test_item_sets):
            continue  # unlinked but overlapping a test bundle: leave it out too
        baskets.append(items)
    return baskets


def evaluate_domain(
    domain: BundleRecDomain, catalog: Catalog, retriever: Retriever, options: EvaluationOptions
) -> dict[str, Any]:
    """Ours vs retrieval-only on the domain's test bundles."""
    fit, test = split_bundles(domain, seed=options.seed, test_share=options.test_share)
    if options.max_test_bundles is not None:
        test = test[: options.max_test_bundles]
    products = {product.id: product for product in catalog}
    complements = BasketComplementModel(
        fit_baskets(domain, fit, test), products, min_item_pair_count=1, min_category_pair_count=1
    )
    ours: list[dict[str, float]] = []
    baseline: list[dict[str, float]] = []
    filled = repeated = 0
    retriever.warm_up()
    depth = min(options.search_depth, len(catalog), 1000)
    for bundle in test:
        real = [item for item in domain.bundles[bundle] if item in products]
        hits = retriever.search(domain.intents[bundle], top_k=depth)
        size = len(real)
        leaves = [products[item].category_path[-1:] for item in real]
        repeated += len(set(leaves)) < len(leaves)  # one item per category can never match all of these
        built, padded = build_bundle(hits, size, complements, anchors=options.anchors)
        filled += padded
        ours.append(bundle_metrics(built, real, products))
        baseline.append(bundle_metrics([hit.product.id for hit in hits[:size]], real, products))
    return {
        "split": {"fit_bundles": len(fit), "test_bundles": len(test), "seed": options.seed},
        "items": len(catalog),
        "fit_baskets": complements.items.basket_count,
        "ours": _mean(ours),
        "retrieval_only": _mean(baseline),
        "ours_items_filled_from_retrieval": filled,
        "test_bundles_repeating_a_category": repeated,
    }


def build_bundle(
    hits: Sequence[SearchHit], size: int, complements: BasketComplementModel, *, anchors: int
) -> tuple[list[str], int]:
    """Our bundle of `size` items for one intent, and how many items came from plain retrieval because the
    builder found too few complements (one item per category, so a bundle of one category runs short)."""
    scored = [ScoredProduct(hit.product, hit.score) for hit in hits]  # as the engine passes them
    candidates = [candidate.product for candidate in scored[:anchors]]
    roles = set(bundle_roles(candidates, complements, around=ROLE_ANCHORS, of_request=candidates))
    by_role: dict[str, list[ScoredProduct]] = {}
    for candidate in scored:
        role = leaf_role(candidate.product)
        if role in roles:
            by_role.setdefault(role, []).append(candidate)
    builder = BundleBuilder(
        settings=BundleSettings(max_bundles=1, max_items=max(1, size)), complements=complements
    )
    result = builder.build(BundleRequest(), scored[:anchors], by_role)
    chosen = [product.id for product in result.bundles[0].products] if result.bundles else []
    padded = 0
    for hit in hits:
        if len(chosen) >= size:
            break
        if hit.product.id not in chosen:
            chosen.append(hit.product.id)
            padded += 1
    return chosen, padded


def bundle_metrics(
    chosen: Sequence[str], real: Sequence[str], products: dict[str, Product]
) -> dict[str, float]:
    """Category recall (leaf categories of the real bundle covered), item recall, precision and hit."""
    real_categories = {products[item].category_path[-1] for item in real if products[item].category_path}
    chosen_categories = {products[item].category_path[-1] for item in chosen if products[item].category_path}
    shared = len(set(chosen) & set(real))
    return {
        "category_recall": len(real_categories & chosen_categories) / len(real_categories)
        if real_categories
        else 0.0,
        "item_recall": shared / len(real),
        "item_precision": shared / len(chosen) if chosen else 0.0,
        "item_hit_rate": 1.0 if shared else 0.0,
    }


def _mean(rows: list[dict[str, float]]) -> dict[str, float]:
    if not rows:
        return {}
    return {key: round(fmean(row[key] for row in rows), 4) for key in rows[0]}
