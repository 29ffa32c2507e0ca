"""Parser evaluation: slot pairs, exact metrics from a fake parser, and reading gold files."""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from assistant.errors import InvalidInputError
from assistant.intent.evaluation import (
    AnnotationParser,
    GoldExample,
    evaluate_parser,
    read_gold,
    slot_pairs,
)
from assistant.intent.markup import Span
from assistant.intent.parser import ParsedMessage, span_slots
from assistant.intent.slots import Slots
from assistant.intent.taxonomy import INTENTS
from assistant.intent.vocabulary import SlotVocabulary
from tests.retrieval.factories import small_catalog


def test_slot_pairs_flatten_lists_and_attributes() -> None:
    pairs = slot_pairs(
        {
            "category": ["phone", "Case"],
            "brand": ["Apple"],
            "attributes": {"colour": "Black", "storage": "256GB"},
            "budget_max": 900,
            "currency": "USD",
            "bundle_ref": [1, 2],
            "price_direction": "lower",
        }
    )
    assert pairs == Counter(
        {
            ("category", "phone"): 1,
            ("category", "case"): 1,
            ("brand", "apple"): 1,
            ("attributes.colour", "black"): 1,
            ("attributes.storage", "256gb"): 1,
            ("budget_max", "900"): 1,
            ("currency", '"usd"'): 1,
            ("bundle_ref", "[1, 2]"): 1,  # a list of bundles is one value, not two
            ("price_direction", '"lower"'): 1,
        }
    )


def test_slot_pairs_count_repeats_and_distinguish_types() -> None:
    assert slot_pairs({"category": ["phone", "phone"]}) == Counter({("category", "phone"): 2})
    assert slot_pairs({"bundle_ref": 2}) != slot_pairs({"bundle_ref": "2"})
    assert slot_pairs({"budget_max": 49.99}) == Counter({("budget_max", "49.99"): 1})
    assert slot_pairs({}) == Counter()


GOLD = [
    GoldExample(
        "a phone under $900",
        "build_bundle",
        {"category": ["phone"], "budget_max": 900, "currency": "USD"},
        "hand",
    ),
    GoldExample("cheaper please", "refine", {"price_direction": "lower"}, "hand"),
    GoldExample("I'll take the second one", "accept_bundle", {"bundle_ref": 2}, "synthetic"),
    GoldExample(
        "apple or samsung, black",
        "refine",
        {"brand": ["Apple", "Samsung"], "attributes": {"colour": "Black"}},
        "synthetic",
    ),
]  # fmt: skip

PREDICTIONS = {
    "a phone under $900": ParsedMessage(
        "build_bundle", 0.9, Slots(category=["phone"], budget_max=Decimal(900), currency="USD")
    ),
    "cheaper please": ParsedMessage("search_product", 0.6, Slots(price_direction="lower", quantity=1)),
    "I'll take the second one": ParsedMessage("accept_bundle", 0.8, Slots(bundle_ref=[1, 2])),
    "apple or samsung, black": ParsedMessage(
        "search_product", 0.7, Slots(brand=["apple"], attributes={"colour": "black", "storage": "256gb"})
    ),
}


class FakeParser:
    """Answers each known text with a fixed parse; records how it was used."""

    def __init__(self, answers: dict[str, ParsedMessage]) -> None:
        self.answers = answers
        self.warmed = False
        self.batches: list[list[str]] = []

    def warm_up(self) -> None:
        self.warmed = True

    def parse_many(self, texts: list[str]) -> list[ParsedMessage]:
        self.batches.append(list(texts))
        return [self.answers[text] for text in texts]


def test_evaluate_parser_exact_figures() -> None:
    parser = FakeParser(PREDICTIONS)
    report = evaluate_parser(parser, GOLD)

    assert parser.warmed
    assert parser.batches == [[example.text for example in GOLD]]  # one batched call
    assert report["examples"] == 4
    assert report["intent_accuracy"] == 0.5  # build_bundle and accept_bundle right
    # gold pairs 3+1+1+3 = 8, predicted 3+2+1+3 = 9, correct 3+1+0+2 = 6
    assert report["slot_precision"] == 0.6667
    assert report["slot_recall"] == 0.75
    assert report["slot_micro_f1"] == 0.7059  # 2 * (6/9) * (6/8) / (6/9 + 6/8) = 12/17

    per_intent = report["per_intent"]
    assert set(per_intent) == set(INTENTS)
    assert per_intent["build_bundle"] == {"support": 1, "recall": 1.0, "precision": 1.0}
    assert per_intent["accept_bundle"] == {"support": 1, "recall": 1.0, "precision": 1.0}
    assert per_intent["refine"] == {"support": 2, "recall": 0.0, "precision": 0.0}
    assert per_intent["search_product"] == {"support": 0, "recall": 0.0, "precision": 0.0}
    assert per_intent["greeting"] == {"support": 0, "recall": 0.0, "precision": 0.0}

    assert report["per_slot"] == {
        "attributes.colour": {"support": 1, "f1": 1.0},
        "attributes.storage": {"support": 0, "f1": 0.0},
        "brand": {"support": 2, "f1": 0.6667},  # P 1/1, R 1/2
        "budget_max": {"support": 1, "f1": 1.0},
        "bundle_ref": {"support": 1, "f1": 0.0},  # [1, 2] is not 2
        "category": {"support": 1, "f1": 1.0},
        "currency": {"support": 1, "f1": 1.0},
        "price_direction": {"support": 1, "f1": 1.0},
        "quantity": {"support": 0, "f1": 0.0},
    }
    assert list(report["per_slot"]) == sorted(report["per_slot"])
    assert report["per_source"] == {
        "hand": {"support": 2, "intent_accuracy": 0.5, "slot_micro_f1": 0.8889},  # P 4/5, R 4/4
        "synthetic": {"support": 2, "intent_accuracy": 0.5, "slot_micro_f1": 0.5},  # P 2/4, R 2/4
    }
    assert report["worst_confusions"] == [{"gold": "refine", "predicted": "search_product", "count": 2}]
    assert isinstance(report["ms_per_utterance_batched"], float)
    assert report["ms_per_utterance_batched"] >= 0


