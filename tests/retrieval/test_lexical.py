from __future__ import annotations

import numpy as np

from retrieval.lexical import BM25Index, lexical_document
from tests.retrieval.factories import small_catalog

CATALOG = small_catalog()
BM25 = BM25Index.build([lexical_document(product) for product in CATALOG])


def best(query: str) -> str:
    return CATALOG[int(np.argmax(BM25.scores(query)))].id


def test_model_numbers_and_brands_find_the_exact_product() -> None:
    assert best("galaxy s25 ultra") == "p2"
    assert best("Redmi Note 14") == "p9"
    assert best("estee lauder") == "p6"


def test_attribute_values_are_searchable() -> None:
    scores = BM25.scores("case iphone 16 pro")
    assert CATALOG[int(np.argmax(scores))].id == "p4"


def test_chinese_titles_are_searchable() -> None:
    assert best("防晒霜") == "p7"
    assert best("小棕瓶") == "p6"


def test_unknown_words_score_zero_everywhere() -> None:
    assert not BM25.scores("zzzz qqqq").any()
    assert BM25.scores("").shape == (len(CATALOG),)


def test_rarer_terms_weigh_more_than_common_ones() -> None:
    scores = BM25.scores("smartphones pixel")
    assert CATALOG[int(np.argmax(scores))].id == "p3"
    assert scores[2] > scores[0] > 0
