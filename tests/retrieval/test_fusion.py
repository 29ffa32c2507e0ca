from __future__ import annotations

import numpy as np
import pytest

from retrieval.fusion import fuse_scores


def test_fusion_is_a_convex_mix_of_normalised_scores() -> None:
    dense = np.array([0.9, 0.5, 0.7], dtype=np.float32)
    lexical = np.array([0.0, 8.0, 2.0], dtype=np.float32)
    fused = fuse_scores(dense, lexical, dense_weight=0.5)
    np.testing.assert_allclose(fused, [0.5, 0.5, 0.25 + 0.125], rtol=1e-6)


def test_weight_one_is_dense_order_and_zero_is_lexical_order() -> None:
    dense = np.array([0.2, 0.9, 0.4], dtype=np.float32)
    lexical = np.array([5.0, 0.0, 1.0], dtype=np.float32)
    assert list(np.argsort(-fuse_scores(dense, lexical, dense_weight=1.0))) == [1, 2, 0]
    assert list(np.argsort(-fuse_scores(dense, lexical, dense_weight=0.0))) == [0, 2, 1]


def test_no_lexical_match_leaves_dense_order_and_flat_dense_is_harmless() -> None:
    dense = np.array([0.3, 0.1], dtype=np.float32)
    assert list(fuse_scores(dense, np.zeros(2, dtype=np.float32), dense_weight=0.5)) == [0.5, 0.0]
    same = np.array([0.4, 0.4], dtype=np.float32)
    np.testing.assert_allclose(
        fuse_scores(same, np.array([0.0, 2.0], dtype=np.float32), dense_weight=0.5), [0.5, 1.0]
    )


def test_empty_pool_and_mismatched_shapes() -> None:
    assert fuse_scores(np.zeros(0, np.float32), np.zeros(0, np.float32), dense_weight=0.5).size == 0
    with pytest.raises(ValueError, match="shape"):
        fuse_scores(np.zeros(2, np.float32), np.zeros(3, np.float32), dense_weight=0.5)
