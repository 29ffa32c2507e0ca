"""Placeholders the model writes (`{bundle_price}`, `{item:2}`) and the filler that puts the facts in."""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.explain.facts import ExplanationFacts
from retrieval.catalog.currencies import MINOR_UNITS

PLACEHOLDER = re.compile(r"\{(bundle_price|list_price|savings|item:(\d{1,2})|role:(\d{1,2}))\}")
ANY_BRACED = re.compile(r"\{[^{}]*\}")
_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "CNY": "¥", "JPY": "¥"}


def format_money(amount: Decimal, currency: str) -> str:
    """`amount` with its currency's symbol (or code) and minor unit: Decimal("1299.5") -> $1,299.50."""
    places = MINOR_UNITS.get(currency, 2)
    number = f"{amount.quantize(Decimal(1).scaleb(-places)):,}"
    symbol = _SYMBOLS.get(currency)
    return f"{symbol}{number}" if symbol else f"{number} {currency}"


def allowed_placeholders(facts: ExplanationFacts) -> frozenset[str]:
    """The placeholders these facts can fill (`{savings}` only when there is a saving)."""
    names = {"{bundle_price}", "{list_price}"}
    if facts.has_savings:
        names.add("{savings}")
    for item in facts.items:
        names.update({f"{{item:{item.index}}}", f"{{role:{item.index}}}"})
    return frozenset(names)


def fact_values(facts: ExplanationFacts) -> dict[str, str]:
    """Placeholder -> shown text for every placeholder these facts allow."""
    values = {
        "{bundle_price}": format_money(facts.bundle_price, facts.currency),
        "{list_price}": format_money(facts.list_price, facts.currency),
    }
    if facts.has_savings:
        values["{savings}"] = format_money(facts.savings, facts.currency)
    for item in facts.items:
        values[f"{{item:{item.index}}}"] = item.shown_title(facts.locale)
        values[f"{{role:{item.index}}}"] = item.role
    return values


def fill(text: str, facts: ExplanationFacts) -> str:
    """Replace every placeholder with its fact; KeyError for one the facts lack (check first)."""
    values = fact_values(facts)
    return PLACEHOLDER.sub(lambda match: values[match.group(0)], text)
