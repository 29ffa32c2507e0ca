"""Text embedders behind one small protocol, so the GPU/CPU model and the test fake swap freely."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

from retrieval.embedders.hash_embedder import HashEmbedder

__all__ = ["Embedder", "HashEmbedder"]


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors of a fixed dimension."""

    @property
    def name(self) -> str:
        """Stable identity of the model; part of the index cache key."""
        ...

    @property
    def dimension(self) -> int:
        """Length of each vector."""
        ...

    def warm_up(self) -> None:
        """Load weights once; later calls do nothing."""
        ...

    def embed(self, texts: list[str], *, show_progress: bool = False) -> npt.NDArray[np.float32]:
        """Vectors for `texts`, shape (len(texts), dimension), each of unit length."""
        ...
