"""The real SmolLM2 model: loading through the cache, batched streaming, the shipped adapter (integration)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.explain.chat_model import ChatMessage, generate
from assistant.explain.smollm import SmolLMChatModel, dequantised_copy, gguf_path

pytestmark = pytest.mark.integration


def test_the_cache_is_reused(model_cache: Path) -> None:
    first = dequantised_copy(gguf_path(), model_cache)
    assert (first / "model.safetensors").exists()
    assert dequantised_copy(gguf_path(), model_cache) == first


def test_a_batch_streams_deltas_for_every_conversation(tuned_model: SmolLMChatModel) -> None:
    conversation = [
        ChatMessage("system", "Explain this bundle."),
        ChatMessage("user", "Items: - {item:1}: case"),
    ]
    other = [*conversation[:1], ChatMessage("user", "Items: - {item:1}: phone\n- {item:2}: charger")]
    indices = {delta.index for delta in tuned_model.stream([conversation, other], max_new_tokens=6)}
    assert indices == {0, 1}
    texts = generate(tuned_model, [conversation], max_new_tokens=6)
    assert len(texts) == 1 and texts[0].strip()


def test_closing_the_stream_stops_generation(tuned_model: SmolLMChatModel) -> None:
    stream = tuned_model.stream([[ChatMessage("user", "Count slowly.")]], max_new_tokens=200)
    next(stream)
    stream.close()  # must return promptly and leave the model usable
    assert generate(tuned_model, [[ChatMessage("user", "Hi")]], max_new_tokens=2)
