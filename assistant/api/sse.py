"""Server-sent events from the engine's synchronous event iterator.

The first event is computed before the response starts, so an unknown conversation or an unusable
message still gets its proper status and problem body; a failure after that ends the stream with an
`error` event carrying the problem object.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from typing import Any

from starlette.responses import StreamingResponse

from assistant.errors import BundlewiseError

log = logging.getLogger("bundlewise.api")

SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}


def sse_message(data: Any, event: str | None = None) -> str:
    """One SSE message (`event:` line optional, JSON `data:` line)."""
    head = f"event: {event}\n" if event else ""
    payload = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    return f"{head}data: {payload}\n\n"


def stream_response(first: str, rest: Iterator[str]) -> StreamingResponse:
    """A `text/event-stream` response: `first` (already computed), then the rest as it is produced."""

    def body() -> Iterator[str]:
        yield first
        try:
            yield from rest
        except BundlewiseError as error:
            yield sse_message(error.to_problem(), "error")
        except Exception as error:
            log.error("stream failed", extra={"error_class": type(error).__name__})
            problem = {
                "type": "internal-error",
                "title": "Internal error",
                "status": 500,
                "detail": "unexpected error",
            }
            yield sse_message(problem, "error")

    return StreamingResponse(body(), media_type="text/event-stream", headers=SSE_HEADERS)


def split_first(
    messages: Iterator[str], on_first: Callable[[], None] | None = None
) -> tuple[str, Iterator[str]]:
    """The first message (errors raised here propagate to the problem handlers) and the rest."""
    first = next(messages)
    if on_first is not None:
        on_first()
    return first, messages
