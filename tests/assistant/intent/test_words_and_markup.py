"""Word segmentation with offsets, the inline annotation format, and BIO tags in both directions."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.intent.markup import (
    MarkupError,
    Span,
    bio_tags,
    decode_tags,
    parse_markup,
    spans_from_tags,
    whole_compounds,
)
from assistant.intent.taxonomy import SPAN_SLOTS
from assistant.intent.words import Word, has_cjk, split_words


def texts(words: list[Word]) -> list[str]:
    return [word.text for word in words]


def assert_offsets_consistent(text: str, words: list[Word]) -> None:
    previous_end = 0
    for word in words:
        assert word.text
        assert text[word.start : word.end] == word.text
        assert word.start >= previous_end  # in order, never overlapping
        previous_end = word.end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mum's $900 phone, please!", ["mum", "'", "s", "$", "900", "phone", ",", "please", "!"]),
        ("Estée Lauder serum", ["Estée", "Lauder", "serum"]),
        ("3000元以内的手机", ["3000", "元", "以内", "的", "手机"]),
        ("给妈妈买护肤品", ["给", "妈妈", "买", "护肤品"]),
        ("我想要 iphone 16 pro case", ["我", "想要", "iphone", "16", "pro", "case"]),
        ("   ", []),
        ("", []),
    ],
)
def test_split_words(text: str, expected: list[str]) -> None:
    words = split_words(text)
    assert texts(words) == expected
    assert_offsets_consistent(text, words)


def test_split_words_offsets_of_mixed_script() -> None:
    words = split_words("我想要 iphone 16 pro case")
    assert [(w.start, w.end) for w in words] == [(0, 1), (1, 3), (4, 10), (11, 13), (14, 17), (18, 22)]


def test_split_words_cuts_cjk_at_boundaries() -> None:
    assert texts(split_words("买个手机壳吧")) == ["买", "个", "手机壳", "吧"]
    cut = split_words("买个手机壳吧", boundaries=frozenset({2, 4}))
    assert texts(cut) == ["买", "个", "手机", "壳", "吧"]
    assert [(w.start, w.end) for w in cut] == [(0, 1), (1, 2), (2, 4), (4, 5), (5, 6)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("我想买手机", ["我", "想", "买", "手机"]),  # jieba says '买手机': no gloss for it
        ("生日礼物", ["生日", "礼物"]),
        ("护肤品", ["护肤品"]),  # a lexicon word stays whole
    ],
)
def test_chinese_words_are_cut_around_known_words(text: str, words: list[str]) -> None:
    """Training cuts Chinese at span edges ('买[手机](category)'); a request must meet the same words."""
    assert [word.text for word in split_words(text)] == words


def test_has_cjk() -> None:
    assert has_cjk("iphone 手机壳")
    assert not has_cjk("iphone case 👍")


_PIECES = st.sampled_from(
    ["手机", "护肤品", "以内", "的", "我想要", " ", "  ", "phone", "$", "900", "é", "!", "\n"]
)


@given(st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=12).map("".join))
def test_split_words_offsets_always_consistent(text: str) -> None:
    words = split_words(text)
    assert_offsets_consistent(text, words)
    covered = {i for word in words for i in range(word.start, word.end)}
    assert covered == {i for i, ch in enumerate(text) if not ch.isspace()}


@given(st.text(max_size=40), st.frozensets(st.integers(min_value=0, max_value=40)))
def test_split_words_with_boundaries_never_straddles_a_cjk_boundary(text: str, cuts: frozenset[int]) -> None:
    words = split_words(text, boundaries=cuts)
    assert_offsets_consistent(text, words)
    for word in words:
        if has_cjk(word.text):
            assert not any(word.start < cut < word.end for cut in cuts)


def test_parse_markup_strips_markup_and_records_spans() -> None:
    annotated = parse_markup(
        "I want a [phone](category) for [photography](use_case) [under $900](budget_max)", "build_bundle"
    )
    assert annotated.text == "I want a phone for photography under $900"
    assert annotated.intent == "build_bundle"
    assert annotated.spans == (
        Span(9, 14, "category"),
        Span(19, 30, "use_case"),
        Span(31, 41, "budget_max"),
    )
    assert annotated.span_texts() == [
        ("category", "phone"),
        ("use_case", "photography"),
        ("budget_max", "under $900"),
    ]


def test_parse_markup_chinese_and_plain_text() -> None:
    annotated = parse_markup("[3000元以内](budget_max)的[手机](category)", "search_product")
    assert annotated.text == "3000元以内的手机"
    assert annotated.spans == (Span(0, 7, "budget_max"), Span(8, 10, "category"))
    plain = parse_markup("hello there (friend)", "greeting")
    assert plain.text == "hello there (friend)"
    assert plain.spans == ()


@pytest.mark.parametrize(
    ("markup", "message"),
    [
        ("a [black](colr) case", "unknown slot 'colr'"),
        ("a [black](Colour) case", "stray bracket"),  # upper case is not a slot name: left as text
        ("a [black](colour case", "stray bracket"),
        ("a black] case", "stray bracket"),
        ("[[black](colour)]", "stray bracket"),
    ],
)
def test_parse_markup_rejects_malformed(markup: str, message: str) -> None:
    with pytest.raises(MarkupError, match=message):
        parse_markup(markup, "refine")


def test_markup_error_is_a_value_error() -> None:
    assert issubclass(MarkupError, ValueError)


def test_bio_tags_english() -> None:
    words, tags = bio_tags(parse_markup("swap [the case](item_ref) for a [black](colour) one", "swap_item"))
    assert texts(words) == ["swap", "the", "case", "for", "a", "black", "one"]
    assert tags == ["O", "B-item_ref", "I-item_ref", "O", "O", "B-colour", "O"]


def test_bio_tags_chinese_spans() -> None:
    words, tags = bio_tags(parse_markup("[3000元以内](budget_max)的[手机](category)", "search_product"))
    assert texts(words) == ["3000", "元", "以内", "的", "手机"]
    assert tags == ["B-budget_max", "I-budget_max", "I-budget_max", "O", "B-category"]


def test_bio_tags_cut_a_cjk_word_the_segmenter_would_merge() -> None:
    # jieba keeps 手机壳 whole; the span edge after 手机 must cut it.
    words, tags = bio_tags(parse_markup("买个[手机](category)壳吧", "search_product"))
    assert texts(words) == ["买", "个", "手机", "壳", "吧"]
    assert tags == ["O", "O", "B-category", "O", "O"]


def test_bio_tags_reject_span_inside_a_latin_word() -> None:
    with pytest.raises(MarkupError, match="does not align"):
        bio_tags(parse_markup("[blac](colour)k case", "refine"))


ROUND_TRIP = [
    "swap [the case](item_ref) for a [black](colour) one",
    "I want a [phone](category) for [photography](use_case) [under $900](budget_max)",
    "between [300](budget_min) and [500](budget_max)",
    "[3000元以内](budget_max)的[手机](category)",
    "买个[手机](category)壳吧",
    "给[妈妈](recipient)买[护肤品](category), 不要[太贵](price_direction)",
    "nothing from [Apple](exclude_brand), [the second one](bundle_ref) [256GB](storage) [black](colour)",
    "[cheaper](price_direction)",
    "no spans at all",
]


@pytest.mark.parametrize("markup", ROUND_TRIP)
def test_spans_from_tags_round_trip(markup: str) -> None:
    annotated = parse_markup(markup, "build_bundle")
    words, tags = bio_tags(annotated)
    assert spans_from_tags(annotated.text, words, tags) == list(annotated.spans)


def test_spans_from_tags_decoding_rules() -> None:
    text = "a b c d e"
    words = split_words(text)
    tags = ["I-colour", "I-colour", "B-brand", "I-category", "B-category"]
    assert spans_from_tags(text, words, tags) == [
        Span(0, 3, "colour"),  # a stray I- starts a span, the next I- of the same slot continues it
        Span(4, 5, "brand"),
        Span(6, 7, "category"),  # I- of another slot starts a new span
        Span(8, 9, "category"),  # B- always starts a new span
    ]
    assert spans_from_tags(text, words, ["O"] * 5) == []


_TAGS = st.sampled_from(["O", *(f"{p}-{slot}" for slot in SPAN_SLOTS[:4] for p in ("B", "I"))])


@given(st.lists(st.sampled_from(["phone", "手机", "$", "900", "case", "以内"]), max_size=12), st.data())
def test_spans_from_random_tags_never_overlap(pieces: list[str], data: st.DataObject) -> None:
    text = " ".join(pieces)
    words = split_words(text)
    tags = data.draw(st.lists(_TAGS, min_size=len(words), max_size=len(words)))
    spans = spans_from_tags(text, words, tags)
    starts = {word.start for word in words}
    ends = {word.end for word in words}
    previous_end = -1
    for span in spans:
        assert span.start in starts
        assert span.end in ends
        assert span.start < span.end
        assert span.start >= previous_end
        previous_end = span.end
    assert len(spans) == sum(
        1
        for i, tag in enumerate(tags)
        if tag.startswith("B-") or (tag.startswith("I-") and (i == 0 or tags[i - 1][2:] != tag[2:]))
    )


TAGS = ["O", "B-use_case", "I-use_case", "B-category", "I-category"]


def log_probs(rows: list[dict[str, float]]) -> np.ndarray:
    """Per-word log-probabilities; unnamed tags get a small share."""
    table = np.full((len(rows), len(TAGS)), 0.01)
    for index, row in enumerate(rows):
        for tag, probability in row.items():
            table[index, TAGS.index(tag)] = probability
    return np.asarray(np.log(table))


def test_decode_tags_never_starts_a_span_with_i() -> None:
    # Word by word the best tags are B-use_case, I-category: two broken spans. Valid BIO keeps one span.
    words = [{"B-use_case": 0.6, "B-category": 0.3}, {"I-category": 0.5, "I-use_case": 0.45}]
    assert decode_tags(log_probs(words), TAGS) == ["B-use_case", "I-use_case"]


def test_decode_tags_keeps_the_word_by_word_best_when_it_is_valid() -> None:
    words = [{"O": 0.9}, {"B-category": 0.8}, {"I-category": 0.7}, {"O": 0.9}]
    assert decode_tags(log_probs(words), TAGS) == ["O", "B-category", "I-category", "O"]
    assert decode_tags(log_probs([]), TAGS) == []


@given(st.lists(st.lists(st.floats(0.001, 1.0), min_size=5, max_size=5), max_size=12))
def test_decoded_tags_are_always_valid_bio(rows: list[list[float]]) -> None:
    decoded = decode_tags(np.log(np.array(rows).reshape(-1, len(TAGS))), TAGS)
    assert len(decoded) == len(rows)
    for previous, tag in zip(["O", *decoded], decoded, strict=False):
        if tag.startswith("I-"):
            assert previous in (f"B-{tag[2:]}", tag)


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("any Audio-Technica headphones?", [(4, 10, "brand"), (10, 18, "brand"), (19, 29, "category")],
         [("Audio-Technica", "brand"), ("headphones", "category")]),
        ("tp-link is fine", [(3, 7, "brand")], [("tp-link", "brand")]),
        ("audio- technica", [(0, 6, "brand")], [("audio-", "brand")]),  # a space ends the compound
        ("anti-aging cream", [(5, 10, "use_case"), (11, 16, "category")],
         [("anti-aging", "use_case"), ("cream", "category")]),
        ("usb-c cable", [(0, 3, "connector"), (6, 11, "category")],
         [("usb-c", "connector"), ("cable", "category")]),
        ("华为手机和手机壳", [(2, 4, "category"), (5, 8, "category")],
         [("手机", "category"), ("手机壳", "category")]),
        ("球拍、羽毛球", [(0, 2, "category"), (3, 6, "category")],
         [("球拍", "category"), ("羽毛球", "category")]),
    ],
)  # fmt: skip
def test_spans_never_cut_a_hyphenated_compound(
    text: str, spans: list[tuple[int, int, str]], expected: list[tuple[str, str]]
) -> None:
    found = whole_compounds(text, [Span(*span) for span in spans])
    assert [(text[span.start : span.end], span.slot) for span in found] == expected
