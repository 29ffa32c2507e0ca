"""Persisted vector indexes keyed by catalog content hash, embedder and index kind.

An index is rebuilt only when one of those changes. Each is written into a temporary directory and
renamed into place, so a crash mid-build never leaves a half-written index that a later start trusts.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import faiss

from assistant.errors import VectorIndexError
from assistant.settings import RetrievalSettings
from retrieval.catalog.schema import Catalog
from retrieval.embedders import Embedder
from retrieval.indexes.faiss_index import FaissIndex, IndexKind, choose_kind, gpu_available

log = logging.getLogger(__name__)
META_FILE = "meta.json"
FORMAT_VERSION = 1


class IndexStore:
    """Loads the index for (catalog, embedder) from `root`, building and saving it when absent."""

    def __init__(self, root: Path, settings: RetrievalSettings) -> None:
        self.root = root
        self.settings = settings

    def directory_for(self, catalog: Catalog, embedder: Embedder, kind: str) -> Path:
        """Where the index for this catalog content, embedder and kind lives."""
        slug = re.sub(r"[^A-Za-z0-9.-]+", "_", embedder.name)
        return self.root / f"{catalog.content_hash[:24]}-{slug}-{kind}"

    def load_or_build(
        self, catalog: Catalog, embedder: Embedder, *, show_progress: bool = False
    ) -> FaissIndex:
        """The catalog's index: read from disk when it matches, else embedded, built and persisted."""
        kind = choose_kind(
            len(catalog),
            requested=self.settings.index_kind,
            approximate_threshold=self.settings.approximate_threshold,
            ivf_threshold=self.settings.ivf_threshold,
        )
        directory = self.directory_for(catalog, embedder, kind)
        meta = _read_meta(directory)
        if meta is not None and self._matches(meta, catalog, embedder, kind):
            try:
                return FaissIndex.load(directory, kind=kind, **self._options())
            except VectorIndexError as error:
                log.warning("rebuilding unreadable index: %s", error)
        return self._build(catalog, embedder, kind, directory, show_progress=show_progress)

    def _build(
        self, catalog: Catalog, embedder: Embedder, kind: IndexKind, directory: Path, *, show_progress: bool
    ) -> FaissIndex:
        started = time.perf_counter()
        vectors = embedder.embed([product.search_text() for product in catalog], show_progress=show_progress)
        index = FaissIndex.build(
            vectors,
            kind=kind,
            hnsw_m=self.settings.hnsw_m,
            ef_construction=self.settings.hnsw_ef_construction,
            **self._options(),
        )
        meta = {
            "format_version": FORMAT_VERSION,
            "catalog_hash": catalog.content_hash,
            "catalog_source": catalog.source,
            "embedder": embedder.name,
            "dimension": index.dimension,
            "kind": kind,
            "count": len(index),
            "faiss_version": faiss.__version__,
            "build_seconds": round(time.perf_counter() - started, 3),
        }
        self.root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=self.root, prefix=".building-"))
        try:
            index.save(staging)
            (staging / META_FILE).write_text(json.dumps(meta, indent=2), encoding="utf-8")
            shutil.rmtree(directory, ignore_errors=True)
            staging.rename(directory)
        except OSError as error:  # read-only cache: serve from memory, rebuild next start
            log.warning("could not persist vector index to %s: %s", directory, error)
            shutil.rmtree(staging, ignore_errors=True)
        return index

    def _matches(self, meta: dict[str, Any], catalog: Catalog, embedder: Embedder, kind: str) -> bool:
        return bool(
            meta.get("format_version") == FORMAT_VERSION
            and meta.get("catalog_hash") == catalog.content_hash
            and meta.get("embedder") == embedder.name
            and meta.get("kind") == kind
            and meta.get("count") == len(catalog)
        )

    def _options(self) -> dict[str, Any]:
        return {
            "ef_search": self.settings.hnsw_ef_search,
            "nprobe": self.settings.ivf_nprobe,
            "use_gpu": self.settings.use_gpu == "auto" and gpu_available(),
        }


def _read_meta(directory: Path) -> dict[str, Any] | None:
    try:
        meta = json.loads((directory / META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None
