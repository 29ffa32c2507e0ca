"""RFC 9457 problem responses: every error the API returns is `{"type", "title", "status", "detail"}`
JSON, never a stack trace; the errors only the HTTP doors raise live here."""

from __future__ import annotations

import logging
import math

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.errors import BundlewiseError

PROBLEM = "application/problem+json"
log = logging.getLogger("bundlewise.api")


class UnauthorizedError(BundlewiseError):
    """No usable credential: a missing or unknown site key, or a wrong admin key."""

    type = "unauthorized"
    title = "Unauthorized"
    status = 401


class ForbiddenError(BundlewiseError):
    """A known key used from where it is not allowed (origin, client address) or a disabled endpoint."""

    type = "forbidden"
    title = "Forbidden"
    status = 403


class RateLimitedError(BundlewiseError):
    """Too many requests for a site key or client address; `retry_after` seconds until the next token."""

    type = "rate-limited"
    title = "Too many requests"
    status = 429

    def __init__(self, detail: str, *, retry_after: float) -> None:
        super().__init__(detail)
        self.retry_after = max(1, math.ceil(retry_after))


class PayloadTooLargeError(BundlewiseError):
    """A request body over the configured limit."""

    type = "payload-too-large"
    title = "Payload too large"
    status = 413


class NotImplementedHereError(BundlewiseError):
    """An endpoint this server was started without (e.g. catalog reload with no reloader wired in)."""

    type = "not-implemented"
    title = "Not implemented"
    status = 501


def problem_response(
    status: int, type_: str, title: str, detail: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    """A problem JSON response."""
    body = {"type": type_, "title": title, "status": status, "detail": detail}
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers)


def error_response(error: BundlewiseError) -> JSONResponse:
    """The problem response for a Bundlewise error (with Retry-After for rate limits)."""
    headers = {"Retry-After": str(error.retry_after)} if isinstance(error, RateLimitedError) else None
    problem = error.to_problem()
    return problem_response(problem["status"], problem["type"], problem["title"], problem["detail"], headers)


def install_problem_handlers(app: FastAPI) -> None:
    """Route every exception to a problem response."""

    @app.exception_handler(BundlewiseError)
    async def bundlewise_error(_: Request, error: BundlewiseError) -> JSONResponse:
        return error_response(error)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, error: RequestValidationError) -> JSONResponse:
        issues = error.errors()
        if any(issue.get("type") == "json_invalid" for issue in issues):
            return problem_response(
                400, "malformed-json", "Malformed JSON", "the request body is not valid JSON"
            )
        detail = "; ".join(
            f"{'.'.join(str(part) for part in issue['loc'])}: {issue['msg']}" for issue in issues
        )
        return problem_response(422, "invalid-input", "Invalid input", detail)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, error: StarletteHTTPException) -> JSONResponse:
        return problem_response(error.status_code, "http-error", str(error.detail), str(error.detail))

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, error: Exception) -> JSONResponse:
        log.error("unexpected error", extra={"path": request.url.path, "error_class": type(error).__name__})
        return problem_response(500, "internal-error", "Internal error", "unexpected error")
