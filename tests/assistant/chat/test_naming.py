"""Products a comparison names: cut at "and"/"vs"/"和", each part found by the words of its title."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import pytest

from assistant.chat.naming import name_parts, products_named, shown_named
from retrieval.catalog.schema import Product
from retrieval.search import SearchHit


def _product(pid: str, title: str, price: str, **attributes: object) -> Product:
    return Product(id=pid, title=title, price=Decimal(price), currency="USD", attributes=attributes)


CATALOG = [
    _product("case9", "Google Pixel 9 / 9 Pro Case, Obsidian", "29.99", compatible_models=["Pixel 9"]),
    _product("p9-256", "Google Pixel 9 256GB, Wintergreen", "899.00", model="Pixel 9"),
    _product("p9-128", "Google Pixel 9 128GB, Obsidian", "799.00", model="Pixel 9"),
    _product("p9a", "Google Pixel 9a 128GB, Iris", "499.00", model="Pixel 9a"),
    _product("pro", "Apple AirPods Pro 2 with MagSafe Charging Case (USB-C)", "249.00"),
    _product("four", "Apple AirPods 4", "129.00"),
    _product("four-anc", "Apple AirPods 4 with Active Noise Cancellation", "179.00"),
]


def _search(part: str) -> Sequence[SearchHit]:
    """Every product, in catalog order: what matters is which titles hold the part's words."""
    return [SearchHit(product, 1.0, 1.0, 1.0) for product in CATALOG]


@pytest.mark.parametrize(
    ("message", "parts"),
    [
        ("what's the difference between airpods pro and airpods 4?", ["airpods pro", "airpods 4"]),
        ("which is better, the pixel 9 or the iphone 16", ["pixel 9", "iphone 16"]),
        ("is the galaxy s25 better than the pixel 9", ["galaxy s25", "pixel 9"]),
        ("AirPods Pro和AirPods 4有什么区别", ["AirPods Pro", "AirPods 4"]),
        ("compare the first two", []),  # shown bundles, not products
        ("what's the difference between the value and premium bundle", []),
    ],
)
def test_name_parts(message: str, parts: list[str]) -> None:
    assert name_parts(message) == parts


def test_each_part_is_the_product_whose_title_holds_its_words() -> None:
    named = products_named("what's the difference between airpods pro and airpods 4", _search)
    assert [product.id for product in named] == ["pro", "four"]  # not the Pro for "airpods 4"


def test_a_model_is_the_device_in_its_cheapest_variant_not_its_case() -> None:
    assert [product.id for product in products_named("pixel 9 vs pixel 9a", _search)] == ["p9-128", "p9a"]


def test_a_part_no_title_holds_names_nothing() -> None:
    assert [product.id for product in products_named("airpods 4 or a walkman", _search)] == ["four"]


def test_a_shown_bundle_is_named_by_a_word_only_its_main_product_has() -> None:
    """'I'll take the pro' after AirPods 4 and AirPods Pro 2 were offered asked which of the two."""
    four = _product("a4", "Apple AirPods 4", "129")
    pro = _product("ap2", "Apple AirPods Pro 2 with MagSafe Charging Case", "249")
    assert shown_named("I'll take the pro", [four, pro]) == 2
    assert shown_named("the AirPods please", [four, pro]) is None  # both are AirPods
    assert shown_named("I'll take it", [four, pro]) is None
    assert shown_named("the pixel", [_product("p", "Google Pixel 9", "799")] * 2) is None  # one phone, twice
