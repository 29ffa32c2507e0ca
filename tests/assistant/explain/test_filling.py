from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.explain.filling import allowed_placeholders, fill, format_money
from tests.assistant.explain.conftest import GOOD, gift_bundle, phone_bundle


@pytest.mark.parametrize(
    ("amount", "currency", "shown"),
    [
        (Decimal("1299.5"), "USD", "$1,299.50"),
        (Decimal("0.99"), "EUR", "€0.99"),
        (Decimal("3000"), "JPY", "¥3,000"),
        (Decimal("12.5"), "CHF", "12.50 CHF"),
    ],
)
def test_money_is_formatted_from_the_decimal_with_the_currency(
    amount: Decimal, currency: str, shown: str
) -> None:
    assert format_money(amount, currency) == shown


def test_fill_replaces_placeholders_with_facts() -> None:
    text = fill(GOOD, phone_bundle())
    assert "Acme Photon X Smartphone" in text and "Zen 30W USB-C Charger" in text
    assert "$979.99 instead of $1,049.97, so you save $69.98" in text
    assert "{" not in text


def test_savings_placeholder_only_exists_when_there_is_a_saving() -> None:
    assert "{savings}" in allowed_placeholders(phone_bundle())
    assert "{savings}" not in allowed_placeholders(gift_bundle())
    assert "{item:3}" not in allowed_placeholders(gift_bundle())


def test_chinese_facts_show_chinese_titles() -> None:
    assert fill("{item:2}", phone_bundle(locale="zh")) == "Nova 透明手机壳"
