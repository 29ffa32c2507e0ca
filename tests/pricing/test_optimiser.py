from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.errors import InvalidInputError
from assistant.settings import PricingSettings
from pricing.optimiser import BundlePricer, PricingPolicy
from pricing.types import ShopperSignals
from retrieval.catalog.schema import Product
from tests.pricing.factories import draft, product

PRICER = BundlePricer(policy=PricingPolicy(grid_size=41))
money = st.integers(min_value=1, max_value=500_000).map(lambda cents: Decimal(cents).scaleb(-2))
cost_share = st.decimals(min_value=Decimal("0"), max_value=Decimal("1.5"), places=3)


@st.composite
def bundles(draw: st.DrawFn) -> tuple[Product, ...]:
    count = draw(st.integers(min_value=1, max_value=5))
    products = []
    for index in range(count):
        price = draw(money)
        share = draw(st.none() | cost_share)
        cost = None if share is None else str((price * share).quantize(Decimal("0.01")))
        products.append(product(f"p{index}", str(price), cost))
    return tuple(products)


shoppers = st.builds(
    ShopperSignals,
    budget_max=st.none() | money,
    price_sensitivity=st.floats(min_value=0, max_value=1),
    is_gift=st.booleans(),
)


@settings(max_examples=150, deadline=None)
@given(products=bundles(), shopper=shoppers, complementarity=st.floats(min_value=0, max_value=1))
def test_every_price_obeys_the_rules(
    products: tuple[Product, ...], shopper: ShopperSignals, complementarity: float
) -> None:
    priced = PRICER.price(draft(*products, complementarity=complementarity), shopper)
    b = priced.breakdown
    assert b.list_total == sum(p.price for p in products)
    assert b.savings == b.list_total - b.bundle_price  # exactly
    assert Decimal(0) <= b.bundle_price <= b.list_total
    assert b.bundle_price == b.bundle_price.quantize(Decimal("0.01"))
    assert b.discount_rate <= Decimal("0.25")
    assert b.bundle_price >= (b.list_total * Decimal("0.75")).quantize(Decimal("0.01"), "ROUND_CEILING")
    assert not math.isnan(b.purchase_probability) and 0 <= b.purchase_probability <= 1
    if b.savings > 0:
        assert b.cost_total is not None and b.margin_floor is not None
        assert b.bundle_price >= b.margin_floor >= b.cost_total * Decimal("1.10")
        assert len(products) > 1
    if len(products) > 1 and any(p.cost is None for p in products):
        assert b.bundle_price == b.list_total and "no cost known: no discount" in b.reasons
    if shopper.budget_max is not None and b.bundle_price > shopper.budget_max:
        assert any(reason.startswith("over budget") for reason in b.reasons) or b.list_total <= b.bundle_price
    if b.margin is not None:
        assert b.margin == b.bundle_price - b.cost_total  # type: ignore[operator]


def test_discounted_price_ends_in_99_and_reasons_explain() -> None:
    bundle = draft(product("phone", "100.00", "30.00"), product("case", "50.00", "10.00"))
    b = PRICER.price(bundle, ShopperSignals(price_sensitivity=1.0)).breakdown
    assert b.bundle_price < b.list_total
    assert b.bundle_price % 1 == Decimal("0.99") or "capped at 25%" in b.reasons
    assert "profit-maximising discount" in b.reasons
    assert b.expected_profit is not None and b.expected_profit > 0


def test_cap_binds_for_a_very_price_sensitive_market() -> None:
    bundle = draft(product("a", "100.00", "1.00"), product("b", "100.00", "1.00"))
    b = PRICER.price(bundle, ShopperSignals(budget_max=Decimal("10"))).breakdown
    assert b.bundle_price == Decimal("150.00")
    assert "capped at 25%" in b.reasons
    assert any(reason.startswith("over budget") for reason in b.reasons)


