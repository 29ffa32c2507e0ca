from __future__ import annotations

from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.indexes import VectorIndex
from retrieval.indexes.faiss_index import FaissIndex, choose_kind, gpu_available


def clustered(count: int, dimension: int = 32, seed: int = 0) -> npt.NDArray[np.float32]:
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(max(4, count // 50), dimension))
    vectors = centres[rng.integers(0, len(centres), count)] + 0.3 * rng.normal(size=(count, dimension))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors.astype(np.float32)


def exact_top(vectors: npt.NDArray[np.float32], query: npt.NDArray[np.float32], k: int, allowed=None):
    scores = vectors @ query
    if allowed is not None:
        scores = np.where(allowed, scores, -np.inf)
    return [row for row in np.argsort(-scores, kind="stable")[:k] if np.isfinite(scores[row])]


VECTORS = clustered(3000)
INDEXES = {
    kind: FaissIndex.build(VECTORS, kind=kind, ef_search=64, nprobe=16) for kind in ("flat", "hnsw", "ivf")
}


@pytest.mark.parametrize("kind", ["flat", "hnsw", "ivf"])
def test_index_satisfies_protocol_and_finds_exact_neighbours(kind: str) -> None:
    index = INDEXES[kind]
    assert isinstance(index, VectorIndex)
    assert len(index) == 3000 and index.kind == kind
    queries = clustered(50, seed=1)
    _, ids = index.search(queries, 10)
    recall = np.mean([len(set(ids[i]) & set(exact_top(VECTORS, q, 10))) / 10 for i, q in enumerate(queries)])
    assert recall == 1.0 if kind == "flat" else recall >= 0.9


@pytest.mark.parametrize("kind", ["flat", "hnsw", "ivf"])
@pytest.mark.parametrize("fraction", [0.0005, 0.003, 0.05, 0.5])
def test_filtered_search_returns_only_allowed_rows_and_never_underfills(kind: str, fraction: float) -> None:
    rng = np.random.default_rng(7)
    allowed = rng.random(len(VECTORS)) < fraction
    allowed[rng.integers(0, len(VECTORS))] = True
    queries = clustered(20, seed=2)
    scores, ids = INDEXES[kind].search(queries, 10, allowed=allowed)
    want = min(10, int(allowed.sum()))
    assert ids.shape == (20, want)
    assert (ids >= 0).all() and allowed[ids].all()
    assert (np.diff(scores, axis=1) <= 1e-6).all()  # best first


def test_hnsw_filtered_search_falls_back_to_exact_when_the_graph_runs_dry() -> None:
    # Three allowed rows out of 3000 is far below HNSW's reach; FAISS alone returns fewer than three.
    allowed = np.zeros(len(VECTORS), dtype=bool)
    allowed[[3, 1500, 2999]] = True
    _, ids = INDEXES["hnsw"].search(VECTORS[:5], 10, allowed=allowed)
    assert ids.shape == (5, 3)
    for row in range(5):
        assert list(ids[row]) == exact_top(VECTORS, VECTORS[row], 3, allowed)


def test_nothing_allowed_gives_no_results() -> None:
    scores, ids = INDEXES["hnsw"].search(VECTORS[:2], 10, allowed=np.zeros(len(VECTORS), dtype=bool))
    assert ids.shape == (2, 0) and scores.shape == (2, 0)


def test_allowed_mask_of_wrong_length_is_rejected() -> None:
    with pytest.raises(ValueError, match="shape"):
        INDEXES["flat"].search(VECTORS[:1], 5, allowed=np.ones(10, dtype=bool))


@pytest.mark.parametrize("kind", ["flat", "hnsw", "ivf"])
def test_save_and_load_round_trip_gives_identical_results(kind: str, tmp_path: Path) -> None:
    INDEXES[kind].save(tmp_path)
    loaded = FaissIndex.load(tmp_path, kind=kind, ef_search=64, nprobe=16)
    queries = clustered(10, seed=3)
    np.testing.assert_array_equal(loaded.search(queries, 10)[1], INDEXES[kind].search(queries, 10)[1])
    np.testing.assert_allclose(loaded.reconstruct(np.array([0, 42])), VECTORS[[0, 42]], atol=1e-6)


def test_persisted_file_is_a_faiss_index_not_a_pickle(tmp_path: Path) -> None:
    INDEXES["flat"].save(tmp_path)
    header = (tmp_path / "vectors.faiss").read_bytes()[:4]
    assert header == b"IxMp"  # faiss IndexIDMap fourcc; a pickle would start with 0x80


def test_choose_kind_follows_size_thresholds() -> None:
    options = {"approximate_threshold": 1000, "ivf_threshold": 100_000}
    assert choose_kind(999, requested="auto", **options) == "flat"
    assert choose_kind(1000, requested="auto", **options) == "hnsw"
    assert choose_kind(100_000, requested="auto", **options) == "ivf"
    assert choose_kind(10, requested="hnsw", **options) == "hnsw"


@settings(max_examples=40, deadline=None)
@given(
    mask_seed=st.integers(0, 10_000),
    fraction=st.floats(0.0, 1.0),
    k=st.integers(1, 40),
    kind=st.sampled_from(["flat", "hnsw", "ivf"]),
)
def test_filtered_search_count_is_min_of_k_and_allowed(
    mask_seed: int, fraction: float, k: int, kind: str
) -> None:
    allowed = np.random.default_rng(mask_seed).random(len(VECTORS)) < fraction
    _, ids = INDEXES[kind].search(VECTORS[:3], k, allowed=allowed)
    assert ids.shape == (3, min(k, int(allowed.sum())))
    assert allowed[ids].all()
    assert all(len(set(row)) == len(row) for row in ids.tolist())


@pytest.mark.gpu
@pytest.mark.parametrize("kind", ["flat", "ivf"])
def test_gpu_copy_answers_like_the_cpu_index(kind: str) -> None:
    if not gpu_available():
        pytest.skip("faiss sees no GPU (install the [gpu] extra on a CUDA machine)")
    on_gpu = FaissIndex.build(VECTORS, kind=kind, nprobe=16, use_gpu=True)  # type: ignore[arg-type]
    queries = clustered(20, seed=5)
    same = (on_gpu.search(queries, 10)[1] == INDEXES[kind].search(queries, 10)[1]).mean()
    assert same >= 0.95
    allowed = np.arange(len(VECTORS)) % 7 == 0  # filtered queries run on the CPU copy
    assert on_gpu.search(queries, 10, allowed=allowed)[1].shape == (20, 10)
