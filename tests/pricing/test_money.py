from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.errors import InvalidInputError
from pricing.money import apply_price_ending, money_ceiling, money_floor, to_money


def test_to_money_rounds_to_minor_units_half_even() -> None:
    assert to_money(Decimal("1.005"), "USD") == Decimal("1.00")
    assert to_money(Decimal("1.015"), "USD") == Decimal("1.02")
    assert to_money(Decimal("1234.5"), "JPY") == Decimal("1234")
    assert to_money(0.1 + 0.2, "USD") == Decimal("0.30")
    assert to_money(Decimal("1.0005"), "KWD") == Decimal("1.000")


def test_ceiling_and_floor() -> None:
    assert money_ceiling(Decimal("718.388"), "USD") == Decimal("718.39")
    assert money_floor(Decimal("718.388"), "USD") == Decimal("718.38")


def test_bad_amounts_and_currencies_are_named() -> None:
    with pytest.raises(InvalidInputError, match="currency"):
        to_money(Decimal(1), "XYZ")
    with pytest.raises(InvalidInputError, match="finite"):
        to_money(float("nan"), "USD")


def test_price_ending_only_downward() -> None:
    ending = Decimal("0.99")
    assert apply_price_ending(Decimal("123.40"), ending, "USD", floor=Decimal(0)) == Decimal("122.99")
    assert apply_price_ending(Decimal("123.99"), ending, "USD", floor=Decimal(0)) == Decimal("123.99")
    assert apply_price_ending(Decimal("124.00"), ending, "USD", floor=Decimal(0)) == Decimal("123.99")
    # below the floor: keep the rounded price without ending
    assert apply_price_ending(Decimal("123.40"), ending, "USD", floor=Decimal("123.00")) == Decimal("123.40")
    # JPY cannot show .99
    assert apply_price_ending(Decimal("1234"), ending, "JPY", floor=Decimal(0)) == Decimal("1234")
    assert apply_price_ending(Decimal("5.55"), None, "USD", floor=Decimal(0)) == Decimal("5.55")


@given(
    cents=st.integers(min_value=0, max_value=10**9),
    ending_cents=st.integers(min_value=0, max_value=99),
    floor_cents=st.integers(min_value=0, max_value=10**9),
)
def test_price_ending_never_raises_nor_breaks_floor(cents: int, ending_cents: int, floor_cents: int) -> None:
    price = Decimal(cents).scaleb(-2)
    floor = min(Decimal(floor_cents).scaleb(-2), price)
    ending = Decimal(ending_cents).scaleb(-2)
    result = apply_price_ending(price, ending, "USD", floor=floor)
    assert floor <= result <= price
    assert result == price or result % 1 == ending
