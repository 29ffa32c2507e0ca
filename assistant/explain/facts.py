"""The facts an explanation may state, taken from a priced bundle and the conversation (no model here).

The model never sees a price, a product name or a brand: it sees placeholders and a few qualitative
facts, so the only way a number or name reaches the shopper is through `filling.fill`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any, Literal

from assistant.intent.vocabulary import kind_on_shelf
from pricing.types import ANCHOR_ROLE, PricedBundle
from retrieval.catalog.schema import Product

Locale = Literal["en", "zh"]
SavingSize = Literal["none", "small", "notable"]

NOTABLE_SAVING_RATE = Decimal("0.10")  # from this share of the list price a saving is "notable"


def role_of(product: Product) -> str:
    """A short lowercase role from the leaf category ("Phone Cases" -> "phone case")."""
    leaf = (product.category_path[-1] if product.category_path else "item").lower()
    words = leaf.split()
    last = words[-1]
    if last.endswith(("ches", "shes", "xes")):
        words[-1] = last[:-2]
    elif last.endswith("ies") and len(last) > 4:
        words[-1] = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith(("ss", "us")) and len(last) > 3:
        words[-1] = last[:-1]
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class ItemFact:
    """One bundle item as the explainer knows it: its position (1-based), role and shown names."""

    index: int
    role: str
    title: str
    brand: str | None = None
    kind: str | None = None  # the leaf category, e.g. "Phone Cases"
    title_zh: str | None = None

    def shown_title(self, locale: Locale) -> str:
        """The title shown for `{item:N}` in `locale` (the Chinese title where the catalog has one)."""
        return self.title_zh if locale == "zh" and self.title_zh else self.title


@dataclass(frozen=True, slots=True)
class ShopperNeed:
    """What the shopper asked for, in their own words (slot values): untrusted text, never filled in."""

    use_case: str | None = None
    recipient: str | None = None
    occasion: str | None = None

    @property
    def is_gift(self) -> bool:
        return bool(self.recipient or self.occasion)

    def words(self) -> tuple[str, ...]:
        """All of the shopper's text, for the checker's echo test."""
        return tuple(value for value in (self.use_case, self.recipient, self.occasion) if value)


@dataclass(frozen=True, slots=True)
class ExplanationFacts:
    """Everything an explanation of one bundle may say; money is exact and comes from the pricing engine."""

    bundle_id: str
    label: str
    locale: Locale
    currency: str
    items: tuple[ItemFact, ...]
    list_price: Decimal
    bundle_price: Decimal
    savings: Decimal
    need: ShopperNeed = field(default_factory=ShopperNeed)
    has_cheaper_alternative: bool = False  # another bundle of the same turn costs less

    @property
    def has_savings(self) -> bool:
        return self.savings > 0

    @property
    def saving_size(self) -> SavingSize:
        if not self.has_savings:
            return "none"
        notable = self.list_price > 0 and self.savings / self.list_price >= NOTABLE_SAVING_RATE
        return "notable" if notable else "small"

    @classmethod
    def from_priced(
        cls,
        priced: PricedBundle,
        *,
        bundle_id: str,
        need: ShopperNeed | None = None,
        locale: Locale = "en",
        has_cheaper_alternative: bool = False,
    ) -> ExplanationFacts:
        """The facts of a bundle priced by `pricing.optimiser.BundlePricer`."""
        items = tuple(
            ItemFact(
                index=position,
                # The builder marks the main product "anchor"; the model learned roles from leaf categories
                # on a shelf of several kinds, what it is: 'frother', not 'mug accessory'
                role=role_of(item.product)
                if item.role == ANCHOR_ROLE
                else kind_on_shelf(item.role, item.product.title, item.product.category),
                title=item.product.title,
                brand=item.product.brand,
                kind=item.product.category_path[-1] if item.product.category_path else None,
                title_zh=item.product.title_zh,
            )
            for position, item in enumerate(priced.draft.items, start=1)
        )
        breakdown = priced.breakdown
        return cls(
            bundle_id=bundle_id,
            label=priced.draft.label,
            locale=locale,
            currency=breakdown.currency,
            items=items,
            list_price=breakdown.list_total,
            bundle_price=breakdown.bundle_price,
            savings=breakdown.savings,
            need=need or ShopperNeed(),
            has_cheaper_alternative=has_cheaper_alternative,
        )

    def to_record(self) -> dict[str, Any]:
        """JSON-ready form (money as decimal strings), as stored in the training and held-out files."""
        record = asdict(self)
        for key in ("list_price", "bundle_price", "savings"):
            record[key] = str(record[key])
        return record

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> ExplanationFacts:
        """Inverse of `to_record`."""
        return cls(
            bundle_id=str(record["bundle_id"]),
            label=str(record["label"]),
            locale=record.get("locale", "en"),
            currency=str(record["currency"]),
            items=tuple(ItemFact(**item) for item in record["items"]),
            list_price=Decimal(str(record["list_price"])),
            bundle_price=Decimal(str(record["bundle_price"])),
            savings=Decimal(str(record["savings"])),
            need=ShopperNeed(**record.get("need", {})),
            has_cheaper_alternative=bool(record.get("has_cheaper_alternative", False)),
        )
