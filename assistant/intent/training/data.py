"""Reading annotated utterance files (the markup format of `data/ANNOTATION.md`)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from assistant.errors import InvalidInputError
from assistant.intent.markup import Annotated, MarkupError, bio_tags, parse_markup
from assistant.intent.taxonomy import INTENTS


def data_file(name: str) -> Path:
    """A file shipped in `assistant/intent/data/`."""
    return Path(str(resources.files("assistant.intent") / "data" / name))


def read_annotated(path: Path) -> list[Annotated]:
    """Every utterance in a JSONL markup file; errors name the file and line."""
    examples: list[Annotated] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if record["intent"] not in INTENTS:
                raise MarkupError(f"unknown intent {record['intent']!r}")
            annotated = parse_markup(record["text"], record["intent"])
            bio_tags(annotated)  # spans must align with words
        except (ValueError, KeyError, TypeError) as error:
            raise InvalidInputError(f"{path}:{number}: {error}") from None
        examples.append(annotated)
    return examples
