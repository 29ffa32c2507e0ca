"""Hard examples: corrected and low-confidence turns exported in the annotation format, readable by
`train-intent --extra`."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.dialogue.state import ConversationState
from assistant.intent.training.data import read_annotated
from assistant.learning.hard_examples import is_correction
from assistant.settings import get_settings
from assistant.storage import TurnRecord, open_store

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
TURNS = [
    ("I want a phone for my mum", "build_bundle", 0.97),
    ("no, I meant a tablet", "refine", 0.81),
    ("cheaper please", "refine", 0.95),
    ("blorp the [thing] zz", "out_of_scope", 0.31),
]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("no, I meant a tablet", True),
        ("nope not that one", True),
        ("that's not what I asked for", True),
        ("I said under 500", True),
        ("不是，我是说平板", True),
        ("a phone with no case", False),
        ("nothing from apple", False),
        ("I want a laptop", False),
    ],
)
def test_corrections_are_recognised(message: str, expected: bool) -> None:
    assert is_correction(message) is expected


def test_export_hard_examples_then_read_them_as_training_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BUNDLEWISE_PATHS__DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    store = open_store(get_settings())
    conversation = store.create_conversation(NOW)
    for message, intent, confidence in TURNS:
        record = TurnRecord(message, "ok", {"name": intent, "confidence": confidence, "slots": {}}, NOW)
        store.save_turn(conversation, record, ConversationState())
    store.close()
    output = tmp_path / "hard.jsonl"
    assert main(["export-hard-examples", "--output", str(output)]) == 0
    assert "3 hard examples" in capsys.readouterr().err
    records = [json.loads(line) for line in output.read_text().splitlines()]
    assert [(r["text"], r["reason"]) for r in records] == [
        ("I want a phone for my mum", "corrected_by_shopper"),
        ("no, I meant a tablet", "correction"),
        ("blorp the thing zz", "low_confidence"),  # brackets are markup: removed
    ]
    assert all(r["needs_review"] and r["intent"] for r in records)
    examples = read_annotated(output)  # what `train-intent --extra FILE` reads
    assert [e.text for e in examples] == [r["text"] for r in records]
