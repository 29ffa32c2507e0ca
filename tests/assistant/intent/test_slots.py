"""Assembling typed, canonical slots from tagged spans, and their JSON form."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from pydantic import ValidationError

from assistant.intent.markup import Span
from assistant.intent.parser import (
    FittedDevice,
    ParsedMessage,
    attach_numbers,
    brands_before_categories,
    fitted_device,
    line_brands,
    lines_after_articles,
    merge_modifiers,
    span_slots,
)
from assistant.intent.slots import Slots, assemble_slots
from assistant.intent.vocabulary import SlotVocabulary
from tests.retrieval.factories import small_catalog


@pytest.fixture(scope="module")
def vocabulary() -> SlotVocabulary:
    return SlotVocabulary.from_catalog(small_catalog())


def test_realistic_request(vocabulary: SlotVocabulary) -> None:
    slots = assemble_slots(
        [("category", "phone"), ("use_case", "photography"), ("budget_max", "under $900")], vocabulary
    )
    assert slots == Slots(category=["phone"], use_case="photography", budget_max=Decimal(900), currency="USD")
    assert slots.to_json() == {
        "category": ["phone"],
        "budget_max": 900,
        "currency": "USD",
        "use_case": "photography",
    }


def test_budget_range_and_currency(vocabulary: SlotVocabulary) -> None:
    slots = assemble_slots([("budget_min", "from 300"), ("budget_max", "500")], vocabulary)
    assert (slots.budget_min, slots.budget_max, slots.currency) == (Decimal(300), Decimal(500), None)
    # a range tagged as one budget_min span keeps its low end, as budget_max its high end
    low = assemble_slots([("budget_min", "300-500 bucks")], vocabulary)
    assert (low.budget_min, low.budget_max, low.currency) == (Decimal(300), None, "USD")
    chinese = assemble_slots([("budget_max", "3000元以内")], vocabulary)
    assert (chinese.budget_max, chinese.currency) == (Decimal(3000), "CNY")
    cents = assemble_slots([("budget_max", "£49.99")], vocabulary)
    assert (cents.budget_max, cents.currency) == (Decimal("49.99"), "GBP")


def test_unparseable_money_leaves_budget_unset(vocabulary: SlotVocabulary) -> None:
    assert assemble_slots([("budget_max", "not too much")], vocabulary) == Slots()


def test_attributes(vocabulary: SlotVocabulary) -> None:
    slots = assemble_slots(
        [
            ("colour", "Black"),
            ("storage", "256GB"),
            ("size", "the 14 inch"),
            ("skin_type", "dry skin"),
            ("connector", "USB-C"),
        ],
        vocabulary,
    )
    assert slots.attributes == {
        "colour": "black",
        "storage": "256gb",
        "size": "14 inch",
        "skin_type": "dry",
        "connector": "usb-c",
    }
    assert slots.to_json() == {"attributes": slots.attributes}


def test_brands_canonical_deduplicated_and_exclusion_wins(vocabulary: SlotVocabulary) -> None:
    slots = assemble_slots(
        [("brand", "Apple"), ("brand", "samsung"), ("brand", "SAMSUNG"), ("exclude_brand", "apple")],
        vocabulary,
    )
    assert slots.brand == ["Samsung"]
    assert slots.exclude_brand == ["Apple"]
    # the order of the spans does not matter
    reverse = assemble_slots([("exclude_brand", "iphone"), ("brand", "APPLE")], vocabulary)
    assert (reverse.brand, reverse.exclude_brand) == ([], ["Apple"])


@pytest.mark.parametrize(
    "surface", ["not Apple", "nothing from apple", "no apple", "non-Apple", "anything but apple"]
)
def test_an_exclusion_span_s_negation_is_not_part_of_the_brand(
    vocabulary: SlotVocabulary, surface: str
) -> None:
    """'[not Apple](exclude_brand)' had been kept as the brand 'not Apple', which no product has."""
    assert assemble_slots([("exclude_brand", surface)], vocabulary).exclude_brand == ["Apple"]


def test_categories_canonical_and_deduplicated(vocabulary: SlotVocabulary) -> None:
    slots = assemble_slots(
        [("category", "phones"), ("category", "cellphone"), ("category", "护肤品"), ("category", "  ")],
        vocabulary,
    )
    assert slots.category == ["phone", "skincare"]


@pytest.mark.parametrize(
    ("surface", "item_ref"),
    [
        ("the case", "case"),
        ("the charger", "charger"),
        ("the phone cover", "case"),
        ("the second one", 2),
        ("the first", 1),
        ("第二个", 2),
    ],
)
def test_item_ref_category_or_ordinal(vocabulary: SlotVocabulary, surface: str, item_ref: str | int) -> None:
    assert assemble_slots([("item_ref", surface)], vocabulary).item_ref == item_ref


@pytest.mark.parametrize(
    ("surface", "item_ref"),
    [("the plastic case", "case"), ("the 30W charger", "charger")],  # a role: the head noun's category
)
def test_item_ref_named_item_is_not_an_ordinal(
    vocabulary: SlotVocabulary, surface: str, item_ref: str
) -> None:
    # BUG: `_is_ordinal` matches substrings ("last" in "plastic") and any digit ("30W"), so these named
    # items become bundle positions -1 and 30.
    assert assemble_slots([("item_ref", surface)], vocabulary).item_ref == item_ref


def test_item_ref_spanning_two_positions_does_not_crash(vocabulary: SlotVocabulary) -> None:
    # BUG: parse_bundle_ref("the first two") is [1, 2], which `Slots.item_ref` (str | int | None) rejects
    # with a pydantic ValidationError out of assemble_slots.
    try:
        slots = assemble_slots([("item_ref", "the first two")], vocabulary)
    except ValidationError as error:
        pytest.fail(f"assemble_slots raised {error!r}")
    assert not isinstance(slots.item_ref, list)


@pytest.mark.parametrize(
    ("slot", "surface", "value"),
    [
        ("recipient", "妈妈", "mum"),
        ("recipient", "my mum", "mum"),
        ("recipient", "for my wife", "wife"),
        ("occasion", "生日", "birthday"),
        ("occasion", "Christmas!", "christmas"),
        ("use_case", "摄影", "photography"),
        ("use_case", "Gaming", "gaming"),
        ("use_case", "cycling to", "cycling"),  # a span never ends in a preposition
        ("use_case", "work from home", "work from home"),
    ],
)
def test_free_text_slots(vocabulary: SlotVocabulary, slot: str, surface: str, value: str) -> None:
    assert getattr(assemble_slots([(slot, surface)], vocabulary), slot) == value


def test_bundle_ref_quantity_and_price_direction(vocabulary: SlotVocabulary) -> None:
    slots = assemble_slots(
        [("bundle_ref", "the first two"), ("quantity", "a couple of"), ("price_direction", "cheaper")],
        vocabulary,
    )
    assert (slots.bundle_ref, slots.quantity, slots.price_direction) == ([1, 2], 2, "lower")
    assert assemble_slots([("bundle_ref", "the premium one")], vocabulary).bundle_ref == "premium"
    assert assemble_slots([("bundle_ref", "the last one")], vocabulary).bundle_ref == -1


def test_no_spans_gives_empty_slots(vocabulary: SlotVocabulary) -> None:
    assert assemble_slots([], vocabulary) == Slots()
    assert Slots().to_json() == {}


def test_to_json_money_and_omissions() -> None:
    assert Slots(budget_max=Decimal(900)).to_json() == {"budget_max": 900}
    whole = Slots(budget_max=Decimal("900.00")).to_json()["budget_max"]
    assert whole == 900
    assert type(whole) is int
    cents = Slots(budget_max=Decimal("49.99"), budget_min=Decimal("10.5")).to_json()
    assert cents == {"budget_max": 49.99, "budget_min": 10.5}
    assert type(cents["budget_max"]) is float
    # falsy but set values are kept: only None, [] and {} are omitted
    assert Slots(item_ref=0, quantity=0).to_json() == {"item_ref": 0, "quantity": 0}
    assert Slots(bundle_ref=[1, 2], category=[], attributes={}).to_json() == {"bundle_ref": [1, 2]}


def test_slots_are_frozen() -> None:
    slots = Slots(category=["phone"])
    with pytest.raises(ValidationError):
        slots.budget_max = Decimal(1)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("tagged", "span", "bound"),
    [
        ("budget_max", "at least 200", "budget_min"),
        ("budget_max", "over $500", "budget_min"),
        ("budget_min", "under 900 bucks", "budget_max"),
        ("budget_min", "no more than ¥3000", "budget_max"),
        ("budget_min", "3000元以内", "budget_max"),
        ("budget_max", "$900", "budget_max"),  # no bound words: the tagger decides
        ("budget_min", "300", "budget_min"),
    ],
)
def test_a_budget_span_s_own_words_decide_its_bound(
    vocabulary: SlotVocabulary, tagged: str, span: str, bound: str
) -> None:
    slots = assemble_slots([(tagged, span)], vocabulary).to_json()
    assert bound in slots
    assert ({"budget_min", "budget_max"} - {bound}).isdisjoint(slots)


@pytest.mark.parametrize(
    ("slot", "surface", "value"),
    [
        ("skin_type", "oily skin", "oily"),
        ("skin_type", "Sensitive", "sensitive"),
        ("storage", "512 gig", "512gb"),
        ("storage", "1 TB", "1tb"),
        ("storage", "256GB", "256gb"),
        ("storage", "lots", "lots"),
        ("colour", "rose gold", "rose gold"),
    ],
)
def test_attribute_values_have_one_spelling(
    vocabulary: SlotVocabulary, slot: str, surface: str, value: str
) -> None:
    assert assemble_slots([(slot, surface)], vocabulary).attributes == {slot: value}


@pytest.mark.parametrize(
    ("text", "tagged", "categories"),
    [
        ("mechanical charger under 50", [(0, 10), (11, 18)], ["mechanical charger"]),  # a modifier joins
        ("cases chargers", [(0, 5), (6, 14)], ["cases", "chargers"]),  # two known categories stay two
        ("wireless, charger", [(0, 8), (10, 17)], ["wireless", "charger"]),  # not side by side
        # a word that only describes joins even a kind the shop does not know ('hard drive')
        ("an external hard drive", [(3, 11), (12, 22)], ["external hard drive"]),
        ("remote shutter and tripod", [(0, 6), (7, 14), (19, 25)], ["remote shutter", "tripod"]),
        ("crate leash bowls", [(0, 5), (6, 11), (12, 17)], ["crate", "leash", "bowls"]),  # a list stays
        ("USB Cable", [(0, 3), (4, 9)], ["USB Cable"]),  # an interface describes: no charger beside a cable
    ],
)
def test_a_modifier_tagged_as_its_own_category_joins_the_next(
    vocabulary: SlotVocabulary, text: str, tagged: list[tuple[int, int]], categories: list[str]
) -> None:
    spans = [Span(start, end, "category") for start, end in tagged]
    merged = merge_modifiers(text, spans, vocabulary)
    assert [text[span.start : span.end] for span in merged] == categories


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("mac lipstick", ["brand", "category"]),  # a laptop and a lipstick, before
        ("mac charger", ["category", "category"]),  # MAC sells no chargers: the laptop's charger
        ("apple laptop", ["brand", "category"]),
        ("apple, laptop", ["category", "category"]),  # not side by side
    ],
)
def test_a_brand_tagged_as_a_category_before_one_it_sells_is_the_brand(text: str, slots: list[str]) -> None:
    vocabulary = SlotVocabulary(
        brands=["MAC", "Apple"],
        categories=["lipstick", "charger", "laptop"],
        ranges={"MAC": ["lipstick"], "Apple": ["laptop", "charger"]},
    )
    spans = [Span(match.start(), match.end(), "category") for match in re.finditer(r"\w+", text)]
    assert [span.slot for span in brands_before_categories(text, spans, vocabulary)] == slots
    assert vocabulary.brand_selling("Mac", "lipstick") == "MAC"
    assert vocabulary.brand_selling("macs", "lipstick") is None  # the exact name only


@pytest.mark.parametrize(
    ("tagged_as", "surface", "attributes"),
    [
        ("storage", "10kg", {"size": "10kg"}),  # a weight is never storage
        ("size", "512 gig", {"storage": "512gb"}),
        ("storage", "20000mAh", {"size": "20000mah"}),
        ("size", "size 9", {"size": "9"}),  # no number-and-unit: the tagger's slot stands
        ("storage", "lots", {"storage": "lots"}),
    ],
)
def test_the_unit_decides_between_size_and_storage(
    vocabulary: SlotVocabulary, tagged_as: str, surface: str, attributes: dict[str, str]
) -> None:
    assert assemble_slots([(tagged_as, surface)], vocabulary).attributes == attributes


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        ("the phone in 512 gig instead", [(4, 9, "item_ref"), (17, 20, "storage")], ["phone", "512 gig"]),
        ("up to 1.5 meters?", [(6, 7, "budget_max"), (8, 16, "size")], ["1.5 meters"]),  # decimal split
        ("two 10 kg dumbbells", [(7, 9, "size")], ["10 kg"]),
        ("size 9 please", [(0, 6, "size")], ["size 9"]),  # nothing to attach
        ("500 in black", [(0, 3, "budget_max"), (7, 12, "colour")], ["500", "black"]),
    ],
)
def test_a_unit_tagged_without_its_number_gets_it(
    text: str, tagged: list[tuple[int, int, str]], expected: list[str]
) -> None:
    spans = attach_numbers(text, [Span(start, end, slot) for start, end, slot in tagged])
    assert [text[span.start : span.end] for span in spans] == expected


@pytest.mark.parametrize(
    ("text", "tagged", "owned"),
    [
        ("a case for my phone", [(2, 6), (14, 19)], ("phone",)),
        ("a case for my new phone", [(2, 6), (18, 23)], ("phone",)),
        ("accessories for my phone", [(19, 24)], ("phone",)),  # what to shop around, not what to buy
        ("my phone broke, need a new one", [(3, 8)], ()),  # nothing else named, no accessories: a phone
        ("a phone and a case", [(2, 7), (14, 18)], ()),
        ("我的手机要个壳", [(2, 4), (6, 7)], ("phone",)),
        ("case for phone", [(0, 4), (9, 14)], ("phone",)),  # what the case is for, not a phone to sell
        ("a charger for a phone", [(2, 9), (16, 21)], ("phone",)),
        ("a phone for a phone", [(2, 7), (14, 19)], ()),  # a device for a device: not an accessory's device
    ],
)
def test_a_category_named_as_the_shoppers_own_is_owned(
    vocabulary: SlotVocabulary, text: str, tagged: list[tuple[int, int]], owned: tuple[str, ...]
) -> None:
    spans = [Span(start, end, "category") for start, end in tagged]
    assert span_slots(text, spans, vocabulary)[1] == owned


def test_an_accessory_word_joins_the_shoppers_device_when_the_catalog_names_it() -> None:
    vocabulary = SlotVocabulary(brands=[], categories=["camera", "camera bag", "laptop bag", "tripod"])
    text = "a bag and a tripod for my camera"
    spans = [Span(2, 5, "category"), Span(12, 18, "category"), Span(26, 32, "category")]
    slots, owned = span_slots(text, spans, vocabulary)
    assert slots.category == ["camera bag", "tripod", "camera"] and owned == ("camera",)
    slots, owned = span_slots("a bag and a tripod", spans[:2], vocabulary)  # no device of theirs: as tagged
    assert slots.category == ["bag", "tripod"] and owned == ()


@pytest.mark.parametrize(
    ("text", "categories", "owned", "fits", "kinds"),
    [
        ("a case for my iphone 16 pro", ["case"], (), ("iPhone 16 Pro",), ("smartphone",)),
        ("我的iPhone 16 Pro要配什么配件", [], (), ("iPhone 16 Pro",), ("smartphone",)),  # accessories of it
        ("photography stuff for my iphone 16 pro", [], (), ("iPhone 16 Pro",), ("smartphone",)),  # iOS only
        ("a case for my [iphone] 16 pro", ["case", "phone"], ("phone",), ("iPhone 16 Pro",), ("smartphone",)),
        ("an iphone 16 pro with a case", ["case"], (), (), ()),  # buying the phone: nothing to fit
        ("my iphone 16 pro died, I need a new phone", ["phone"], (), (), ()),  # they want that kind
        ("my iphone 16 pro is great", [], (), (), ()),  # nothing to buy
    ],
)
def test_a_catalog_model_named_as_theirs_is_what_the_purchase_must_fit(
    vocabulary: SlotVocabulary,
    text: str,
    categories: list[str],
    owned: tuple[str, ...],
    fits: tuple[str, ...],
    kinds: tuple[str, ...],
) -> None:
    slots = Slots(category=categories)
    device = fitted_device(text.replace("[", "").replace("]", ""), [], slots, owned, vocabulary)
    assert (device.models, device.kinds) == (fits, kinds)


def test_a_brand_named_with_the_device_is_the_devices() -> None:
    vocabulary = SlotVocabulary.from_catalog(small_catalog())
    text = "a charger that works with my apple iphone 16 pro, apple or anker"
    spans = [Span(2, 9, "category"), Span(29, 34, "brand"), Span(50, 55, "brand"), Span(59, 64, "brand")]
    assert [text[span.start : span.end] for span in spans] == ["charger", "apple", "apple", "anker"]
    slots = Slots(category=["charger"], brand=["Apple", "Anker"])
    device = fitted_device(text, spans, slots, (), vocabulary)
    assert device == FittedDevice(("iPhone 16 Pro",), ("smartphone",), ("Apple",), ("iPhone 16 Pro",))
    alone = fitted_device("iphone 16 pro", [], Slots(), (), vocabulary)
    assert alone == FittedDevice(named=("iPhone 16 Pro",))  # named, nobody's: an answer to "which phone?"


def test_two_bundle_references_are_both_bundles(vocabulary: SlotVocabulary) -> None:
    def refs(*surfaces: str) -> object:
        return assemble_slots([("bundle_ref", surface) for surface in surfaces], vocabulary).bundle_ref

    assert refs("the first", "the third") == [1, 3]  # "compare the first and the third"
    assert refs("bundle 1", "3", "the first") == [1, 3]
    assert refs("the first two", "the last one") == [-1, 1, 2]
    assert refs("the second", "the premium one") == "premium"  # a label cannot join ordinals


def test_a_product_line_is_a_brand_wish_unless_it_is_their_own_device(vocabulary: SlotVocabulary) -> None:
    wanted = "the cheapest iphone you have"
    assert line_brands(wanted, [Span(13, 19, "category")], (), vocabulary) == ("Apple",)
    owned = "a case for my iphone"
    assert (
        line_brands(owned, [Span(2, 6, "category"), Span(14, 20, "category")], ("phone",), vocabulary) == ()
    )
    message = ParsedMessage(
        "build_bundle",
        0.99,
        Slots(category=["tripod"], brand=["Canon", "Manfrotto"]),
        device_brands=("Canon",),
        line_brands=("Apple",),
    )
    assert message.goal_slots.brand == ["Manfrotto", "Apple"]


@pytest.mark.parametrize(
    ("text", "tagged", "slots"),
    [
        ("what about a mac?", ["brand"], ["category"]),  # a laptop: MAC cosmetics, before
        ("the mac please", ["brand"], ["category"]),
        ("anything from mac?", ["brand"], ["brand"]),  # no article: the brand
        ("a mac lipstick", ["brand", "category"], ["brand", "category"]),  # MAC sells lipstick
        ("a mac charger", ["brand", "category"], ["category", "category"]),  # MAC sells no chargers
        ("an apple", ["brand"], ["brand"]),  # no line nickname
    ],
)
def test_a_line_nickname_after_an_article_is_the_line(text: str, tagged: list[str], slots: list[str]) -> None:
    vocabulary = SlotVocabulary(
        brands=["MAC", "Apple"],
        categories=["lipstick", "charger", "laptop"],
        ranges={"MAC": ["lipstick"], "Apple": ["laptop", "charger"]},
    )
    words = [
        m
        for m in re.finditer(r"\w+", text)
        if m.group() not in ("what", "about", "a", "the", "please", "anything", "from", "an")
    ]
    spans = [Span(m.start(), m.end(), slot) for m, slot in zip(words, tagged, strict=True)]
    assert [span.slot for span in lines_after_articles(text, spans, vocabulary)] == slots


def test_a_reference_said_with_a_currency_is_a_price(vocabulary: SlotVocabulary) -> None:
    """'the second one for $1': '$1' tagged as a bundle reference had read as 'the first and second'."""
    slots = assemble_slots([("bundle_ref", "the second one"), ("bundle_ref", "$1")], vocabulary)
    assert slots.bundle_ref == 2 and slots.budget_max == Decimal(1) and slots.currency == "USD"
    assert assemble_slots([("bundle_ref", "bundle 3")], vocabulary).bundle_ref == 3
    labelled = assemble_slots([("bundle_ref", "$1")], vocabulary, labelled=True)  # an annotator's span stands
    assert labelled.budget_max is None
