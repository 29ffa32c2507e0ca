"""Exact values of the ranking metrics on hand-computed examples."""

from __future__ import annotations

import math

import pytest

from retrieval.evaluation.metrics import mean, ndcg_at_k, recall_at_k


def test_perfect_ranking_scores_one() -> None:
    assert ndcg_at_k(["a", "b", "c"], {"a", "b", "c"}, 10) == pytest.approx(1.0)
    assert recall_at_k(["a", "b", "c"], {"a", "b", "c"}, 10) == pytest.approx(1.0)


def test_ndcg_partial_binary_by_hand() -> None:
    # relevant at ranks 2 and 4: DCG = 1/log2(3) + 1/log2(5) = 1.06161; IDCG = 1 + 1/log2(3) = 1.63093
    assert ndcg_at_k(["a", "b", "c", "d"], {"b", "d"}, 10) == pytest.approx(0.650921, abs=1e-6)
    # relevant at ranks 1 and 3
    assert ndcg_at_k(["b", "x", "d"], {"b", "d"}, 10) == pytest.approx(0.919721, abs=1e-6)


def test_ndcg_graded_uses_linear_gain_and_ideal_order() -> None:
    # DCG = 1/log2(2) + 3/log2(3) = 2.89279; IDCG = 3/log2(2) + 1/log2(3) = 3.63093
    assert ndcg_at_k(["b", "a"], {"a": 3, "b": 1}, 10) == pytest.approx(0.796708, abs=1e-6)
    assert ndcg_at_k(["a", "b"], {"a": 3.0, "b": 1.0, "z": 0}, 10) == pytest.approx(1.0)


def test_ndcg_ideal_is_capped_at_k() -> None:
    # 5 relevant, k = 2, both top results relevant: DCG equals the ideal DCG@2
    assert ndcg_at_k(["a", "b", "x"], {"a", "b", "c", "d", "e"}, 2) == pytest.approx(1.0)
    assert ndcg_at_k(["x", "a"], {"a", "b"}, 1) == 0.0


def test_recall_normalises_by_min_of_relevant_and_k() -> None:
    relevant = {f"r{i}" for i in range(15)}
    ranked = [f"r{i}" for i in range(5)] + [f"x{i}" for i in range(5)]
    assert recall_at_k(ranked, relevant, 10) == pytest.approx(0.5)  # 5 / min(15, 10)
    assert recall_at_k(["a", "x", "c", "y"], {"a", "b", "c"}, 10) == pytest.approx(2 / 3)
    assert recall_at_k(["x", "y", "a"], {"a"}, 2) == 0.0  # found only past k


def test_repeated_ids_count_once() -> None:
    assert recall_at_k(["a", "a", "a"], {"a", "b"}, 3) == pytest.approx(0.5)
    expected = (1 + 1 / math.log2(3)) / (1 + 1 / math.log2(3))
    assert ndcg_at_k(["a", "a", "b"], {"a", "b"}, 3) == pytest.approx(expected)


def test_empty_relevance_and_bad_k_are_errors() -> None:
    with pytest.raises(ValueError, match="no relevant"):
        ndcg_at_k(["a"], set(), 10)
    with pytest.raises(ValueError, match="no relevant"):
        recall_at_k(["a"], {"a": 0}, 10)
    with pytest.raises(ValueError, match="k must be"):
        ndcg_at_k(["a"], {"a"}, 0)


def test_empty_ranking_scores_zero() -> None:
    assert ndcg_at_k([], {"a"}, 10) == 0.0
    assert recall_at_k([], {"a"}, 10) == 0.0


def test_mean() -> None:
    assert mean([0.25, 0.75, 0.5]) == pytest.approx(0.5)
    with pytest.raises(ValueError):
        mean([])
