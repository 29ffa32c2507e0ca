"""The HTTP API over a small catalog with the FAKE hash embedder: shapes, filters and problem JSON errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from assistant.api.app import PROBLEM, create_app
from assistant.settings import RetrievalSettings
from retrieval.catalog import Catalog, load_catalog
from retrieval.embedders import HashEmbedder
from retrieval.indexes.store import IndexStore
from retrieval.search import Retriever
from tests.assistant.conftest import CATEGORY_OF, HEADPHONES, PRICE_OF

RESULT_KEYS = {"product_id", "title", "brand", "category", "price", "currency", "score"}
PROBLEM_KEYS = {"type", "title", "status", "detail"}


@pytest.fixture
def catalog(shop_catalog: Path) -> Catalog:
    return load_catalog(shop_catalog)


@pytest.fixture
def client(catalog: Catalog, tmp_path: Path) -> TestClient:
    settings = RetrievalSettings()
    retriever = Retriever(
        catalog,
        embedder=HashEmbedder(),
        index_store=IndexStore(tmp_path / "indexes", settings),
        settings=settings,
    )
    return TestClient(create_app(retriever))


def problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert set(body) == PROBLEM_KEYS
    assert body["status"] == status
    return body


def test_healthz_reports_product_count(client: TestClient, catalog: Catalog) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "products": 20, "catalog_hash": catalog.content_hash[:16]}


def test_search_returns_the_cli_json_shape(client: TestClient) -> None:
    response = client.get("/v1/search", params={"q": "noise cancelling headphones", "top_k": 3})

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"query", "results"}
    assert body["query"] == "noise cancelling headphones"
    assert len(body["results"]) == 3
    for result in body["results"]:
        assert set(result) == RESULT_KEYS
        assert result["price"] == PRICE_OF[result["product_id"]]
        assert isinstance(result["price"], str)
        assert result["currency"] == "USD"
    assert body["results"][0]["product_id"] == "hp-2"


def test_search_default_top_k_is_ten(client: TestClient) -> None:
    assert len(client.get("/v1/search", params={"q": "phone"}).json()["results"]) == 10


def test_search_max_price_is_exact_at_the_boundary(client: TestClient) -> None:
    response = client.get("/v1/search", params={"q": "headphones", "top_k": 20, "max_price": "49.99"})

    assert response.status_code == 200
    returned = {result["product_id"] for result in response.json()["results"]}
    assert returned == {"hp-1", "hp-3", "hp-5", "sk-1", "sk-2", "sk-3", "sk-4", "co-3", "co-4", "co-5"}
    assert "hp-2" not in returned  # 50.00: one cent above


def test_search_min_price_is_inclusive(client: TestClient) -> None:
    response = client.get("/v1/search", params={"q": "headphones", "top_k": 20, "min_price": "50.00"})
    returned = {result["product_id"] for result in response.json()["results"]}
    assert "hp-2" in returned
    assert "hp-1" not in returned
    assert all(float(PRICE_OF[pid]) >= 50 for pid in returned)


def test_search_category_and_brand_filters(client: TestClient) -> None:
    response = client.get(
        "/v1/search",
        params={"q": "wireless", "top_k": 20, "category": "headphones", "brand": ["zen", "acme"]},
    )
    assert response.status_code == 200
    returned = {result["product_id"] for result in response.json()["results"]}
    assert returned == {"hp-2", "hp-3", "hp-4"}
    assert all(CATEGORY_OF[pid] == HEADPHONES for pid in returned)


def test_top_k_zero_is_a_problem(client: TestClient) -> None:
    body = problem(client.get("/v1/search", params={"q": "phone", "top_k": 0}), 422)
    assert body["type"] == "invalid-input"
    assert "top_k" in body["detail"]


def test_missing_query_is_a_problem(client: TestClient) -> None:
    body = problem(client.get("/v1/search"), 422)
    assert body["type"] == "invalid-input"
    assert "q" in body["detail"]
    assert "required" in body["detail"].lower()


def test_whitespace_query_is_a_problem(client: TestClient) -> None:
    body = problem(client.get("/v1/search", params={"q": "   "}), 422)
    assert body["detail"] == "query is empty"


def test_min_price_above_max_price_is_a_problem_naming_both(client: TestClient) -> None:
    body = problem(client.get("/v1/search", params={"q": "phone", "min_price": "60", "max_price": "50"}), 422)
    assert body["type"] == "invalid-input"
    assert "min_price" in body["detail"]
    assert "max_price" in body["detail"]
    assert "60" in body["detail"]
    assert "50" in body["detail"]


def test_negative_max_price_is_a_problem(client: TestClient) -> None:
    body = problem(client.get("/v1/search", params={"q": "phone", "max_price": "-1"}), 422)
    assert "max_price" in body["detail"]


def test_unknown_path_is_a_problem_not_html(client: TestClient) -> None:
    response = client.get("/v1/nothing-here")
    body = problem(response, 404)
    assert body["title"] == "Not Found"
    assert "<html" not in response.text.lower()


def test_wrong_method_is_a_problem(client: TestClient) -> None:
    problem(client.post("/v1/search", params={"q": "phone"}), 405)
