"""Evaluate a `MessageParser` on labelled utterances: intent accuracy and slot micro-F1 with breakdowns.

Gold files are JSONL of either `{"text", "intent", "slots"}` (slots already canonical) or the markup
format of `data/ANNOTATION.md` (gold spans are normalised with the same value parsers the product uses,
so the score measures tagging plus normalisation of what the annotator marked).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.errors import InvalidInputError
from assistant.intent.markup import parse_markup
from assistant.intent.parser import MessageParser, ParsedMessage, span_slots
from assistant.intent.slots import Slots
from assistant.intent.taxonomy import INTENTS
from assistant.intent.training.data import read_labelled
from assistant.intent.vocabulary import SlotVocabulary


@dataclass(frozen=True, slots=True)
class GoldExample:
    """One labelled utterance."""

    text: str
    intent: str
    slots: dict[str, Any]
    source: str


def read_gold(path: Path, vocabulary: SlotVocabulary) -> list[GoldExample]:
    """Labelled utterances from `path` (either format, line by line)."""

    def convert(record: dict[str, Any]) -> GoldExample:
        if "slots" in record:
            text, slots = record["text"], Slots(**record["slots"]).to_json()
        else:
            annotated = parse_markup(record["text"], record["intent"])
            text, slots = (
                annotated.text,
                span_slots(annotated.text, list(annotated.spans), vocabulary, labelled=True)[0].to_json(),
            )
        return GoldExample(text, record["intent"], slots, str(record.get("source", "unknown")))

    return read_labelled(path, convert)


def slot_pairs(slots: dict[str, Any]) -> Counter[tuple[str, str]]:
    """(slot, value) pairs: one per list element and per attribute; values compared case-insensitively."""
    pairs: Counter[tuple[str, str]] = Counter()
    for name, value in slots.items():
        if name == "attributes":
            pairs.update((f"attributes.{key}", str(item).lower()) for key, item in value.items())
        elif isinstance(value, list) and name != "bundle_ref":
            pairs.update((name, str(item).lower()) for item in value)
        else:
            pairs[(name, json.dumps(value).lower())] += 1
    return pairs


def evaluate_parser(parser: MessageParser, gold: list[GoldExample]) -> dict[str, Any]:
    """Intent accuracy, slot micro-F1, per-intent and per-slot figures, worst confusions, latency."""
    parser.warm_up()
    started = time.perf_counter()
    predictions = parser.parse_many([example.text for example in gold])
    seconds = time.perf_counter() - started
    confusions: Counter[tuple[str, str]] = Counter()
    per_intent: dict[str, Counter[str]] = {intent: Counter() for intent in INTENTS}
    per_slot: dict[str, Counter[str]] = {}
    per_source: dict[str, Counter[str]] = {}
    totals: Counter[str] = Counter()
    for example, predicted in zip(gold, predictions, strict=True):
        correct = predicted.intent == example.intent
        per_intent[example.intent]["support"] += 1
        per_intent[example.intent]["correct"] += correct
        per_intent[predicted.intent]["predicted"] += 1
        source = per_source.setdefault(example.source, Counter())
        source.update({"support": 1, "correct": int(correct)})
        if not correct:
            confusions[(example.intent, predicted.intent)] += 1
        gold_pairs, predicted_pairs = slot_pairs(example.slots), slot_pairs(predicted.slots.to_json())
        for name in {pair[0] for pair in gold_pairs | predicted_pairs}:
            counts = per_slot.setdefault(name, Counter())
            gold_n = sum(v for k, v in gold_pairs.items() if k[0] == name)
            pred_n = sum(v for k, v in predicted_pairs.items() if k[0] == name)
            hit = sum(v for k, v in (gold_pairs & predicted_pairs).items() if k[0] == name)
            counts.update({"gold": gold_n, "predicted": pred_n, "correct": hit})
        pair_counts = {
            "gold": sum(gold_pairs.values()),
            "predicted": sum(predicted_pairs.values()),
            "correct": sum((gold_pairs & predicted_pairs).values()),
        }
        totals.update(pair_counts)
        source.update({f"slot_{key}": value for key, value in pair_counts.items()})
    return {
        "examples": len(gold),
        "intent_accuracy": _ratio(sum(c["correct"] for c in per_intent.values()), len(gold)),
        "slot_micro_f1": _f1(totals),
        "slot_precision": _ratio(totals["correct"], totals["predicted"]),
        "slot_recall": _ratio(totals["correct"], totals["gold"]),
        "per_intent": {
            intent: {
                "support": c["support"],
                "recall": _ratio(c["correct"], c["support"]),
                "precision": _ratio(c["correct"], c["predicted"]),
            }
            for intent, c in per_intent.items()
        },
        "per_slot": {name: {"support": c["gold"], "f1": _f1(c)} for name, c in sorted(per_slot.items())},
        "per_source": {
            name: {
                "support": c["support"],
                "intent_accuracy": _ratio(c["correct"], c["support"]),
                "slot_micro_f1": _f1(
                    Counter({key: c[f"slot_{key}"] for key in ("gold", "predicted", "correct")})
                ),
            }
            for name, c in sorted(per_source.items())
        },
        "worst_confusions": [
            {"gold": gold_intent, "predicted": predicted_intent, "count": count}
            for (gold_intent, predicted_intent), count in confusions.most_common(8)
        ],
        "ms_per_utterance_batched": round(1000 * seconds / max(1, len(gold)), 2),
    }


class AnnotationParser:
    """A second annotation of the same utterances, read as if it were a parser: scoring it against the
    gold file with `evaluate_parser` measures how far two annotators agree, with the model's own metric."""

    def __init__(self, annotation: list[GoldExample]) -> None:
        self._labels = {example.text: example for example in annotation}

    def warm_up(self) -> None:
        """Nothing to load."""

    def parse_many(self, texts: list[str]) -> list[ParsedMessage]:
        missing = [text for text in texts if text not in self._labels]
        if missing:
            raise InvalidInputError(f"the second annotation has no label for {missing[0]!r}")
        return [
            ParsedMessage(self._labels[text].intent, 1.0, Slots(**self._labels[text].slots)) for text in texts
        ]


def _ratio(numerator: float, denominator: float) -> float:
    return round(numerator / denominator, 4) if denominator else 0.0


def _f1(counts: Counter[str]) -> float:
    precision = counts["correct"] / counts["predicted"] if counts["predicted"] else 0.0
    recall = counts["correct"] / counts["gold"] if counts["gold"] else 0.0
    return round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
