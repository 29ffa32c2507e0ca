from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest

from assistant.errors import InvalidInputError
from retrieval.catalog.schema import Catalog
from retrieval.filters import (
    FilterColumns,
    SearchFilters,
    SpecBound,
    has_colour,
    has_features,
    names_category_part,
)
from tests.retrieval.factories import product, small_catalog

CATALOG = small_catalog()
COLUMNS = FilterColumns(CATALOG)


def ids(filters: SearchFilters, columns: FilterColumns = COLUMNS, catalog: Catalog = CATALOG) -> set[str]:
    return {catalog[int(row)].id for row in np.flatnonzero(columns.mask(filters))}


def test_no_filters_allow_everything() -> None:
    assert SearchFilters().is_empty
    assert len(ids(SearchFilters())) == len(CATALOG)


def test_max_price_is_inclusive_to_the_cent() -> None:
    assert {"p8", "p9"} <= ids(SearchFilters(max_price=Decimal("899.99")))
    assert "p10" in ids(SearchFilters(max_price=Decimal("899.98")))
    assert not {"p8", "p9"} & ids(SearchFilters(max_price=Decimal("899.98")))
    # a bound with more decimals than the currency still compares exactly
    assert "p9" not in ids(SearchFilters(max_price=Decimal("899.989")))
    assert "p9" in ids(SearchFilters(min_price=Decimal("899.981"), max_price=Decimal("900")))
    assert "p10" not in ids(SearchFilters(min_price=Decimal("899.981")))


def test_category_matches_segments_parts_and_prefixes_case_insensitively() -> None:
    assert ids(SearchFilters(categories=("phone",))) == {"p1", "p2", "p3", "p9"}
    assert ids(SearchFilters(categories=("SMARTPHONES",))) == {"p1", "p2", "p3", "p9"}
    assert ids(SearchFilters(categories=("laptop bag",))) == {"p5"}
    assert ids(SearchFilters(categories=("Beauty > Skincare",))) == {"p6", "p7"}
    assert ids(SearchFilters(categories=("sunscreen", "cases"))) == {"p4", "p7"}
    assert ids(SearchFilters(categories=("accessories > phone",))) == set()
    assert ids(SearchFilters(categories=("unicorns",))) == set()


def test_brands_match_without_case_or_accents_and_exclusion_wins() -> None:
    assert ids(SearchFilters(brands=("estee lauder",))) == {"p6"}
    assert ids(SearchFilters(brands=("APPLE", "google"))) == {"p1", "p3"}
    phones = ids(SearchFilters(categories=("phone",), exclude_brands=("Apple", "samsung")))
    assert phones == {"p3", "p9"}


def test_in_stock_keeps_unknown_stock_and_drops_zero() -> None:
    allowed = ids(SearchFilters(in_stock=True))
    assert "p2" not in allowed and {"p1", "p3"} <= allowed


def test_price_filter_respects_each_currency_minor_units() -> None:
    catalog = Catalog(
        (product("y", "Yen item", "1500", currency="JPY"), product("u", "Dollar item", "15.00"))
    )
    columns = FilterColumns(catalog)
    assert ids(SearchFilters(max_price=Decimal("1499.5")), columns, catalog) == {"u"}
    assert ids(SearchFilters(max_price=Decimal(1500), currency="JPY"), columns, catalog) == {"y"}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"max_price": Decimal(-1)}, "max_price"),
        ({"min_price": Decimal("NaN")}, "min_price"),
        ({"min_price": Decimal(10), "max_price": Decimal(5)}, "above max_price"),
        ({"currency": "XYZ"}, "unknown currency"),
    ],
)
def test_impossible_filters_are_rejected_with_a_clear_message(
    kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidInputError, match=message):
        SearchFilters(**kwargs)  # type: ignore[arg-type]