def test_evaluate_parser_perfect_parser() -> None:
    answers = {example.text: ParsedMessage(example.intent, 1.0, Slots(**example.slots)) for example in GOLD}
    report = evaluate_parser(FakeParser(answers), GOLD)
    assert (report["intent_accuracy"], report["slot_micro_f1"]) == (1.0, 1.0)
    assert report["worst_confusions"] == []


def test_evaluate_parser_on_no_examples() -> None:
    report = evaluate_parser(FakeParser({}), [])
    assert (report["examples"], report["intent_accuracy"], report["slot_micro_f1"]) == (0, 0.0, 0.0)


@pytest.fixture(scope="module")
def vocabulary() -> SlotVocabulary:
    return SlotVocabulary.from_catalog(small_catalog())


def _write_jsonl(path: Path, records: list[dict[str, Any] | str]) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_read_gold_both_formats(tmp_path: Path, vocabulary: SlotVocabulary) -> None:
    path = _write_jsonl(
        tmp_path / "gold.jsonl",
        [
            {
                "text": "I want [phones](category) for [photography](use_case) [under $900](budget_max)",
                "intent": "build_bundle",
                "source": "hand",
            },
            "",
            {"text": "cheaper please", "intent": "refine", "slots": {"price_direction": "lower"}},
            {"text": "[3000元以内](budget_max)的[手机](category)", "intent": "search_product"},
            {"text": "under 49.99", "intent": "refine", "slots": {"budget_max": 49.99, "category": []}},
        ],
    )
    assert read_gold(path, vocabulary) == [
        GoldExample(
            "I want phones for photography under $900",
            "build_bundle",
            {"category": ["phone"], "budget_max": 900, "currency": "USD", "use_case": "photography"},
            "hand",
        ),
        GoldExample("cheaper please", "refine", {"price_direction": "lower"}, "unknown"),
        GoldExample(
            "3000元以内的手机",
            "search_product",
            {"category": ["phone"], "budget_max": 3000, "currency": "CNY"},
            "unknown",
        ),
        GoldExample("under 49.99", "refine", {"budget_max": 49.99}, "unknown"),
    ]


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ({"text": "hello", "intent": "chitchat"}, "unknown intent 'chitchat'"),
        ({"text": "a [black](colr) one", "intent": "refine"}, "unknown slot"),
        ({"text": "a [black one", "intent": "refine"}, "stray bracket"),
        ({"text": "no intent"}, "intent"),
        ({"text": "x", "intent": "refine", "slots": {"price_direction": "sideways"}}, "price_direction"),
        ("{not json", ""),
    ],
)
def test_read_gold_rejects_bad_lines_naming_file_and_line(
    tmp_path: Path, vocabulary: SlotVocabulary, bad_line: dict[str, Any] | str, message: str
) -> None:
    path = _write_jsonl(tmp_path / "gold.jsonl", [{"text": "hello", "intent": "greeting"}, "", bad_line])
    with pytest.raises(InvalidInputError, match=rf"(?s)gold\.jsonl:3: .*{message}") as caught:
        read_gold(path, vocabulary)
    assert caught.value.detail.startswith(f"{path}:3: ")


def test_a_second_annotation_scores_as_agreement() -> None:
    assert evaluate_parser(AnnotationParser(GOLD), GOLD)["slot_micro_f1"] == 1.0
    other = [*GOLD[:3], GoldExample(GOLD[3].text, "search_product", {"brand": ["Apple"]}, "synthetic")]
    report = evaluate_parser(AnnotationParser(other), GOLD)
    assert report["intent_accuracy"] == 0.75
    assert report["slot_micro_f1"] == 0.8571  # gold 8 pairs, other 6, 6 shared: 12/14


def test_a_second_annotation_must_cover_every_text() -> None:
    with pytest.raises(InvalidInputError, match="no label for 'cheaper please'"):
        evaluate_parser(AnnotationParser([GOLD[0]]), GOLD)


def test_a_gold_budget_bound_is_the_annotators_not_the_spans_words(
    tmp_path: Path, vocabulary: SlotVocabulary
) -> None:
    """Scoring read 'I don't have [much more than $300](budget_max)' as at least $300, and the model's
    right answer counted as an error."""
    text = "I don't have [much more than $300](budget_max) to spend"
    gold = read_gold(
        _write_jsonl(tmp_path / "gold.jsonl", [{"text": text, "intent": "build_bundle"}]), vocabulary
    )
    assert gold[0].slots == {"budget_max": 300, "currency": "USD"}
    tagged = [Span(13, 32, "budget_max")]  # the same span from the tagger: its words decide
    assert span_slots(gold[0].text, tagged, vocabulary)[0].budget_min == Decimal(300)
    nothing_over = "nothing over 150"  # a negation before the span is read with it
    assert span_slots(nothing_over, [Span(8, 16, "budget_min")], vocabulary)[0].budget_max == Decimal(150)
