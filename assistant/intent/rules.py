"""`RulesParser`: a keyword-and-regex baseline, kept to measure what the fine-tuned model adds.

It is a fair baseline, not a straw man: it knows the catalog's brands and categories, the Chinese
lexicon, money phrasings and ordinals, and the cue words of each intent.
"""

from __future__ import annotations

import re

from assistant.intent.parser import ParsedMessage, clean_message, has_words
from assistant.intent.slots import assemble_slots
from assistant.intent.vocabulary import BRAND_ALIASES, CATEGORY_ALIASES, SlotVocabulary
from retrieval.text import fold
from retrieval.zh_lexicon import zh_lexicon

_MONEY = (
    r"(?:[$€£¥￥]\s*\d[\d,.]*\s*k?"
    r"|\d[\d,.]*\s*(?:k|grand|dollars?|bucks?|usd|euros?|pounds?|元|块|rmb|yuan)?)"
)
_BELOW = r"under|below|less than|max(?:imum)?|up to|no more than|within|sub|around|budget(?: of| is)?"
_BUDGET_MAX = re.compile(rf"(?:{_BELOW})\s*{_MONEY}|{_MONEY}\s*(?:max|or less|以内|以下|之内)")
_BUDGET_MIN = re.compile(
    rf"(?:over|above|more than|at least|from|starting at)\s*{_MONEY}|{_MONEY}\s*(?:以上|or more)"
)
_ORDINAL = re.compile(
    r"\b(?:the )?(?:first|second|third|last|1st|2nd|3rd|premium|cheapest)(?: one| bundle| option)?\b"
    r"|bundle \d|第[一二三]个?"
)
_COLOURS = ("black", "white", "silver", "gold", "blue", "red", "green", "pink", "purple", "grey", "rose gold")
_STORAGE = re.compile(r"\b\d+\s?(?:gb|tb)\b", re.IGNORECASE)
_INTENT_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("accept_bundle", ("i'll take", "ill take", "i will take", "buy the", "checkout", "check out",
                       "add to cart", "go with", "下单", "就要")),
    ("swap_item", ("swap", "replace", "switch the", "change the", "instead of the", "换")),
    ("remove_item", ("remove", "drop the", "without the", "don't need the", "dont need the", "take out",
                     "去掉", "不需要")),
    ("add_item", ("add ", "throw in", "include a", "also want", "加")),
    ("compare", ("compare", "difference", "vs", "versus", "which is better", "which one is better", "比较",
                 "区别")),
    ("ask_explanation", ("why", "what is the", "what's the point", "explain", "为什么")),
    ("refine", ("cheaper", "less expensive", "more premium", "instead", "not ", "no ", "too expensive",
                "便宜", "不要")),
    ("greeting", ("hello", "hi ", "hey", "thanks", "thank you", "bye", "good morning", "你好", "谢谢")),
    ("build_bundle", ("bundle", "set", "kit", "with", "and", "everything", "routine", "一套", "套装",
                      "送给")),
)  # fmt: skip


class RulesParser:
    """Keyword/regex parser over one catalog's vocabulary."""

    def __init__(self, *, vocabulary: SlotVocabulary) -> None:
        self._vocabulary = vocabulary
        category_words = (
            set(vocabulary.categories) | set(CATEGORY_ALIASES) | {c + "s" for c in vocabulary.categories}
        )
        self._category_pattern = _alternation(category_words)
        self._brand_pattern = _alternation({fold(b) for b in vocabulary.brands} | set(BRAND_ALIASES))

    def warm_up(self) -> None:
        return None

    def parse(self, text: str) -> ParsedMessage:
        """Understand one message by rules."""
        return self.parse_many([text])[0]

    def parse_many(self, texts: list[str]) -> list[ParsedMessage]:
        return [self._parse(clean_message(text)) for text in texts]

    def _parse(self, text: str) -> ParsedMessage:
        if not has_words(text):
            return ParsedMessage("out_of_scope", 1.0, assemble_slots([], self._vocabulary))
        lowered = fold(text)
        spans: list[tuple[str, str]] = []
        spans += [("budget_max", m.group()) for m in _BUDGET_MAX.finditer(lowered)]
        spans += [("budget_min", m.group()) for m in _BUDGET_MIN.finditer(lowered)]
        negated = {
            m.group(1)
            for m in re.finditer(
                rf"(?:not|no|without|except|nothing from|不要)\s*({self._brand_pattern})", lowered
            )
        }
        for match in re.finditer(self._brand_pattern, lowered):
            spans.append(("exclude_brand" if match.group() in negated else "brand", match.group()))
        spans += [("category", m.group()) for m in re.finditer(self._category_pattern, lowered)]
        spans += [("colour", c) for c in _COLOURS if re.search(rf"\b{c}\b", lowered)]
        spans += [("storage", m.group()) for m in _STORAGE.finditer(lowered)]
        spans += [("bundle_ref", m.group()) for m in _ORDINAL.finditer(lowered)]
        if re.search(r"cheaper|less expensive|too expensive|more premium|higher end|便宜", lowered):
            spans.append(("price_direction", lowered))
        for word, entry in zh_lexicon().items():
            if word in text and entry.kind in ("category", "brand", "recipient", "occasion", "use_case"):
                spans.append((entry.kind, word))
        intent = _intent(lowered, spans)
        return ParsedMessage(intent, 0.5, assemble_slots(spans, self._vocabulary), tuple(spans))


def _intent(lowered: str, spans: list[tuple[str, str]]) -> str:
    padded = f" {lowered} "
    for intent, cues in _INTENT_CUES:
        if any(cue in padded for cue in cues):
            if intent == "build_bundle" and not any(slot == "category" for slot, _ in spans):
                continue
            return intent
    if any(slot == "category" for slot, _ in spans):
        return "search_product"
    return "out_of_scope"


def _alternation(words: set[str]) -> str:
    ordered = sorted((w for w in words if w), key=len, reverse=True)
    return r"\b(?:" + "|".join(re.escape(word) for word in ordered) + r")\b"
