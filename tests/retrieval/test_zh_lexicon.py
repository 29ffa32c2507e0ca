"""The Chinese lexicon: glosses the English tagger reads, and Chinese names for replies."""

from __future__ import annotations

import pytest

from retrieval.zh_lexicon import gloss_text, in_chinese


@pytest.mark.parametrize("measure", ["一部", "一台", "一双", "一支"])
def test_a_measure_word_reads_as_an_article(measure: str) -> None:
    """'我想买一部手机' tagged '一部' as a brand, and '买一台笔记本电脑' read as accepting a bundle."""
    glossed, readable = gloss_text(f"我想买{measure}手机")
    assert measure not in glossed and readable == 1.0


def test_categories_are_named_in_chinese_where_the_lexicon_can() -> None:
    assert in_chinese("phone") == "手机" and in_chinese("Phones") == "手机"
    assert in_chinese("flux capacitor") == "flux capacitor"
    # a role the lexicon lacks whole: its longest known part, the head noun's first
    assert in_chinese("serum essence") == "精华" and in_chinese("laptop bag sleeve") == "电脑包"
    assert in_chinese("small appliance") == "小家电"  # a shelf name for replies only


@pytest.mark.parametrize(
    ("compound", "english"),
    [
        ("手机支架", "phone stand"),  # had been read as 手机, a phone
        ("屏幕膜", "screen protector"),  # had been read as sunscreen
        ("笔记本包", "laptop bag"),  # had been read as a laptop
        ("鼠标垫", "mouse pad"),
        ("平板壳", "tablet case"),
    ],
)
def test_an_accessory_compound_glosses_whole_not_as_its_device(compound: str, english: str) -> None:
    glossed, _ = gloss_text(f"我想买一个{compound}")
    assert english in glossed
