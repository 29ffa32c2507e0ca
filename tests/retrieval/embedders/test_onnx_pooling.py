"""The ONNX query path of the MiniLM embedder gives the vectors sentence-transformers gives."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from retrieval.embedders.sentence_transformer import SMALL_BATCH, SentenceTransformerEmbedder

pytestmark = pytest.mark.integration

TEXTS = ["a phone for photography under $900", "cheaper please", "skincare for dry skin", "x"]


def test_short_batches_match_torch(tmp_path: Path) -> None:
    fast = SentenceTransformerEmbedder(device="cpu", onnx_cache_dir=tmp_path)
    plain = SentenceTransformerEmbedder(device="cpu")
    onnx_vectors = fast.embed(TEXTS)
    assert fast._onnx is not None  # the ONNX path served it
    assert np.allclose(onnx_vectors, plain.embed(TEXTS), atol=1e-5)
    assert np.allclose(np.linalg.norm(onnx_vectors, axis=1), 1.0, atol=1e-5)
    assert list((tmp_path / "embedder-onnx").glob("*.onnx"))


def test_long_batches_still_use_torch(tmp_path: Path) -> None:
    fast = SentenceTransformerEmbedder(device="cpu", onnx_cache_dir=tmp_path)
    many = [f"product number {i}" for i in range(SMALL_BATCH + 1)]
    assert np.allclose(fast.embed(many), SentenceTransformerEmbedder(device="cpu").embed(many), atol=1e-5)
