"""What one chat turn produces, and the `ChatEngine` protocol the HTTP API, Gradio UI and scripts call.

The engine (`assistant.chat.engine`) runs parse -> state -> retrieve -> build -> price -> explain;
the doors (API, widget, UI, `bundlewise chat`) only render these values. Money is `Decimal` here and
becomes decimal strings at the JSON edge (`to_json`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal, Protocol


@dataclass(frozen=True, slots=True)
class ItemView:
    """One product in a shown bundle."""

    product_id: str
    title: str
    brand: str | None
    category: str | None
    unit_price: Decimal

    def to_json(self) -> dict[str, Any]:
        return {
            "product_id": self.product_id,
            "title": self.title,
            "brand": self.brand,
            "category": self.category,
            "unit_price": str(self.unit_price),
        }


@dataclass(frozen=True, slots=True)
class BundleView:
    """A priced, quoted, explained bundle: the DESIGN.md `Bundle` object."""

    bundle_id: str
    label: str
    items: tuple[ItemView, ...]
    list_price: Decimal
    bundle_price: Decimal
    savings: Decimal
    currency: str
    explanation: str
    quote_id: str
    valid_until: datetime
    explanation_source: Literal["model", "template"] = "template"

    def to_json(self) -> dict[str, Any]:
        return {
            "bundle_id": self.bundle_id,
            "label": self.label,
            "items": [item.to_json() for item in self.items],
            "list_price": str(self.list_price),
            "bundle_price": str(self.bundle_price),
            "savings": str(self.savings),
            "currency": self.currency,
            "explanation": self.explanation,
            "quote_id": self.quote_id,
            "valid_until": self.valid_until.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class IntentView:
    """The understood message: `{"name", "confidence", "slots"}` in the API."""

    name: str
    confidence: float
    slots: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "confidence": round(self.confidence, 4), "slots": self.slots}


@dataclass(frozen=True, slots=True)
class TurnResult:
    """The whole answer to one message (`POST /v1/chat` JSON)."""

    conversation_id: str
    reply: str
    intent: IntentView
    bundles: tuple[BundleView, ...] = ()
    timings_ms: dict[str, float] = field(default_factory=dict)  # per stage; logged, not shown

    def to_json(self) -> dict[str, Any]:
        return {
            "conversation_id": self.conversation_id,
            "reply": self.reply,
            "intent": self.intent.to_json(),
            "bundles": [bundle.to_json() for bundle in self.bundles],
        }


@dataclass(frozen=True, slots=True)
class ChatEvent:
    """One streamed step of a turn, in order: `bundles` (everything but explanation text, at once),
    `delta` (explanation text for one bundle, as generated), `done` (the final `TurnResult`)."""

    kind: Literal["bundles", "delta", "done"]
    data: dict[str, Any]


class ChatEngine(Protocol):
    """A shopping conversation, one turn at a time; state lives in the engine's store."""

    def warm_up(self) -> None:
        """Load models and indexes (idempotent)."""
        ...

    def turn(
        self, message: str, *, conversation_id: str | None = None, locale: str | None = None
    ) -> TurnResult:
        """Answer one message; a new conversation when `conversation_id` is None. Raises
        `NotFoundError` for an unknown id and `InvalidInputError` for an unusable message."""
        ...

    def stream(
        self, message: str, *, conversation_id: str | None = None, locale: str | None = None
    ) -> Iterator[ChatEvent]:
        """The same turn as events: bundles first, then explanation deltas, then `done`."""
        ...
