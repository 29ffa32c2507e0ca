"""Pure ranking metrics for retrieval evaluation: nDCG@k, Recall@k and their mean (no I/O, no models).

Relevance is either a set of relevant ids (binary, every grade 1) or a mapping id -> graded relevance;
ids with a grade <= 0 count as not relevant. A ranking that repeats an id counts it once, at its first
position, so a buggy ranker cannot earn credit twice for the same product.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet

Relevance = AbstractSet[str] | Mapping[str, float]


def ndcg_at_k(ranked_ids: Sequence[str], relevant: Relevance, k: int) -> float:
    """Normalised discounted cumulative gain of the first `k` results, in [0, 1].

    DCG@k = sum over ranks i = 1..k of gain(id_i) / log2(i + 1), with linear gain (the id's grade, 1 for
    a set, 0 when not relevant); IDCG@k is the DCG@k of the ideal ordering (grades sorted descending);
    nDCG@k = DCG@k / IDCG@k.

    Raises:
        ValueError: when `k` < 1 or nothing is relevant (the metric is undefined; a labelled query
            without relevant ids is a labelling bug that averaging a 0 into the mean would hide).
    """
    grades = _grades(relevant, k)
    dcg = sum(grades.get(item, 0.0) / math.log2(rank + 2) for rank, item in enumerate(_top(ranked_ids, k)))
    ideal = sorted(grades.values(), reverse=True)[:k]
    idcg = sum(grade / math.log2(rank + 2) for rank, grade in enumerate(ideal))
    return dcg / idcg


def recall_at_k(ranked_ids: Sequence[str], relevant: Relevance, k: int) -> float:
    """Share of the relevant ids found in the first `k` results, normalised so 1.0 is reachable.

    Recall@k = |relevant ∩ top k| / min(|relevant|, k): with more than `k` relevant ids a perfect top k
    scores 1.0 instead of k / |relevant|. For graded relevance, relevant means grade > 0.

    Raises:
        ValueError: when `k` < 1 or nothing is relevant.
    """
    grades = _grades(relevant, k)
    found = sum(1 for item in _top(ranked_ids, k) if item in grades)
    return found / min(len(grades), k)


def mean(values: Iterable[float]) -> float:
    """Arithmetic mean; ValueError on no values (an empty query set has no score, not 0)."""
    items = list(values)
    if not items:
        raise ValueError("mean of no values")
    return math.fsum(items) / len(items)


def _grades(relevant: Relevance, k: int) -> dict[str, float]:
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    if isinstance(relevant, Mapping):
        grades = {item: float(grade) for item, grade in relevant.items() if grade > 0}
    else:
        grades = dict.fromkeys(relevant, 1.0)
    if not grades:
        raise ValueError("no relevant ids: nDCG and recall are undefined for this query")
    return grades


def _top(ranked_ids: Sequence[str], k: int) -> list[str]:
    """The first `k` distinct ids, in ranking order."""
    seen: set[str] = set()
    top: list[str] = []
    for item in ranked_ids:
        if item not in seen:
            seen.add(item)
            top.append(item)
            if len(top) == k:
                break
    return top
