"""Small builders of products and drafts for pricing tests."""

from __future__ import annotations

from decimal import Decimal

from pricing.types import BundleDraft, BundleItem
from retrieval.catalog.schema import Product


def product(
    ident: str, price: str, cost: str | None, *, currency: str = "USD", category: str = "Electronics"
) -> Product:
    """A product with exact money."""
    return Product(
        id=ident,
        title=ident,
        price=Decimal(price),
        currency=currency,
        cost=None if cost is None else Decimal(cost),
        category=category,
    )


def draft(*products: Product, complementarity: float = 0.8) -> BundleDraft:
    """A draft of `products`, the first as anchor."""
    items = tuple(BundleItem(role=f"r{index}", product=p) for index, p in enumerate(products))
    return BundleDraft(label="balanced", items=items, score=1.0, complementarity=complementarity)
