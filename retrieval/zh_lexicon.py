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


# Shelf names the lexicon lacks, for replies only (a lexicon entry would also change what the intent model
# reads: its glosses are the model's input)
_REPLY_NAMES = {
    "apparel": "服装", "cleaning": "清洁用品", "recovery": "放松恢复用品", "small appliance": "小家电",
    "men": "男士用品", "women": "女士用品", "battery": "电池", "stand": "支架",
}  # fmt: skip


def in_chinese(name: str, kind: str = "category") -> str:
    """A category or role name (or, with `kind`, a colour...) for a Chinese reply: the lexicon's word
    where it has one, else that of its longest part, the head noun's first ('serum essence' -> 精华,
    'laptop bag sleeve' -> 电脑包, not 笔记本电脑), else unchanged."""
    names = _chinese_names()
    words = category_key(name).split()
    if kind == "category" and " ".join(words) in _REPLY_NAMES:
        return _REPLY_NAMES[" ".join(words)]
    parts = [
        " ".join(words[start : start + size])
        for size in range(len(words), 0, -1)
        for start in range(len(words) - size, -1, -1)  # ending at the head noun first
    ]
    return next((names[(kind, part)] for part in parts if (kind, part) in names), name)


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
