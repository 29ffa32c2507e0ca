"""The typed values that pass between bundle construction and pricing (no behaviour here).

Construction (`pricing.bundles`) turns scored candidates into `BundleDraft`s; pricing
(`pricing.optimiser`) turns a draft into a `PricedBundle`. Both read `Product` from the catalog schema.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from retrieval.catalog.schema import Product

BundleLabel = Literal["value", "balanced", "premium", "best match"]
ANCHOR_ROLE = "anchor"  # the role of a bundle's main product; the rest fill complement roles


def tier_labels(count: int) -> list[BundleLabel]:
    """Labels for `count` bundles in price order, so the names read in order for a shopper: value <
    balanced < premium (two bundles: value < premium; one: the "best match")."""
    if count == 1:
        return ["best match"]
    middle: list[BundleLabel] = ["balanced"] * max(0, count - 2)
    return ["value", *middle, "premium"][:count]


@dataclass(frozen=True, slots=True)
class ScoredProduct:
    """A retrieved candidate with its relevance to the request (higher is better, roughly 0..1)."""

    product: Product
    relevance: float


@dataclass(frozen=True, slots=True)
class BundleItem:
    """One product in a bundle and the role it fills (e.g. "anchor", "case", "charger")."""

    role: str
    product: Product


@dataclass(frozen=True, slots=True)
class BundleDraft:
    """An unpriced bundle: the anchor first, then complements; `score` is what construction maximised."""

    label: BundleLabel
    items: tuple[BundleItem, ...]
    score: float
    complementarity: float  # mean pairwise complementarity of the items, 0..1

    @property
    def products(self) -> tuple[Product, ...]:
        return tuple(item.product for item in self.items)

    @property
    def list_total(self) -> Decimal:
        return sum((item.product.price for item in self.items), Decimal(0))


@dataclass(frozen=True, slots=True)
class ShopperSignals:
    """What the conversation revealed about the shopper's willingness to pay."""

    budget_max: Decimal | None = None
    budget_min: Decimal | None = None
    price_sensitivity: float = 0.5  # 0 premium-seeking .. 1 asked for cheaper repeatedly
    is_gift: bool = False


@dataclass(frozen=True, slots=True)
class PriceBreakdown:
    """Every figure an explanation may quote, all from the pricing engine, money exact."""

    list_total: Decimal
    bundle_price: Decimal
    savings: Decimal  # list_total - bundle_price, exactly
    discount_rate: Decimal  # savings / list_total, rounded to 4 places (display only)
    cost_total: Decimal | None  # None when a cost is missing: no discount is given then
    margin_floor: Decimal | None  # cost_total * (1 + min_margin), rounded up to the currency's minor unit
    margin: Decimal | None  # bundle_price - cost_total
    expected_profit: Decimal | None  # purchase probability x margin at the chosen price
    purchase_probability: float
    currency: str
    reasons: tuple[str, ...] = field(default_factory=tuple)  # why this discount (e.g. "capped at 25%")


@dataclass(frozen=True, slots=True)
class PricedBundle:
    """A draft with its price; items stay available alone at list price (mixed bundling)."""

    draft: BundleDraft
    breakdown: PriceBreakdown
    extra: Mapping[str, str] = field(default_factory=dict)

    @property
    def bundle_price(self) -> Decimal:
        return self.breakdown.bundle_price
