"""A small shop catalog (20 products, 4 categories, 5 brands) as a JSONL file, for CLI and API tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

PHONES = "Electronics > Phones"
HEADPHONES = "Electronics > Audio > Headphones"
SKINCARE = "Beauty > Skincare"
COFFEE = "Home > Kitchen > Coffee"


def _product(pid: str, title: str, price: str, category: str, brand: str, description: str) -> dict[str, Any]:
    return {
        "id": pid,
        "title": title,
        "price": price,
        "currency": "USD",
        "category": category,
        "brand": brand,
        "description": description,
    }


SHOP: list[dict[str, Any]] = [
    _product(
        "ph-1", "Acme Photon X Smartphone", "899.00", PHONES, "Acme", "Flagship phone with a triple camera"
    ),
    _product("ph-2", "Nova Lumen 5 Smartphone", "499.00", PHONES, "Nova", "Mid-range phone, great battery"),
    _product(
        "ph-3", "Acme Photon Mini Smartphone", "649.00", PHONES, "Acme", "Compact phone with OLED screen"
    ),
    _product("ph-4", "Nova Budget 3 Smartphone", "199.99", PHONES, "Nova", "Affordable Android phone"),
    _product("ph-5", "Zen Fold Smartphone", "1299.00", PHONES, "Zen", "Folding phone with a large screen"),
    _product(
        "hp-1", "Nova Wireless Over-Ear Headphones", "49.99", HEADPHONES, "Nova", "Bluetooth headphones"
    ),
    _product(
        "hp-2", "Zen Noise Cancelling Headphones", "50.00", HEADPHONES, "Zen", "Active noise cancelling"
    ),
    _product("hp-3", "Acme Sport Earbuds", "29.50", HEADPHONES, "Acme", "Sweat-proof wireless earbuds"),
    _product("hp-4", "Zen Studio Monitor Headphones", "149.00", HEADPHONES, "Zen", "Wired studio headphones"),
    _product(
        "hp-5", "Nova Kids Headphones", "24.00", HEADPHONES, "Nova", "Volume-limited headphones for kids"
    ),
    _product(
        "sk-1", "Zen Hydrating Face Moisturizer", "32.00", SKINCARE, "Zen", "Daily moisturizer for dry skin"
    ),
    _product("sk-2", "Glow Vitamin C Serum", "45.50", SKINCARE, "Glow", "Brightening face serum"),
    _product(
        "sk-3", "Glow Gentle Foaming Cleanser", "18.00", SKINCARE, "Glow", "Face wash for sensitive skin"
    ),
    _product(
        "sk-4", "Zen Mineral Sunscreen SPF 50", "22.00", SKINCARE, "Zen", "Broad spectrum sun protection"
    ),
    _product("sk-5", "Glow Night Repair Cream", "58.00", SKINCARE, "Glow", "Overnight face cream"),
    _product("co-1", "Brew Espresso Machine", "299.00", COFFEE, "Brew", "15 bar pump espresso maker"),
    _product(
        "co-2", "Brew Burr Coffee Grinder", "89.90", COFFEE, "Brew", "Conical burr grinder for coffee beans"
    ),
    _product(
        "co-3", "Brew Arabica Whole Bean Coffee 1kg", "24.99", COFFEE, "Brew", "Medium roast coffee beans"
    ),
    _product("co-4", "Nova Milk Frother", "39.00", COFFEE, "Nova", "Froths milk for cappuccino and latte"),
    _product(
        "co-5",
        "Acme Pour-Over Coffee Kettle",
        "49.99",
        COFFEE,
        "Acme",
        "Gooseneck kettle for pour-over coffee",
    ),
]

PRICE_OF = {record["id"]: record["price"] for record in SHOP}
CATEGORY_OF = {record["id"]: record["category"] for record in SHOP}


@pytest.fixture
def shop_catalog(tmp_path: Path) -> Path:
    """The 20-product catalog as a JSONL file."""
    path = tmp_path / "shop.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in SHOP), encoding="utf-8")
    return path
