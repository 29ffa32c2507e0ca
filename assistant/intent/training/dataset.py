"""The training set: generated utterances + hand-written ones + any extra files, never the held-out set."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from assistant.intent.markup import Annotated, parse_markup
from assistant.intent.training.data import data_file, read_annotated
from assistant.intent.training.generator import generate
from retrieval.catalog.schema import Catalog

HANDWRITTEN = (
    "train_handwritten.jsonl",
    "train_conversational.jsonl",
    "train_targeted.jsonl",
    "train_mgshopdial.jsonl",
    "train_bundlerec.jsonl",
)
HELD_OUT = "test_heldout.jsonl"
FRESH = "test_fresh.jsonl"  # written blind to the model and its training data, scored last
TEST_FILES = (HELD_OUT, FRESH)


def training_examples(
    catalog: Catalog, *, extra_files: Sequence[Path] = (), generated: int = 2500, seed: int = 13
) -> tuple[list[Annotated], dict[str, int]]:
    """(examples, counts by origin). Any utterance equal to a test one is dropped, so the held-out
    scores stay held-out even when hard examples exported from traffic overlap with it."""
    held_out = {
        example.text.casefold()
        for name in TEST_FILES
        if data_file(name).is_file()
        for example in read_annotated(data_file(name))
    }
    origins = {
        "generated": [
            parse_markup(row["text"], row["intent"]) for row in generate(catalog, count=generated, seed=seed)
        ],
        "handwritten": [example for name in HANDWRITTEN for example in read_annotated(data_file(name))],
        "extra": [example for path in extra_files for example in read_annotated(path)],
    }
    seen: set[str] = set()
    examples: list[Annotated] = []
    counts = {"dropped_as_held_out": 0, "dropped_as_duplicate": 0}
    for origin, batch in origins.items():
        counts[origin] = len(batch)
        for example in batch:
            key = example.text.casefold()
            if key in held_out:
                counts["dropped_as_held_out"] += 1
            elif key in seen:
                counts["dropped_as_duplicate"] += 1
            else:
                seen.add(key)
                examples.append(example)
    counts["total"] = len(examples)
    return examples, counts
