from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import numpy as np
import numpy.typing as npt

from assistant.settings import RetrievalSettings
from retrieval.catalog.schema import Catalog
from retrieval.embedders import HashEmbedder
from retrieval.indexes.store import IndexStore
from tests.retrieval.factories import small_catalog


class CountingEmbedder(HashEmbedder):
    """Fake embedder that counts how many texts it embedded."""

    def __init__(self) -> None:
        super().__init__(dimension=32)
        self.embedded = 0

    def embed(self, texts: list[str], *, show_progress: bool = False) -> npt.NDArray[np.float32]:
        self.embedded += len(texts)
        return super().embed(texts)


def test_index_is_built_once_and_reused_while_the_catalog_is_unchanged(tmp_path: Path) -> None:
    catalog, embedder = small_catalog(), CountingEmbedder()
    store = IndexStore(tmp_path, RetrievalSettings())
    first = store.load_or_build(catalog, embedder)
    assert embedder.embedded == len(catalog)
    second = IndexStore(tmp_path, RetrievalSettings()).load_or_build(catalog, embedder)
    assert embedder.embedded == len(catalog)  # read from disk, nothing re-embedded
    query = embedder.embed(["iphone case"])
    np.testing.assert_array_equal(first.search(query, 5)[1], second.search(query, 5)[1])
    meta = json.loads((store.directory_for(catalog, embedder, "flat") / "meta.json").read_text())
    assert meta["catalog_hash"] == catalog.content_hash and meta["count"] == len(catalog)


def test_changed_catalog_content_builds_a_new_index(tmp_path: Path) -> None:
    catalog, embedder = small_catalog(), CountingEmbedder()
    store = IndexStore(tmp_path, RetrievalSettings())
    store.load_or_build(catalog, embedder)
    changed = Catalog((replace(catalog[0], price=Decimal("949.00")), *catalog.products[1:]))
    assert changed.content_hash != catalog.content_hash
    store.load_or_build(changed, embedder)
    assert embedder.embedded == 2 * len(catalog)
    assert store.directory_for(catalog, embedder, "flat").is_dir()  # the old index stays usable


def test_corrupt_index_file_is_rebuilt_not_trusted(tmp_path: Path) -> None:
    catalog, embedder = small_catalog(), CountingEmbedder()
    store = IndexStore(tmp_path, RetrievalSettings())
    store.load_or_build(catalog, embedder)
    (store.directory_for(catalog, embedder, "flat") / "vectors.faiss").write_bytes(b"garbage")
    index = store.load_or_build(catalog, embedder)
    assert embedder.embedded == 2 * len(catalog) and len(index) == len(catalog)


def test_requested_kind_and_threshold_pick_the_index(tmp_path: Path) -> None:
    catalog, embedder = small_catalog(), CountingEmbedder()
    hnsw = IndexStore(tmp_path, RetrievalSettings(approximate_threshold=5)).load_or_build(catalog, embedder)
    assert hnsw.kind == "hnsw"
    flat = IndexStore(tmp_path, RetrievalSettings(index_kind="flat")).load_or_build(catalog, embedder)
    assert flat.kind == "flat"
    assert not list(tmp_path.glob(".building-*"))  # no staging debris left behind
