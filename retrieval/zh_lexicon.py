"""The Chinese shopping lexicon (`data/zh_lexicon.tsv`): English glosses and canonical slot values.

The English MiniLM model reads almost no Chinese, so Chinese words are glossed into English before
embedding a search query or tagging a message; slot words (categories, brands, recipients) also give
their canonical value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from retrieval.text import add_cjk_words, category_key, cjk_words

_CJK_RUN = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)")


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One Chinese word: its English gloss and, for slot words, which slot it fills."""

    english: str
    kind: str


@lru_cache(maxsize=1)
def zh_lexicon() -> dict[str, LexiconEntry]:
    """Chinese word -> entry; also teaches the segmenter these words so they stay whole."""
    text = (resources.files("retrieval") / "data" / "zh_lexicon.tsv").read_text(encoding="utf-8")
    entries: dict[str, LexiconEntry] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        chinese, english, kind = line.split("\t")
        entries[chinese] = LexiconEntry(english, kind)
    add_cjk_words(list(entries))
    return entries


@lru_cache(maxsize=1)
def _chinese_names() -> dict[tuple[str, str], str]:
    """(slot kind, English value) -> the lexicon's first Chinese word for it ('phone' -> '手机')."""
    names: dict[tuple[str, str], str] = {}
    for chinese, entry in zh_lexicon().items():
        if entry.kind != "word":
            names.setdefault((entry.kind, category_key(entry.english)), chinese)
    return names


def in_chinese(name: str, kind: str = "category") -> str:
    """A category or role name (or, with `kind`, a colour...) for a Chinese reply: the lexicon's word
    where it has one, else unchanged."""
    return _chinese_names().get((kind, category_key(name)), name)


def gloss(word: str) -> str:
    """English rendering of a Chinese word for the model; other words pass through unchanged."""
    entry = zh_lexicon().get(word)
    return entry.english if entry else word


def gloss_text(text: str) -> tuple[str, float]:
    """`text` with known Chinese words replaced by English, and the share of its characters the
    English model can read afterwards (1.0 for text without Chinese; unknown Chinese words count 0)."""
    lexicon = zh_lexicon()
    pieces: list[str] = []
    unreadable = 0
    for segment in _CJK_RUN.split(text):
        if not segment:
            continue
        if not _CJK_RUN.fullmatch(segment):
            pieces.append(segment)
            continue
        for word in cjk_words(segment, for_search=False):
            entry = lexicon.get(word)
            if entry is None:
                unreadable += len(word)
            else:
                pieces.append(f" {entry.english} ")
    readable = " ".join("".join(pieces).split())
    total = len(text.replace(" ", "")) or 1
    return readable, max(0.0, 1.0 - unreadable / total)