def test_margin_floor_binds_when_costs_are_high() -> None:
    bundle = draft(product("a", "100.00", "85.00"), product("b", "100.00", "85.00"))
    b = PRICER.price(bundle, ShopperSignals(price_sensitivity=1.0)).breakdown
    assert b.margin_floor == Decimal("187.00")
    assert b.bundle_price >= Decimal("187.00")


def test_budget_is_respected_when_an_allowed_price_fits() -> None:
    bundle = draft(product("a", "100.00", "20.00"), product("b", "100.00", "20.00"))
    b = PRICER.price(bundle, ShopperSignals(budget_max=Decimal("170"))).breakdown
    assert b.bundle_price <= Decimal("170")
    assert "within budget 170" in b.reasons


def test_single_item_and_missing_cost_get_no_discount() -> None:
    single = PRICER.price(draft(product("a", "10.00", "1.00"))).breakdown
    assert single.bundle_price == Decimal("10.00") and single.reasons == ("single item: no bundle discount",)
    unknown = PRICER.price(draft(product("a", "10.00", None), product("b", "5.00", "1.00"))).breakdown
    assert unknown.bundle_price == Decimal("15.00") and unknown.savings == 0
    assert unknown.cost_total is None and unknown.expected_profit is None


@pytest.mark.parametrize(
    ("shopper", "field"),
    [
        (ShopperSignals(budget_max=Decimal("-1")), "budget_max"),
        (ShopperSignals(budget_max=Decimal("NaN")), "budget_max"),
        (ShopperSignals(budget_min=Decimal("-5")), "budget_min"),
        (ShopperSignals(price_sensitivity=float("nan")), "price_sensitivity"),
    ],
)
def test_invalid_signals_name_the_field(shopper: ShopperSignals, field: str) -> None:
    with pytest.raises(InvalidInputError, match=field):
        PRICER.price(draft(product("a", "10.00", "1.00"), product("b", "5.00", "1.00")), shopper)


def test_empty_and_mixed_currency_drafts_are_refused() -> None:
    with pytest.raises(InvalidInputError, match="at least one item"):
        PRICER.price(draft())
    mixed = draft(product("a", "10.00", "1.00"), product("b", "5.00", "1.00", currency="EUR"))
    with pytest.raises(InvalidInputError, match="mix currencies"):
        PRICER.price(mixed)


def test_policy_from_settings_section() -> None:
    section = PricingSettings(min_margin=Decimal("0.2"), max_discount=Decimal("0.1"), price_ending=None)
    policy = PricingPolicy.from_settings(section)
    assert (policy.min_margin, policy.max_discount, policy.price_ending) == (
        Decimal("0.2"),
        Decimal("0.1"),
        None,
    )


def test_price_many_matches_price() -> None:
    bundle = draft(product("a", "80.00", "20.00"), product("b", "20.00", "5.00"))
    crowd = [ShopperSignals(price_sensitivity=s / 10) for s in range(11)]
    assert [p.breakdown for p in PRICER.price_many(bundle, crowd)] == [
        PRICER.price(bundle, s).breakdown for s in crowd
    ]
    # keener shoppers never get a bigger discount
    prices = [p.bundle_price for p in PRICER.price_many(bundle, crowd)]
    assert prices == sorted(prices, reverse=True)


def test_offers_are_shown_cheapest_first_and_labelled_by_the_price_shown() -> None:
    """A discount can put a bundle with the higher list total below another: labels follow the price
    the shopper sees ("premium $50.99" after "balanced $51.99" had been shown)."""
    discounted = draft(product("a", "100.00", "20.00"), product("b", "60.00", "10.00"))  # cheap to make
    full = draft(product("c", "150.00", "149.00"))  # no room for a discount
    offers = PRICER.price_offers([full, discounted], ShopperSignals())
    assert discounted.list_total > full.list_total
    prices = [offer.bundle_price for offer in offers]
    assert prices == sorted(prices)
    assert [offer.draft.label for offer in offers] == ["value", "premium"]
    assert offers[0].draft.items == discounted.items  # it is now the cheaper one
    (alone,) = PRICER.price_offers([full], ShopperSignals())
    assert alone.draft.label == full.label
