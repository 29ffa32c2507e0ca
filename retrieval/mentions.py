"""Exact mentions in a query that deserve a boost on top of fused relevance.

Two signals shoppers rely on and embeddings blur: the kind of product named as the head of the phrase
("phone *case*", "*case* for iPhone 16 Pro") and a model a product is or fits ("iPhone 16 Pro" is not
"iPhone 16 Pro Max"). Both are found by n-gram lookup, so the cost grows with the query, not the catalog.
"""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np
import numpy.typing as npt

from retrieval.catalog.schema import Catalog
from retrieval.text import category_key, fold

PHRASE_ATTRIBUTES = ("model", "compatible_models", "compatible_watches", "capsule_system")
MAX_NGRAM = 5
_WORD = re.compile(r"[a-z0-9]+")
_LINKERS = frozenset({"for", "with", "to", "that", "which", "under", "below", "in", "from", "on"})


def _phrase(text: str) -> str:
    return " ".join(_WORD.findall(fold(text)))


class MentionIndex:
    """Rows by category phrase and by model phrase, for one catalog."""

    def __init__(self, catalog: Catalog, category_rows: dict[str, npt.NDArray[np.int64]]) -> None:
        self._category_rows = category_rows
        phrase_rows: dict[str, list[int]] = defaultdict(list)
        for row, product in enumerate(catalog):
            for name in PHRASE_ATTRIBUTES:
                value = product.attributes.get(name)
                for item in value if isinstance(value, list) else [value]:
                    if isinstance(item, str) and _phrase(item):
                        phrase_rows[_phrase(item)].append(row)
        self._phrase_rows = {
            key: np.asarray(sorted(set(rows)), dtype=np.int64) for key, rows in phrase_rows.items()
        }

    def head_category_rows(self, query: str) -> npt.NDArray[np.int64]:
        """Rows of the category the query is about: the first category named, or in a compound
        ('phone case', 'laptop sleeve') its last word, which English puts at the head."""
        words = _WORD.findall(fold(query))
        mentions: list[tuple[int, int, str]] = []  # (start, end, key)
        for start in range(len(words)):
            for end in range(min(len(words), start + 3), start, -1):
                key = category_key(" ".join(words[start:end]))
                if key in self._category_rows:
                    mentions.append((start, end, key))
                    break
        if not mentions:
            return np.zeros(0, dtype=np.int64)
        head = mentions[0]
        for following in mentions[1:]:
            if following[0] == head[1] or (following[0] == head[1] + 1 and words[head[1]] not in _LINKERS):
                head = following  # a compound noun: its last part is the head
            else:
                break
        return self._category_rows[head[2]]

    def model_rows(self, query: str) -> npt.NDArray[np.int64]:
        """Rows whose model, or a model they fit, the query names exactly (longest match wins)."""
        words = _WORD.findall(fold(query))
        found: list[tuple[int, int]] = []
        for start in range(len(words)):
            for end in range(min(len(words), start + MAX_NGRAM), start, -1):
                if " ".join(words[start:end]) in self._phrase_rows:
                    found.append((start, end))
                    break
        longest = [
            (s, e)
            for s, e in found
            if not any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2 in found)
        ]
        if not longest:
            return np.zeros(0, dtype=np.int64)
        return np.unique(np.concatenate([self._phrase_rows[" ".join(words[s:e])] for s, e in longest]))
