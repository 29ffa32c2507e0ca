"""Candidate finding over the demo catalog with the hash embedder (a fake: the real one is tested through
the engine); and the pure ranking helpers."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from assistant.chat.candidates import CandidateFinder, _cheaper_half, _merged, purpose_only, titled
from assistant.chat.catalog_view import CatalogView, model_of
from assistant.dialogue.state import ShoppingGoal
from assistant.settings import RetrievalSettings
from pricing.complements.needs import DEMO_NEEDS
from retrieval.catalog import demo_catalog_path, load_catalog
from retrieval.embedders import HashEmbedder
from retrieval.indexes.store import IndexStore
from retrieval.search import Retriever, SearchHit
from tests.assistant.chat.products import AIR, IDEAPAD, product


@pytest.fixture(scope="module")
def finder(tmp_path_factory: pytest.TempPathFactory) -> CandidateFinder:
    catalog = load_catalog(demo_catalog_path())
    section = RetrievalSettings()
    retriever = Retriever(
        catalog,
        embedder=HashEmbedder(dimension=64),
        index_store=IndexStore(tmp_path_factory.mktemp("index"), section),
        settings=section,
    )
    return CandidateFinder(retriever, CatalogView(catalog), DEMO_NEEDS)


def test_a_named_model_is_the_shoppers_device(finder: CandidateFinder) -> None:
    devices = finder.own_devices(ShoppingGoal(owned=["phone"], fits=["iPhone 16 Pro"]))
    assert devices and {model_of(device) for device in devices} == {"iphone 16 pro"}


def test_a_platform_alone_is_no_known_model(finder: CandidateFinder) -> None:
    assert not finder.knows_model(ShoppingGoal(fits=["iOS"]))
    assert finder.knows_model(ShoppingGoal(fits=["iOS", "iPhone 16"]))


def test_example_models_keep_to_the_line_the_shopper_said(finder: CandidateFinder) -> None:
    examples = finder.example_models("phone", said="a pixel case")
    assert examples and all(example.casefold().startswith("pixel") for example in examples)


def _hit(item: object, score: float) -> SearchHit:
    return SearchHit(item, score, score, 0.0)  # type: ignore[arg-type]


def test_merged_takes_turns_and_keeps_each_product_once_at_its_best() -> None:
    first = [_hit(AIR, 0.9), _hit(IDEAPAD, 0.5)]
    second = [_hit(IDEAPAD, 0.8)]
    merged = _merged([first, second], limit=5)
    assert [(hit.product.id, hit.score) for hit in merged] == [(AIR.id, 0.9), (IDEAPAD.id, 0.8)]
    assert len(_merged([first, second], limit=1)) == 1


def test_the_cheaper_half_ranks_the_cheapest_first() -> None:
    dear = replace(product("Dear Laptop", "Computers > Laptops"), price=Decimal("900"))
    cheap = replace(product("Cheap Laptop", "Computers > Laptops"), price=Decimal("300"))
    mid = replace(product("Mid Laptop", "Computers > Laptops"), price=Decimal("600"))
    kept = _cheaper_half([_hit(dear, 1.0), _hit(mid, 1.0), _hit(cheap, 1.0)], keep=2)
    assert [hit.product.title for hit in kept] == ["Cheap Laptop", "Mid Laptop"]
    assert kept[0].score > kept[1].score


def test_purpose_only_and_titled() -> None:
    assert purpose_only(ShoppingGoal(use_case="a picnic"))
    assert not purpose_only(ShoppingGoal(use_case="a picnic", categories=["mug"]))
    kettle = product("Fellow Stagg EKG Electric Kettle", "Home & Kitchen > Coffee > Mugs & Accessories")
    assert titled(kettle, "kettle") and not titled(kettle, "mug") and not titled(kettle, None)
