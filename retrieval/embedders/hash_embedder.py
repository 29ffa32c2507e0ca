"""`HashEmbedder`: a deterministic FAKE embedder for fast unit tests. Never the product's default."""

from __future__ import annotations

import hashlib
import re

import numpy as np
import numpy.typing as npt

_TOKEN = re.compile(r"\w+")


class HashEmbedder:
    """Fake: hashed bag of words and character trigrams, normalised; similar words give similar vectors."""

    def __init__(self, *, dimension: int = 64) -> None:
        self._dimension = dimension

    @property
    def name(self) -> str:
        return f"fake-hash-{self._dimension}"

    @property
    def dimension(self) -> int:
        return self._dimension

    def warm_up(self) -> None:
        return None

    def embed(self, texts: list[str], *, show_progress: bool = False) -> npt.NDArray[np.float32]:
        vectors = np.zeros((len(texts), self._dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for token in _TOKEN.findall(text.lower()):
                features = [token] + [token[i : i + 3] for i in range(max(0, len(token) - 2))]
                for feature in features:
                    bucket = int.from_bytes(
                        hashlib.blake2b(feature.encode(), digest_size=4).digest(), "little"
                    )
                    vectors[row, bucket % self._dimension] += 1.0
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        normalised: npt.NDArray[np.float32] = (vectors / norms).astype(np.float32)
        return normalised