def test_fits_keeps_what_lists_the_model_and_what_lists_no_model() -> None:
    rows = [
        product("c1", "Case for iPhone 16 Pro", "20", attributes={"compatible_models": ["iPhone 16 Pro"]}),
        product(
            "c2", "Case for iPhone 16 Pro Max", "20", attributes={"compatible_models": ["iPhone 16 Pro Max"]}
        ),
        product("c3", "Glass for Galaxy S25+", "20", attributes={"compatible_models": ["Galaxy S25+"]}),
        product(
            "b1", "Sport band 46mm", "20", attributes={"compatible_watches": ["Apple Watch Series 10 46mm"]}
        ),
        product("g1", "USB-C charger", "20"),
        product("e1", "AirPods", "20", attributes={"compatible_os": ["iOS"]}),
        product("e2", "Galaxy Buds", "20", attributes={"compatible_os": ["Android"]}),
    ]
    catalog = Catalog(tuple(rows), source="fits")
    columns = FilterColumns(catalog)

    def fitting(*models: str) -> set[str]:
        return ids(SearchFilters(fits=models), columns, catalog)

    assert fitting("iphone 16 pro") == {"c1", "g1"}  # never the Pro Max's case
    assert fitting("Galaxy S25 plus") == {"c3", "g1"}
    assert fitting("Galaxy S25") == {"g1"}  # the S25+ glass does not fit the S25
    assert fitting("iPhone 16 Pro", "Apple Watch Series 10 46mm") == {"c1", "b1", "g1"}
    assert fitting("Nokia 3310") == {"g1"}  # a model nothing lists: only what fits anything
    assert fitting("iPhone 16 Pro", "iOS") == {"c1", "e1", "g1"}  # its platform opens the earbuds
    assert fitting("Galaxy S25+", "Android") == {"c3", "e2", "g1"}
    assert len(fitting()) == len(catalog)
    # 'my iphone', no model said: its platform rules out Android earbuds, but which case fits is unknown
    assert fitting("iOS") == {"c1", "c2", "c3", "b1", "g1", "e1"}  # never the Galaxy Buds


def test_wearer_keeps_their_own_unisex_and_what_says_nothing() -> None:
    rows = [
        product("w", "Women's running shoes", "100", attributes={"gender": "women"}),
        product("m", "Men's running shoes", "100", attributes={"gender": "Men"}),
        product("u", "Unisex fragrance", "100", attributes={"gender": "unisex"}),
        product("x", "Water bottle", "20"),
    ]
    catalog = Catalog(tuple(rows), source="wearer")
    columns = FilterColumns(catalog)
    assert ids(SearchFilters(wearer="women"), columns, catalog) == {"w", "u", "x"}
    assert ids(SearchFilters(wearer="men"), columns, catalog) == {"m", "u", "x"}
    assert ids(SearchFilters(), columns, catalog) == {"w", "m", "u", "x"}


def test_skin_type_keeps_what_is_made_for_it_for_all_or_says_nothing() -> None:
    rows = [
        product("peel", "AHA peel", "10", attributes={"skin_type": ["normal", "oily", "combination"]}),
        product("cream", "Rich cream", "20", attributes={"skin_type": ["Dry", "normal"]}),
        product("spf", "Sunscreen", "30", attributes={"skin_type": ["all", "sensitive"]}),
        product("mug", "Mug", "8"),
    ]
    catalog = Catalog(tuple(rows), source="skin")
    columns = FilterColumns(catalog)
    assert ids(SearchFilters(skin_type="dry"), columns, catalog) == {"cream", "spf", "mug"}
    assert ids(SearchFilters(skin_type="oily skin"), columns, catalog) == {"peel", "spf", "mug"}
    assert ids(SearchFilters(skin_type="mature"), columns, catalog) == {"spf", "mug"}  # none lists it
    assert ids(SearchFilters(), columns, catalog) == {"peel", "cream", "spf", "mug"}


def test_a_part_of_a_two_kind_leaf_is_told_apart_by_the_title() -> None:
    shelf = "Computers > Accessories > Laptop Bags & Sleeves"
    sleeve = product("s", "Tomtoc 360 Protective Laptop Sleeve, 14-inch", "30", category=shelf)
    backpack = product("b", "Incase Icon Backpack, 16-inch", "90", category=shelf)
    assert names_category_part("sleeve", sleeve) is True
    assert names_category_part("sleeves", backpack) is False
    assert names_category_part("laptop bag", backpack) is False  # its title says backpack, not bag
    assert names_category_part("case", sleeve) is None  # not a part of this leaf: no opinion
    phone_case = product("c", "Silicone Case", "20", category="Electronics > Phone Accessories > Cases")
    assert names_category_part("case", phone_case) is None  # a one-kind leaf


@pytest.mark.parametrize(
    ("stated", "wanted", "match"),
    [
        ("Awesome White", "white", True),
        ("Space Grey", "gray", True),
        ("Awesome Black", "white", False),  # a black phone among "make it white" results
        ("Black/Red", "red", True),
        (None, "white", None),  # no colour stated: not ruled out
    ],
)
def test_a_colour_matches_the_stated_colour_by_its_words(
    stated: str | None, wanted: str, match: bool | None
) -> None:
    item = product("x", "A thing", "10.00", attributes={"colour": stated} if stated else {})
    assert has_colour(item, wanted) is match


