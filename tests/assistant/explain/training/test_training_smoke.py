"""CI's tiny fine-tuning run: a few LoRA steps on real pairs produce a loadable adapter (integration)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.explain.chat_model import ChatMessage, generate
from assistant.explain.smollm import SmolLMChatModel
from assistant.explain.training.dataset import TRAIN_FILE
from assistant.explain.training.train import ExplainerTrainingOptions, load_pairs, train_explainer

pytestmark = pytest.mark.integration


def test_a_few_steps_train_and_save_a_small_adapter(tmp_path: Path, model_cache: Path) -> None:
    cache = model_cache
    options = ExplainerTrainingOptions(max_steps=2, batch_size=2, seed=7)
    figures = train_explainer(
        load_pairs(TRAIN_FILE)[:4], cache_dir=cache, output_dir=tmp_path, options=options, show_progress=False
    )
    assert figures["steps"] == 2 and 0 < figures["final_loss"] < 10
    adapter = tmp_path / "adapter_model.safetensors"
    assert adapter.stat().st_size < 8_000_000
    assert json.loads((tmp_path / "training.json").read_text())["options"]["seed"] == 7
    model = SmolLMChatModel(cache_dir=cache, adapter_dir=tmp_path, device="cpu")
    assert generate(model, [[ChatMessage("user", "Items: - {item:1}: case")]], max_new_tokens=3)[0]
