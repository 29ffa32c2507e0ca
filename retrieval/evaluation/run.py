"""`evaluate_retrieval`: nDCG@10 and Recall@10 of dense, lexical and fused search on real labelled queries.

Protocol (fixed before looking at any figure):
1. Each available query set (see `query_sets`) is split in halves by a salted hash of the query text.
2. The fusion weight is chosen on the dev halves only: for each weight of `WEIGHT_GRID`, the real
   `Retriever.search_many(mode="hybrid")` runs with that `dense_weight`; the weight with the best mean
   (over sets) hybrid nDCG@10 wins, ties going to the weight nearest 0.5.
3. Every reported figure is measured on the test halves with the real retriever built by
   `assistant.components.build_retriever`, hybrid at the chosen weight: what is reported is what ships.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from assistant.components import build_embedder, build_retriever
from assistant.errors import NotFoundError
from assistant.settings import Settings
from retrieval.evaluation.metrics import mean, ndcg_at_k, recall_at_k
from retrieval.evaluation.query_sets import SOURCES, LabelledQuery, LabelledSet, QuerySetSource
from retrieval.search import Retriever, SearchMode

log = logging.getLogger(__name__)

TOP_K = 10
MODES: tuple[SearchMode, ...] = ("dense", "lexical", "hybrid")
WEIGHT_GRID = tuple(round(0.1 * step, 1) for step in range(1, 10))  # 0.1 .. 0.9: both retrievers count
SPLIT_SALT = "bundlewise-retrieval-eval-v1"
BATCH = 256  # queries per search_many call
NDCG = f"ndcg@{TOP_K}"
RECALL = f"recall@{TOP_K}"


def evaluate_retrieval(
    data_dir: Path, *, settings: Settings, sources: Sequence[QuerySetSource] = SOURCES
) -> dict[str, Any]:
    """Build the labelled sets under `data_dir`, choose the fusion weight on dev halves, report test halves.

    Raises:
        NotFoundError: when none of the sets' files are under `data_dir`.
    """
    started = time.perf_counter()
    sets: list[LabelledSet] = []
    skipped: dict[str, str] = {}
    for source in sources:
        missing = source.missing(data_dir)
        if missing:
            skipped[source.name] = f"missing under {data_dir}: {', '.join(missing)}"
        else:
            sets.append(source.build(data_dir))
    if not sets:
        raise NotFoundError(f"no evaluation data under {data_dir}: {'; '.join(skipped.values())}")
    halves = {labelled.name: split_dev_test(labelled) for labelled in sets}
    embedder = build_embedder(settings)  # one model load shared by every retriever below

    dev_curve: dict[str, dict[str, float]] = {}  # weight -> set -> mean hybrid nDCG@10 on dev
    dev_single: dict[str, dict[str, dict[str, float]]] = {}
    for labelled in sets:
        dev = halves[labelled.name][0]
        for weight in WEIGHT_GRID:
            retriever = build_retriever(_with_weight(settings, weight), labelled.catalog, embedder)
            if weight == WEIGHT_GRID[0]:
                dev_single[labelled.name] = {
                    mode: _score(retriever, dev, mode) for mode in ("dense", "lexical")
                }
            dev_curve.setdefault(str(weight), {})[labelled.name] = _score(retriever, dev, "hybrid")[NDCG]
            log.info("dev %s w=%s done (%.0fs)", labelled.name, weight, time.perf_counter() - started)
    macro_curve = {weight: mean(per_set.values()) for weight, per_set in dev_curve.items()}
    chosen = max(WEIGHT_GRID, key=lambda weight: (round(macro_curve[str(weight)], 12), -abs(weight - 0.5)))

    report_sets: dict[str, Any] = {}
    configured = settings.retrieval.dense_weight
    for labelled in sets:
        dev, test = halves[labelled.name]
        retriever = build_retriever(_with_weight(settings, chosen), labelled.catalog, embedder)
        figures = {mode: _score(retriever, test, mode) for mode in MODES}
        entry: dict[str, Any] = {
            "built": labelled.description,
            "catalog_products": len(labelled.catalog),
            "queries": {"total": len(labelled.queries), "dev": len(dev), "test": len(test)},
            "test": figures,
            "dev": {**dev_single[labelled.name], "hybrid": {NDCG: dev_curve[str(chosen)][labelled.name]}},
        }
        if configured != chosen:
            configured_retriever = build_retriever(settings, labelled.catalog)
            entry["test_hybrid_at_configured_weight"] = _score(configured_retriever, test, "hybrid")
        report_sets[labelled.name] = entry
        log.info("test %s done (%.0fs)", labelled.name, time.perf_counter() - started)

    macro = {
        mode: {
            metric: _round(mean(entry["test"][mode][metric] for entry in report_sets.values()))
            for metric in (NDCG, RECALL)
        }
        for mode in MODES
    }
    beats = {
        metric: macro["hybrid"][metric] > max(macro["dense"][metric], macro["lexical"][metric])
        for metric in (NDCG, RECALL)
    }
    return {
        "evaluation": "retrieval",
        "top_k": TOP_K,
        "metrics": {
            NDCG: f"linear-gain nDCG: sum rel_i/log2(i+1) over ranks 1..{TOP_K}, divided by the ideal DCG",
            RECALL: f"|relevant ∩ top {TOP_K}| / min(|relevant|, {TOP_K})",
        },
        "protocol": (
            "queries split in dev/test halves by a salted SHA-256 of the query text; dense_weight chosen "
            "on the dev halves (max mean hybrid nDCG@10 over sets); every figure below is on test halves"
        ),
        "dense_weight": {
            "chosen": chosen,
            "configured": configured,
            "grid": list(WEIGHT_GRID),
            "dev_macro_ndcg@10": {weight: _round(value) for weight, value in macro_curve.items()},
            "dev_ndcg@10_per_set": {
                weight: {name: _round(value) for name, value in per_set.items()}
                for weight, per_set in dev_curve.items()
            },
        },
        "macro_test": macro,
        "hybrid_beats_dense_and_lexical": beats,
        "queries_test": sum(entry["queries"]["test"] for entry in report_sets.values()),
        "sets": report_sets,
        "skipped": skipped,
        "seconds": round(time.perf_counter() - started, 1),
    }


def split_dev_test(labelled: LabelledSet) -> tuple[list[LabelledQuery], list[LabelledQuery]]:
    """Deterministic halves: a query is dev when the first byte of its salted hash is below 128."""
    dev: list[LabelledQuery] = []
    test: list[LabelledQuery] = []
    for query in labelled.queries:
        digest = hashlib.sha256(f"{SPLIT_SALT}|{labelled.name}|{query.text}".encode()).digest()
        (dev if digest[0] < 128 else test).append(query)
    return dev, test


def _score(retriever: Retriever, queries: Sequence[LabelledQuery], mode: SearchMode) -> dict[str, float]:
    ndcg: list[float] = []
    recall: list[float] = []
    for start in range(0, len(queries), BATCH):
        batch = queries[start : start + BATCH]
        results = retriever.search_many([query.text for query in batch], top_k=TOP_K, mode=mode)
        for query, hits in zip(batch, results, strict=True):
            ranked = [hit.product.id for hit in hits]
            ndcg.append(ndcg_at_k(ranked, query.relevant, TOP_K))
            recall.append(recall_at_k(ranked, query.relevant, TOP_K))
    return {NDCG: _round(mean(ndcg)), RECALL: _round(mean(recall))}


def _with_weight(settings: Settings, weight: float) -> Settings:
    retrieval = settings.retrieval.model_copy(update={"dense_weight": weight})
    return settings.model_copy(update={"retrieval": retrieval})


def _round(value: float) -> float:
    return round(value, 4)
