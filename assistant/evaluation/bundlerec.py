"""Reader for the BundleRec layout (Sun et al., SIGIR 2022): bundles with crowd-written intents per domain.

A domain directory holds `bundle_item.csv`, `bundle_intent.csv`, `item_titles.csv`, `item_categories.csv`
and optionally `session_item.csv` / `session_bundle.csv`. The data has no prices.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import InvalidInputError

REQUIRED_FILES = ("bundle_item.csv", "bundle_intent.csv", "item_titles.csv", "item_categories.csv")
_PATH_SPLIT = re.compile(r"\],\s*\[")
_SEGMENT_SPLIT = re.compile(r",(?! )")  # "Clothing, Shoes & Jewelry,Women": names keep their ", "


@dataclass(frozen=True)
class BundleRecDomain:
    """One domain's items, bundles, intents and sessions (all ids as strings)."""

    name: str
    titles: dict[str, str]
    categories: dict[str, tuple[str, ...]]  # item -> its most specific category path
    bundles: dict[str, tuple[str, ...]]  # bundle -> items (file order, no repeats)
    intents: dict[str, str]
    sessions: dict[str, tuple[str, ...]]
    session_bundles: dict[str, frozenset[str]]  # session -> bundles annotated in it


def find_domains(root: Path) -> list[Path]:
    """`root` itself when it is a domain, else its sub-directories that are; error when none is."""
    if not root.is_dir():
        raise InvalidInputError(f"not a directory: {root}")
    if (root / "bundle_item.csv").exists():
        return [root]
    domains = sorted(child for child in root.iterdir() if (child / "bundle_item.csv").exists())
    if not domains:
        raise InvalidInputError(f"{root} holds no BundleRec domain (a directory with bundle_item.csv)")
    return domains


def read_domain(directory: Path) -> BundleRecDomain:
    """Read one domain directory; a missing required file is an `InvalidInputError` naming it."""
    for name in REQUIRED_FILES:
        if not (directory / name).exists():
            raise InvalidInputError(
                f"{directory / name} is missing (BundleRec layout needs {', '.join(REQUIRED_FILES)})"
            )
    titles = {item: title.strip() for item, title in _rows(directory / "item_titles.csv")}
    categories = {item: category_path(text) for item, text in _rows(directory / "item_categories.csv")}
    bundles = _grouped(directory / "bundle_item.csv")
    intents = {bundle: " ".join(intent.split()) for bundle, intent in _rows(directory / "bundle_intent.csv")}
    sessions = _grouped(directory / "session_item.csv") if (directory / "session_item.csv").exists() else {}
    session_bundles: dict[str, frozenset[str]] = {}
    if (directory / "session_bundle.csv").exists():
        linked = _grouped(directory / "session_bundle.csv")
        session_bundles = {session: frozenset(found) for session, found in linked.items()}
    return BundleRecDomain(directory.name, titles, categories, bundles, intents, sessions, session_bundles)


def category_path(text: str) -> tuple[str, ...]:
    """The longest path of an Amazon category list '[[A,B,C],[A,D]]' (the most specific description)."""
    body = text.strip().removeprefix("[[").removesuffix("]]")
    paths = [
        tuple(segment.strip() for segment in _SEGMENT_SPLIT.split(path) if segment.strip())
        for path in _PATH_SPLIT.split(body)
    ]
    return max(paths, key=len, default=())


def _rows(path: Path) -> Iterator[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader, None)  # header
        for row in reader:
            if len(row) >= 2 and row[0].strip():
                yield row[0].strip(), row[1]


def _grouped(path: Path) -> dict[str, tuple[str, ...]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for key, value in _rows(path):
        value = value.strip()
        if value and value not in groups[key]:
            groups[key].append(value)
    return {key: tuple(values) for key, values in groups.items()}
