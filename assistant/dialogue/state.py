"""Typed, JSON-serialisable conversation state.

`ShoppingGoal` holds the constraints accumulated across turns; `ShownBundle`s are what the shopper saw
last, so "the second one" and "swap the case" can be resolved against them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class ShownItem(BaseModel):
    """One product of a bundle that was shown."""

    model_config = ConfigDict(frozen=True)

    product_id: str
    title: str
    category: str | None = None
    brand: str | None = None
    role: str | None = None  # e.g. "phone", "case": what the item does in the bundle


class ShownBundle(BaseModel):
    """A bundle as the shopper saw it (prices exactly as quoted)."""

    model_config = ConfigDict(frozen=True)

    bundle_id: str
    label: str
    items: list[ShownItem]
    bundle_price: Decimal
    currency: str
    quote_id: str | None = None
    list_price: Decimal | None = None  # its items bought alone, as quoted (None in states saved before)


class SpecLimit(BaseModel):
    """'Something lighter': the main products, when of `kind`, must state `key` past `value`, the best of
    what was shown on it (lighter than the lightest)."""

    model_config = ConfigDict(frozen=True)

    kind: str  # the main products' category phrase ('laptop')
    key: str  # the attribute ('weight_kg')
    more: bool  # True: above `value` ('a bigger screen'); False: below it ('lighter')
    value: float = Field(allow_inf_nan=False)
    inclusive: bool = False  # `value` itself passes ('at least 16 GB'); a refinement must beat it


class ShoppingGoal(BaseModel):
    """The shopper's constraints so far."""

    model_config = ConfigDict(frozen=True)

    categories: list[str] = Field(default_factory=list)
    budget_max: Decimal | None = None
    budget_min: Decimal | None = None
    currency: str | None = None
    brands: list[str] = Field(default_factory=list)
    exclude_brands: list[str] = Field(default_factory=list)
    attributes: dict[str, str] = Field(default_factory=dict)
    use_case: str | None = None
    recipient: str | None = None
    occasion: str | None = None
    quantity: int | None = None
    removed_roles: list[str] = Field(default_factory=list)  # items the shopper asked to drop
    owned: list[str] = Field(default_factory=list)  # categories they have ("for my phone"): never offered
    fits: list[str] = Field(default_factory=list)  # their device models ("my iPhone 16 Pro") to fit
    owned_brands: list[str] = Field(
        default_factory=list
    )  # of their devices ("my canon camera"): which it may be
    products: list[str] = Field(default_factory=list)  # models asked for by name ("the galaxy s25 ultra")
    wearer: str | None = None  # "women" or "men", for what is made for one of them (shoes, perfume)
    features: list[str] = Field(default_factory=list)  # said of the kind: 'gaming' mouse, 'electric' kettle
    spec_limits: list[SpecLimit] = Field(default_factory=list)  # 'lighter', 'a bigger screen': past the shown

    @property
    def is_empty(self) -> bool:
        """True when nothing says what to shop for (a brand does: "anything from sony?")."""
        return not (
            self.categories
            or self.use_case
            or self.recipient
            or self.occasion
            or self.owned
            or self.products
            or self.brands
        )


ActionKind = Literal[
    "build",
    "search",
    "swap",
    "add",
    "remove",
    "compare",
    "compare_products",
    "explain",
    "accept",
    "greet",
    "clarify",
    "out_of_scope",
    "danger",  # the message speaks of self-harm or an emergency: where to get help (`chat.safety`)
]


class TurnAction(BaseModel):
    """What the assistant should do this turn, with references already resolved."""

    model_config = ConfigDict(frozen=True)

    kind: ActionKind
    bundle_ids: list[str] = Field(default_factory=list)  # shown bundles the turn acts on
    item_role: str | None = None  # the item to swap/add/remove
    # the word its title must say, where the shelf holds several kinds ('kettle' of the mug shelf's role)
    item_kind: str | None = None
    item_attributes: dict[str, str] = Field(default_factory=dict)  # e.g. {"colour": "black"} for a swap
    question: str | None = None  # the clarifying question, for kind == "clarify"
    product_ids: list[str] = Field(default_factory=list)  # catalog products named, for "compare_products"
    avoid_product_ids: list[str] = Field(default_factory=list)  # "something different": not these anchors


class ConversationState(BaseModel):
    """Everything the assistant remembers between turns."""

    model_config = ConfigDict(frozen=True)

    goal: ShoppingGoal = Field(default_factory=ShoppingGoal)
    shown: list[ShownBundle] = Field(default_factory=list)
    accepted_bundle_id: str | None = None
    focused_bundle_id: str | None = None  # the one shown bundle last asked about: "I'll take it" means it
    price_sensitivity: float = Field(default=0.5, ge=0.0, le=1.0)  # 1: wants the cheapest; fed to pricing
    turns: int = 0
    asked_gift_details: bool = False  # asked once what a gift's recipient likes; next time, show sets
    asked_device_model: bool = False  # asked once which model their device is; next time, show what we have
    passed_over: list[str] = Field(default_factory=list)  # main products "something different" moved past
    asked_purpose: bool = False  # asked once what a purpose we have no set for needs ("for my garden")
    asked_budget: bool = False  # asked for a budget in the shop's currency: a bare amount answers it
    # the closest bundle's price, offered when nothing fit the wishes ("want me to show it?"): 'yes' shows it
    offered_price: Decimal | None = None

    def to_json(self) -> dict[str, Any]:
        """JSON-safe dict (money as decimal strings)."""
        return self.model_dump(mode="json")

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ConversationState:
        """Inverse of `to_json`."""
        return cls.model_validate(data)
