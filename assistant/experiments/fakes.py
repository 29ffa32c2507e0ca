"""`FakePricedEngine`: a chat engine without models for experiment volume tests. Every message gets the
same two bundle drafts (with costs), priced by the conversation's arm's REAL pricer, quoted, stored with
the arm and announced with impressions, exactly as the chat loop does. Never the product's default."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from assistant.chat.types import BundleView, ChatEvent, IntentView, ItemView, TurnResult
from assistant.dialogue.state import ConversationState
from assistant.errors import InvalidInputError
from assistant.experiments.events import impressions
from assistant.experiments.variants import Variants
from assistant.storage.records import QuoteRecord, TurnRecord
from assistant.storage.store import SessionStore
from pricing.quotes import QuoteSigner
from pricing.types import BundleDraft, BundleItem, PricedBundle
from retrieval.catalog.schema import Product

_PHONE = Product(
    "ph-2",
    "Nova Lumen 5 Smartphone",
    Decimal("499.00"),
    "USD",
    "Electronics > Phones",
    "Nova",
    cost=Decimal("330.00"),
)
_PREMIUM = Product(
    "ph-1",
    "Acme Photon X Smartphone",
    Decimal("899.00"),
    "USD",
    "Electronics > Phones",
    "Acme",
    cost=Decimal("610.00"),
)
_CASE = Product(
    "cs-1", "Acme Clear Case", Decimal("19.99"), "USD", "Electronics > Cases", "Acme", cost=Decimal("5.00")
)
_CHARGER = Product(
    "ch-1",
    "Nova 30W Charger",
    Decimal("29.00"),
    "USD",
    "Electronics > Chargers",
    "Nova",
    cost=Decimal("9.00"),
)
FAKE_DRAFTS = (
    BundleDraft("value", (BundleItem("anchor", _PHONE), BundleItem("case", _CASE)), 1.0, 0.6),
    BundleDraft(
        "premium",
        (BundleItem("anchor", _PREMIUM), BundleItem("case", _CASE), BundleItem("charger", _CHARGER)),
        1.0,
        0.6,
    ),
)


class FakePricedEngine:
    """Answers every message with `FAKE_DRAFTS` priced for the conversation's experiment arm."""

    def __init__(
        self,
        *,
        store: SessionStore,
        signer: QuoteSigner,
        variants: Variants,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        quote_ttl: timedelta = timedelta(minutes=30),
    ) -> None:
        self._store = store
        self._signer = signer
        self._variants = variants
        self._clock = clock
        self._quote_ttl = quote_ttl

    def warm_up(self) -> None:
        """Nothing to load."""

    def turn(
        self, message: str, *, conversation_id: str | None = None, locale: str | None = None
    ) -> TurnResult:
        """One turn: price, quote, store, record impressions."""
        if not message.strip():
            raise InvalidInputError("message: must not be blank")
        if conversation_id is None:
            conversation_id = self._store.create_conversation()
            state = ConversationState()
        else:
            state = self._store.load_state(conversation_id)
        variant = self._variants.for_conversation(conversation_id)
        now = self._clock()
        views, quotes = [], []
        for index, draft in enumerate(FAKE_DRAFTS, start=1):
            priced = variant.pricer.price(draft)
            quote = self._signer.issue(priced, now, self._quote_ttl, reference=conversation_id)
            view = _view(index, priced, quote.quote_id, quote.valid_until)
            views.append(view)
            quotes.append(
                QuoteRecord(
                    quote_id=quote.quote_id,
                    conversation_id=conversation_id,
                    bundle=view.to_json(),
                    price=priced.bundle_price,
                    currency=priced.breakdown.currency,
                    valid_until=quote.valid_until,
                    arm=variant.arm,
                    experiment=variant.experiment,
                    cost_total=priced.breakdown.cost_total,
                )
            )
        intent = IntentView("build_bundle", 0.9, {"category": ["phone"]})
        reply = f"Here are {len(views)} bundles for you."
        record = TurnRecord(message, reply, intent.to_json(), now, [v.to_json() for v in views])
        self._store.save_turn(conversation_id, record, replace_turns(state), quotes)
        for event in impressions(quotes, now):
            self._store.record_event(event)
        return TurnResult(conversation_id, reply, intent, tuple(views))

    def stream(
        self, message: str, *, conversation_id: str | None = None, locale: str | None = None
    ) -> Iterator[ChatEvent]:
        """The turn as a single `done` event."""
        yield ChatEvent("done", self.turn(message, conversation_id=conversation_id).to_json())


def replace_turns(state: ConversationState) -> ConversationState:
    """The state after one more turn."""
    return state.model_copy(update={"turns": state.turns + 1})


def _view(index: int, priced: PricedBundle, quote_id: str, valid_until: datetime) -> BundleView:
    breakdown = priced.breakdown
    return BundleView(
        bundle_id=f"b{index}",
        label=priced.draft.label,
        items=tuple(ItemView(p.id, p.title, p.brand, p.category, p.price) for p in priced.draft.products),
        list_price=breakdown.list_total,
        bundle_price=breakdown.bundle_price,
        savings=breakdown.savings,
        currency=breakdown.currency,
        explanation=f"A {priced.draft.label} set.",
        quote_id=quote_id,
        valid_until=valid_until,
    )
