from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.errors import ConfigurationError
from retrieval.embedders import Embedder, HashEmbedder
from retrieval.embedders.sentence_transformer import SentenceTransformerEmbedder


@pytest.mark.integration
def test_real_minilm_gives_unit_vectors_that_capture_meaning(minilm: Embedder) -> None:
    assert isinstance(minilm, Embedder)
    assert minilm.dimension == 384 and minilm.name.startswith("all-MiniLM-L6-v2")
    vectors = minilm.embed(["a phone for photography", "smartphone with a great camera", "coffee beans"])
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2
    assert minilm.embed([]).shape == (0, 384)


def test_missing_model_directory_is_a_configuration_error(tmp_path: Path) -> None:
    embedder = SentenceTransformerEmbedder(model_path=tmp_path / "nowhere", device="cpu")
    with pytest.raises(ConfigurationError, match="not found"):
        embedder.warm_up()


def test_hash_embedder_is_deterministic_and_normalised() -> None:
    fake = HashEmbedder(dimension=32)
    first, second = fake.embed(["iphone case"]), fake.embed(["iphone case"])
    np.testing.assert_array_equal(first, second)
    assert fake.name.startswith("fake-") and abs(float(np.linalg.norm(first)) - 1.0) < 1e-6
    assert not fake.embed([""]).any()


@pytest.mark.gpu
def test_embedder_runs_on_cuda_when_present() -> None:
    torch = pytest.importorskip("torch")
    if not torch.cuda.is_available():
        pytest.skip("no CUDA device")
    embedder = SentenceTransformerEmbedder(device="auto")
    assert embedder.device == "cuda"
    cpu = SentenceTransformerEmbedder(device="cpu").embed(["usb-c charger"])
    np.testing.assert_allclose(embedder.embed(["usb-c charger"]), cpu, atol=1e-3)
