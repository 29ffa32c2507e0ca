"""`FakeChatEngine`: a deterministic stand-in for the real chat loop, for testing the doors (API, widget,
UI) without models. It keeps conversations in a real store and issues real signed quotes, so everything
downstream of a turn (accepting, history, events) runs the product's code. Never the product's default."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from assistant.chat.types import BundleView, ChatEvent, IntentView, ItemView, TurnResult
from assistant.dialogue.state import ConversationState, ShownBundle, ShownItem
from assistant.errors import InvalidInputError
from assistant.storage.records import QuoteRecord, TurnRecord
from assistant.storage.store import SessionStore
from pricing.quotes import QuoteSigner
from pricing.types import BundleDraft, BundleItem, BundleLabel, PriceBreakdown, PricedBundle
from retrieval.catalog.schema import Product

FAKE_TIMINGS_MS = {"parse": 1.0, "retrieve": 2.0, "build": 1.5, "price": 0.5, "explain": 3.0}
NO_MATCH_WORD = "unicorn"  # a message naming it gets the honest "we don't carry that" answer

_PRODUCTS = {
    "ph-1": Product(
        "ph-1", "Acme Photon X Smartphone", Decimal("899.00"), "USD", "Electronics > Phones", "Acme"
    ),
    "ph-2": Product(
        "ph-2", "Nova Lumen 5 Smartphone", Decimal("499.00"), "USD", "Electronics > Phones", "Nova"
    ),
    "cs-1": Product("cs-1", "Acme Clear Case", Decimal("19.99"), "USD", "Electronics > Cases", "Acme"),
    "ch-1": Product("ch-1", "Nova 30W Charger", Decimal("29.00"), "USD", "Electronics > Chargers", "Nova"),
}
_BUNDLES: tuple[tuple[BundleLabel, tuple[str, ...], Decimal], ...] = (
    ("value", ("ph-2", "cs-1"), Decimal("489.99")),
    ("premium", ("ph-1", "cs-1", "ch-1"), Decimal("899.99")),
)


class FakeChatEngine:
    """Answers every message with the same two bundles (or none for `NO_MATCH_WORD`), deterministically."""

    def __init__(
        self,
        *,
        store: SessionStore,
        signer: QuoteSigner,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        quote_ttl: timedelta = timedelta(minutes=30),
    ) -> None:
        self._store = store
        self._signer = signer
        self._clock = clock
        self._quote_ttl = quote_ttl
        self.turns_taken = 0

    def warm_up(self) -> None:
        """Nothing to load."""

    def turn(
        self, message: str, *, conversation_id: str | None = None, locale: str | None = None
    ) -> TurnResult:
        """One deterministic turn, stored with its quotes."""
        result, _ = self._answer(message, conversation_id)
        return result

    def stream(
        self, message: str, *, conversation_id: str | None = None, locale: str | None = None
    ) -> Iterator[ChatEvent]:
        """`bundles`, one `delta` per explanation word, then `done` (the turn is stored by then)."""
        result, events = self._answer(message, conversation_id)
        yield from events
        yield ChatEvent("done", result.to_json())

    def _answer(self, message: str, conversation_id: str | None) -> tuple[TurnResult, list[ChatEvent]]:
        if not message.strip():
            raise InvalidInputError("message: must not be blank")
        if conversation_id is None:
            conversation_id = self._store.create_conversation()
            state = ConversationState()
        else:
            state = self._store.load_state(conversation_id)  # NotFoundError for an unknown id
        now = self._clock()
        views = () if NO_MATCH_WORD in message.lower() else self._bundles(now)
        intent = IntentView("build_bundle", 0.9, {"category": ["phone"]})
        reply = (
            f"Here are {len(views)} bundles for you."
            if views
            else "Sorry, we don't carry that. Try a phone, headphones or coffee gear."
        )
        events: list[ChatEvent] = []
        if views:
            partial = [{**view.to_json(), "explanation": ""} for view in views]
            head = {"conversation_id": conversation_id, "reply": reply, "intent": intent.to_json()}
            events.append(ChatEvent("bundles", {**head, "bundles": partial}))
            for index, view in enumerate(views):
                for word in view.explanation.split(" "):
                    events.append(ChatEvent("delta", {"bundle_index": index, "text": word + " "}))
        self._save(conversation_id, message, reply, intent, views, state, now)
        return TurnResult(conversation_id, reply, intent, views, dict(FAKE_TIMINGS_MS)), events

    def _bundles(self, now: datetime) -> tuple[BundleView, ...]:
        views = []
        for index, (label, product_ids, price) in enumerate(_BUNDLES, start=1):
            products = [_PRODUCTS[product_id] for product_id in product_ids]
            quote = self._signer.issue(_priced(label, products, price), now, self._quote_ttl)
            list_price = sum((product.price for product in products), Decimal(0))
            views.append(
                BundleView(
                    bundle_id=f"b{index}",
                    label=label,
                    items=tuple(ItemView(p.id, p.title, p.brand, p.category, p.price) for p in products),
                    list_price=list_price,
                    bundle_price=price,
                    savings=list_price - price,
                    currency="USD",
                    explanation=f"A {label} set: you save {list_price - price} USD on these items.",
                    quote_id=quote.quote_id,
                    valid_until=quote.valid_until,
                )
            )
        return tuple(views)

    def _save(
        self,
        conversation_id: str,
        message: str,
        reply: str,
        intent: IntentView,
        views: tuple[BundleView, ...],
        state: ConversationState,
        now: datetime,
    ) -> None:
        shown = [
            ShownBundle(
                bundle_id=view.bundle_id,
                label=view.label,
                items=[ShownItem(product_id=item.product_id, title=item.title) for item in view.items],
                bundle_price=view.bundle_price,
                currency=view.currency,
                quote_id=view.quote_id,
            )
            for view in views
        ]
        new_state = state.model_copy(update={"shown": shown, "turns": state.turns + 1})
        record = TurnRecord(
            message=message,
            reply=reply,
            intent=intent.to_json(),
            created_at=now,
            bundles=[view.to_json() for view in views],
            timings_ms=dict(FAKE_TIMINGS_MS),
        )
        quotes = [
            QuoteRecord(
                quote_id=view.quote_id,
                conversation_id=conversation_id,
                bundle=view.to_json(),
                price=view.bundle_price,
                currency=view.currency,
                valid_until=view.valid_until,
            )
            for view in views
        ]
        self._store.save_turn(conversation_id, record, new_state, quotes)
        self.turns_taken += 1


def _priced(label: BundleLabel, products: list[Product], price: Decimal) -> PricedBundle:
    draft = BundleDraft(
        label=label,
        items=tuple(BundleItem(role=product.id, product=product) for product in products),
        score=1.0,
        complementarity=1.0,
    )
    savings = draft.list_total - price
    breakdown = PriceBreakdown(
        list_total=draft.list_total,
        bundle_price=price,
        savings=savings,
        discount_rate=(savings / draft.list_total).quantize(Decimal("0.0001")),
        cost_total=None,
        margin_floor=None,
        margin=None,
        expected_profit=None,
        purchase_probability=0.5,
        currency="USD",
    )
    return PricedBundle(draft=draft, breakdown=breakdown)
