"""Exact money: the one place where amounts are rounded to a currency's minor unit.

Everything in `pricing/` that produces a price passes through `to_money` (or its ceiling/floor
variants), so a rounding rule changes here and nowhere else. Floats from the optimiser enter through
their shortest decimal representation, never through binary expansion.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal

from assistant.errors import InvalidInputError
from retrieval.catalog.currencies import MINOR_UNITS

Amount = Decimal | int | float


def minor_unit(currency: str) -> Decimal:
    """The smallest amount of `currency` (Decimal("0.01") for USD, Decimal("1") for JPY)."""
    try:
        places = MINOR_UNITS[currency]
    except KeyError:
        raise InvalidInputError(f"currency: unknown ISO 4217 code {currency!r}") from None
    return Decimal(1).scaleb(-places)


def as_decimal(amount: Amount, *, field: str = "amount") -> Decimal:
    """`amount` as a finite Decimal (floats via their shortest repr); InvalidInputError naming `field`."""
    value = Decimal(str(float(amount))) if isinstance(amount, float) else Decimal(amount)
    if not value.is_finite():
        raise InvalidInputError(f"{field}: must be a finite number, got {amount!r}")
    return value


def to_money(amount: Amount, currency: str, rounding: str = ROUND_HALF_EVEN) -> Decimal:
    """Round `amount` to `currency`'s minor unit: banker's rounding unless `rounding` says otherwise."""
    return as_decimal(amount).quantize(minor_unit(currency), rounding=rounding)


def money_ceiling(amount: Amount, currency: str) -> Decimal:
    """Round up to the minor unit: a floor (e.g. the margin floor) must never be rounded below itself."""
    return to_money(amount, currency, ROUND_CEILING)


def money_floor(amount: Amount, currency: str) -> Decimal:
    """Round down to the minor unit: a ceiling (e.g. a shopper's budget) must never be exceeded."""
    return to_money(amount, currency, ROUND_FLOOR)


def apply_price_ending(price: Decimal, ending: Decimal | None, currency: str, *, floor: Decimal) -> Decimal:
    """The largest price <= `price` ending in `ending` (e.g. .99), or `price` itself when that would fall
    below `floor` or the currency cannot show the ending (0.99 in JPY). Endings never raise a price."""
    if ending is None:
        return price
    unit = minor_unit(currency)
    if ending != ending.quantize(unit, rounding=ROUND_FLOOR):
        return price
    candidate = (price - ending).to_integral_value(rounding=ROUND_FLOOR) + ending
    candidate = candidate.quantize(unit)
    return candidate if floor <= candidate <= price else price
