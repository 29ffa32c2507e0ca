"""Releases a streamed explanation only as far as it has been checked, filled, for a UI to show.

Text is held back until it ends on a word boundary outside a placeholder and a margin of characters
behind the newest text, so a claim spread over several words ("best price guaranteed") is seen whole
before any of it is released. Once the text so far breaks a rule, nothing more is released.
"""

from __future__ import annotations

from assistant.explain.checker import ExplanationChecker
from assistant.explain.facts import ExplanationFacts
from assistant.explain.filling import fill

HOLD_BACK_CHARS = 24


class StreamGate:
    """Per-bundle gate between the model's raw deltas and the shown, filled text."""

    def __init__(self, facts: ExplanationFacts, checker: ExplanationChecker) -> None:
        self._facts = facts
        self._checker = checker
        self.raw = ""
        self.shown = ""
        self.broken = False

    def feed(self, delta: str) -> str:
        """Take raw model text; return the newly releasable filled text ('' when nothing is safe yet)."""
        self.raw += delta
        if self.broken:
            return ""
        if not self._checker.check_prefix(_complete_words(self.raw), self._facts).accepted:
            self.broken = True
            return ""
        return self._release(_safe_prefix(self.raw, len(self.raw) - HOLD_BACK_CHARS))

    def finish(self, final_raw: str) -> str:
        """Release the rest of an accepted explanation."""
        return self._release(final_raw)

    def _release(self, raw_prefix: str) -> str:
        filled = fill(raw_prefix, self._facts)
        if len(filled) <= len(self.shown) or not filled.startswith(self.shown):
            return ""
        delta, self.shown = filled[len(self.shown) :], filled
        return delta


def _complete_words(text: str) -> str:
    """`text` without a trailing partial word or open placeholder (which the model may still finish)."""
    cut = len(text)
    if text and not text[-1].isspace():
        cut = max(text.rfind(" "), text.rfind("\n"), 0)
        if any("\u3400" <= char <= "\u9fff" for char in text[-4:]):
            cut = len(text)  # Chinese has no spaces: every character is a complete word
    opened = text.rfind("{", 0, cut)
    if opened > text.rfind("}", 0, cut):
        cut = opened
    return text[:cut]


def _safe_prefix(text: str, limit: int) -> str:
    """The longest prefix of `text` up to `limit` that ends at a boundary outside any placeholder."""
    if limit <= 0:
        return ""
    prefix = _complete_words(text[:limit])
    opened = prefix.rfind("{")
    if opened > prefix.rfind("}"):
        prefix = prefix[:opened]
    return prefix
