"""The values the store takes and gives back (frozen, backend-neutral; money as `Decimal`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

EventType = Literal["impression", "click", "accept", "purchase"]
EVENT_TYPES: tuple[EventType, ...] = ("impression", "click", "accept", "purchase")


@dataclass(frozen=True, slots=True)
class TurnRecord:
    """One answered message, as it is kept for the conversation's history."""

    message: str
    reply: str
    intent: dict[str, Any]
    created_at: datetime
    bundles: list[dict[str, Any]] = field(default_factory=list)  # the Bundle JSON objects shown
    timings_ms: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class QuoteRecord:
    """A signed quote the shopper was shown; `accepted_at` is set once, on the first accept."""

    quote_id: str
    conversation_id: str
    bundle: dict[str, Any]
    price: Decimal
    currency: str
    valid_until: datetime
    accepted_at: datetime | None = None
    arm: str | None = None  # pricing experiment arm that produced the price, if any
    experiment: str | None = None  # the experiment that arm belongs to
    cost_total: Decimal | None = None  # the items' costs, so experiment reports can count profit

    def to_json(self) -> dict[str, Any]:
        """JSON-safe view (money as a decimal string, times as ISO 8601)."""
        return {
            "quote_id": self.quote_id,
            "conversation_id": self.conversation_id,
            "bundle": self.bundle,
            "price": str(self.price),
            "currency": self.currency,
            "valid_until": self.valid_until.isoformat(),
            "accepted_at": None if self.accepted_at is None else self.accepted_at.isoformat(),
            "arm": self.arm,
            "experiment": self.experiment,
        }


@dataclass(frozen=True, slots=True)
class EventRecord:
    """An experiment event; `event_id` is chosen by the client so retries are stored once."""

    event_id: str
    type: EventType
    created_at: datetime
    conversation_id: str | None = None
    quote_id: str | None = None
    amount: Decimal | None = None
    currency: str | None = None
    arm: str | None = None
    experiment: str | None = None
