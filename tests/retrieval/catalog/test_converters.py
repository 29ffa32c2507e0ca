"""Third-party catalogs converted into contract records that the loader accepts in full."""

from __future__ import annotations

import csv
import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from retrieval.catalog import load_catalog
from retrieval.catalog.converters import CONVERTERS, from_dummyjson, from_sephora
from retrieval.catalog.loader import KNOWN_FIELDS, parse_catalog
from retrieval.catalog.schema import Catalog
from tests.conftest import shared_data

pytestmark = pytest.mark.integration

DUMMYJSON_PRODUCTS = 194
SEPHORA_ROWS = 5504  # per ../shared/data/sephora_products/README.md; the converter drops none


def parse(records: list[dict[str, object]], source: str) -> Catalog:
    return parse_catalog(((line, record) for line, record in enumerate(records, start=1)), source)


def test_registry_names_both_converters() -> None:
    assert set(CONVERTERS) == {"dummyjson", "sephora"}
    assert CONVERTERS["dummyjson"] is from_dummyjson
    assert CONVERTERS["sephora"] is from_sephora


def test_dummyjson_converts_to_a_valid_catalog() -> None:
    records = list(from_dummyjson(shared_data("dummyjson", "products.json")))
    catalog = parse(records, "dummyjson")

    assert len(records) == len(catalog) == DUMMYJSON_PRODUCTS
    assert all(set(record) <= set(KNOWN_FIELDS) for record in records)
    assert catalog.currencies == {"USD"}
    assert len({product.id for product in catalog}) == DUMMYJSON_PRODUCTS
    assert {product.category for product in catalog} >= {"Smartphones", "Kitchen Accessories", "Skin Care"}
    assert Counter(product.category for product in catalog)["Kitchen Accessories"] == 30
    assert sum(product.brand is None for product in catalog) == 92  # README: brand missing for 92

    first = catalog.by_id("dj-1")
    assert first.title == "Essence Mascara Lash Princess"
    assert first.price == Decimal("9.99")
    assert first.brand == "Essence"
    assert first.stock == 99
    assert first.attributes["sku"] == "BEA-ESS-ESS-001"


def test_sephora_converts_to_a_valid_catalog() -> None:
    path = shared_data("sephora_products", "product_info.csv")
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    records = list(from_sephora(path))
    catalog = parse(records, "sephora")

    assert len(rows) == len(records) == len(catalog) == SEPHORA_ROWS
    assert catalog.currencies == {"USD"}
    assert len({product.brand for product in catalog}) == 202
    roots = Counter(product.category_path[0] for product in catalog if product.category)
    assert roots["Makeup"] == 1505
    assert roots["Skincare"] == 1497
    assert roots["Fragrance"] == 1004
    assert roots["Hair"] == 936
    assert sum(product.stock == 0 for product in catalog) == sum(row["out_of_stock"] == "1" for row in rows)
    assert min(product.price for product in catalog) == Decimal("4.00")
    assert max(product.price for product in catalog) == Decimal("465.00")

    first = catalog[0]
    assert (first.id, first.title, first.brand) == ("P473671", "Fragrance Discovery Set", "19-69")
    assert first.category == "Fragrance > Value & Gift Sets > Perfume Gift Sets"


def test_sephora_without_categories() -> None:
    records = list(from_sephora(shared_data("sephora_products", "product_info.csv"), with_category=False))
    assert len(records) == SEPHORA_ROWS
    assert not any("category" in record for record in records)


def test_converted_dummyjson_round_trips_through_a_jsonl_file(tmp_path: Path) -> None:
    records = list(from_dummyjson(shared_data("dummyjson", "products.json")))
    path = tmp_path / "dummyjson.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    assert load_catalog(path).content_hash == parse(records, "memory").content_hash
