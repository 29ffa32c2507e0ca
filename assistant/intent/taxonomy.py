"""The intent and slot taxonomy of DESIGN.md, and the BIO tag set the slot tagger predicts."""

from __future__ import annotations

INTENTS: tuple[str, ...] = (
    "build_bundle", "search_product", "refine", "swap_item", "add_item", "remove_item", "compare",
    "ask_explanation", "accept_bundle", "greeting", "out_of_scope",
)  # fmt: skip
# A new request and a change to the current one: both merge the message's slots into the shopping goal, and
# which of the two a bare wish is ("red or blue would be good") depends on the chat before it, which the
# model does not see; the conversation state settles it (`ParsedMessage.request_confidence`).
REQUEST_OR_CHANGE: tuple[str, ...] = ("build_bundle", "refine")
# Intents about bundles already shown: with none shown, nothing to act on
FOLLOW_UPS: tuple[str, ...] = (
    "swap_item", "add_item", "remove_item", "compare", "ask_explanation", "accept_bundle",
)  # fmt: skip
# Intents that read as a reaction to products shown (refine narrows them): with nothing shown, a message read
# as one of these that names what to shop for is a request the model could not place without the chat
AFTER_SHOWN: tuple[str, ...] = (*FOLLOW_UPS, "refine")

# Slots a span of the utterance can fill. `price_direction` extends DESIGN.md's list for `refine`
# ("cheaper", "more premium"); the five attribute slots land in `slots.attributes`.
SPAN_SLOTS: tuple[str, ...] = (
    "category", "budget_max", "budget_min", "brand", "exclude_brand", "colour", "storage", "size",
    "skin_type", "connector", "use_case", "recipient", "occasion", "item_ref", "bundle_ref", "quantity",
    "price_direction",
)  # fmt: skip
ATTRIBUTE_SLOTS = frozenset({"colour", "storage", "size", "skin_type", "connector"})
LIST_SLOTS = frozenset({"category", "brand", "exclude_brand"})

BIO_TAGS: tuple[str, ...] = ("O", *(f"{prefix}-{slot}" for slot in SPAN_SLOTS for prefix in ("B", "I")))
TAG_INDEX = {tag: index for index, tag in enumerate(BIO_TAGS)}
INTENT_INDEX = {intent: index for index, intent in enumerate(INTENTS)}
