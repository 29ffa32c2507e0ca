"""The team-written demo catalog: size, coverage, and the compatibility data bundles depend on."""

from __future__ import annotations

from collections import Counter

import pytest

from retrieval.catalog import Catalog, demo_catalog_path, load_catalog

REQUIRED_LEAVES = [
    "Smartphones", "Cases", "Screen Protectors", "Chargers", "Power Banks", "Earbuds", "Headphones",
    "Smartwatches", "Laptops", "Mice", "Keyboards", "Laptop Bags & Sleeves", "Monitors", "Digital Cameras",
    "Memory Cards", "Tripods", "Cleansers", "Toners", "Serums & Essences", "Moisturisers", "Sunscreen",
    "Masks",
]  # fmt: skip
REQUIRED_ROOTS = ["Beauty > Makeup", "Beauty > Fragrance", "Home & Kitchen > Coffee", "Home", "Sports"]
REQUIRED_BRANDS = [
    "Apple", "Samsung", "Xiaomi", "Huawei", "OPPO", "Google", "Sony", "Anker", "Logitech", "SK-II",
    "Estée Lauder", "Shiseido", "Lancôme", "La Roche-Posay",
]  # fmt: skip


@pytest.fixture(scope="module")
def demo() -> Catalog:
    return load_catalog(demo_catalog_path())


def in_leaf(catalog: Catalog, leaf: str) -> list:  # type: ignore[type-arg]
    return [p for p in catalog if p.category_path and p.category_path[-1] == leaf]


def test_size_currency_and_chinese_titles(demo: Catalog) -> None:
    assert len(demo) >= 300
    assert demo.currencies == {"USD"}
    assert all(p.title_zh and p.description and p.brand and p.category for p in demo)
    assert all(p.cost is not None and 0 < p.cost < p.price for p in demo)
    assert all(p.stock is not None for p in demo)
    out_of_stock = sum(1 for p in demo if not p.in_stock)
    assert 0 < out_of_stock < len(demo) * 0.1


def test_covers_every_required_category_and_brand(demo: Catalog) -> None:
    for leaf in REQUIRED_LEAVES:
        assert len(in_leaf(demo, leaf)) >= 3, leaf
    for root in REQUIRED_ROOTS:
        assert sum(1 for p in demo if (p.category or "").startswith(root)) >= 3, root
    brands = Counter(p.brand for p in demo)
    assert all(brands[brand] >= 1 for brand in REQUIRED_BRANDS)


def test_every_phone_has_a_fitting_case_and_screen_protector(demo: Catalog) -> None:
    phones = {p.attributes["model"] for p in in_leaf(demo, "Smartphones")}
    for leaf in ("Cases", "Screen Protectors"):
        fitted = {model for p in in_leaf(demo, leaf) for model in p.attributes["compatible_models"]}
        assert fitted <= phones, f"{leaf} name unknown phones: {fitted - phones}"
        assert phones <= fitted, f"phones without {leaf}: {phones - fitted}"


def test_chargers_name_connector_and_wattage_and_cameras_have_cards(demo: Catalog) -> None:
    for charger in in_leaf(demo, "Chargers"):
        assert charger.attributes["connector"] and charger.attributes["wattage_w"] > 0
    card_formats = {p.attributes["format"] for p in in_leaf(demo, "Memory Cards")}
    for camera in in_leaf(demo, "Digital Cameras"):
        assert set(camera.attributes["memory_card"]) & card_formats, camera.id
    for phone in in_leaf(demo, "Smartphones"):
        assert phone.attributes["connector"] in {"USB-C", "Lightning"}
