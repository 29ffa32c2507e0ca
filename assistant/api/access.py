"""Who may call the API: site keys (`X-Site-Key`, or `Authorization: Bearer` for OpenAI clients) with
allowed origins, per-key and per-address rate limits, and the admin key for operator endpoints."""

from __future__ import annotations

import hmac
import ipaddress
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from fastapi import Request

from assistant.api.problems import ForbiddenError, RateLimitedError, UnauthorizedError
from assistant.api.ratelimit import RateLimiter
from assistant.errors import ConfigurationError
from assistant.settings import ApiSettings, SiteKey

log = logging.getLogger("bundlewise.api")

PLACEHOLDER_SECRETS = frozenset(
    {"changeme", "change-me", "changethis", "admin", "secret", "password", "test"}
)
_MIN_PRODUCTION_ADMIN_KEY = 16


def origin_allowed(origin: str, patterns: list[str]) -> bool:
    """True when `origin` matches a pattern: `*`, an exact origin, or `scheme://host:*` (any port)."""
    origin = origin.rstrip("/").lower()
    for pattern in (pattern.rstrip("/").lower() for pattern in patterns):
        if pattern in {"*", origin}:
            return True
        if pattern.endswith(":*") and _scheme_and_host(origin) == _scheme_and_host(pattern[:-2]):
            return True
    return False


def _scheme_and_host(url: str) -> tuple[str, str | None]:
    parts = urlsplit(url)
    return parts.scheme, parts.hostname  # hostname drops the port and IPv6 brackets


def is_loopback(host: str | None) -> bool:
    """True for a loopback client address."""
    if host is None:
        return False
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


@dataclass(frozen=True, slots=True)
class Caller:
    """The authenticated site key of a request."""

    site_key: str


class AccessPolicy:
    """Checks a request's site key, origin and rate limits; raised errors become problem responses."""

    def __init__(self, settings: ApiSettings, limiter: RateLimiter | None = None) -> None:
        self._settings = settings
        self._keys = {key.key: key for key in settings.active_site_keys()}
        self._limiter = limiter or RateLimiter()

    def any_key_allows(self, origin: str) -> bool:
        """Whether some active key accepts `origin` (for CORS preflight, which carries no key)."""
        return any(origin_allowed(origin, key.origins) for key in self._keys.values())

    def authorise(self, request: Request) -> Caller:
        """The caller, or UnauthorizedError / ForbiddenError / RateLimitedError."""
        client = request.client.host if request.client else None
        self._limit(f"ip:{client}", self._settings.ip_requests_per_minute, self._settings.ip_burst)
        key = self._key(request)
        origin = request.headers.get("origin")
        if origin is not None and not origin_allowed(origin, key.origins):
            raise ForbiddenError("this site key is not allowed from the request's origin")
        if key.loopback_only and not is_loopback(client):
            raise ForbiddenError("this site key only works from this machine (loopback)")
        self._limit(f"key:{key.key}", key.requests_per_minute, key.burst)
        return Caller(site_key=key.key)

    def _key(self, request: Request) -> SiteKey:
        presented = request.headers.get("x-site-key")
        if presented is None:
            scheme, _, token = request.headers.get("authorization", "").partition(" ")
            presented = token.strip() if scheme.lower() == "bearer" else None
        if not presented:
            raise UnauthorizedError("send a site key in the X-Site-Key header")
        for candidate, key in self._keys.items():
            if hmac.compare_digest(candidate.encode(), presented.encode()):
                return key
        raise UnauthorizedError("unknown or disabled site key")

    def _limit(self, bucket: str, rate_per_minute: float, burst: int) -> None:
        wait = self._limiter.take(bucket, rate_per_minute=rate_per_minute, burst=burst)
        if wait > 0:
            raise RateLimitedError("rate limit exceeded; retry later", retry_after=wait)


class AdminGate:
    """Checks the admin key (`Authorization: Bearer` or `X-Admin-Key`) in constant time."""

    def __init__(self, settings: ApiSettings) -> None:
        check_admin_key(settings)
        self._key = None if settings.admin_key is None else settings.admin_key.get_secret_value()

    def authorise(self, request: Request) -> None:
        if self._key is None:
            raise ForbiddenError("admin endpoints are disabled: set BUNDLEWISE_API__ADMIN_KEY")
        presented = request.headers.get("x-admin-key")
        if presented is None:
            scheme, _, token = request.headers.get("authorization", "").partition(" ")
            presented = token.strip() if scheme.lower() == "bearer" else ""
        if not hmac.compare_digest(presented.encode(), self._key.encode()):
            raise UnauthorizedError("missing or wrong admin key")


def check_admin_key(settings: ApiSettings) -> None:
    """Refuse placeholder or short admin keys outside development (warn in development)."""
    if settings.admin_key is None:
        return
    key = settings.admin_key.get_secret_value()
    weak = key.strip().lower() in PLACEHOLDER_SECRETS or len(key) < _MIN_PRODUCTION_ADMIN_KEY
    if not weak:
        return
    message = (
        "api.admin_key is a placeholder or shorter than 16 characters; "
        "set BUNDLEWISE_API__ADMIN_KEY to a long random value"
    )
    if settings.environment != "development":
        raise ConfigurationError(message)
    log.warning(message)
