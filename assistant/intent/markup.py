"""The annotation format of `data/ANNOTATION.md`: `[surface](slot)` spans inline in the utterance."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import numpy as np

from assistant.intent.taxonomy import SPAN_SLOTS
from assistant.intent.words import Word, split_words

_SPAN = re.compile(r"\[([^\[\]]+)\]\(([a-z_]+)\)")


@dataclass(frozen=True, slots=True)
class Span:
    """A slot value's location in the raw utterance."""

    start: int
    end: int
    slot: str


@dataclass(frozen=True, slots=True)
class Annotated:
    """An utterance with its intent and slot spans."""

    text: str
    intent: str
    spans: tuple[Span, ...]

    def span_texts(self) -> list[tuple[str, str]]:
        """(slot, surface text) pairs in order."""
        return [(span.slot, self.text[span.start : span.end]) for span in self.spans]


class MarkupError(ValueError):
    """Malformed annotation (bad brackets, unknown slot, span not on word boundaries)."""


def parse_markup(markup: str, intent: str) -> Annotated:
    """Strip the markup from `markup`, keeping where each span was."""
    pieces: list[str] = []
    spans: list[Span] = []
    position = 0
    length = 0
    for match in _SPAN.finditer(markup):
        pieces.append(markup[position : match.start()])
        length += match.start() - position
        surface, slot = match.group(1), match.group(2)
        if slot not in SPAN_SLOTS:
            raise MarkupError(f"unknown slot {slot!r} in {markup!r}")
        spans.append(Span(length, length + len(surface), slot))
        pieces.append(surface)
        length += len(surface)
        position = match.end()
    pieces.append(markup[position:])
    text = "".join(pieces)
    if any(ch in text for ch in "[]"):
        raise MarkupError(f"stray bracket in {markup!r}")
    return Annotated(text, intent, tuple(spans))


def bio_tags(annotated: Annotated) -> tuple[list[Word], list[str]]:
    """Words of the utterance and their BIO tags; spans must start and end on word boundaries."""
    edges = frozenset(edge for span in annotated.spans for edge in (span.start, span.end))
    words = split_words(annotated.text, boundaries=edges)
    tags = ["O"] * len(words)
    for span in annotated.spans:
        inside = [i for i, word in enumerate(words) if word.start >= span.start and word.end <= span.end]
        if not inside or words[inside[0]].start != span.start or words[inside[-1]].end != span.end:
            raise MarkupError(f"span {annotated.text[span.start : span.end]!r} does not align with words")
        tags[inside[0]] = f"B-{span.slot}"
        for i in inside[1:]:
            tags[i] = f"I-{span.slot}"
    return words, tags


def spans_from_tags(text: str, words: list[Word], tags: list[str]) -> list[Span]:
    """Decode BIO tags back to spans (an I- without a matching B- starts a span, as seqeval does)."""
    spans: list[Span] = []
    current: list[int] | None = None
    slot = ""
    for index, tag in enumerate([*tags, "O"]):
        prefix, _, name = tag.partition("-")
        continues = prefix == "I" and current is not None and name == slot
        if current is not None and not continues:
            spans.append(Span(words[current[0]].start, words[current[-1]].end, slot))
            current = None
        if prefix == "B" or (prefix == "I" and not continues):
            current, slot = [index], name
        elif continues and current is not None:
            current.append(index)
    return spans


def whole_compounds(text: str, spans: list[Span]) -> list[Span]:
    """Spans that never cut a hyphenated compound: words split at hyphens ('Audio', '-', 'Technica'), so
    the tagger can tag half of one ('[audio-][technica]', 'tp-[link]'). Same-slot spans joined by a hyphen
    or nothing, in Latin script (Chinese words touch without being one), join, and a span touching a hyphen
    takes the rest of its compound unless that belongs to another span."""
    joined: list[Span] = []
    for span in spans:
        last = joined[-1] if joined else None
        if last and last.slot == span.slot and _one_compound(text, last.end, span.start):
            joined[-1] = Span(last.start, span.end, span.slot)
        else:
            joined.append(span)
    result = []
    for index, span in enumerate(joined):
        floor = joined[index - 1].end if index else 0
        ceiling = joined[index + 1].start if index + 1 < len(joined) else len(text)
        start, end = _compound_start(text, span.start, floor), _compound_end(text, span.end, ceiling)
        result.append(Span(start, end, span.slot))
    return result


def _one_compound(text: str, end: int, start: int) -> bool:
    return text[end:start] in ("", "-") and text[end - 1].isascii() and text[start].isascii()


def _compound_start(text: str, start: int, floor: int) -> int:
    while start - 2 >= floor and text[start - 1] == "-" and text[start - 2].isalnum():
        start -= 1
        while start - 1 >= floor and text[start - 1].isalnum():
            start -= 1
    return start


def _compound_end(text: str, end: int, ceiling: int) -> int:
    while True:
        if end + 1 < ceiling and text[end] == "-" and text[end + 1].isalnum():
            end += 1
        elif not (end < ceiling and text[end - 1] == "-" and text[end].isalnum()):
            return end
        while end < ceiling and text[end].isalnum():
            end += 1


def decode_tags(log_probs: np.ndarray, tags: list[str]) -> list[str]:
    """The most likely tag sequence that is valid BIO (Viterbi over per-word log-probabilities).

    Reading each word's best tag alone can give 'pour/B-use_case over/I-category', two broken spans; an
    `I-x` may only follow `B-x` or `I-x`, so the sequence is decoded as a whole under that rule."""
    if len(log_probs) == 0:
        return []
    allowed, start = _transitions(tuple(tags))
    score = log_probs[0] + start
    back: list[np.ndarray] = []
    for word in log_probs[1:]:
        candidates = score[:, None] + allowed + word[None, :]
        back.append(candidates.argmax(axis=0))
        score = candidates.max(axis=0)
    best = [int(score.argmax())]
    for pointers in reversed(back):
        best.append(int(pointers[best[-1]]))
    return [tags[index] for index in reversed(best)]


@cache
def _transitions(tags: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """(previous x current additive penalties, start penalties): 0 where BIO allows it, -inf-like not."""
    forbidden = -1e9
    allowed = np.zeros((len(tags), len(tags)))
    for current, tag in enumerate(tags):
        if tag.startswith("I-"):
            for previous, before in enumerate(tags):
                if before not in (f"B-{tag[2:]}", tag):
                    allowed[previous, current] = forbidden
    start = np.array([forbidden if tag.startswith("I-") else 0.0 for tag in tags])
    return allowed, start
