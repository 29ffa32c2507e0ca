"""Text normalisation shared by lexical search and filters: case, accents, plurals, CJK words."""

from __future__ import annotations

import logging
import re
import unicodedata
from functools import lru_cache

_LATIN_WORD = re.compile(r"[0-9a-z]+")
_LETTERS_DIGITS = re.compile(r"[a-z]+|[0-9]+")
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "i",
        "im",
        "in",
        "is",
        "it",
        "me",
        "my",
        "of",
        "on",
        "or",
        "our",
        "that",
        "the",
        "this",
        "to",
        "we",
        "with",
        "you",
        "your",
        "want",
        "wants",
        "need",
        "needs",
        "looking",
        "look",
        "some",
        "any",
        "please",
    ]
)


def fold(text: str) -> str:
    """Case- and accent-insensitive form: 'Estée Lauder' -> 'estee lauder'; CJK untouched."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_IRREGULAR = {"mice": "mouse", "lenses": "lens", "knives": "knife", "shelves": "shelf", "leaves": "leaf"}
# singular words that end in 's' ("lens" was folded to "len", so a category filter on lens matched nothing)
_IRREGULAR.update({word: word for word in ("lens", "canvas", "atlas", "gas", "series", "species")})


def singular(word: str) -> str:
    """Cheap English plural folding, enough for product nouns (cases, batteries, brushes, phones)."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or word[-1] != "s" or word.endswith(("ss", "us", "is")) or word[-2].isdigit():
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    return word[:-1]


_ACTIVITY_SUFFIXES = ("ing", "er")


def word_family(word: str) -> str:
    """One stem for an activity's word forms, for matching purposes only: running, runs, runner -> run;
    hiking, hike, hiker -> hik; travelling, traveller -> travel; photography, photographer -> photograph.
    Cheap suffix folding (no dictionary), so compare only stems made by this function."""
    stem = singular(word)
    for suffix in _ACTIVITY_SUFFIXES:
        if stem.endswith(suffix) and len(stem) >= len(suffix) + 3:
            stem = stem[: -len(suffix)]
            if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
                stem = stem[:-1]  # runn -> run, travell -> travel
            break
    return stem[:-1] if len(stem) >= 4 and stem[-1] in "ey" else stem


def tokenize(text: str) -> list[str]:
    """Search tokens: folded latin words (with letter/digit parts: 's25' -> s25, s, 25) and CJK words."""
    folded = fold(text)
    tokens: list[str] = []
    for word in _LATIN_WORD.findall(folded):
        if word in STOP_WORDS:
            continue
        tokens.append(singular(word))
        parts = _LETTERS_DIGITS.findall(word)
        if len(parts) > 1:
            tokens.extend(parts)
    for run in _CJK_RUN.findall(folded):
        tokens.extend(word for word in cjk_words(run) if word.strip())
    return tokens


_MODEL_TOKEN = re.compile(r"[0-9a-z]+|\+")


def model_key(text: str) -> str:
    """Normalised model name: 'Galaxy S25+' and 'galaxy s25 plus' -> 'galaxy s25 +', distinct from
    'galaxy s25' (a case for one does not fit the other)."""
    return " ".join("+" if word == "plus" else word for word in _MODEL_TOKEN.findall(fold(text)))


def category_key(text: str) -> str:
    """Normalised category phrase for matching: folded, plural-folded words joined by single spaces."""
    return " ".join(singular(word) for word in _LATIN_WORD.findall(fold(text))) or fold(text).strip()


def cjk_words(run: str, *, for_search: bool = True) -> list[str]:
    """Chinese words of `run`; `for_search` also yields the shorter words inside long ones (for recall)."""
    jieba = _jieba()
    return list(jieba.lcut_for_search(run) if for_search else jieba.lcut(run, HMM=False))


def add_cjk_words(words: list[str]) -> None:
    """Teach the segmenter domain words (护肤品, 以内) so they are not cut apart."""
    jieba = _jieba()
    for word in words:
        jieba.add_word(word)


@lru_cache(maxsize=1)
def _jieba():  # type: ignore[no-untyped-def]
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba
