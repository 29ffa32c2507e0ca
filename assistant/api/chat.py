"""`POST /v1/chat`: one turn as JSON, or streamed as server-sent events (`bundles`, `delta`, `done`)
when the client sends `Accept: text/event-stream`."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from assistant.api.metrics import ApiMetrics
from assistant.api.sse import split_first, sse_message, stream_response
from assistant.chat.types import ChatEngine

MAX_MESSAGE_CHARS = 4000


class ChatRequest(BaseModel):
    """A shopper's message, in a new conversation unless `conversation_id` is given."""

    model_config = ConfigDict(extra="forbid")

    message: str = Field(min_length=1, max_length=MAX_MESSAGE_CHARS)
    conversation_id: str | None = Field(default=None, min_length=1, max_length=64)
    locale: str | None = Field(
        default=None, min_length=2, max_length=16, pattern=r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$"
    )


def wants_event_stream(request: Request) -> bool:
    """True when the client asked for server-sent events."""
    return "text/event-stream" in request.headers.get("accept", "").lower()


def chat_router(engine: ChatEngine, metrics: ApiMetrics, site_key: Callable[..., Any]) -> APIRouter:
    """The chat route over `engine`."""
    router = APIRouter(tags=["chat"])

    @router.post(
        "/v1/chat",
        dependencies=[Depends(site_key)],
        responses={200: {"content": {"text/event-stream": {}}, "description": "the turn, or its events"}},
    )
    def chat(body: ChatRequest, request: Request) -> Response:
        started = time.perf_counter()
        if not wants_event_stream(request):
            result = engine.turn(body.message, conversation_id=body.conversation_id, locale=body.locale)
            metrics.observe_turn(result.timings_ms)
            return JSONResponse(result.to_json())
        events = engine.stream(body.message, conversation_id=body.conversation_id, locale=body.locale)
        messages: Iterator[str] = (sse_message(event.data, event.kind) for event in events)
        first, rest = split_first(
            messages, lambda: metrics.first_bundle.observe(time.perf_counter() - started)
        )
        return stream_response(first, rest)

    return router
