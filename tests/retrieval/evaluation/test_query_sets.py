"""The labelled query sets built from ../shared/data: non-empty, labels not indexed, ids all real."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.errors import NotFoundError
from assistant.settings import Settings
from retrieval.evaluation.query_sets import (
    SOURCES,
    LabelledSet,
    bundlerec_electronic_leaf,
    dummyjson_category,
    parse_amazon_categories,
    sephora_brand_category,
)
from retrieval.evaluation.run import MODES, NDCG, RECALL, evaluate_retrieval, split_dev_test

SHARED_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"


def _data_dir(folder: str) -> Path:
    """The shared data directory, skipping when `folder` is absent (a user's clone has no ../shared)."""
    if not (SHARED_DATA / folder).is_dir():
        pytest.skip(f"real data not available: {SHARED_DATA / folder} (needs ../shared/data)")
    return SHARED_DATA


BUILDERS: list[tuple[str, Callable[[Path], LabelledSet]]] = [
    ("sephora_products", sephora_brand_category),
    ("dummyjson", dummyjson_category),
    ("bundlerec_sigir22", bundlerec_electronic_leaf),
]


@pytest.mark.integration
@pytest.mark.parametrize(("folder", "build"), BUILDERS, ids=[folder for folder, _ in BUILDERS])
def test_set_is_sound(folder: str, build: Callable[[Path], LabelledSet]) -> None:
    labelled = build(_data_dir(folder))
    assert len(labelled.catalog) > 0
    assert len(labelled.queries) >= 20
    assert labelled.description
    # the label source is not indexed: no product keeps a category
    assert all(product.category is None for product in labelled.catalog)
    texts = [query.text for query in labelled.queries]
    assert len(set(texts)) == len(texts)
    for query in labelled.queries:
        assert query.text.strip() == query.text and query.text
        assert query.relevant, query.text
        assert query.relevant <= labelled.catalog.row_of.keys(), query.text


@pytest.mark.integration
def test_sets_are_deterministic_and_split_stably() -> None:
    labelled = sephora_brand_category(_data_dir("sephora_products"))
    again = sephora_brand_category(SHARED_DATA)
    assert labelled.queries == again.queries
    dev, test = split_dev_test(labelled)
    assert len(dev) + len(test) == len(labelled.queries)
    assert dev and test
    assert {query.text for query in dev}.isdisjoint(query.text for query in test)
    assert split_dev_test(again) == (dev, test)


@pytest.mark.integration
def test_sephora_queries_name_the_brand_of_every_relevant_product() -> None:
    labelled = sephora_brand_category(_data_dir("sephora_products"))
    for query in labelled.queries:
        brands = {labelled.catalog.by_id(product_id).brand for product_id in query.relevant}
        assert len(brands) == 1
        brand = brands.pop()
        assert brand is not None and query.text.startswith(brand + " ")


def test_sources_name_their_files() -> None:
    assert {source.name for source in SOURCES} == {
        "sephora_brand_category",
        "dummyjson_category",
        "bundlerec_electronic_leaf",
    }
    assert all(source.missing(Path("/nonexistent")) == list(source.files) for source in SOURCES)


def test_amazon_category_paths_keep_commas_inside_names() -> None:
    text = "[[Clothing, Shoes & Jewelry,Women,Jewelry],[Electronics,Cases & Sleeves]]"
    assert parse_amazon_categories(text) == [
        ["Clothing, Shoes & Jewelry", "Women", "Jewelry"],
        ["Electronics", "Cases & Sleeves"],
    ]
    assert parse_amazon_categories("not a list") == []


def test_evaluation_without_any_data_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="no evaluation data"):
        evaluate_retrieval(tmp_path, settings=Settings())


@pytest.mark.slow
@pytest.mark.integration
def test_evaluation_end_to_end_on_dummyjson_with_the_real_model() -> None:
    data_dir = _data_dir("dummyjson")
    report = evaluate_retrieval(data_dir, settings=Settings(), sources=[SOURCES[1]])
    assert report["skipped"] == {}
    assert report["dense_weight"]["chosen"] in report["dense_weight"]["grid"]
    figures = report["sets"]["dummyjson_category"]["test"]
    for mode in MODES:
        assert 0.0 <= figures[mode][NDCG] <= 1.0
        assert 0.0 <= figures[mode][RECALL] <= 1.0
    assert report["macro_test"]["dense"] == figures["dense"]
