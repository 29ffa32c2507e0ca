"""Hand-made catalog products for the chat stage tests (no catalog file, no models)."""

from __future__ import annotations

from decimal import Decimal

from retrieval.catalog.schema import Product


def product(title: str, category: str = "", description: str | None = None, **attributes: object) -> Product:
    """A USD product whose brand is its title's first word."""
    return Product(
        id=title.casefold().replace(" ", "-"),
        title=title,
        brand=title.split()[0],
        price=Decimal("99.00"),
        currency="USD",
        category=category or None,
        description=description,
        attributes=attributes,
    )


AIR = product(
    "Apple MacBook Air 13-inch", "Computers > Laptops", weight_kg=1.24, screen_in=13.6, storage_gb=256
)
IDEAPAD = product(
    "Lenovo IdeaPad Slim 3 15", "Computers > Laptops", weight_kg=1.62, screen_in=15.6, storage_gb=512
)
REDMI = product(
    "Xiaomi Redmi Book Pro 14", "Computers > Laptops", weight_kg=1.39, screen_in=14, storage_gb=512
)
LAPTOPS = [IDEAPAD, REDMI, AIR]
