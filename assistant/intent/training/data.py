"""Reading annotated utterance files (the markup format of `data/ANNOTATION.md`)."""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from assistant.errors import InvalidInputError
from assistant.intent.markup import Annotated, MarkupError, bio_tags, parse_markup
from assistant.intent.taxonomy import INTENTS

T = TypeVar("T")


def data_file(name: str) -> Path:
    """A file shipped in `assistant/intent/data/`."""
    return Path(str(resources.files("assistant.intent") / "data" / name))


def read_labelled(path: Path, convert: Callable[[dict[str, Any]], T]) -> list[T]:
    """`convert` applied to every JSONL record with a valid `intent`; any problem names file and line."""
    results: list[T] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if record["intent"] not in INTENTS:
                raise MarkupError(f"unknown intent {record['intent']!r}")
            results.append(convert(record))
        except (ValueError, KeyError, TypeError) as error:
            raise InvalidInputError(f"{path}:{number}: {error}") from None
    return results


def read_annotated(path: Path) -> list[Annotated]:
    """Every utterance in a JSONL markup file (spans checked against word boundaries)."""
    return [annotated for annotated, _ in read_with_dialogues(path)]


def read_with_dialogues(path: Path) -> list[tuple[Annotated, str | None]]:
    """Every utterance of `path`, each with the real dialogue it was taken from (None if written)."""

    def convert(record: dict[str, Any]) -> tuple[Annotated, str | None]:
        annotated = parse_markup(record["text"], record["intent"])
        bio_tags(annotated)
        return annotated, record.get("dialogue")

    return read_labelled(path, convert)
