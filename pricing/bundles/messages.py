"""Shopper-facing wording of build outcomes (money shown the way shoppers write it)."""

from __future__ import annotations

from decimal import Decimal

_SYMBOLS = {
    "USD": "$",
    "EUR": "€",
    "GBP": "£",
    "CNY": "¥",
    "JPY": "¥",
    "AUD": "A$",
    "CAD": "C$",
    "HKD": "HK$",
}


def format_money(amount: Decimal, currency: str) -> str:
    """'$50', '$49.99', '¥3000', 'CHF 20': whole amounts without decimals."""
    text = f"{amount:.0f}" if amount == amount.to_integral_value() else f"{amount:.2f}"
    symbol = _SYMBOLS.get(currency)
    return f"{symbol}{text}" if symbol else f"{currency} {text}"


def nothing_fits_reason(*, budget: str | None, what: str, cheapest: str) -> str:
    """'nothing under $50 includes a smartphone; the cheapest starts at $199'; with no budget to blame,
    'no bundle around a camera has what it needs to work' (a body-only camera with no lens that fits)."""
    article = "an" if what[:1].lower() in "aeiou" else "a"
    if budget is None:
        return f"no bundle around {article} {what} has everything it needs to work together"
    # "includes headphones", "includes lighting" (it had said "a lighting")
    kind = f"{what}s" if said_in_pairs(what) else what if what in MASS_NOUNS else f"{article} {what}"
    return f"nothing under {budget} includes {kind}; the cheapest starts at {cheapest}"


def said_in_pairs(kind: str) -> bool:
    """Whether a kind is said in the plural, as a pair: 'headphones', not 'a headphone'."""
    words = kind.split()
    return bool(words) and words[-1] in _PAIRED_KINDS


# kinds said without an article: "includes lighting", "with coffee"
MASS_NOUNS = frozenset(
    {
        "lighting", "bedding", "cookware", "skincare", "makeup", "fragrance", "apparel", "coffee", "tea",
        "cooling", "clothing", "wifi", "equipment", "furniture", "jewellery", "jewelry", "software",
        "stationery", "luggage",
    }
)  # fmt: skip
_PAIRED_KINDS = frozenset(
    {"headphone", "earbud", "shoe", "sock", "jean", "legging", "sunglass", "trainer", "sneaker"}
)  # fmt: skip
