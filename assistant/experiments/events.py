"""Events the product records itself: an impression per quote shown, an accept per quote accepted.

Their ids are derived from the quote id, so a turn stored twice or an accept retried stores one event,
exactly like a client's retried beacon.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime

from assistant.storage.records import EventRecord, EventType, QuoteRecord


def derived_event_id(kind: EventType, quote_id: str) -> str:
    """A stable event id for `kind` of `quote_id` (quote ids are long: hashed to fit the 128-char id)."""
    return f"{kind}-{hashlib.sha256(quote_id.encode()).hexdigest()[:40]}"


def quote_event(kind: EventType, quote: QuoteRecord, now: datetime) -> EventRecord:
    """The `kind` event of one quote, carrying its conversation, arm and experiment."""
    return EventRecord(
        event_id=derived_event_id(kind, quote.quote_id),
        type=kind,
        created_at=now,
        conversation_id=quote.conversation_id,
        quote_id=quote.quote_id,
        amount=quote.price if kind == "accept" else None,
        currency=quote.currency if kind == "accept" else None,
        arm=quote.arm,
        experiment=quote.experiment,
    )


def impressions(quotes: Sequence[QuoteRecord], now: datetime) -> list[EventRecord]:
    """One impression per shown quote."""
    return [quote_event("impression", quote, now) for quote in quotes]
