"""Typed slots of one message and their assembly from tagged spans (values parsed, names canonical)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.intent.taxonomy import ATTRIBUTE_SLOTS
from assistant.intent.values import (
    budget_bound,
    parse_bundle_ref,
    parse_money,
    parse_money_low,
    parse_price_direction,
    parse_quantity,
)
from assistant.intent.vocabulary import SlotVocabulary
from retrieval.text import fold
from retrieval.zh_lexicon import zh_lexicon

BundleRef = int | str | list[int]


class Slots(BaseModel):
    """What one message says, in canonical form (DESIGN.md slot names; `price_direction` extends them)."""

    model_config = ConfigDict(frozen=True)

    category: list[str] = Field(default_factory=list)
    budget_max: Decimal | None = None
    budget_min: Decimal | None = None
    currency: str | None = None
    brand: list[str] = Field(default_factory=list)
    exclude_brand: list[str] = Field(default_factory=list)
    attributes: dict[str, str] = Field(default_factory=dict)
    use_case: str | None = None
    recipient: str | None = None
    occasion: str | None = None
    item_ref: str | int | None = None
    bundle_ref: BundleRef | None = None
    quantity: int | None = None
    price_direction: Literal["lower", "higher"] | None = None

    def to_json(self) -> dict[str, Any]:
        """Only the slots that are set; money as JSON numbers (exact integers where whole)."""
        data: dict[str, Any] = {}
        for name, value in self.model_dump().items():
            if value in (None, [], {}):
                continue
            if isinstance(value, Decimal):
                value = int(value) if value == value.to_integral_value() else float(value)
            data[name] = value
        return data


def assemble_slots(
    spans: Iterable[tuple[str, str]], vocabulary: SlotVocabulary, *, labelled: bool = False
) -> Slots:
    """Slots from (slot, surface text) spans: money parsed, brands and categories made canonical.
    `labelled`: the spans are a person's annotation, whose budget bound stands even where the span's own
    words say the other ('I don't have [much more than $300]' is at most $300)."""
    values: dict[str, Any] = {"category": [], "brand": [], "exclude_brand": [], "attributes": {}}
    for slot, surface in spans:
        text = surface.strip() if slot in _VALUE_SLOTS else _strip_filler(surface)
        if not text:
            continue
        if slot in ("bundle_ref", "quantity") and not labelled and _is_money(text):
            slot = budget_bound(text) or "budget_max"  # "the second one for [$1]": a price, not bundle 1
        if slot == "exclude_brand":  # '[not Apple]', '[nothing from Samsung]': the brand is Apple, Samsung
            text = _NEGATION.sub("", text) or text
        if slot in ("category", "brand", "exclude_brand"):
            name = vocabulary.category(text) if slot == "category" else vocabulary.brand(text)
            if name and name not in values[slot]:
                values[slot].append(name)
        elif slot in ("budget_max", "budget_min"):
            if not labelled:
                slot = budget_bound(text) or slot  # the words decide the bound, not the tagger's guess
            amount, currency = parse_money(text) if slot == "budget_max" else parse_money_low(text)
            if amount is not None:
                values[slot] = amount
            if currency is not None:
                values["currency"] = currency
        elif slot in ATTRIBUTE_SLOTS:
            slot = _unit_slot(text) or slot  # the unit decides: '10kg' is a size, '512 gig' storage
            values["attributes"][slot] = _attribute(slot, _plain(text))
        elif slot == "bundle_ref":
            values["bundle_ref"] = _more_refs(values.get("bundle_ref"), parse_bundle_ref(text))
        elif slot == "item_ref":
            position = parse_bundle_ref(text) if _is_ordinal(text) else None
            if isinstance(position, int):
                values["item_ref"] = position
            else:  # 'the accessories' names no category: kept as said
                values["item_ref"] = vocabulary.category(text) or _plain(text)
        elif slot == "quantity":
            values["quantity"] = parse_quantity(text)
        elif slot == "price_direction":
            values["price_direction"] = parse_price_direction(text)
        else:  # use_case, recipient, occasion: free text, Chinese glossed to English
            values[slot] = _plain(text)
    values["brand"] = [b for b in values["brand"] if b not in values["exclude_brand"]]
    return Slots(**values)


def _more_refs(before: BundleRef | None, ref: BundleRef | None) -> BundleRef | None:
    """'the first and the third' is two spans and both bundles ([1, 3]), not the last one said; a label
    ('the premium one') cannot join ordinals, so the later reference stands."""
    if before is None or ref is None or isinstance(before, str) or isinstance(ref, str):
        return ref if ref is not None else before
    ordinals = sorted(
        {*(before if isinstance(before, list) else [before]), *(ref if isinstance(ref, list) else [ref])}
    )
    return ordinals if len(ordinals) > 1 else ordinals[0]


_VALUE_SLOTS = frozenset({"budget_max", "budget_min", "bundle_ref", "quantity", "price_direction"})
# function words a tagger sweeps into a span: before the value ("the", "my") and after it ("Bauer brand",
# "cycling to": a span never ends in a preposition)
_LEADING_FILLER = re.compile(r"^(?:(?:for|my|a|an|the|our|his|her|their|some|of)\s+)+", re.IGNORECASE)
_TRAILING_FILLER = re.compile(
    r"(?:\s+(?:brand|brands|colou?r|one|ones|to|for|with|and|or|in|at|of|on|from))+$", re.IGNORECASE
)
# the words that make a brand span an exclusion ("Nothing" alone stays a brand: a word must follow)
_NEGATION = re.compile(
    r"^(?:(?:not|no|nothing|anything|none|except|without|avoid|but|other|than|from|by|made|non)[\s-]+)+",
    re.IGNORECASE,
)
_FILLER_ONLY = re.compile(
    r"(?:for|my|a|an|the|our|his|her|their|some|of|brand|colou?r|size|one|ones|it|this|that)", re.IGNORECASE
)


def _is_money(text: str) -> bool:
    """A number said with its currency ('$1', '50 bucks', '300元')."""
    return any(character.isdigit() for character in text) and parse_money(text)[1] is not None


def _strip_filler(surface: str) -> str:
    """A span without the function words a tagger sometimes sweeps in ("the", "my", "Bauer brand").

    A span that is nothing but such words carries no value and is dropped (returns "").
    """
    text = surface.strip().strip(" .,!?")
    if _FILLER_ONLY.fullmatch(text):
        return ""
    text = _TRAILING_FILLER.sub("", _LEADING_FILLER.sub("", text)) or text
    return "" if _FILLER_ONLY.fullmatch(text) else text


def _plain(text: str) -> str:
    entry = zh_lexicon().get(text)
    if entry is not None:
        return entry.english
    cleaned = fold(text).strip(" .,!?'\"")
    return re.sub(r"^(?:(?:for|my|a|an|the|our)\s+)+", "", cleaned) or cleaned


_SKIN_WORDS = re.compile(r"\s+(?:skin(?:\s+type)?|complexion)$")
_STORAGE = re.compile(r"(\d+(?:\.\d+)?)\s*(gb|gig|gigs|gigabytes?|g|tb|terabytes?|t)", re.IGNORECASE)


_MEASURE = re.compile(r"\d+(?:[.,]\d+)?\s*-?\s*([a-z]+)", re.IGNORECASE)
_STORAGE_UNITS = frozenset({"gb", "gig", "gigs", "gigabyte", "gigabytes", "tb", "terabyte", "terabytes"})


def _unit_slot(text: str) -> str | None:
    """'storage' or 'size' when `text` is a number with a unit, else None (the tagger's slot stands)."""
    match = _MEASURE.fullmatch(text.strip())
    if match is None:
        return None
    return "storage" if match.group(1).lower() in _STORAGE_UNITS else "size"


def _attribute(slot: str, value: str) -> str:
    """One spelling per attribute value, so 'oily skin' and 'oily', '512 gig' and '512GB' are equal."""
    if slot == "skin_type":
        return _SKIN_WORDS.sub("", value) or value
    if slot == "size":
        return re.sub(r"^size\s+", "", value) or value  # 'size medium' is medium
    if slot == "storage" and (match := _STORAGE.fullmatch(value.strip())):
        return f"{match.group(1)}{'tb' if match.group(2).lower().startswith('t') else 'gb'}"
    return value


_ORDINAL_ITEM = re.compile(
    r"(?:the\s+)?(?:first|second|third|fourth|fifth|last|\d+(?:st|nd|rd|th)?)(?:\s+(?:one|item|thing|product))?"
)


def _is_ordinal(text: str) -> bool:
    """'the second item', 'the last one', '第二个' point at a position; 'the 30W charger' names an item."""
    folded = fold(text).strip(" .,!?")
    return bool(_ORDINAL_ITEM.fullmatch(folded)) or folded.startswith("第")
