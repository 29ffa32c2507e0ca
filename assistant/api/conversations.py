"""`GET /v1/conversations/{id}` (history and state) and `POST /v1/events` (experiment events,
stored once per client-chosen `event_id`, so a retried beacon is harmless)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Depends, Path
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.errors import NotFoundError
from assistant.storage.records import EventRecord, EventType
from assistant.storage.store import SessionStore

_ID = r"^[A-Za-z0-9._:-]+$"


class EventIn(BaseModel):
    """An impression, click, accept or purchase; purchases carry their amount and currency."""

    model_config = ConfigDict(extra="forbid")

    event_id: str = Field(min_length=8, max_length=128, pattern=_ID)
    type: EventType
    conversation_id: str | None = Field(default=None, max_length=64, pattern=_ID)
    quote_id: str | None = Field(default=None, max_length=2048, pattern=_ID)
    amount: Decimal | None = Field(default=None, ge=0, max_digits=14, decimal_places=4, allow_inf_nan=False)
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    arm: str | None = Field(default=None, max_length=64, pattern=_ID)
    experiment: str | None = Field(default=None, max_length=64, pattern=_ID)

    @model_validator(mode="after")
    def _money_is_complete(self) -> EventIn:
        if (self.amount is None) != (self.currency is None):
            raise ValueError("amount and currency go together")
        if self.type == "purchase" and self.amount is None:
            raise ValueError("a purchase needs amount and currency")
        return self


def conversations_router(
    store: SessionStore, clock: Callable[[], datetime], site_key: Callable[..., Any]
) -> APIRouter:
    """Conversation history and event routes."""
    router = APIRouter(tags=["conversations"])

    @router.get("/v1/conversations/{conversation_id}", dependencies=[Depends(site_key)])
    def conversation(conversation_id: str = Path(min_length=1, max_length=64)) -> dict[str, Any]:
        return store.get_conversation(conversation_id)

    @router.post("/v1/events", dependencies=[Depends(site_key)], status_code=201)
    def record_event(event: EventIn) -> JSONResponse:
        record = _with_quote_arm(store, EventRecord(created_at=clock(), **event.model_dump()))
        stored = store.record_event(record)
        return JSONResponse(
            {"event_id": event.event_id, "stored": stored, "duplicate": not stored},
            status_code=201 if stored else 200,
        )

    return router


def _with_quote_arm(store: SessionStore, event: EventRecord) -> EventRecord:
    """An event about a quote this server issued takes the quote's conversation, arm and experiment when
    the client left them out (the widget only knows the quote id)."""
    if event.quote_id is None or (event.arm is not None and event.conversation_id is not None):
        return event
    try:
        quote = store.get_quote(event.quote_id)
    except NotFoundError:
        return event
    return replace(
        event,
        conversation_id=event.conversation_id or quote.conversation_id,
        arm=event.arm or quote.arm,
        experiment=event.experiment or quote.experiment,
    )
