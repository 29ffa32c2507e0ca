"""Convert third-party catalogs (DummyJSON, Sephora's Kaggle export) into the contract's records.

Used to try Bundlewise on real shops' data and to evaluate retrieval on catalogs the team did not write.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any


def from_dummyjson(path: Path) -> Iterator[dict[str, Any]]:
    """Records from DummyJSON's `products.json` (`{"products": [...]}` or a bare list)."""
    data = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    items = data["products"] if isinstance(data, dict) else data
    for item in items:
        category = str(item.get("category", "")).replace("-", " ").title()
        attributes = {
            key: item[key] for key in ("sku", "weight", "warrantyInformation") if item.get(key) is not None
        }
        yield _drop_none(
            {
                "id": f"dj-{item['id']}",
                "title": item["title"],
                "price": str(item["price"]),
                "currency": "USD",
                "category": category or None,
                "brand": item.get("brand"),
                "description": item.get("description"),
                "stock": item.get("stock"),
                "attributes": {key: str(value) for key, value in attributes.items()} or None,
                "image_url": item.get("thumbnail"),
            }
        )


def from_sephora(path: Path, *, with_category: bool = True) -> Iterator[dict[str, Any]]:
    """Records from Sephora's `product_info.csv` (USD prices, three-level categories)."""
    with path.open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            levels = [row.get(name, "").strip() for name in ("primary_category", "secondary_category")]
            levels.append(row.get("tertiary_category", "").strip())
            category = " > ".join(level for level in levels if level) if with_category else None
            yield _drop_none(
                {
                    "id": row["product_id"],
                    "title": row["product_name"],
                    "price": row["price_usd"],
                    "currency": "USD",
                    "category": category or None,
                    "brand": row.get("brand_name") or None,
                    "stock": 0 if row.get("out_of_stock") == "1" else None,
                }
            )


CONVERTERS = {"dummyjson": from_dummyjson, "sephora": from_sephora}


def _drop_none(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if value is not None}
