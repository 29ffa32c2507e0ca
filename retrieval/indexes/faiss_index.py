"""FAISS vector index: `IndexIDMap` over inner product on normalised vectors; flat, HNSW or IVF.

Filtered search is exact in what it admits and never under-fills: small allowed sets are searched by
brute force over their reconstructed vectors, larger ones through a FAISS `IDSelectorBitmap`, and any
query the approximate index answers with too few hits is redone exactly.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal, cast

import faiss
import numpy as np
import numpy.typing as npt

from assistant.errors import VectorIndexError
from retrieval.indexes import SearchResult

IndexKind = Literal["flat", "hnsw", "ivf"]
INDEX_FILE = "vectors.faiss"
SMALL_BATCH = 8


class FaissIndex:
    """A FAISS index whose ids are catalog rows; a GPU copy serves unfiltered queries when present."""

    def __init__(
        self,
        index: Any,
        *,
        kind: IndexKind,
        ef_search: int = 96,
        nprobe: int = 48,
        use_gpu: bool = False,
    ) -> None:
        self._index: Any = index
        self._inner: Any = cast(Any, faiss.downcast_index(index.index))  # type-specific methods
        self._kind: IndexKind = kind
        self._ef_search = ef_search
        self._nprobe = nprobe
        if kind == "ivf":
            self._inner.make_direct_map()  # lets reconstruct() read vectors by row
        self._gpu_index = _to_gpu(index) if use_gpu else None

    @classmethod
    def build(
        cls,
        vectors: npt.NDArray[np.float32],
        *,
        kind: IndexKind,
        hnsw_m: int = 32,
        ef_construction: int = 200,
        ef_search: int = 96,
        nprobe: int = 48,
        use_gpu: bool = False,
        seed: int = 1234,
    ) -> FaissIndex:
        """Index `vectors` (rows become ids 0..n-1)."""
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        count, dimension = vectors.shape
        inner: Any
        if kind == "flat":
            inner = faiss.IndexFlatIP(dimension)
        elif kind == "hnsw":
            inner = faiss.IndexHNSWFlat(dimension, hnsw_m, faiss.METRIC_INNER_PRODUCT)
            inner.hnsw.efConstruction = ef_construction
        else:
            inner = _trained_ivf(vectors, seed=seed)
        index = faiss.IndexIDMap(inner)
        index.add_with_ids(vectors, np.arange(count, dtype=np.int64))
        return cls(index, kind=kind, ef_search=ef_search, nprobe=nprobe, use_gpu=use_gpu)

    @classmethod
    def load(cls, directory: Path, *, kind: IndexKind, **options: Any) -> FaissIndex:
        """Read an index written by `save`."""
        try:
            index = faiss.read_index(str(directory / INDEX_FILE))
        except RuntimeError as error:
            raise VectorIndexError(f"cannot read vector index in {directory}: {error}") from None
        return cls(index, kind=kind, **options)

    @property
    def kind(self) -> str:
        return self._kind

    @property
    def dimension(self) -> int:
        """Vector length."""
        return int(self._index.d)

    def __len__(self) -> int:
        return int(self._index.ntotal)

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        faiss.write_index(self._index, str(directory / INDEX_FILE))

    def reconstruct(self, ids: npt.NDArray[np.int64]) -> npt.NDArray[np.float32]:
        ids = np.asarray(ids, dtype=np.int64)
        if ids.size == 0:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.asarray(self._inner.reconstruct_batch(ids), dtype=np.float32)

    def search(
        self, queries: npt.NDArray[np.float32], k: int, *, allowed: npt.NDArray[np.bool_] | None = None
    ) -> SearchResult:
        queries = np.ascontiguousarray(np.atleast_2d(queries), dtype=np.float32)
        # OpenMP costs more than it gives for a handful of queries: one thread was 6x faster per query
        # at 1M vectors (IVF p95 1.4 ms vs 8.8 ms with two threads, bench/retrieval.py).
        with faiss_threads(1 if len(queries) <= SMALL_BATCH else None):
            return self._search(queries, k, allowed)

    def _search(
        self, queries: npt.NDArray[np.float32], k: int, allowed: npt.NDArray[np.bool_] | None
    ) -> SearchResult:
        if allowed is None:
            return self._search_all(queries, min(k, len(self)))
        if allowed.shape != (len(self),):
            raise ValueError(f"allowed mask has shape {allowed.shape}, index has {len(self)} rows")
        allowed_ids = np.flatnonzero(allowed).astype(np.int64)
        want = min(k, allowed_ids.size)
        if want == 0:
            return _empty(len(queries), 0)
        if self._kind != "flat" and allowed_ids.size <= self._exact_subset_limit():
            return self._search_subset(queries, allowed_ids, want)
        scores, ids = self._search_selected(queries, allowed, want)
        short = np.flatnonzero((ids >= 0).sum(axis=1) < want)
        if short.size:  # the graph/lists ran dry inside the filter: answer those queries exactly
            exact_scores, exact_ids = self._search_subset(queries[short], allowed_ids, want)
            scores[short], ids[short] = exact_scores, exact_ids
        return scores, ids

    def _exact_subset_limit(self) -> int:
        return max(2048, len(self) // 50)

    def _search_all(self, queries: npt.NDArray[np.float32], k: int) -> SearchResult:
        if k == 0:
            return _empty(len(queries), 0)
        if self._gpu_index is not None:
            scores, ids = self._gpu_index.search(queries, k)
        else:
            scores, ids = self._index.search(queries, k, params=self._params(None, k))
        return scores.astype(np.float32), ids.astype(np.int64)

    def _search_selected(
        self, queries: npt.NDArray[np.float32], allowed: npt.NDArray[np.bool_], k: int
    ) -> SearchResult:
        bitmap = np.packbits(allowed, bitorder="little")  # must outlive the search call
        selector = faiss.IDSelectorBitmap(len(allowed), faiss.swig_ptr(bitmap))
        scores, ids = self._index.search(queries, k, params=self._params(selector, k))
        return scores.astype(np.float32), ids.astype(np.int64)

    def _search_subset(
        self, queries: npt.NDArray[np.float32], allowed_ids: npt.NDArray[np.int64], k: int
    ) -> SearchResult:
        scores = queries @ self.reconstruct(allowed_ids).T
        top = np.argpartition(-scores, k - 1, axis=1)[:, :k] if k < allowed_ids.size else None
        if top is None:
            top = np.tile(np.arange(allowed_ids.size), (len(queries), 1))
        top_scores = np.take_along_axis(scores, top, axis=1)
        order = np.argsort(-top_scores, axis=1, kind="stable")
        return (
            np.take_along_axis(top_scores, order, axis=1).astype(np.float32),
            allowed_ids[np.take_along_axis(top, order, axis=1)],
        )

    def _params(self, selector: Any, k: int) -> Any:
        params: Any
        if self._kind == "hnsw":
            params = faiss.SearchParametersHNSW()  # type: ignore[attr-defined]  # missing from faiss' stubs
            params.efSearch = max(self._ef_search, 2 * k)
        elif self._kind == "ivf":
            params = faiss.SearchParametersIVF()
            params.nprobe = self._nprobe
        else:
            params = faiss.SearchParameters()
        if selector is not None:
            params.sel = selector
        return params


@contextmanager
def faiss_threads(threads: int | None) -> Iterator[None]:
    """Run FAISS with `threads` OpenMP threads inside the block (None: leave as configured)."""
    if threads is None:
        yield
        return
    previous = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(threads)
    try:
        yield
    finally:
        faiss.omp_set_num_threads(previous)


def choose_kind(count: int, *, requested: str, approximate_threshold: int, ivf_threshold: int) -> IndexKind:
    """Exact below `approximate_threshold`, HNSW up to `ivf_threshold`, IVF beyond (HNSW recall sags)."""
    if requested in ("flat", "hnsw", "ivf"):
        return requested  # type: ignore[return-value]
    if count < approximate_threshold:
        return "flat"
    return "hnsw" if count < ivf_threshold else "ivf"


def gpu_available() -> bool:
    """True when this faiss build sees at least one GPU."""
    return bool(getattr(faiss, "get_num_gpus", lambda: 0)() > 0)


def _trained_ivf(vectors: npt.NDArray[np.float32], *, seed: int) -> Any:
    count, dimension = vectors.shape
    # 2*sqrt(n) lists: at 1M, 3-4x faster to build than 4*sqrt(n) and recall@10 0.993 at nprobe 48
    lists = int(min(max(64, 2 * math.sqrt(count)), max(1, count // 39)))
    quantizer = faiss.IndexFlatIP(dimension)
    inner = faiss.IndexIVFFlat(quantizer, dimension, lists, faiss.METRIC_INNER_PRODUCT)
    inner.cp.seed = seed
    sample = np.random.default_rng(seed).choice(count, size=min(count, 64 * lists), replace=False)
    inner.train(vectors[np.sort(sample)])
    return inner  # faiss' Python wrapper keeps `quantizer` alive through `inner`


def _to_gpu(index: Any) -> Any:
    """All-GPU copy for unfiltered search; HNSW stays on CPU (FAISS has no GPU HNSW)."""
    inner = faiss.downcast_index(index.index)
    if isinstance(inner, faiss.IndexHNSW) or not gpu_available():
        return None
    return faiss.index_cpu_to_all_gpus(index)


def _empty(queries: int, k: int) -> SearchResult:
    return np.zeros((queries, k), dtype=np.float32), np.full((queries, k), -1, dtype=np.int64)
