"""Refinements on a number the catalog states: 'something lighter', 'a bigger screen', 'more storage'.

The model reads them as `refine` with no slot (the taxonomy has none for them), and they had been answered
"I can't narrow it down by that". The spec is the one a comparison of the shown main products would rank
on (`details.shared_number`); the limit is the best of them on it, so what comes next beats everything
shown: lighter than the lightest. Pure: the message and products in, a limit out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from assistant.chat.details import shared_number, wants_more
from assistant.dialogue.state import SpecLimit
from pricing.complements.roles import leaf_role
from retrieval.catalog.schema import Product


def spec_limit(message: str, anchors: Sequence[Product]) -> SpecLimit | None:
    """The limit `message` asks of the shown main products (`anchors`, all of one kind); None when it names
    no direction, no number they all state, or they are of different kinds (a need's bundles)."""
    more = wants_more(message)
    if more is None or not anchors or len({leaf_role(anchor) for anchor in anchors}) > 1:
        return None
    key = shared_number(message, anchors)
    if key is None:
        return None
    values = [float(anchor.attributes[key]) for anchor in anchors]
    return SpecLimit(
        kind=leaf_role(anchors[0]), key=key, more=more, value=max(values) if more else min(values)
    )


def beats(product: Product, limit: SpecLimit) -> bool:
    """Whether `product` is of the limit's kind and states its number past it."""
    value = product.attributes.get(limit.key)
    if leaf_role(product) != limit.kind or not isinstance(value, int | float) or isinstance(value, bool):
        return False
    return value > limit.value if limit.more else value < limit.value


def holder(limit: SpecLimit, anchors: Iterable[Product]) -> Product | None:
    """The shown main product whose number the limit is ('the MacBook Air's 1.24 kg')."""
    return next((anchor for anchor in anchors if anchor.attributes.get(limit.key) == limit.value), None)
