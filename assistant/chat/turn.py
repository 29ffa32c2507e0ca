"""`Turn`: what one turn has produced so far, passed between the engine's stages (read, find candidates,
build, price, explain, save) and filled in as they go."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.chat.types import BundleView
from assistant.dialogue.state import ConversationState, ShownBundle, SpecLimit
from assistant.intent.parser import ParsedMessage
from assistant.storage.records import QuoteRecord
from pricing.types import PricedBundle
from retrieval.catalog.schema import Product


@dataclass
class Turn:
    """What one turn has produced so far."""

    conversation_id: str
    message: str
    parsed: ParsedMessage
    state: ConversationState
    locale: str
    reply: str = ""
    bundles: tuple[BundleView, ...] = ()
    priced: tuple[PricedBundle, ...] = ()
    quotes: tuple[QuoteRecord, ...] = ()
    timings: dict[str, float] | None = None
    new: bool = False  # the conversation starts with this turn
    unmet_wish: str | None = None  # a swap asked for a colour or brand no candidate has
    colour_missing: str | None = None  # the colour asked of the main items, which none that fits has
    # main items no added or swapped-in item suits: none fits them ("add a lens"), or none within budget
    unfitted: list[Product] = field(default_factory=list)
    over_budget: list[Product] = field(default_factory=list)
    edited_kind: str | None = None  # what an edit added, when narrower than its shelf ("frother", not "mug")
    limit: SpecLimit | None = None  # the spec this turn asked the main products to beat ("something lighter")
    stated: list[SpecLimit] = field(default_factory=list)  # limits said in numbers ("at least 16gb ram")
    floors: list[SpecLimit] = field(default_factory=list)  # what the purpose needs ("video editing": 16 GB)
    dearest: Product | None = None  # "more premium" of main items nothing in stock is dearer than
    fits_no_device: bool = False  # nothing of the kind asked for works with the shopper's own device
    foreign_currency: str | None = None  # a budget said in a currency the shop does not price in ('3000元')
    unchosen_spec: str | None = None  # a spec asked of the kind that not all of it states ('5kg dumbbells')


def shown_bundles(state: ConversationState, bundle_ids: Sequence[str]) -> list[ShownBundle]:
    wanted = set(bundle_ids)
    return [bundle for bundle in state.shown if bundle.bundle_id in wanted]
