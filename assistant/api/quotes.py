"""`POST /v1/quotes/{quote_id}/accept`: honour a quoted price until it expires, and record the accept
event (with the quote's experiment arm) once.

The price comes from the signed quote, never from the client. Order of checks: signature (tampered:
422), issued here (unknown: 404), already accepted (200 again, even after expiry), expiry (410).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, Protocol

from fastapi import APIRouter, Depends, Path

from assistant.errors import QuoteExpiredError
from assistant.experiments.events import quote_event
from assistant.storage.records import QuoteRecord
from assistant.storage.store import SessionStore
from pricing.quotes import QuotePayload


class QuoteVerifier(Protocol):
    """Checks a quote's signature and expiry (`pricing.quotes.QuoteSigner` is one)."""

    def verify(self, quote_id: str, now: datetime) -> QuotePayload: ...


def accepted_json(record: QuoteRecord, *, already_accepted: bool) -> dict[str, Any]:
    """The acceptance answer: what was accepted, at which price, when."""
    return {
        "quote_id": record.quote_id,
        "status": "accepted",
        "already_accepted": already_accepted,
        "conversation_id": record.conversation_id,
        "bundle_price": str(record.price),
        "currency": record.currency,
        "valid_until": record.valid_until.isoformat(),
        "accepted_at": None if record.accepted_at is None else record.accepted_at.isoformat(),
        "bundle": record.bundle,
    }


def quotes_router(
    store: SessionStore,
    verifier: QuoteVerifier,
    clock: Callable[[], datetime],
    site_key: Callable[..., Any],
) -> APIRouter:
    """The quote acceptance route."""
    router = APIRouter(tags=["quotes"])

    @router.post("/v1/quotes/{quote_id}/accept", dependencies=[Depends(site_key)])
    def accept(quote_id: str = Path(min_length=1, max_length=2048)) -> dict[str, Any]:
        now = clock()
        try:
            payload = verifier.verify(quote_id, now)
        except QuoteExpiredError:
            earlier = store.get_quote(quote_id)
            if earlier.accepted_at is not None:  # accepted in time: asking again stays a success
                return accepted_json(earlier, already_accepted=True)
            raise
        before = store.get_quote(quote_id)  # NotFoundError: genuine signature, but not issued here
        accepted = store.accept_quote(quote_id, now)
        store.record_event(quote_event("accept", accepted, now))  # idempotent: the id comes from the quote
        answer = accepted_json(accepted, already_accepted=before.accepted_at is not None)
        # the promise is the signed payload: its price is what is honoured
        answer.update(
            bundle_price=str(payload.bundle_price), currency=payload.currency, items=list(payload.item_ids)
        )
        return answer

    return router
