"""MiniLM + mean pooling + L2 normalisation as one ONNX graph, for short batches on CPU.

Same vectors as `SentenceTransformer.encode(normalize_embeddings=True)` (checked in tests), computed by
ONNX Runtime on one thread: a query embedding drops from ~12 ms to a few ms on 2 cores.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from retrieval.onnx import OnnxSession, cached_export, export_module

INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")
EXPORT_VERSION = 1


class PooledOnnxEncoder:
    """Tokenises like the sentence-transformers model and runs the exported pooled graph."""

    def __init__(self, tokenizer: Any, max_length: int, session: OnnxSession) -> None:
        self._tokenizer = tokenizer
        self._max_length = max_length
        self._session = session

    def embed(self, texts: list[str]) -> npt.NDArray[np.float32]:
        encoded = self._tokenizer(
            texts, padding=True, truncation=True, max_length=self._max_length, return_tensors="np"
        )
        feeds = {name: encoded[name].astype(np.int64) for name in INPUT_NAMES}
        return self._session.run(feeds)[0]


def pooled_session(model: Any, model_path: Path, cache_dir: Path) -> PooledOnnxEncoder:
    """The pooled encoder for a loaded `SentenceTransformer`, exporting it once into `cache_dir`."""
    import torch

    transformer = model[0]
    max_length = int(model.max_seq_length)
    key = hashlib.sha256(
        f"v{EXPORT_VERSION}|{torch.__version__}|{model_path.resolve()}|{max_length}".encode()
    ).hexdigest()[:24]

    def export(path: Path) -> None:
        sample = transformer.tokenizer(["a phone for photography", "hi"], padding=True, return_tensors="pt")
        axes = {"embedding": {0: "batch"}}
        export_module(
            _Pooled(transformer.auto_model), sample, path, input_names=INPUT_NAMES, output_axes=axes
        )

    target = cached_export(cache_dir / "embedder-onnx" / f"{key}.onnx", export)
    return PooledOnnxEncoder(transformer.tokenizer, max_length, OnnxSession(target))


def _pooled_module() -> type:
    import torch

    class Pooled(torch.nn.Module):
        """Encoder, attention-masked mean over tokens, unit length: the sentence-transformers recipe."""

        def __init__(self, encoder: Any) -> None:
            super().__init__()
            self.encoder = encoder

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            states = self.encoder(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(states.dtype)
            pooled = (states * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2.0, dim=1)

    return Pooled


def _Pooled(encoder: Any) -> Any:  # noqa: N802 - reads as the module it builds
    return _pooled_module()(encoder)
