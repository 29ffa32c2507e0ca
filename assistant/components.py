"""Composition root: builds the stages from the settings object (the only place that wires them)."""

from __future__ import annotations

from pathlib import Path

from assistant.settings import Settings
from retrieval.catalog import Catalog, demo_catalog_path, load_catalog
from retrieval.catalog.store import CatalogStore
from retrieval.embedders.sentence_transformer import SentenceTransformerEmbedder
from retrieval.indexes.store import IndexStore
from retrieval.search import Retriever


def catalog_store(settings: Settings) -> CatalogStore:
    """The store of catalogs imported with `bundlewise catalog import`."""
    return CatalogStore(settings.paths.data_dir / "catalog")


def resolve_catalog_path(settings: Settings, explicit: str | Path | None = None) -> Path:
    """`--catalog` if given, else BUNDLEWISE_CATALOG__PATH, else the last imported catalog, else the demo."""
    if explicit is not None and str(explicit) != "demo":
        return Path(explicit)
    if explicit is None and settings.catalog.path is not None:
        return settings.catalog.path
    imported = catalog_store(settings).current_path() if explicit is None else None
    return imported if imported is not None else demo_catalog_path()


def open_catalog(settings: Settings, explicit: str | Path | None = None) -> Catalog:
    """Load and validate the catalog the settings (or `explicit`) point at."""
    return load_catalog(resolve_catalog_path(settings, explicit))


def build_retriever(settings: Settings, catalog: Catalog) -> Retriever:
    """A cold `Retriever` for `catalog` with the real MiniLM embedder and the on-disk index cache."""
    section = settings.retrieval
    embedder = SentenceTransformerEmbedder(
        model_path=section.embedding_model_path,
        device=section.device,
        batch_size=section.batch_size,
        torch_threads=section.torch_threads,
    )
    index_store = IndexStore(settings.paths.cache_dir / "indexes", section)
    return Retriever(catalog, embedder=embedder, index_store=index_store, settings=section)
