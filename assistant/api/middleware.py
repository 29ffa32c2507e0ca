"""ASGI middleware: the request body limit and CORS for the site-key API (`/v1/...`).

Both are plain ASGI (not `BaseHTTPMiddleware`), so streamed responses pass through untouched.
"""

from __future__ import annotations

from collections.abc import Callable

from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.api.problems import problem_response

_CORS_METHODS = "GET, POST, OPTIONS"
_CORS_HEADERS = "Content-Type, Accept, Authorization, X-Site-Key"


class BodyLimitMiddleware:
    """Reads at most `max_bytes` of a request body; more gets a 413 problem before the app runs."""

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in {"GET", "HEAD", "OPTIONS"}:
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._refuse(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        detail = f"the request body is larger than {self.max_bytes} bytes"
        response = problem_response(413, "payload-too-large", "Payload too large", detail)
        await response(scope, receive, send)


class SiteCorsMiddleware:
    """CORS for `/v1/` routes: answers preflights and marks responses for origins some site key allows.
    Which key may be used from which origin is checked per request by `AccessPolicy`."""

    def __init__(self, app: ASGIApp, *, origin_allowed: Callable[[str], bool]) -> None:
        self.app = app
        self.origin_allowed = origin_allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/v1/"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        origin_bytes = headers.get(b"origin")
        if origin_bytes is None:
            await self.app(scope, receive, send)
            return
        origin = origin_bytes.decode("latin-1")
        allowed = self.origin_allowed(origin)
        if scope["method"] == "OPTIONS" and b"access-control-request-method" in headers:
            response = (
                _preflight(origin)
                if allowed
                else problem_response(
                    403, "forbidden", "Forbidden", "no site key is allowed from this origin"
                )
            )
            await response(scope, receive, send)
            return

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start" and allowed:
                extra = [
                    (b"access-control-allow-origin", origin.encode("latin-1")),
                    (b"access-control-expose-headers", b"Retry-After"),
                    (b"vary", b"Origin"),
                ]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_cors)


def _preflight(origin: str) -> Response:
    return Response(
        status_code=204,
        headers={
            "Access-Control-Allow-Origin": origin,
            "Access-Control-Allow-Methods": _CORS_METHODS,
            "Access-Control-Allow-Headers": _CORS_HEADERS,
            "Access-Control-Max-Age": "600",
            "Vary": "Origin",
        },
    )
