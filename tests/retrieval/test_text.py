from __future__ import annotations

import pytest

from retrieval.text import category_key, fold, model_key, singular, tokenize, word_family


def test_fold_removes_case_and_accents_but_keeps_cjk() -> None:
    assert fold("Estée LAUDER Lancôme") == "estee lauder lancome"
    assert fold("雅诗兰黛") == "雅诗兰黛"


@pytest.mark.parametrize(
    ("word", "expected"),
    [("cases", "case"), ("batteries", "battery"), ("brushes", "brush"), ("glass", "glass"), ("bus", "bus"),
     ("phones", "phone"), ("4s", "4s"), ("gas", "gas"), ("lens", "lens"), ("lenses", "lens")],
)  # fmt: skip
def test_singular(word: str, expected: str) -> None:
    assert singular(word) == expected


def test_tokenize_keeps_model_numbers_and_their_parts_and_drops_stop_words() -> None:
    tokens = tokenize("A case for the Galaxy S25 Ultra, 256GB")
    assert tokens == ["case", "galaxy", "s25", "s", "25", "ultra", "256gb", "256", "gb"]


def test_tokenize_segments_chinese_words() -> None:
    tokens = tokenize("我想买一套护肤品送给妈妈")
    assert "护肤品" in tokens and "妈妈" in tokens


def test_category_key_normalises_plurals_and_punctuation() -> None:
    assert category_key("Laptop Bags & Sleeves") == "laptop bag sleeve"
    assert category_key("Serums") == category_key("serum")


def test_model_key_keeps_what_tells_models_apart() -> None:
    assert model_key("Galaxy S25+") == model_key("galaxy s25 plus") == "galaxy s25 +"
    assert model_key("Galaxy S25+") != model_key("Galaxy S25")
    assert model_key("iPad Air 11-inch (M3)") == "ipad air 11 inch m3"
    assert model_key("fēnix 8 47mm") == "fenix 8 47mm"


@pytest.mark.parametrize(
    "forms",
    [
        ("running", "runs", "runner", "run"),
        ("hiking", "hike", "hiker", "hikes"),
        ("travelling", "traveling", "traveller", "travel"),
        ("photography", "photographer", "photograph"),
        ("gaming", "gamer", "games"),
        ("studying", "study", "studies"),
    ],
)
def test_word_family_folds_an_activitys_forms_together(forms: tuple[str, ...]) -> None:
    assert len({word_family(word) for word in forms}) == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [("photo", "photography"), ("ring", "run"), ("spring", "sprint"), ("office", "official")],
)
def test_word_family_keeps_other_words_apart(first: str, second: str) -> None:
    assert word_family(first) != word_family(second)
