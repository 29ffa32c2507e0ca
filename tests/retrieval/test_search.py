from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.errors import InvalidInputError
from assistant.settings import RetrievalSettings
from retrieval.catalog import demo_catalog_path, load_catalog
from retrieval.embedders import Embedder, HashEmbedder
from retrieval.filters import SearchFilters
from retrieval.indexes.store import IndexStore
from retrieval.search import Retriever
from tests.retrieval.factories import small_catalog


def make_retriever(tmp_path: Path, embedder: Embedder | None = None, **overrides: object) -> Retriever:
    section = RetrievalSettings(**overrides)  # type: ignore[arg-type]
    catalog = small_catalog()
    return Retriever(
        catalog,
        embedder=embedder or HashEmbedder(dimension=64),
        index_store=IndexStore(tmp_path, section),
        settings=section,
    )


@pytest.fixture
def retriever(tmp_path: Path) -> Retriever:
    return make_retriever(tmp_path)


def test_hybrid_finds_model_numbers(retriever: Retriever) -> None:
    assert retriever.search("galaxy s25 ultra", top_k=3)[0].product.id == "p2"


def test_results_obey_every_filter_and_fill_k(retriever: Retriever) -> None:
    filters = SearchFilters(max_price=Decimal(900), categories=("phone",), exclude_brands=("google",))
    hits = retriever.search("camera phone", top_k=5, filters=filters)
    assert [hit.product.id for hit in hits] == ["p9"]  # the only phone that passes
    hits = retriever.search("anything at all", top_k=7)
    assert len(hits) == 7 and len({hit.product.id for hit in hits}) == 7


@pytest.mark.parametrize("mode", ["hybrid", "dense", "lexical"])
def test_every_mode_returns_k_distinct_results_sorted_by_score(retriever: Retriever, mode: str) -> None:
    hits = retriever.search("zzz unmatched words", top_k=4, mode=mode)  # type: ignore[arg-type]
    assert len(hits) == 4
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)


def test_nothing_passes_the_filters_gives_an_empty_list(retriever: Retriever) -> None:
    assert retriever.search("phone", filters=SearchFilters(max_price=Decimal(1))) == []


def test_search_many_matches_single_searches(retriever: Retriever) -> None:
    queries = ["sunscreen", "iphone case", "coffee machine"]
    many = retriever.search_many(queries, top_k=3)
    single = [retriever.search(query, top_k=3) for query in queries]
    assert [[h.product.id for h in hits] for hits in many] == [
        [h.product.id for h in hits] for hits in single
    ]


@pytest.mark.parametrize("query", ["", "   ", "\x00\x01\t"])
def test_empty_queries_are_rejected(retriever: Retriever, query: str) -> None:
    with pytest.raises(InvalidInputError, match="empty"):
        retriever.search(query)


@pytest.mark.parametrize("top_k", [0, -1, 1001])
def test_out_of_range_top_k_is_rejected(retriever: Retriever, top_k: int) -> None:
    with pytest.raises(InvalidInputError, match="top_k"):
        retriever.search("phone", top_k=top_k)


@pytest.mark.parametrize("query", ["🙂🙂🙂", "x" * 10_000, "手机 phone 📱", "case\u202efor\u200b iphone"])
def test_odd_but_non_empty_queries_still_search(retriever: Retriever, query: str) -> None:
    assert len(retriever.search(query, top_k=3)) == 3


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    max_price=st.none() | st.decimals(min_value=0, max_value=1500, places=2),
    brands=st.lists(st.sampled_from(["Apple", "Samsung", "Google", "Xiaomi", "Anker"]), max_size=2),
    in_stock=st.booleans(),
    top_k=st.integers(1, 12),
)
def test_search_returns_exactly_min_k_allowed_and_only_allowed(
    retriever: Retriever, max_price: Decimal | None, brands: list[str], in_stock: bool, top_k: int
) -> None:
    filters = SearchFilters(max_price=max_price, exclude_brands=tuple(brands), in_stock=in_stock)
    allowed = retriever.filter_columns.mask(filters)
    hits = retriever.search("phone", top_k=top_k, filters=filters)
    assert len(hits) == min(top_k, int(allowed.sum()))
    for hit in hits:
        assert allowed[retriever.catalog.row_of[hit.product.id]]


@pytest.mark.integration
def test_real_model_ranks_the_demo_catalog_sensibly(minilm: Embedder, tmp_path: Path) -> None:
    catalog = load_catalog(demo_catalog_path())
    section = RetrievalSettings()
    retriever = Retriever(
        catalog, embedder=minilm, index_store=IndexStore(tmp_path, section), settings=section
    )
    top = retriever.search("a phone for photography", top_k=5, filters=SearchFilters(max_price=Decimal(900)))
    assert len(top) == 5
    assert all(hit.product.price <= 900 and "Smartphones" in (hit.product.category or "") for hit in top)
    cases = retriever.search("case for iPhone 16 Pro", top_k=3)
    assert all("iPhone 16 Pro" in hit.product.attributes.get("compatible_models", []) for hit in cases)
    serum = retriever.search("Estée Lauder night serum", top_k=1)[0].product
    assert serum.brand == "Estée Lauder" and "Serum" in (serum.category or "")
    chinese = retriever.search("防晒霜", top_k=3)
    assert all("Sunscreen" in (hit.product.category or "") for hit in chinese)