def test_features_are_read_from_a_products_own_words_in_any_word_form() -> None:
    gaming = product("m1", "Razer Basilisk V3 Wired Gaming Mouse", "69.99", category="Computers > Mice")
    office = product("m2", "Logitech Pebble Mouse 2", "29.99", category="Computers > Mice")
    headphones = product(
        "h1",
        "Sony WH-1000XM5 Wireless Headphones",
        "399.00",
        description="Industry-leading noise cancellation",
    )
    speaker = product("s1", "JBL Flip 6", "129.95", attributes={"waterproof": "IP67", "anc": False})
    assert has_features(gaming, ["gaming"]) and not has_features(office, ["gaming"])
    assert has_features(headphones, ["noise", "cancelling"])  # 'cancellation' in the description
    assert not has_features(headphones, ["noise", "gaming"])  # every feature, not any
    assert has_features(speaker, ["waterproof"])  # an attribute it has, by its name
    assert not has_features(speaker, ["anc"])  # one it states it lacks
    assert has_features(office, [])  # nothing asked: anything


def test_a_feature_a_yes_no_attribute_names_is_read_from_that_attribute() -> None:
    """AirPods 4 say "No active noise cancellation" in their description: its words had passed them as noise
    cancelling, which `anc: False` says they are not."""
    plain = product(
        "a4",
        "Apple AirPods 4",
        "129.00",
        description="No active noise cancellation.",
        attributes={"anc": False},
    )
    anc = product("a4n", "Apple AirPods 4 with ANC", "179.00", attributes={"anc": True, "wireless": True})
    assert not has_features(plain, ["noise", "cancelling"]) and not has_features(
        plain, ["noise cancellation"]
    )
    assert has_features(anc, ["noise", "cancelling"]) and has_features(
        anc, ["wireless", "noise", "cancelling"]
    )
    phone = product("p", "Galaxy A16", "199.00", attributes={"wireless_charging": False})
    charging = product("q", "Pixel 9a", "499.00", attributes={"wireless_charging": True})
    assert not has_features(phone, ["wireless", "charging"]) and has_features(
        charging, ["wireless", "charging"]
    )


def test_a_spec_bound_holds_its_kind_to_a_stated_number_and_leaves_other_kinds() -> None:
    rows = [
        product("air", "Air laptop", "999", category="Computers > Laptops", attributes={"weight_kg": 1.24}),
        product("pro", "Pro laptop", "1999", category="Computers > Laptops", attributes={"weight_kg": 1.55}),
        product(
            "odd", "Unstated laptop", "599", category="Computers > Laptops", attributes={"weight_kg": "light"}
        ),
        product("bag", "Laptop bag", "49", category="Computers > Laptop Bags", attributes={"weight_kg": 2.0}),
    ]
    catalog = Catalog(tuple(rows), source="specs")
    columns = FilterColumns(catalog)
    lighter = SpecBound(kind="laptop", key="weight_kg", more=False, value=1.55)
    assert ids(SearchFilters(specs=(lighter,)), columns, catalog) == {
        "air",
        "bag",
    }  # strict; text is no number
    heavier = SpecBound(kind="laptop", key="weight_kg", more=True, value=1.24)
    assert ids(SearchFilters(specs=(heavier,)), columns, catalog) == {"pro", "bag"}
    assert ids(SearchFilters(specs=(lighter, heavier)), columns, catalog) == {"bag"}
    at_most = SpecBound(kind="laptop", key="weight_kg", more=False, value=1.55, inclusive=True)
    assert ids(SearchFilters(specs=(at_most,)), columns, catalog) == {
        "air",
        "pro",
        "bag",
    }  # 'at most 1.55 kg'
    with pytest.raises(InvalidInputError, match="weight_kg"):
        SearchFilters(specs=(SpecBound(kind="laptop", key="weight_kg", more=True, value=float("inf")),))


def test_a_platform_holds_what_states_its_own_and_leaves_the_rest() -> None:
    """'android only' of phones: an iPhone states iOS; a case states no platform and stays."""
    rows = [
        product("pixel", "Pixel 9", "799", category="Phones > Smartphones", attributes={"os": "Android"}),
        product("iphone", "iPhone 16", "799", category="Phones > Smartphones", attributes={"os": "iOS"}),
        product("case", "A case", "19", category="Phones > Cases"),
    ]
    catalog = Catalog(tuple(rows), source="platforms")
    columns = FilterColumns(catalog)
    assert ids(SearchFilters(platform="android"), columns, catalog) == {
        "pixel",
        "case",
    }  # any case of letters
    assert ids(SearchFilters(platform="iOS"), columns, catalog) == {"iphone", "case"}
