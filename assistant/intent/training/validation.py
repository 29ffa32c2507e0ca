"""The validation split: written training utterances held back to choose training settings on, so that the
test files (`test_heldout.jsonl`, `test_fresh.jsonl`) are scored once, after every choice is made."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.intent.markup import parse_markup
from assistant.intent.training.data import data_file

# Files the test sets resemble (MG-ShopDial turns, BundleRec intents, hand-written requests and follow-ups).
# The targeted, dialogue-style, use-case, follow-up and chat-turn files teach particular constructions and
# stay in training (the follow-ups were written after reading validation errors, the chat turns knowing its
# kinds of error: holding them back would flatter it).
BY_DIALOGUE = ("train_mgshopdial.jsonl",)  # whole dialogues: turns of one chat resemble each other
BY_LINE = ("train_bundlerec.jsonl", "train_handwritten.jsonl", "train_conversational.jsonl")
SHARE = 0.25
SEED = 13


@dataclass(frozen=True)
class ValidationSplit:
    """The held-back records (markup JSONL rows) and their texts as `training_examples` keys them."""

    records: tuple[dict[str, Any], ...]
    texts: frozenset[str]

    def write(self, path: Path) -> Path:
        """The records as a JSONL file that `read_gold` (and `bundlewise eval intent --data`) reads."""
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in self.records), "utf-8")
        return path


def validation_split(share: float = SHARE, seed: int = SEED) -> ValidationSplit:
    """A fixed `share` of the written training files: a seeded hash of the dialogue id (or of the line)
    decides, so the split is the same on every machine and does not move when lines are added."""
    records: list[dict[str, Any]] = []
    for name in (*BY_DIALOGUE, *BY_LINE):
        for line in data_file(name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            key = record.get("dialogue") if name in BY_DIALOGUE else None
            if _held_back(str(key or record["text"]), share, seed):
                records.append({"source": name.removeprefix("train_").removesuffix(".jsonl"), **record})
    texts = frozenset(parse_markup(r["text"], r["intent"]).text.casefold() for r in records)
    return ValidationSplit(tuple(records), texts)


def _held_back(key: str, share: float, seed: int) -> bool:
    digest = hashlib.sha256(f"{seed}\t{key}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < share
