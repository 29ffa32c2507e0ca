"""Pure score fusion of dense and lexical retrieval (no I/O, no models)."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt


def fuse_scores(
    dense: npt.NDArray[np.float32], lexical: npt.NDArray[np.float32], *, dense_weight: float
) -> npt.NDArray[np.float32]:
    """Convex combination of normalised scores over one candidate pool.

    Dense cosine scores are min-max scaled within the pool (their absolute level says little); BM25 is
    divided by the pool's best, so a candidate with no lexical match keeps exactly zero lexical credit.
    """
    if dense.shape != lexical.shape:
        raise ValueError(f"score arrays differ in shape: {dense.shape} vs {lexical.shape}")
    if dense.size == 0:
        return np.zeros(0, dtype=np.float32)
    spread = float(dense.max() - dense.min())
    dense_part = (dense - dense.min()) / spread if spread > 0 else np.ones_like(dense)
    best_lexical = float(lexical.max())
    lexical_part = lexical / best_lexical if best_lexical > 0 else np.zeros_like(lexical)
    return (dense_weight * dense_part + (1.0 - dense_weight) * lexical_part).astype(np.float32)
