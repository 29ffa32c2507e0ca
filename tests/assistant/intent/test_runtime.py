"""The ONNX Runtime copy of the intent network: torch's outputs, exported once, then reused from the cache."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.intent.artifact import load_artifact, shipped_artifact_dir
from assistant.intent.model import encode
from assistant.intent.runtime import OnnxRuntime, TorchRuntime, export_key, onnx_model_file
from assistant.intent.words import split_words
from retrieval.embedders.sentence_transformer import default_model_path

pytestmark = pytest.mark.integration

UTTERANCES = ["I want a phone for photography under $900", "cheaper please", "我想买一套护肤品", "hi"]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return onnx_model_file(shipped_artifact_dir(), default_model_path(), tmp_path_factory.mktemp("cache"))


def test_onnx_matches_torch(exported: Path) -> None:
    model, tokenizer, _ = load_artifact(shipped_artifact_dir(), default_model_path())
    inputs = encode(tokenizer, [split_words(text) for text in UTTERANCES]).inputs
    torch_intents, torch_tags = TorchRuntime(model)(inputs)
    onnx_intents, onnx_tags = OnnxRuntime(exported)(inputs)
    assert np.allclose(torch_intents, onnx_intents, atol=1e-4)
    assert np.allclose(torch_tags, onnx_tags, atol=1e-4)
    assert (torch_tags.argmax(-1) == onnx_tags.argmax(-1)).all()


def test_export_is_cached_per_artefact_content(exported: Path, tmp_path: Path) -> None:
    before = exported.stat().st_mtime_ns
    again = onnx_model_file(shipped_artifact_dir(), default_model_path(), exported.parent.parent)
    assert again == exported and again.stat().st_mtime_ns == before
    assert not list(exported.parent.glob("*.tmp"))
    changed = tmp_path / "artefact"
    changed.mkdir()
    for source in shipped_artifact_dir().iterdir():
        (changed / source.name).write_bytes(source.read_bytes())
    (changed / "config.json").write_text(
        (changed / "config.json").read_text().replace('"seed": 13', '"seed": 14'), encoding="utf-8"
    )
    base = default_model_path()
    assert export_key(changed, base) != export_key(shipped_artifact_dir(), base)
