"""Chat noise keeps the label: same intent, same slots over the same words, numbers untouched."""

from __future__ import annotations

import random
import re

from assistant.intent.markup import bio_tags, parse_markup
from assistant.intent.training.augment import noisy_copy
from assistant.intent.training.data import data_file, read_annotated
from assistant.intent.training.dataset import HANDWRITTEN, TEST_FILES, NearCopies, training_examples
from tests.retrieval.factories import small_catalog


def test_every_written_line_keeps_its_intent_spans_and_numbers() -> None:
    rng = random.Random(0)
    changed = 0
    for name in HANDWRITTEN:
        for example in read_annotated(data_file(name)):
            copy = noisy_copy(example, rng)
            _, tags = bio_tags(copy)  # raises if a span left its word boundaries
            assert copy.intent == example.intent
            assert [slot for slot, _ in copy.span_texts()] == [slot for slot, _ in example.span_texts()]
            assert re.findall(r"\d+", copy.text) == re.findall(r"\d+", example.text)
            assert [t for t in tags if t != "O"] == [t for t in bio_tags(example)[1] if t != "O"]
            changed += copy.text != example.text
    assert changed > 1000


def test_a_typo_inside_a_span_stays_tagged() -> None:
    example = parse_markup("[cheaper](price_direction) please, something under [$250](budget_max)", "refine")
    copies = [noisy_copy(example, random.Random(seed)) for seed in range(300)]
    misspelt = [c for c in copies if c.span_texts()[0][1].lower() != "cheaper"]
    assert misspelt and all(c.span_texts()[1] == ("budget_max", "$250") for c in copies)


def test_chinese_lines_get_no_english_noise() -> None:
    example = parse_markup("我想买一套[护肤品](category)", "build_bundle")
    assert all(noisy_copy(example, random.Random(seed)) is example for seed in range(20))


def test_noisy_repeats_replace_exact_ones_and_stay_clear_of_the_tests() -> None:
    plain, counts = training_examples(small_catalog(), generated=50)
    noisy, noisy_counts = training_examples(small_catalog(), generated=50, noisy_copies=True)
    assert len(noisy) == len(plain) and noisy_counts == counts
    assert sum(a.text != b.text for a, b in zip(plain, noisy, strict=True)) > 1000
    tests = NearCopies(example.text for name in TEST_FILES for example in read_annotated(data_file(name)))
    assert not any(tests.near(example.text) for example in noisy)
