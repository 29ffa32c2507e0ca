"""From the goal to the searches: what binds the main products and what binds every item."""

from __future__ import annotations

from decimal import Decimal

from assistant.chat.planning import plan
from assistant.dialogue.state import ShoppingGoal, SpecLimit
from retrieval.filters import SpecBound


def test_a_spec_limit_binds_the_main_products_only_and_the_budget_binds_all() -> None:
    lighter = SpecLimit(kind="laptop", key="weight_kg", more=False, value=1.24)
    goal = ShoppingGoal(
        categories=["laptop"], budget_max=Decimal(1200), exclude_brands=["Apple"], spec_limits=[lighter]
    )
    the_plan = plan(goal, message="something lighter", anchor_category="laptop")
    assert the_plan.anchor_filters.specs == (
        SpecBound(kind="laptop", key="weight_kg", more=False, value=1.24),
    )
    assert the_plan.role_filters.specs == ()  # a lighter laptop, not a lighter mouse
    for filters in (the_plan.anchor_filters, the_plan.role_filters):
        assert filters.max_price == Decimal(1200) and filters.exclude_brands == ("Apple",)
