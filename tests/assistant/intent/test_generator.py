"""The seeded template generator: deterministic, distinct, well-formed markup over a catalog's vocabulary."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from assistant.intent.markup import Annotated, bio_tags, parse_markup
from assistant.intent.taxonomy import INTENTS, SPAN_SLOTS
from assistant.intent.training.generator import WEIGHTS, build_vocabulary, generate
from assistant.intent.values import parse_bundle_ref, parse_money, parse_price_direction, parse_quantity
from assistant.intent.words import has_cjk
from retrieval.catalog import demo_catalog_path, load_catalog
from tests.retrieval.factories import small_catalog

COUNT = 1200


@cache
def _rows(seed: int = 13, count: int = COUNT) -> tuple[dict[str, str], ...]:
    return tuple(generate(small_catalog(), count=count, seed=seed))


@cache
def _annotated(seed: int = 13) -> tuple[Annotated, ...]:
    return tuple(parse_markup(row["text"], row["intent"]) for row in _rows(seed))


def test_same_seed_same_output_and_different_seeds_differ() -> None:
    assert generate(small_catalog(), count=300, seed=5) == generate(small_catalog(), count=300, seed=5)
    first = {row["text"] for row in generate(small_catalog(), count=300, seed=5)}
    second = {row["text"] for row in generate(small_catalog(), count=300, seed=6)}
    assert len(first & second) < 0.5 * len(first)


def test_output_does_not_depend_on_the_hash_seed() -> None:
    script = (
        "import hashlib, json\n"
        "from assistant.intent.training.generator import generate\n"
        "from tests.retrieval.factories import small_catalog\n"
        "print(hashlib.sha256(json.dumps(generate(small_catalog(), count=200)).encode()).hexdigest())\n"
    )
    root = Path(__file__).resolve().parents[3]
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True, text=True, check=True, cwd=root,
            env={**os.environ, "PYTHONHASHSEED": str(hash_seed), "PYTHONPATH": str(root)},
        ).stdout
        for hash_seed in (1, 2)
    }  # fmt: skip
    assert len(digests) == 1


@pytest.mark.parametrize("count", [11, 250, COUNT])
def test_count_is_honoured_and_texts_are_distinct(count: int) -> None:
    rows = _rows(count=count)
    assert len(rows) == count
    assert len({parse_markup(row["text"], row["intent"]).text.casefold() for row in rows}) == count
    assert all(set(row) == {"text", "intent"} for row in rows)


def test_every_line_is_valid_markup_with_aligned_spans() -> None:
    for row in _rows():
        annotated = parse_markup(row["text"], row["intent"])
        words, tags = bio_tags(annotated)
        assert annotated.text == annotated.text.strip() and "  " not in annotated.text
        assert len(words) == len(tags) and words


def test_every_intent_appears_in_about_the_planned_proportion() -> None:
    counts = Counter(row["intent"] for row in _rows())
    assert set(counts) == set(INTENTS)
    total = sum(WEIGHTS.values())
    for intent, weight in WEIGHTS.items():
        assert abs(counts[intent] - COUNT * weight / total) <= 1


def test_slot_names_are_valid_and_every_slot_is_used() -> None:
    slots = Counter(span.slot for example in _annotated() for span in example.spans)
    assert set(slots) <= set(SPAN_SLOTS)
    assert set(slots) == set(SPAN_SLOTS)


def test_values_parse_from_their_spans() -> None:
    for example in _annotated():
        for slot, text in example.span_texts():
            if slot in ("budget_max", "budget_min"):
                amount, _ = parse_money(text)
                assert amount is not None and amount > 0, text
            elif slot == "bundle_ref":
                assert parse_bundle_ref(text) is not None, text
            elif slot == "quantity":
                assert parse_quantity(text), text
            elif slot == "price_direction":
                assert parse_price_direction(text) in ("lower", "higher"), text


def test_money_comes_in_several_currencies() -> None:
    currencies = Counter(
        parse_money(text)[1] for example in _annotated() for slot, text in example.span_texts()
        if slot in ("budget_max", "budget_min")
    )  # fmt: skip
    assert {"USD", "CNY", "EUR", "GBP"} <= set(currencies)


def test_some_lines_are_chinese_and_out_of_scope_and_greetings_have_no_spans() -> None:
    chinese = [example for example in _annotated() if has_cjk(example.text)]
    assert 0.05 * COUNT < len(chinese) < 0.3 * COUNT
    assert {example.intent for example in chinese} >= {"build_bundle", "refine", "accept_bundle"}
    assert all(not ex.spans for ex in _annotated() if ex.intent in ("out_of_scope", "greeting"))


def test_catalog_vocabulary_is_used() -> None:
    spans = Counter((slot, text.casefold()) for ex in _annotated() for slot, text in ex.span_texts())
    assert spans[("brand", "apple")] + spans[("brand", "samsung")] > 0
    assert any(slot == "category" and "phone" in text for slot, text in spans)
    assert any(slot == "item_ref" and text.startswith("the ") for slot, text in spans)
    texts = " ".join(ex.text for ex in _annotated()).casefold()
    assert "iphone 16 pro" in texts  # a model name from attributes["model"]


def test_noise_leaves_lower_case_lines_and_typos() -> None:
    texts = [example.text for example in _annotated()]
    assert sum(text == text.lower() for text in texts) > 0.2 * COUNT
    vocabulary = build_vocabulary(small_catalog())
    known = {form.casefold() for pool in vocabulary.pools.values() for form in pool}
    categories = [t.casefold() for ex in _annotated() for s, t in ex.span_texts() if s == "category"]
    assert any(text not in known for text in categories)  # a typo inside a span


def test_a_catalog_without_accessories_or_models_still_generates() -> None:
    phones_only = small_catalog().products[1:3]
    rows = generate(type(small_catalog())(phones_only), count=200, seed=3)
    assert len(rows) == 200
    for row in rows:
        bio_tags(parse_markup(row["text"], row["intent"]))


@pytest.mark.skipif(not demo_catalog_path().exists(), reason="the demo catalog is not written yet")
def test_demo_catalog() -> None:
    rows = generate(load_catalog(demo_catalog_path()))
    assert len(rows) == 2500 and len({row["text"] for row in rows}) == 2500
    share = WEIGHTS["build_bundle"] / sum(WEIGHTS.values())
    assert abs(Counter(row["intent"] for row in rows)["build_bundle"] - 2500 * share) < 1
    for row in rows:
        bio_tags(parse_markup(row["text"], row["intent"]))
    json.dumps(rows, ensure_ascii=False)  # plain JSON-ready dicts
