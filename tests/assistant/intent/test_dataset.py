"""The training set: never a test utterance, written utterances weighted over generated ones."""

from __future__ import annotations

from collections import Counter

from assistant.intent.training.data import data_file, read_annotated
from assistant.intent.training.dataset import HANDWRITTEN, TEST_FILES, training_examples
from tests.retrieval.factories import small_catalog


def test_no_test_utterance_is_trained_on_and_written_ones_count_double() -> None:
    examples, counts = training_examples(small_catalog(), generated=200, written_weight=2)
    texts = Counter(example.text.casefold() for example in examples)
    tests = {example.text.casefold() for name in TEST_FILES for example in read_annotated(data_file(name))}
    assert not tests & set(texts)
    written = {example.text.casefold() for name in HANDWRITTEN for example in read_annotated(data_file(name))}
    assert all(texts[text] == 2 for text in written - tests)
    generated_only = set(texts) - written
    assert generated_only and all(texts[text] == 1 for text in generated_only)
    assert counts["total"] == len(examples) and counts["written_weight"] == 2


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
