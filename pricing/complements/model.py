"""The `ComplementModel` protocol every complementarity source implements (graph, baskets, test fakes)."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from retrieval.catalog.schema import Product


@runtime_checkable
class ComplementModel(Protocol):
    """How well two products go together, and which roles complete a bundle around an anchor."""

    def score(self, first: Product, second: Product) -> float:
        """Complementarity of the pair, 0 (unrelated) .. 1 (belong together); symmetric."""
        ...

    def roles_for(self, anchor: Product) -> list[str]:
        """Complement roles (category phrases) for a bundle around `anchor`, strongest first."""
        ...
