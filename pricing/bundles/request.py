"""`BundleRequest`: the shopper's constraints for one bundle-building call, validated on construction."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from assistant.errors import InvalidInputError
from retrieval.catalog.currencies import MINOR_UNITS
from retrieval.text import category_key


def _as_decimal(name: str, value: object) -> Decimal | None:
    if value is None:
        return None
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value))
    except (InvalidOperation, ValueError) as error:
        raise InvalidInputError(f"{name} must be a number, got {value!r}") from error
    if not amount.is_finite() or amount < 0:
        raise InvalidInputError(f"{name} must be a non-negative amount, got {value}")
    return amount


@dataclass(frozen=True, slots=True)
class BundleRequest:
    """What the bundle must satisfy. Budgets apply to the bundle's list total (the priced bundle, never
    above list, then fits too); wanted `brands` apply to the anchor, `exclude_brands` to every item.

    Attributes:
        budget_max: the most the list total may be; None for no limit.
        budget_min: the least it should be, honoured where some bundle reaches it.
        currency: ISO 4217 code; None means the best anchor's currency. Other currencies are ignored.
        brands: wanted anchor brands (any of them); empty for any brand.
        exclude_brands: brands no item may have.
        anchor_categories: category phrases the anchor must belong to; empty for any.
        roles: complement roles the shopper asked for; None lets the complement model decide.
    """

    budget_max: Decimal | None = None
    budget_min: Decimal | None = None
    currency: str | None = None
    brands: tuple[str, ...] = ()
    exclude_brands: tuple[str, ...] = ()
    anchor_categories: tuple[str, ...] = ()
    roles: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        budget_max = _as_decimal("budget_max", self.budget_max)
        budget_min = _as_decimal("budget_min", self.budget_min)
        if budget_max is not None and budget_min is not None and budget_min > budget_max:
            raise InvalidInputError(f"budget_min {budget_min} is above budget_max {budget_max}")
        if self.currency is not None and self.currency not in MINOR_UNITS:
            raise InvalidInputError(f"currency must be an ISO 4217 code, got {self.currency!r}")
        object.__setattr__(self, "budget_max", budget_max)
        object.__setattr__(self, "budget_min", budget_min)
        for name in ("brands", "exclude_brands", "anchor_categories"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        if self.roles is not None:
            object.__setattr__(self, "roles", tuple(self.roles))

    @property
    def wanted_roles(self) -> frozenset[str] | None:
        """The asked-for roles, normalised like category phrases; None when not asked."""
        return None if self.roles is None else frozenset(category_key(role) for role in self.roles)
