"""Catalog vocabulary: canonical category and brand names for what shoppers type."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.intent.vocabulary import SlotVocabulary
from tests.retrieval.factories import small_catalog


@pytest.fixture(scope="module")
def vocabulary() -> SlotVocabulary:
    return SlotVocabulary.from_catalog(small_catalog())


def test_categories_come_from_every_segment_of_the_paths(vocabulary: SlotVocabulary) -> None:
    categories = vocabulary.categories
    for name in (
        "phone",
        "smartphone",
        "case",
        "charger",
        "sunscreen",
        "skincare",
        "serum",
        "coffee machine",
    ):
        assert name in categories
    assert categories == sorted(categories)
    assert all(">" not in name for name in categories)  # path prefixes are not category names
    assert all(name == name.lower() for name in categories)


def test_brands_are_the_catalog_spellings(vocabulary: SlotVocabulary) -> None:
    assert vocabulary.brands == [
        "Anker", "Apple", "Estée Lauder", "Google", "La Roche-Posay", "Nespresso", "Samsung", "Spigen",
        "Tomtoc", "Xiaomi",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("phone", "phone"),
        ("phones", "phone"),
        ("Phones", "phone"),
        ("a new phone", "phone"),
        ("cellphone", "phone"),
        ("smartphones", "smartphone"),
        ("手机", "phone"),
        ("cases", "case"),
        ("phone case", "case"),
        ("护肤品", "skincare"),
        ("skin care", "skincare"),
        ("skincare set", "skincare"),
        ("sunblock", "sunscreen"),
        ("防晒霜", "sunscreen"),
        ("coffee machines", "coffee machine"),
        ("coffe machine", "coffee machine"),  # typo, by spelling similarity
        ("books", "book"),  # not carried: kept, cleaned
        ("noise cancelling phones", "phone"),  # the head noun names the category
        ("protective cover", "case"),  # ... or an alias of one
        ("heavy duty phone case", "case"),
        ("wireless book", "book"),  # not carried either way: named by its head noun
        ("office calendars", "calendar"),
        ("accessories", ""),  # a generic word names no kind of product
        ("配件", ""),
        ("phone accessories", "phone"),  # ... but what it is for does
        ("降噪耳机", "earbud"),  # Chinese puts the head noun last too (耳机)
        ("护肤品", "skincare"),
        ("  Books! ", "book"),
    ],
)
def test_category(vocabulary: SlotVocabulary, text: str, canonical: str) -> None:
    assert vocabulary.category(text) == canonical


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("estee lauder", "Estée Lauder"),
        ("Estée Lauder", "Estée Lauder"),
        ("雅诗兰黛", "Estée Lauder"),
        ("samsnug", "Samsung"),
        ("galaxy", "Samsung"),
        ("三星", "Samsung"),
        ("APPLE", "Apple"),
        ("iphone", "Apple"),
        ("苹果", "Apple"),
        ("Aple", "Apple"),
        ("la roche", "La Roche-Posay"),
        ("la roche posay", "La Roche-Posay"),
        ("理肤泉", "La Roche-Posay"),
        ("xiaomi ", "Xiaomi"),
        ("pixel", "Google"),
        ("Nokia", "Nokia"),  # not carried: kept as typed
        ("Banker", "Banker"),  # close to Anker by spelling, but a typo keeps the first letter
        ("ankr", "Anker"),
        ("  Nokia  ", "Nokia"),
    ],
)
def test_brand(vocabulary: SlotVocabulary, text: str, canonical: str) -> None:
    assert vocabulary.brand(text) == canonical


def test_no_embedder_means_no_semantic_match(vocabulary: SlotVocabulary) -> None:
    assert vocabulary.category("cellular telephone") == "telephone"  # not carried: its head noun


class _CountingEmbedder:
    """Stands in for an embedder; only counts calls (never asked for anything it cannot answer)."""

    def __init__(self) -> None:
        self.calls = 0

    def embed(self, texts: list[str]) -> Any:
        self.calls += 1
        raise AssertionError(f"embedder should not be needed for {texts!r}")


def test_exact_and_alias_matches_never_call_the_embedder() -> None:
    embedder = _CountingEmbedder()
    vocabulary = SlotVocabulary.from_catalog(small_catalog(), embedder=embedder)  # type: ignore[arg-type]
    assert vocabulary.category("phones") == "phone"
    assert vocabulary.category("sunblock") == "sunscreen"
    assert vocabulary.category("护肤品") == "skincare"
    assert embedder.calls == 0


@pytest.mark.integration
def test_category_by_embedding_similarity(minilm: Any) -> None:
    vocabulary = SlotVocabulary.from_catalog(small_catalog(), embedder=minilm)
    assert vocabulary.category("cellular telephone") == "phone"
    assert vocabulary.category("espresso maker") == "coffee machine"
    assert vocabulary.category("books") == "book"  # below the threshold: kept, not forced onto a category
