"""`POST /v1/chat/completions`: the assistant behind the OpenAI chat-completions protocol, so existing
OpenAI clients can talk to it. The last user message is the turn; a `conversation_id` field (an
extension, e.g. the client's `extra_body`) continues a conversation. Bundles come back as text and,
unstreamed, also as the `bundlewise` extension object."""

from __future__ import annotations

import itertools
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any, Literal

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from assistant.api.chat import MAX_MESSAGE_CHARS
from assistant.api.metrics import ApiMetrics
from assistant.api.sse import split_first, sse_message, stream_response
from assistant.chat.types import ChatEngine, ChatEvent
from assistant.errors import InvalidInputError

MODEL_NAME = "bundlewise"


class CompletionMessage(BaseModel):
    """One chat message; only text content is understood."""

    model_config = ConfigDict(extra="ignore")

    role: Literal["system", "user", "assistant", "developer", "tool"]
    content: str | None = Field(default=None, max_length=MAX_MESSAGE_CHARS)


class CompletionRequest(BaseModel):
    """The OpenAI request fields the assistant honours; sampling parameters are accepted and ignored."""

    model_config = ConfigDict(extra="ignore")

    model: str = MODEL_NAME
    messages: list[CompletionMessage] = Field(min_length=1, max_length=200)
    stream: bool = False
    conversation_id: str | None = Field(default=None, min_length=1, max_length=64)
    user: str | None = Field(default=None, max_length=256)


def bundle_lines(bundle: dict[str, Any]) -> str:
    """One bundle as a line of text: label, items, price and savings."""
    items = ", ".join(item["title"] for item in bundle["items"])
    currency = bundle["currency"]
    return (
        f"- {bundle['label']}: {items} for {bundle['bundle_price']} {currency} "
        f"(save {bundle['savings']} {currency})"
    )


def completion_text(turn: dict[str, Any]) -> str:
    """The assistant message for a turn: the reply, then each bundle with its explanation."""
    parts = [turn["reply"]]
    for bundle in turn["bundles"]:
        parts.append(bundle_lines(bundle) + (f"\n  {bundle['explanation']}" if bundle["explanation"] else ""))
    return "\n".join(parts)


def _last_user_message(request: CompletionRequest) -> str:
    for message in reversed(request.messages):
        if message.role == "user" and message.content and message.content.strip():
            return message.content
    raise InvalidInputError("messages: needs a user message with text content")


def completions_router(engine: ChatEngine, metrics: ApiMetrics, site_key: Callable[..., Any]) -> APIRouter:
    """The OpenAI-compatible route over `engine`."""
    router = APIRouter(tags=["openai"])

    @router.post("/v1/chat/completions", dependencies=[Depends(site_key)])
    def completions(body: CompletionRequest) -> Response:
        message = _last_user_message(body)
        completion_id = f"chatcmpl-{uuid.uuid4().hex}"
        created = int(time.time())
        if not body.stream:
            result = engine.turn(message, conversation_id=body.conversation_id)
            metrics.observe_turn(result.timings_ms)
            turn = result.to_json()
            return JSONResponse(
                {
                    "id": completion_id,
                    "object": "chat.completion",
                    "created": created,
                    "model": MODEL_NAME,
                    "choices": [
                        {
                            "index": 0,
                            "message": {"role": "assistant", "content": completion_text(turn)},
                            "finish_reason": "stop",
                        }
                    ],
                    "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
                    "bundlewise": {"conversation_id": turn["conversation_id"], "bundles": turn["bundles"]},
                }
            )
        events = engine.stream(message, conversation_id=body.conversation_id)
        pieces = _text_pieces(events)
        chunks = (_chunk(completion_id, created, piece) for piece in pieces)
        first, rest = split_first(chunks)
        return stream_response(first, _then_done(rest, completion_id, created))

    return router


def _text_pieces(events: Iterator[ChatEvent]) -> Iterator[dict[str, Any]]:
    """Deltas in the order the engine produces them: reply, each bundle's line, its explanation text.
    The engine's first event is awaited before anything is sent, so its errors get a problem response."""
    first = next(events)
    yield {"role": "assistant", "content": ""}
    replied = False
    bundles: list[dict[str, Any]] = []
    current = -1
    for event in itertools.chain([first], events):
        if event.kind == "bundles":
            replied = True
            bundles = list(event.data.get("bundles", []))
            yield {"content": str(event.data.get("reply", ""))}
        elif event.kind == "delta":
            index = int(event.data.get("bundle_index", 0))
            if index != current and index < len(bundles):
                current = index
                yield {"content": "\n" + bundle_lines(bundles[index]) + "\n  "}
            yield {"content": str(event.data.get("text", ""))}
        elif event.kind == "done" and not replied:
            yield {"content": completion_text(event.data)}


def _chunk(completion_id: str, created: int, delta: dict[str, Any], finish: str | None = None) -> str:
    return sse_message(
        {
            "id": completion_id,
            "object": "chat.completion.chunk",
            "created": created,
            "model": MODEL_NAME,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        }
    )


def _then_done(rest: Iterator[str], completion_id: str, created: int) -> Iterator[str]:
    yield from rest
    yield _chunk(completion_id, created, {}, "stop")
    yield sse_message("[DONE]")
