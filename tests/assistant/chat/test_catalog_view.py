"""What the assistant knows of its catalog: kinds carried, lookups, and how near stock comes to a limit."""

from __future__ import annotations

from assistant.chat.catalog_view import CatalogView, head_noun, line_of, model_of
from assistant.dialogue.state import ShoppingGoal, SpecLimit
from retrieval.catalog.schema import Catalog
from tests.assistant.chat.products import AIR, IDEAPAD, product


def _view() -> CatalogView:
    return CatalogView(Catalog([AIR, IDEAPAD]))


def test_kinds_carried_are_read_from_category_paths() -> None:
    view = _view()
    assert view.carries("laptop") and view.carries("Laptops") and not view.carries("phone")
    assert [p.id for p in view.of_category("laptops")] == [AIR.id, IDEAPAD.id]
    assert view.departments == ["Laptops"]
    assert view.by_id[AIR.id] is AIR


def test_a_department_named_like_another_is_said_with_its_top_level() -> None:
    mouse = product("Logitech Pebble Mouse", "Computers > Accessories > Mice")
    charger = product("Anker Nano Charger", "Electronics > Phone Accessories > Chargers")
    assert CatalogView(Catalog([mouse, charger, AIR])).departments == [
        "computer Accessories",
        "Phone Accessories",
        "Laptops",
    ]


def test_a_limit_no_product_meets_says_how_near_stock_comes() -> None:
    view = _view()
    lighter = SpecLimit(kind="laptop", key="weight_kg", more=False, value=1.0)
    assert not view.beaten([lighter], ShoppingGoal())
    assert view.nearest([lighter]) == (lighter, 1.24)
    at_least = SpecLimit(kind="laptop", key="screen_in", more=True, value=17, inclusive=True)
    under = SpecLimit(kind="laptop", key="screen_in", more=False, value=18)
    assert view.nearest([at_least, under]) == (at_least, 15.6)  # 'a 17 inch laptop': the biggest is 15.6
    assert view.nearest([lighter, at_least]) is None  # two specs
    assert view.beaten([lighter.model_copy(update={"value": 1.5})], ShoppingGoal())
    assert not view.beaten(
        [lighter.model_copy(update={"value": 1.5})], ShoppingGoal(exclude_brands=["Apple"])
    )


def test_model_line_and_head_noun() -> None:
    assert head_noun("coffee machines") == "machine" and head_noun("") == ""
    assert line_of(AIR) == "" and model_of(AIR) == ""  # no model attribute


def test_what_a_device_is_carried_in() -> None:
    sleeve = product("Tomtoc Sleeve", "Computers > Accessories > Laptop Bags & Sleeves")
    case = product("Spigen Case", "Electronics > Phone Accessories > Cases")
    view = CatalogView(Catalog([sleeve, case, AIR]))
    assert view.holder_for("laptops") == "laptop bag"
    assert view.holder_for("phone") is None


def test_a_kind_is_named_by_a_shelf_under_one_department() -> None:
    mouse = product("Logitech Pebble Mouse", "Computers > Accessories > Mice")
    charger = product("Anker Nano Charger", "Electronics > Phone Accessories > Chargers")
    view = CatalogView(Catalog([mouse, charger, AIR]))
    assert view.names_kind("mice") and view.names_kind("laptops") and view.names_kind("charger")
    assert not view.names_kind("accessories") and not view.names_kind("computers")


def test_the_department_stating_an_attribute_is_where_most_products_stating_it_sit() -> None:
    view = CatalogView(
        Catalog(
            [
                product("Acme Serum", "Beauty > Skincare > Serums", skin_type=["dry"]),
                product("Acme Cream", "Beauty > Skincare > Creams", skin_type=["oily"]),
                product("Acme Foundation", "Beauty > Makeup > Foundation", skin_type=["all"]),
                product("Acme Phone", "Electronics > Phones > Smartphones"),
            ]
        )
    )
    assert view.department_stating("skin_type") == "skincare"
    assert view.department_stating("mount") is None
    assert view.states("serum", "skin_type") and not view.states("phone", "skin_type")


def test_whether_every_product_of_a_kind_states_a_spec() -> None:
    view = CatalogView(
        Catalog(
            [
                product("Acme Hex Dumbbell", "Sports > Fitness > Dumbbells", weight_kg=9.1),
                product("Acme Dumbbell Set", "Sports > Fitness > Dumbbells", weights_kg=[1.4, 2.3]),
            ]
        )
    )
    assert not view.all_state(SpecLimit(kind="dumbbell", key="weight_kg", more=False, value=5))
    assert CatalogView(Catalog([AIR, IDEAPAD])).all_state(
        SpecLimit(kind="laptop", key="weight_kg", more=False, value=1)
    )
