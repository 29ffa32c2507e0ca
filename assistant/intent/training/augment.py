"""Label-preserving chat noise for written utterances: typos, a discourse marker, lower case, "pls".

Real chat turns ("cheeper pls", "ok so max $250", "oh, paperback please :)") wrap a request in noise that
the written lines mostly lack. A noisy copy keeps the intent and every span (a typo inside a span stays
tagged: the tagger learns the misspelt word, the value normaliser matches it later); numbers and money are
never touched, and Chinese lines get no English noise.
"""

from __future__ import annotations

import random
import re

from assistant.intent.markup import Annotated, Span

PREFIXES = (
    "ok ",
    "ok so ",
    "oh ",
    "oh, ",
    "hmm ",
    "well ",
    "so ",
    "actually ",
    "um ",
    "alright, ",
    "right, ",
)
SUFFIXES = (" please", " pls", " plz", " thanks", " thx", " :)", "!", "?", " then", " lol")
TYPO_RATE = 0.1  # per alphabetic word of four letters or more
_WORD = re.compile(r"[A-Za-z]{4,}")
_VOWELS = "aeiou"


def noisy_copy(example: Annotated, rng: random.Random) -> Annotated:
    """`example` with chat noise; the same example if it is not mostly Latin script."""
    if not example.text.isascii():
        return example
    segments = _segments(example)
    segments = [(_typos(text, rng), slot) for text, slot in segments]
    last, slot = segments[-1]
    if slot is None and rng.random() < 0.5:
        segments[-1] = (last.rstrip(".!?"), None)
    if rng.random() < 0.3:
        segments = [(text.lower(), slot) for text, slot in segments]
    if rng.random() < 0.35:
        segments.insert(0, (rng.choice(PREFIXES), None))
    if rng.random() < 0.35:
        segments.append((rng.choice(SUFFIXES), None))
    return _join(segments, example.intent)


def _segments(example: Annotated) -> list[tuple[str, str | None]]:
    """The text cut into (piece, slot or None) in order."""
    segments: list[tuple[str, str | None]] = []
    position = 0
    for span in example.spans:
        segments.append((example.text[position : span.start], None))
        segments.append((example.text[span.start : span.end], span.slot))
        position = span.end
    segments.append((example.text[position:], None))
    return segments


def _join(segments: list[tuple[str, str | None]], intent: str) -> Annotated:
    text, spans = "", []
    for piece, slot in segments:
        if slot is not None:
            spans.append(Span(len(text), len(text) + len(piece), slot))
        text += piece
    return Annotated(text, intent, tuple(spans))


def _typos(text: str, rng: random.Random) -> str:
    return _WORD.sub(lambda m: _typo(m.group(), rng) if rng.random() < TYPO_RATE else m.group(), text)


def _typo(word: str, rng: random.Random) -> str:
    """One keyboard slip inside the word (never its first letter): swap, drop, double or a wrong vowel."""
    at = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    if kind == 1:
        return word[:at] + word[at + 1 :]
    if kind == 2:
        return word[:at] + word[at] + word[at:]
    vowels = [i for i in range(1, len(word)) if word[i].lower() in _VOWELS]
    if not vowels:
        return word
    at = rng.choice(vowels)
    return word[:at] + rng.choice([v for v in _VOWELS if v != word[at].lower()]) + word[at + 1 :]
