"""From the conversation's goal to what retrieval and the bundle builder need (pure: no models, no I/O).

The anchor is what the shopper asked for first ("a phone ..."); further named categories ("... with a
case and a charger") become the complement roles they asked for; otherwise the complement model picks
roles. Budgets, brands and stock become exact search filters, so no candidate can break them.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.dialogue.state import ShoppingGoal
from pricing.bundles import BundleRequest
from pricing.types import ShopperSignals
from retrieval.filters import PLATFORM_ATTRIBUTE, SKIN_TYPE_ATTRIBUTE, SearchFilters, SpecBound


@dataclass(frozen=True, slots=True)
class RetrievalPlan:
    """The anchor query and filters, and the request the builder must satisfy."""

    anchor_query: str
    anchor_filters: SearchFilters
    request: BundleRequest
    role_filters: SearchFilters  # shared constraints for complement candidates (role added per search)
    removed_roles: frozenset[str]


def plan(
    goal: ShoppingGoal, *, message: str, single_item: bool = False, anchor_category: str | None = None
) -> RetrievalPlan:
    """The searches and bundle request for `goal` around `anchor_category` (one of the goal's
    categories, None for any); the goal's other categories become wanted roles. `single_item` (a
    search, not a bundle) asks for no complements."""
    words = [
        *goal.features,  # "gaming mouse": the anchors ranked by what was said of them
        anchor_category or "",
        *goal.attributes.values(),
        goal.use_case or "",
        *(f"for {goal.recipient}",) * bool(goal.recipient),
        *(f"{goal.occasion} gift",) * bool(goal.occasion),
        *goal.brands[:1],
        *goal.fits[:1],  # "case iPhone 16 Pro": the exact model mention ranks what fits it first
        *goal.products[:1],  # "the galaxy s25 ultra": the model itself ranks first
    ]
    query = " ".join(word for word in words if word).strip() or message
    shared = SearchFilters(
        max_price=goal.budget_max,
        exclude_brands=tuple(goal.exclude_brands),
        in_stock=True,
        currency=goal.currency,
        fits=tuple(goal.fits),
        wearer=goal.wearer,
        skin_type=goal.attributes.get(SKIN_TYPE_ATTRIBUTE),
    )
    anchor_filters = SearchFilters(
        max_price=goal.budget_max,
        categories=(anchor_category,) if anchor_category else (),
        brands=tuple(goal.brands),
        exclude_brands=tuple(goal.exclude_brands),
        in_stock=True,
        currency=goal.currency,
        fits=tuple(goal.fits),
        wearer=goal.wearer,
        skin_type=goal.attributes.get(SKIN_TYPE_ATTRIBUTE),
        platform=goal.attributes.get(PLATFORM_ATTRIBUTE),  # "android only" of phones: what they run
        # "something lighter" is about the main products, so only they are bound; a case stays any case
        specs=tuple(
            SpecBound(limit.kind, limit.key, limit.more, limit.value, limit.inclusive)
            for limit in goal.spec_limits
        ),
    )
    removed = frozenset(goal.removed_roles)
    asked = tuple(role for role in goal.categories if role not in removed and role != anchor_category)
    roles: tuple[str, ...] | None = () if single_item else (asked or None)
    request = BundleRequest(
        budget_max=goal.budget_max,
        budget_min=goal.budget_min,
        currency=goal.currency,
        brands=tuple(goal.brands),
        exclude_brands=tuple(goal.exclude_brands),
        anchor_categories=(anchor_category,) if anchor_category else (),
        roles=roles,
    )
    return RetrievalPlan(query, anchor_filters, request, shared, removed)


def shopper_signals(goal: ShoppingGoal, price_sensitivity: float) -> ShopperSignals:
    """What pricing may know about the shopper: budget, sensitivity learned from "cheaper", gift."""
    return ShopperSignals(
        budget_max=goal.budget_max,
        budget_min=goal.budget_min,
        price_sensitivity=price_sensitivity,
        is_gift=bool(goal.recipient or goal.occasion),
    )
