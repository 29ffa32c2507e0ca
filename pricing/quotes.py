"""Signed, time-limited quotes: a client can read a quote but cannot alter its items, price or expiry.

A quote id is `base64url(payload).base64url(HMAC-SHA256(secret, payload))`, self-contained so the
server needs no lookup to verify it. The secret is passed in; where it lives is the caller's concern.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation

from assistant.errors import InvalidInputError, QuoteExpiredError, QuoteTamperedError
from pricing.types import PricedBundle

_MIN_SECRET_BYTES = 16


@dataclass(frozen=True, slots=True)
class QuotePayload:
    """What a quote promises: these items, at this price, until `valid_until` (UTC)."""

    item_ids: tuple[str, ...]
    bundle_price: Decimal
    currency: str
    valid_until: datetime
    reference: str | None = None  # whom it was issued to (a conversation id): equal offers to two
    # shoppers are then two quotes, so an acceptance is credited to the right conversation

    def to_bytes(self) -> bytes:
        """Canonical JSON (sorted keys, no spaces): the exact bytes that are signed."""
        record = {
            "items": list(self.item_ids),
            "price": str(self.bundle_price),
            "currency": self.currency,
            "exp": int(self.valid_until.timestamp()),
        }
        if self.reference is not None:
            record["ref"] = self.reference
        return json.dumps(record, sort_keys=True, separators=(",", ":")).encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> QuotePayload:
        """Parse signed bytes; QuoteTamperedError if they are not a payload (only reachable with the key)."""
        try:
            record = json.loads(raw)
            return cls(
                item_ids=tuple(str(item) for item in record["items"]),
                bundle_price=Decimal(record["price"]),
                currency=str(record["currency"]),
                valid_until=datetime.fromtimestamp(int(record["exp"]), tz=UTC),
                reference=None if record.get("ref") is None else str(record["ref"]),
            )
        except (ValueError, KeyError, TypeError, InvalidOperation):
            raise QuoteTamperedError("quote payload is malformed") from None


@dataclass(frozen=True, slots=True)
class Quote:
    """An issued quote: the id to hand to the client and what it promises."""

    quote_id: str
    payload: QuotePayload

    @property
    def valid_until(self) -> datetime:
        return self.payload.valid_until


class QuoteSigner:
    """Issues and verifies HMAC-SHA256 signed quotes with one secret."""

    def __init__(self, secret: bytes) -> None:
        if len(secret) < _MIN_SECRET_BYTES:
            raise InvalidInputError(f"quote secret: needs at least {_MIN_SECRET_BYTES} bytes")
        self._secret = secret

    def issue(
        self, priced: PricedBundle, now: datetime, ttl: timedelta, *, reference: str | None = None
    ) -> Quote:
        """Sign `priced`'s items and price, valid until `now + ttl` (whole seconds, rounded down), for
        `reference` (the conversation, so two shoppers never share a quote)."""
        if ttl <= timedelta(0):
            raise InvalidInputError(f"ttl: must be positive, got {ttl}")
        expiry = _utc(now) + ttl
        payload = QuotePayload(
            item_ids=tuple(product.id for product in priced.draft.products),
            bundle_price=priced.bundle_price,
            currency=priced.breakdown.currency,
            valid_until=expiry.replace(microsecond=0),
            reference=reference,
        )
        raw = payload.to_bytes()
        return Quote(quote_id=f"{_encode(raw)}.{_encode(self._sign(raw))}", payload=payload)

    def verify(self, quote_id: str, now: datetime) -> QuotePayload:
        """The payload of a genuine, unexpired quote; QuoteTamperedError or QuoteExpiredError otherwise."""
        body, dot, signature = quote_id.partition(".")
        raw, mac = _decode(body), _decode(signature)
        if not dot or raw is None or mac is None or not hmac.compare_digest(mac, self._sign(raw)):
            raise QuoteTamperedError(
                "quote signature does not match: the quote was altered or not issued here"
            )
        payload = QuotePayload.from_bytes(raw)
        if _utc(now) >= payload.valid_until:
            raise QuoteExpiredError(f"quote expired at {payload.valid_until.isoformat()}")
        return payload

    def _sign(self, raw: bytes) -> bytes:
        return hmac.new(self._secret, raw, hashlib.sha256).digest()


def _encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _decode(text: str) -> bytes | None:
    """Strict base64url: None unless `text` is exactly the canonical encoding of some bytes."""
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        return None
    return raw if _encode(raw) == text else None


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise InvalidInputError("now: must be timezone-aware")
    return moment.astimezone(UTC)
