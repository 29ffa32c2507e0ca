"""The training set: never a test utterance, written utterances weighted over generated ones."""

from __future__ import annotations

import json
from collections import Counter

from assistant.intent.markup import parse_markup
from assistant.intent.taxonomy import INTENTS
from assistant.intent.training.data import data_file, read_annotated
from assistant.intent.training.dataset import FRESH, HANDWRITTEN, TEST_FILES, NearCopies, training_examples
from tests.retrieval.factories import small_catalog


def test_no_test_utterance_is_trained_on_and_written_ones_count_double() -> None:
    examples, counts = training_examples(small_catalog(), generated=200, written_weight=2)
    texts = Counter(example.text.casefold() for example in examples)
    tests = {example.text.casefold() for name in TEST_FILES for example in read_annotated(data_file(name))}
    assert not tests & set(texts)
    written = {example.text.casefold() for name in HANDWRITTEN for example in read_annotated(data_file(name))}
    kept = written & set(texts)
    assert all(texts[text] == 2 for text in kept)
    dropped = counts["dropped_as_near_test"] + counts["dropped_from_test_dialogue"]
    assert 0 < len(written - tests - kept) <= dropped  # the rest is never silently lost
    generated_only = set(texts) - written
    assert generated_only and all(texts[text] == 1 for text in generated_only)
    assert counts["total"] == len(examples) and counts["written_weight"] == 2


def test_near_copies_of_test_utterances_and_turns_of_test_dialogues_are_not_trained_on() -> None:
    examples, counts = training_examples(small_catalog(), generated=50)
    tests = NearCopies(example.text for name in TEST_FILES for example in read_annotated(data_file(name)))
    assert not any(tests.near(example.text) for example in examples)
    assert counts["dropped_as_near_test"] > 0 and counts["dropped_from_test_dialogue"] > 0
    fresh = [json.loads(line) for line in data_file(FRESH).read_text("utf-8").splitlines()]
    dialogues = {row["dialogue"] for row in fresh if row["source"] == "mg_shopdial"}
    assert len(dialogues) == 18  # every MG-ShopDial turn of the fresh set names its dialogue
    trained = {example.text.casefold() for example in examples}
    mg = [json.loads(line) for line in data_file("train_mgshopdial.jsonl").read_text("utf-8").splitlines()]
    from_fresh = [row for row in mg if row["dialogue"] in dialogues]
    assert from_fresh and not any(
        parse_markup(row["text"], row["intent"]).text.casefold() in trained for row in from_fresh
    )


def test_a_near_copy_differs_by_punctuation_case_or_a_word_not_by_what_it_asks_for() -> None:
    near = NearCopies(["I was looking for a tripod for my camera and some lights", "cheaper please"])
    assert near.near("i was looking for a tripod for my sony camera and some lights!")
    assert near.near("Cheaper, please.")
    assert not near.near("cheaper pls")  # 0.88: a different way of saying it
    assert not near.near("I was looking for a desk for my office")
    assert not near.near("")


def test_weight_one_keeps_each_utterance_once() -> None:
    examples, _ = training_examples(small_catalog(), generated=100, written_weight=1)
    assert max(Counter(example.text.casefold() for example in examples).values()) == 1


def test_the_shipped_model_was_trained_on_what_train_intent_builds_today() -> None:
    """Editing training data, generator frames or aliases without re-training would ship figures that no
    longer describe the code: `bundlewise train-intent` (demo catalog, defaults) must rebuild this set."""
    from assistant.components import open_catalog
    from assistant.intent.artifact import read_config, shipped_artifact_dir
    from assistant.intent.training.train import _fingerprint
    from assistant.settings import Settings

    examples, _ = training_examples(open_catalog(Settings()))
    assert _fingerprint(examples) == read_config(shipped_artifact_dir()).training["examples_sha256"]


def test_real_dialogue_turns_can_weigh_more() -> None:
    examples, _ = training_examples(small_catalog(), generated=20, dialogue_weight=4)
    texts = Counter(example.text.casefold() for example in examples)
    mg = {e.text.casefold() for e in read_annotated(data_file("train_mgshopdial.jsonl"))}
    hand = {e.text.casefold() for e in read_annotated(data_file("train_handwritten.jsonl"))} - mg
    assert {texts[t] for t in mg & set(texts)} == {4}
    assert {texts[t] for t in hand & set(texts)} == {2}


def test_a_real_turn_is_labelled_as_its_message_reads_and_keeps_its_in_context_label() -> None:
    """The model sees one message: where two blind readers agreed the message alone means something other
    than its turn did in the chat, the label is theirs and the chat's stays beside it (ANNOTATION.md)."""
    mg = [json.loads(line) for line in data_file("train_mgshopdial.jsonl").read_text("utf-8").splitlines()]
    relabelled = [row for row in mg if "intent_in_context" in row]
    assert len(relabelled) == 123
    assert all(
        row["intent_in_context"] in INTENTS and row["intent_in_context"] != row["intent"]
        for row in relabelled
    )
    answers = {parse_markup(r["text"], r["intent"]).text: r for r in relabelled}
    # an answer to "which colour?" before anything was shown: a narrowing follow-up, read alone
    assert answers["Red or blue would be good."]["intent"] == "refine"
    assert answers["Red or blue would be good."]["intent_in_context"] == "build_bundle"
