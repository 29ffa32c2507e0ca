"""Products a message names by themselves: "what's the difference between airpods pro and airpods 4".

A comparison of products the shopper has not been shown has to find them first. The message is cut at
"and", "vs", "or", commas and their Chinese counterparts; each part names a product when a search hit's
title holds every word of it ("airpods 4" is "Apple AirPods 4", never "AirPods Pro"). Parts that only
point at shown bundles ("the first two", "the premium one") name nothing, so such a comparison stays a
comparison of what was shown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from retrieval.catalog.schema import Product
from retrieval.filters import lists_models
from retrieval.search import SearchHit
from retrieval.text import tokenize

_CUES = re.compile(
    r"\b(?:what(?:'s|’s| is| are)?|whats|the|differences?|difference between|between|compare|comparing|"
    r"compared|which|one|is|are|better|best|should|i|get|buy|choose|pick|tell|me|about|how|do|does|they|has|have|"
    r"differ|versus|vs)\b|[?!.:;]|有什么区别|区别|哪个好|哪个更好|对比|比较",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"\s+(?:and|vs\.?|versus|or|against|than)\s+|,|/|和|还是|跟|与|或者?", re.IGNORECASE)
# Words that point at what was shown, never at a product of the catalog
_POINTERS = frozenset(
    {"first", "second", "third", "fourth", "last", "other", "value", "balanced", "premium", "cheapest"}
    | {"cheaper", "dearest", "expensive", "bundle", "set", "option", "deal", "them", "both", "two", "three"}
)
MAX_COMPARED = 4


def name_parts(message: str) -> list[str]:
    """The parts of `message` that may each name a product, compare cues removed."""
    parts = (_CUES.sub(" ", part).strip() for part in _SEPARATORS.split(message))
    return [part for part in parts if _content_words(part)]


def products_named(message: str, search: Callable[[str], Sequence[SearchHit]]) -> list[Product]:
    """The distinct catalog products `message` names, in the order named; a part whose words no hit's
    title holds names nothing. A product beats an accessory listing the models it fits ("pixel 9" is
    the phone, not a Pixel 9 case), and a model named without its variant is its cheapest one ("pixel 9"
    is the 128GB Pixel 9, whichever storage ranked first)."""
    found: list[Product] = []
    for part in name_parts(message)[:MAX_COMPARED]:
        words = _content_words(part)
        holding = [hit.product for hit in search(part) if words <= _title_words(hit.product)]
        holding.sort(key=lambda product: lists_models(product.attributes))  # stable: search order within
        if not holding:
            continue
        model = holding[0].attributes.get("model")
        variants = [product for product in holding if model and product.attributes.get("model") == model]
        chosen = min(variants, key=lambda product: product.price) if variants else holding[0]
        if chosen not in found:
            found.append(chosen)
    return found


def _content_words(text: str) -> set[str]:
    return {word for word in tokenize(text) if word not in _POINTERS}


def _title_words(product: Product) -> set[str]:
    return (
        set(tokenize(product.title))
        | set(tokenize(product.title_zh or ""))
        | set(tokenize(product.brand or ""))
    )


def shown_named(message: str, anchors: Sequence[Product]) -> int | None:
    """The 1-based position of the one shown bundle whose main product the message names by a word that no
    other shown main product has ("I'll take the pro" among AirPods 4 and AirPods Pro 2); None when no word
    or several bundles match (two bundles around one phone share every word)."""
    words = _content_words(_CUES.sub(" ", message))
    titles = [_title_words(product) for product in anchors]
    matched = [
        position
        for position, title in enumerate(titles, start=1)
        if words & (title - set().union(*(other for other in titles if other is not title)))
    ]
    return matched[0] if len(matched) == 1 else None
