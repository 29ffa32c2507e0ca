"""The validation split: fixed, whole dialogues, disjoint from training and from the test files."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from assistant.errors import InvalidInputError
from assistant.intent.markup import parse_markup
from assistant.intent.training.data import data_file, read_annotated
from assistant.intent.training.dataset import FRESH, TEST_FILES, NearCopies, training_examples
from assistant.intent.training.validation import BY_DIALOGUE, validation_split
from tests.retrieval.factories import small_catalog


def test_the_split_is_a_stable_quarter_drawn_from_every_file_the_tests_resemble() -> None:
    split = validation_split()
    assert split == validation_split()
    sources = {record["source"] for record in split.records}
    assert sources == {"mg_shopdial", "bundlerec", "handwritten", "conversational"}
    assert 300 <= len(split.records) <= 600
    assert validation_split(seed=14).texts != split.texts


def test_mg_shopdial_dialogues_are_held_back_whole() -> None:
    turns: dict[str, int] = defaultdict(int)
    for line in data_file(BY_DIALOGUE[0]).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert record["dialogue"], record["text"]
        turns[record["dialogue"]] += 1
    held: dict[str, int] = defaultdict(int)
    for record in validation_split().records:
        if record["source"] == "mg_shopdial":
            held[record["dialogue"]] += 1
    assert held and all(held[dialogue] == turns[dialogue] for dialogue in held)


def test_training_without_the_split_never_sees_a_validation_or_test_utterance() -> None:
    split = validation_split()
    examples, counts = training_examples(small_catalog(), generated=100, held_back=split.texts)
    trained = {example.text.casefold() for example in examples}
    tests = {example.text.casefold() for name in TEST_FILES for example in read_annotated(data_file(name))}
    assert not trained & split.texts and not trained & tests
    assert counts["dropped_for_validation"] >= len(split.texts) * 0.9  # a few repeat across files
    everything, _ = training_examples(small_catalog(), generated=100)
    near_test = NearCopies(tests)
    fresh = [json.loads(line) for line in data_file(FRESH).read_text("utf-8").splitlines()]
    fresh_dialogues = {row["dialogue"] for row in fresh if "dialogue" in row}
    plain = {record["text"]: parse_markup(record["text"], record["intent"]).text for record in split.records}
    kept_out = {  # out of training without the split too: near-copies of tests, turns of their dialogues
        plain[record["text"]].casefold()
        for record in split.records
        if record.get("dialogue") in fresh_dialogues or near_test.near(plain[record["text"]])
    }
    assert split.texts - tests - kept_out <= {example.text.casefold() for example in everything}


def test_the_split_reads_back_as_gold(tmp_path: Path) -> None:
    split = validation_split()
    assert len(read_annotated(split.write(tmp_path / "validation.jsonl"))) == len(split.records)


def test_validation_training_refuses_to_overwrite_the_shipped_model(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from assistant.cli import main

    assert main(["train-intent", "--validation", "--max-steps", "1"]) == InvalidInputError.exit_code
    assert "--output" in capsys.readouterr().err
