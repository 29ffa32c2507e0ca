from __future__ import annotations

from assistant.explain.checker import ExplanationChecker
from assistant.explain.gate import StreamGate
from tests.assistant.explain.conftest import GOOD, phone_bundle


def test_text_is_released_filled_and_never_inside_a_placeholder() -> None:
    gate = StreamGate(phone_bundle(), ExplanationChecker())
    released = "".join(gate.feed(GOOD[i : i + 3]) for i in range(0, len(GOOD), 3))
    assert released and "{" not in released
    released += gate.finish(GOOD)
    assert released.endswith("so you save $69.98.")


def test_a_multi_word_claim_is_held_back_until_seen_whole() -> None:
    gate = StreamGate(phone_bundle(), ExplanationChecker())
    text = "{item:1} is the core of this set for photography with the best price guaranteed today."
    released = "".join(gate.feed(char) for char in text)
    assert gate.broken
    assert "best" not in released
