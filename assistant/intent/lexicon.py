"""The Chinese shopping lexicon (`data/zh_lexicon.tsv`): glosses for the English tagger, canonical values."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from retrieval.text import add_cjk_words


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One Chinese word: its English gloss and, for slot words, which slot it fills."""

    english: str
    kind: str


@lru_cache(maxsize=1)
def zh_lexicon() -> dict[str, LexiconEntry]:
    """Chinese word -> entry; also teaches the segmenter these words so they stay whole."""
    text = (resources.files("assistant.intent") / "data" / "zh_lexicon.tsv").read_text(encoding="utf-8")
    entries: dict[str, LexiconEntry] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        chinese, english, kind = line.split("\t")
        entries[chinese] = LexiconEntry(english, kind)
    add_cjk_words(list(entries))
    return entries


def gloss(word: str) -> str:
    """English rendering of a Chinese word for the model; other words pass through unchanged."""
    entry = zh_lexicon().get(word)
    return entry.english if entry else word
