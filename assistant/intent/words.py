"""Word segmentation with character offsets: the unit the slot tagger labels.

Latin text splits into runs of letters/digits and single punctuation marks (so "$900" is "$", "900" and
"mum's" is "mum", "'", "s"); Chinese is segmented into words by jieba, because the English MiniLM
vocabulary has no Chinese and each word is glossed into English before the model sees it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from retrieval.text import cjk_words
from retrieval.zh_lexicon import gloss, zh_lexicon

_TOKEN = re.compile(r"[A-Za-z0-9\u00C0-\u024F]+|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|\S")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True, slots=True)
class Word:
    """A word and where it sits in the original text."""

    text: str
    start: int
    end: int


def split_words(text: str, *, boundaries: frozenset[int] = frozenset()) -> list[Word]:
    """The words of `text` with offsets; CJK runs are cut into jieba words, and also at `boundaries`
    (annotated span edges), so a segmenter's choice never straddles a labelled span."""
    words: list[Word] = []
    for match in _TOKEN.finditer(text):
        token, start = match.group(), match.start()
        if not _CJK.match(token):
            words.append(Word(token, start, match.end()))
            continue
        cuts = sorted({start, match.end(), *(b for b in boundaries if start < b < match.end())})
        for left, right in itertools.pairwise(cuts):
            for piece in _cjk_words(text[left:right]):
                words.append(Word(piece, left, left + len(piece)))
                left += len(piece)
    return words


def has_cjk(text: str) -> bool:
    """True when `text` contains Chinese characters."""
    return bool(_CJK.search(text))


def in_english(message: str) -> str:
    """A message or tagged span in the words the needs and kinds are named with: Chinese words glossed
    through the lexicon, so '她喜欢喝咖啡' names the coffee need as 'she loves coffee' does and '平板壳' is a
    'tablet case'; words the lexicon lacks, and other text, unchanged."""
    if not has_cjk(message):
        return message
    return " ".join(gloss(word.text) for word in split_words(message))


@lru_cache(maxsize=4096)
def _cjk_words(run: str) -> tuple[str, ...]:
    lexicon = zh_lexicon()  # registers the domain words with the segmenter first
    return tuple(piece for word in cjk_words(run, for_search=False) for piece in _around_known(word, lexicon))


def _around_known(word: str, lexicon: Mapping[str, object]) -> list[str]:
    """`word` cut around the longest lexicon word inside it, recursively: jieba joins '买手机' and
    '生日礼物', which have no gloss, while '买' + '手机' and '生日' + '礼物' do (and training cuts there,
    at span edges)."""
    if not word:
        return []
    if word in lexicon or len(word) < 2:
        return [word]
    for size in range(len(word) - 1, 0, -1):
        for start in range(len(word) - size + 1):
            known = word[start : start + size]
            if known in lexicon:
                before, after = word[:start], word[start + size :]
                return [*_around_known(before, lexicon), known, *_around_known(after, lexicon)]
    return [word]
