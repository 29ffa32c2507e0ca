"""`Retriever`: hybrid product search, dense (FAISS over sentence embeddings) fused with BM25,
under exact hard filters, returning k results whenever k products pass the filters."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from assistant.errors import InvalidInputError
from assistant.settings import RetrievalSettings
from retrieval.catalog.schema import Catalog, Product
from retrieval.embedders import Embedder
from retrieval.filters import FilterColumns, SearchFilters
from retrieval.fusion import fuse_scores
from retrieval.indexes import VectorIndex
from retrieval.indexes.store import IndexStore
from retrieval.lexical import BM25Index, lexical_document
from retrieval.mentions import MentionIndex
from retrieval.zh_lexicon import gloss_text

SearchMode = Literal["hybrid", "dense", "lexical"]
MAX_TOP_K = 1000
MAX_QUERY_CHARS = 2000  # longer input is cut: nothing useful for search hides past this


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One result with the scores that ranked it."""

    product: Product
    score: float
    dense_score: float
    lexical_score: float


class Retriever:
    """Searches one catalog; `warm_up` loads the embedder, the persisted (or new) index and BM25."""

    def __init__(
        self,
        catalog: Catalog,
        *,
        embedder: Embedder,
        index_store: IndexStore,
        settings: RetrievalSettings,
    ) -> None:
        self.catalog = catalog
        self._embedder = embedder
        self._index_store = index_store
        self._settings = settings
        self._index: VectorIndex | None = None
        self._lexical: BM25Index | None = None
        self._columns: FilterColumns | None = None
        self._mentions: MentionIndex | None = None
        self._lock = threading.Lock()

    @property
    def index(self) -> VectorIndex:
        """The dense index (after `warm_up`)."""
        self.warm_up()
        assert self._index is not None
        return self._index

    @property
    def filter_columns(self) -> FilterColumns:
        """The catalog's filter columns (after `warm_up`)."""
        self.warm_up()
        assert self._columns is not None
        return self._columns

    @property
    def embedder(self) -> Embedder:
        """The query embedder (shared with stages that embed short texts, e.g. slot matching)."""
        return self._embedder

    def warm_up(self, *, show_progress: bool = False) -> None:
        """Load or build everything search needs; idempotent and thread-safe."""
        with self._lock:
            if self._index is not None:
                return
            self._embedder.warm_up()
            self._columns = FilterColumns(self.catalog)
            self._mentions = MentionIndex(self.catalog, self._columns.category_rows)
            self._lexical = BM25Index.build([lexical_document(product) for product in self.catalog])
            self._index = self._index_store.load_or_build(
                self.catalog, self._embedder, show_progress=show_progress
            )

    def search(
        self,
        query: str,
        *,
        top_k: int = 10,
        filters: SearchFilters | None = None,
        mode: SearchMode = "hybrid",
    ) -> list[SearchHit]:
        """The `top_k` best products for `query` that pass `filters`."""
        return self.search_many([query], top_k=top_k, filters=filters, mode=mode)[0]

    def search_many(
        self,
        queries: Sequence[str],
        *,
        top_k: int = 10,
        filters: SearchFilters | None = None,
        mode: SearchMode = "hybrid",
    ) -> list[list[SearchHit]]:
        """`search` for many queries with one batched embedding call.

        Chinese words are glossed to English before embedding (MiniLM reads no Chinese) and the dense
        weight shrinks with the share of the query it still cannot read; BM25 sees both forms.
        """
        return self.search_each([(query, filters) for query in queries], top_k=top_k, mode=mode)

    def search_each(
        self,
        requests: Sequence[tuple[str, SearchFilters | None]],
        *,
        top_k: int = 10,
        mode: SearchMode = "hybrid",
    ) -> list[list[SearchHit]]:
        """Several (query, filters) searches with one batched embedding call (e.g. one per bundle role,
        each with its own category filter); queries that share filters share one index call."""
        if not 1 <= top_k <= MAX_TOP_K:
            raise InvalidInputError(f"top_k must be between 1 and {MAX_TOP_K}, got {top_k}")
        texts = [_clean_query(query) for query, _ in requests]
        self.warm_up()
        assert self._columns is not None and self._index is not None and self._mentions is not None
        masks = [self._columns.mask(filters or SearchFilters()) for _, filters in requests]
        live = [i for i, mask in enumerate(masks) if mask.any()]
        results: list[list[SearchHit]] = [[] for _ in texts]
        if not live:
            return results
        glossed = [gloss_text(texts[i]) for i in live]
        pool = max(top_k, self._settings.candidate_pool)
        vectors = (
            self._embedder.embed([english or texts[i] for i, (english, _) in zip(live, glossed, strict=True)])
            if mode != "lexical"
            else None
        )
        dense: dict[int, npt.NDArray[np.int64]] = {}
        if vectors is not None:
            groups: dict[SearchFilters, list[int]] = {}
            for position, i in enumerate(live):
                groups.setdefault(requests[i][1] or SearchFilters(), []).append(position)
            for positions in groups.values():  # one index call per distinct filter
                allowed = masks[live[positions[0]]]
                selection = None if allowed.all() else allowed
                found = self._index.search(vectors[positions], pool, allowed=selection)[1]
                dense.update({position: found[row] for row, position in enumerate(positions)})
        for position, (i, (english, readable)) in enumerate(zip(live, glossed, strict=True)):
            allowed = masks[i]
            vector = vectors[position] if vectors is not None else None
            dense_ids = dense.get(position)
            lexical_text = texts[i] if english == texts[i] else f"{texts[i]} {english}"
            results[i] = self._rank(lexical_text, vector, dense_ids, allowed, pool, top_k, mode, readable)
        return results

    def _rank(
        self,
        text: str,
        vector: npt.NDArray[np.float32] | None,
        dense_ids: npt.NDArray[np.int64] | None,
        allowed: npt.NDArray[np.bool_],
        pool: int,
        top_k: int,
        mode: SearchMode,
        readable: float,
    ) -> list[SearchHit]:
        assert self._lexical is not None and self._index is not None and self._mentions is not None
        lexical_all = self._lexical.scores(text)
        lexical_all[~allowed] = 0.0
        candidates = self._candidates(dense_ids, lexical_all, allowed, pool)
        model_rows = self._mentions.model_rows(text) if mode == "hybrid" else np.zeros(0, dtype=np.int64)
        model_rows = model_rows[allowed[model_rows]]
        if model_rows.size:
            candidates = np.union1d(candidates, model_rows[:pool])
        lexical = lexical_all[candidates]
        dense = (
            self._index.reconstruct(candidates) @ vector
            if vector is not None
            else np.zeros(len(candidates), dtype=np.float32)
        )
        if mode == "dense":
            fused = dense
        elif mode == "lexical":
            fused = lexical
        else:
            fused = fuse_scores(dense, lexical, dense_weight=self._settings.dense_weight * readable)
            boost = self._settings.mention_boost
            fused = fused + boost * np.isin(candidates, model_rows)
            fused = fused + boost * np.isin(candidates, self._mentions.head_category_rows(text))
        order = np.lexsort((candidates, -fused))[:top_k]  # ties broken by row: deterministic
        return [
            SearchHit(self.catalog[int(row)], float(fused[i]), float(dense[i]), float(lexical[i]))
            for i, row in zip(order, candidates[order], strict=True)
        ]

    @staticmethod
    def _candidates(
        dense_ids: npt.NDArray[np.int64] | None,
        lexical: npt.NDArray[np.float32],
        allowed: npt.NDArray[np.bool_],
        pool: int,
    ) -> npt.NDArray[np.int64]:
        """Union of the dense pool and the lexical pool (rows with a positive BM25 score)."""
        parts = []
        if dense_ids is not None:
            parts.append(dense_ids[dense_ids >= 0])
        matching = np.flatnonzero(lexical > 0)
        if matching.size > pool:
            matching = matching[np.argpartition(-lexical[matching], pool - 1)[:pool]]
        parts.append(matching)
        if dense_ids is None and matching.size < pool:  # lexical-only mode still fills k from the filter
            parts.append(np.flatnonzero(allowed)[:pool])
        return np.unique(np.concatenate(parts)).astype(np.int64)


def _clean_query(query: str) -> str:
    if not isinstance(query, str):
        raise InvalidInputError(f"query must be text, got {type(query).__name__}")
    text = "".join(ch if ch.isprintable() else " " for ch in query[:MAX_QUERY_CHARS])
    text = " ".join(text.split())
    if not text:
        raise InvalidInputError("query is empty")
    return text
