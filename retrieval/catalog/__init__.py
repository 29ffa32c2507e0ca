"""Catalog schema, validation and loading."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from retrieval.catalog.loader import load_catalog
from retrieval.catalog.schema import Catalog, Product

__all__ = ["Catalog", "Product", "demo_catalog_path", "load_catalog"]


def demo_catalog_path() -> Path:
    """Path of the team-written demo catalog shipped as package data."""
    return Path(str(resources.files("retrieval") / "data" / "demo_catalog.jsonl"))
