from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.errors import InvalidInputError, QuoteExpiredError, QuoteTamperedError
from pricing.optimiser import BundlePricer
from pricing.quotes import QuotePayload, QuoteSigner, _encode
from tests.pricing.factories import draft, product

NOW = datetime(2025, 1, 1, 12, 0, tzinfo=UTC)
SIGNER = QuoteSigner(b"k" * 32)
PRICED = BundlePricer().price(draft(product("phone", "100.00", "30.00"), product("case", "50.00", "10.00")))
QUOTE = SIGNER.issue(PRICED, NOW, timedelta(minutes=30))


def test_round_trip() -> None:
    payload = SIGNER.verify(QUOTE.quote_id, NOW + timedelta(minutes=29))
    assert payload.item_ids == ("phone", "case")
    assert payload.bundle_price == PRICED.bundle_price
    assert payload.currency == "USD"
    assert payload.valid_until == QUOTE.valid_until == NOW + timedelta(minutes=30)


def test_expired_is_refused() -> None:
    with pytest.raises(QuoteExpiredError):
        SIGNER.verify(QUOTE.quote_id, NOW + timedelta(minutes=30))


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_any_changed_character_is_refused(data: st.DataObject) -> None:
    token = QUOTE.quote_id
    position = data.draw(st.integers(min_value=0, max_value=len(token) - 1))
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.="
    replacement = data.draw(st.sampled_from(alphabet).filter(lambda c: c != token[position]))
    tampered = token[:position] + replacement + token[position + 1 :]
    with pytest.raises(QuoteTamperedError):
        SIGNER.verify(tampered, NOW)


def test_altered_price_or_items_with_the_old_signature_are_refused() -> None:
    _, signature = QUOTE.quote_id.split(".")
    payload = QUOTE.payload
    for altered in (
        QuotePayload(
            payload.item_ids, payload.bundle_price - Decimal("1"), payload.currency, payload.valid_until
        ),
        QuotePayload(("phone",), payload.bundle_price, payload.currency, payload.valid_until),
        QuotePayload(
            payload.item_ids, payload.bundle_price, payload.currency, payload.valid_until + timedelta(days=1)
        ),
    ):
        with pytest.raises(QuoteTamperedError):
            SIGNER.verify(f"{_encode(altered.to_bytes())}.{signature}", NOW)


def test_other_secret_truncation_and_garbage_are_refused() -> None:
    for token in (QUOTE.quote_id[:-1], QUOTE.quote_id + "A", "", "no-dot", "a.b", "é.é"):
        with pytest.raises(QuoteTamperedError):
            SIGNER.verify(token, NOW)
    with pytest.raises(QuoteTamperedError):
        QuoteSigner(b"x" * 32).verify(QUOTE.quote_id, NOW)


def test_bad_arguments() -> None:
    with pytest.raises(InvalidInputError, match="secret"):
        QuoteSigner(b"short")
    with pytest.raises(InvalidInputError, match="ttl"):
        SIGNER.issue(PRICED, NOW, timedelta(0))
    with pytest.raises(InvalidInputError, match="timezone"):
        SIGNER.verify(QUOTE.quote_id, datetime(2025, 1, 1))
