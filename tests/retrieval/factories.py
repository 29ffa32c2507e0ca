"""Small hand-made catalogs for unit tests."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from retrieval.catalog.schema import Catalog, Product


def product(product_id: str, title: str, price: str, **fields: Any) -> Product:
    """A USD product with sensible defaults."""
    return Product(
        id=product_id, title=title, price=Decimal(price), currency=fields.pop("currency", "USD"), **fields
    )


def small_catalog() -> Catalog:
    """Phones, cases, skincare and coffee across brands, prices and stock levels."""
    rows = [
        product("p1", "Apple iPhone 16 Pro 256GB", "999.00", brand="Apple",
                category="Electronics > Phones > Smartphones", stock=5,
                description="Triple 48MP camera system, USB-C", attributes={"model": "iPhone 16 Pro"}),
        product("p2", "Samsung Galaxy S25 Ultra 256GB", "1299.99", brand="Samsung",
                category="Electronics > Phones > Smartphones", stock=0, description="200MP camera, S Pen"),
        product("p3", "Google Pixel 9a 128GB", "499.00", brand="Google",
                category="Electronics > Phones > Smartphones", description="Great camera for the price"),
        product("p4", "Spigen Ultra Hybrid Case for iPhone 16 Pro", "15.99", brand="Spigen",
                category="Electronics > Phone Accessories > Cases",
                attributes={"compatible_models": ["iPhone 16 Pro"]}),
        product("p5", "Tomtoc 14-inch Laptop Sleeve", "29.99", brand="Tomtoc",
                category="Computers > Accessories > Laptop Bags & Sleeves"),
        product("p6", "Estée Lauder Advanced Night Repair Serum 50ml", "115.00", brand="Estée Lauder",
                category="Beauty > Skincare > Serums & Essences", title_zh="雅诗兰黛 小棕瓶精华 50ml"),
        product("p7", "La Roche-Posay Anthelios SPF 50 Sunscreen", "36.99", brand="La Roche-Posay",
                category="Beauty > Skincare > Sunscreen", title_zh="理肤泉 特护清盈防晒霜 SPF50"),
        product("p8", "Nespresso Vertuo Pop Coffee Machine", "899.99", brand="Nespresso",
                category="Home & Kitchen > Coffee > Coffee Machines"),
        product("p9", "Xiaomi Redmi Note 14 Pro 256GB", "899.99", brand="Xiaomi",
                category="Electronics > Phones > Smartphones", stock=12, title_zh="小米 红米 Note 14 Pro"),
        product("p10", "Anker Nano 30W USB-C Charger", "899.98", brand="Anker",
                category="Electronics > Phone Accessories > Chargers", attributes={"connector": "USB-C"}),
    ]  # fmt: skip
    return Catalog(tuple(rows), source="small")
