"""Typed, immutable products and catalogs: the contract every later stage reads."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

CATEGORY_SEPARATOR = " > "


@dataclass(frozen=True, slots=True)
class Product:
    """One sellable product; money is exact `Decimal` in `currency`."""

    id: str
    title: str
    price: Decimal
    currency: str
    category: str | None = None
    brand: str | None = None
    description: str | None = None
    cost: Decimal | None = None
    stock: int | None = None
    attributes: Mapping[str, Any] = field(default_factory=dict)
    image_url: str | None = None
    url: str | None = None
    title_zh: str | None = None

    @property
    def category_path(self) -> tuple[str, ...]:
        """The category split into its segments, root first."""
        return tuple(self.category.split(CATEGORY_SEPARATOR)) if self.category else ()

    @property
    def in_stock(self) -> bool:
        """True unless the catalog says the stock is zero (unknown stock counts as available)."""
        return self.stock is None or self.stock > 0

    def search_text(self) -> str:
        """The text embedded and indexed for search: what a shopper would type to find it."""
        parts = [self.title, self.brand, self.category, self.description]
        return ". ".join(part for part in parts if part)

    def to_record(self) -> dict[str, Any]:
        """The contract's JSON record (money as decimal strings, absent fields omitted)."""
        record: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "price": str(self.price),
            "currency": self.currency,
        }
        optional: dict[str, Any] = {
            "category": self.category,
            "brand": self.brand,
            "description": self.description,
            "cost": None if self.cost is None else str(self.cost),
            "stock": self.stock,
            "attributes": dict(self.attributes) or None,
            "image_url": self.image_url,
            "url": self.url,
            "title_zh": self.title_zh,
        }
        record.update({key: value for key, value in optional.items() if value is not None})
        return record


@dataclass(frozen=True)
class Catalog(Sequence[Product]):
    """An ordered, validated set of products; row order is the vector index's id space."""

    products: tuple[Product, ...]
    source: str = "<memory>"

    def __len__(self) -> int:
        return len(self.products)

    def __getitem__(self, row: int) -> Product:  # type: ignore[override]
        return self.products[row]

    def __iter__(self) -> Iterator[Product]:
        return iter(self.products)

    @cached_property
    def content_hash(self) -> str:
        """SHA-256 of the normalised records: equal for equal content, whatever the file format."""
        digest = hashlib.sha256()
        for product in self.products:
            line = json.dumps(product.to_record(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
            digest.update(line.encode("utf-8"))
            digest.update(b"\n")
        return digest.hexdigest()

    @cached_property
    def row_of(self) -> Mapping[str, int]:
        """Product id -> row."""
        return {product.id: row for row, product in enumerate(self.products)}

    def by_id(self, product_id: str) -> Product:
        """The product with `product_id`; KeyError if absent."""
        return self.products[self.row_of[product_id]]

    @cached_property
    def currencies(self) -> frozenset[str]:
        """Currencies used in the catalog."""
        return frozenset(product.currency for product in self.products)
