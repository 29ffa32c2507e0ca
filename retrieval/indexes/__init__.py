"""Vector indexes behind the `VectorIndex` protocol; FAISS is the backend (CPU, GPU when present)."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

SearchResult = tuple[npt.NDArray[np.float32], npt.NDArray[np.int64]]


@runtime_checkable
class VectorIndex(Protocol):
    """Inner-product search over unit vectors whose ids are catalog rows (0..n-1)."""

    @property
    def kind(self) -> str:
        """`flat` (exact), `hnsw` or `ivf`."""
        ...

    def __len__(self) -> int: ...

    def search(
        self, queries: npt.NDArray[np.float32], k: int, *, allowed: npt.NDArray[np.bool_] | None = None
    ) -> SearchResult:
        """Top-`k` (scores, ids) per query among rows where `allowed` is True; -1 pads missing slots.

        Returns exactly min(k, allowed rows) results per query: filtering never silently under-fills.
        """
        ...

    def reconstruct(self, ids: npt.NDArray[np.int64]) -> npt.NDArray[np.float32]:
        """The stored vectors of `ids`."""
        ...

    def save(self, directory: Path) -> None:
        """Persist with `faiss.write_index` (no pickle)."""
        ...
