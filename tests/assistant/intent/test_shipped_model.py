"""The shipped intent model: it loads, understands the DESIGN.md examples, and never throws on odd input."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.components import build_intent_parser
from assistant.errors import InvalidInputError
from assistant.intent.parser import IntentParser
from assistant.intent.taxonomy import INTENTS
from assistant.settings import get_settings
from retrieval.catalog import demo_catalog_path, load_catalog

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def parser() -> IntentParser:
    intent_parser = build_intent_parser(get_settings(), load_catalog(demo_catalog_path()))
    intent_parser.warm_up()
    return intent_parser


def test_design_examples(parser: IntentParser) -> None:
    photo = parser.parse("I want a phone for photography under $900")
    assert photo.intent == "build_bundle"
    assert "phone" in photo.slots.category and photo.slots.budget_max == Decimal(900)
    assert parser.parse("cheaper please").intent == "refine"
    skincare = parser.parse("我想买一套护肤品送给妈妈")
    assert skincare.intent == "build_bundle" and "skincare" in skincare.slots.category
    assert skincare.slots.recipient == "mum"
    swap = parser.parse("swap the case for a black one")
    assert swap.intent == "swap_item" and swap.slots.item_ref == "case"
    assert swap.slots.attributes.get("colour") == "black"
    accept = parser.parse("I'll take the second one")
    assert accept.intent == "accept_bundle" and accept.slots.bundle_ref == 2


def test_a_model_said_as_theirs_is_their_own(parser: IntentParser) -> None:
    died = parser.parse("my iphone 15 died, I need a new phone")
    assert "iPhone 15" in died.models and "iPhone 15" in died.own_models
    asked = parser.parse("do you have the iphone 15?")
    assert "iPhone 15" in asked.models and not asked.own_models


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01\x02", "\n\t"])
def test_empty_input_is_a_clear_error(parser: IntentParser, text: str) -> None:
    with pytest.raises(InvalidInputError, match="empty"):
        parser.parse(text)


@pytest.mark.parametrize(
    "text",
    [
        "🙂🙂🙂",
        "👍",
        "x" * 10_000,
        "phone " * 2000,
        "手机 phone 📱 téléphone телефон",
        "case\u202efor\u200b iphone\x07",
    ],
)
def test_odd_input_gets_an_outcome_not_an_exception(parser: IntentParser, text: str) -> None:
    parsed = parser.parse(text)
    assert parsed.intent in INTENTS and 0.0 <= parsed.confidence <= 1.0


def test_emoji_only_is_out_of_scope(parser: IntentParser) -> None:
    assert parser.parse("🙂🙂🙂").intent == "out_of_scope"


def test_who_it_is_for_is_read_and_is_never_a_brand(parser: IntentParser) -> None:
    assert parser.parse("running shoes for my wife").wearer == "women"
    assert parser.parse("a perfume for my boyfriend").wearer == "men"
    mens = parser.parse("mens instead")
    assert mens.wearer == "men" and not mens.slots.brand
    chinese = parser.parse("男士香水")
    assert chinese.wearer == "men" and not chinese.slots.brand
    assert parser.parse("a case for my phone").wearer is None


def test_a_product_line_said_as_theirs_is_their_device_and_its_platform(parser: IntentParser) -> None:
    iphone = parser.parse("wireless earbuds for my iphone")
    assert "earbud" in iphone.slots.category and iphone.fits == ("iOS",) and iphone.owned
    pixel = parser.parse("earbuds for my pixel")  # tagged as a brand: still their phone, not a Google wish
    assert pixel.fits == ("Android",) and pixel.owned and not pixel.goal_slots.brand
    galaxy = parser.parse("a case for my galaxy")  # tagged or not, their device, never offered
    assert galaxy.owned == ("smartphone",) and galaxy.slots.category[0] == "case"
    assert "Samsung" in galaxy.device_brands and not galaxy.goal_slots.brand


@pytest.mark.parametrize(
    "text",
    [
        "earbuds compatible with iphone",  # had shown iPhones beside the earbuds
        "iphone compatible earbuds",  # had shown iPhones
        "兼容iPhone的耳机",  # 'iPhone 耳机' was read as the phone's own name: the earbuds were lost
        "耳机，要兼容iPhone",
        "earbuds that work with my iphone",
    ],
)
def test_a_device_said_as_what_a_kind_must_be_compatible_with_is_theirs(
    parser: IntentParser, text: str
) -> None:
    parsed = parser.parse(text)
    assert "earbud" in parsed.slots.category and "phone" in parsed.owned and parsed.fits == ("iOS",)


def test_staying_with_a_brand_wants_it(parser: IntentParser) -> None:
    """'..., want to stay with apple' had excluded Apple."""
    parsed = parser.parse("need a new phone, my current one is an iphone 12, want to stay with apple")
    assert parsed.slots.brand == ["Apple"] and not parsed.slots.exclude_brand


def test_a_bag_that_fits_a_sized_laptop_is_for_it(parser: IntentParser) -> None:
    """'a laptop bag that fits a 16 inch laptop' had put a laptop beside each bag."""
    assert "laptop" in parser.parse("a laptop bag that fits a 16 inch laptop").owned


def test_accessories_for_a_branded_device_are_for_it(parser: IntentParser) -> None:
    """'Accessories for a HP laptop' had shown HP laptops (the brand sat between 'for a' and the device)."""
    assert "laptop" in parser.parse("Accessories for a HP laptop").owned


def test_an_interface_beside_a_kind_is_its_connector(parser: IntentParser) -> None:
    """'Micro USB Power Supply Charger' had answered "We don't carry micros" (then "usbs")."""
    parsed = parser.parse("Micro USB Power Supply Charger")
    assert parsed.slots.category == ["charger"] and parsed.slots.attributes.get("connector") == "micro usb"


def test_the_nth_item_is_an_item_whatever_the_tagger_called_it(parser: IntentParser) -> None:
    """'swap the second item in the first bundle' had been tagged as two bundle references."""
    parsed = parser.parse("swap the second item in the first bundle")
    assert parsed.slots.item_ref == 2 and parsed.slots.bundle_ref == 1


@pytest.mark.parametrize(
    ("text", "budget_max", "budget_min"),
    [
        ("headphones for running, nothing over 150", 150, None),  # was at least 150
        ("I don't want to spend over 500 on a phone", 500, None),
        ("headphones around 200", 200, None),  # was at least 200
        ("a laptop between 600 and 900", 900, 600),
        ("no more than 2 items please", None, None),  # a count, not a $2 budget
        ("over 300", None, 300),
        ("make it 4k", None, None),  # a 4K screen, not a $4,000 budget
        ("budget is 4k", 4000, None),
        ("a laptop under 1.3 kg", None, None),  # a weight, not a $1.30 budget
        ("headphones under 200 with over 30 hours battery", 200, None),
        ("sunscreen spf 50", None, None),  # a protection factor, not a $50 budget
        ("a laptop under 1.3k", 1300, None),
    ],
)
def test_what_a_budget_phrase_means(
    parser: IntentParser, text: str, budget_max: int | None, budget_min: int | None
) -> None:
    slots = parser.parse(text).slots
    assert slots.budget_max == (None if budget_max is None else Decimal(budget_max))
    assert slots.budget_min == (None if budget_min is None else Decimal(budget_min))


def test_a_brand_said_as_a_kind_of_product(parser: IntentParser) -> None:
    assert parser.parse("mac lipstick").slots.brand == ["MAC"]  # was a laptop and a lipstick
    mac = parser.parse("what about a mac?")  # was 'computer': monitors and keyboards
    assert mac.slots.category == ["laptop"] and "Apple" in mac.goal_slots.brand


def test_asking_about_a_bundle_in_chinese_is_not_taking_it(parser: IntentParser) -> None:
    """'介绍一下第一套' (tell me about the first set) was read as accepting it."""
    assert parser.parse("介绍一下第一套").intent == "ask_explanation"
    assert parser.parse("我要第一套").intent == "accept_bundle"


def test_request_confidence_is_the_mass_of_a_new_request_and_a_change(parser: IntentParser) -> None:
    wish, hello = parser.parse_many(["red or blue would be good", "hello there"])
    assert wish.intent in ("build_bundle", "refine") and wish.confidence <= wish.request_confidence <= 1.0001
    assert hello.intent == "greeting" and hello.request_confidence < 0.5


def test_a_chinese_change_of_price_the_tagger_missed_is_read_from_its_words(parser: IntentParser) -> None:
    """'贵一点的' (a bit dearer) came back as refine with no slot: "I can't narrow it down by that"."""
    dearer = parser.parse("贵一点的")
    assert dearer.intent == "refine" and dearer.slots.price_direction == "higher"
    assert (
        parser.parse("what brand is best out of these").slots.price_direction is None
    )  # English: the tagger's


@pytest.mark.parametrize(
    ("text", "features"),
    [
        ("a gaming mouse", ("gaming",)),  # inside the category span
        ("a compact camera for travel", ("compact",)),  # just before it, untagged
        ("looking for wireless noise cancelling headphones", ("wireless", "noise", "cancelling")),
        ("I want a new phone", ()),  # verbs, articles and praise describe no kind
        ("a present for my girlfriend, she likes skincare", ()),  # no product is described as 'she'
        ("hiking shoes for women", ("hiking",)),  # said in the span: kept, so the reply can say none is
        ("what about wireless ones", ("wireless",)),  # 'ones' stands for the kind shown
        ("what about the second one", ()),
        ("a cheap laptop", ()),
        ("我想买一套护肤品", ()),
        ("earbuds with noise cancelling under 200", ("noise", "cancelling")),  # said after the kind
        ("headphones with long battery life", ()),  # more of a number, not a word products are held to
        ("a laptop with a mouse", ()),  # another kind, tagged
    ],
)
def test_what_is_said_of_the_kind_is_kept_beside_the_slots(
    parser: IntentParser, text: str, features: tuple[str, ...]
) -> None:
    parsed = parser.parse(text)
    assert parsed.features == features
    assert "features" not in parsed.to_json()["slots"]  # the eval contract's slots are unchanged


@pytest.mark.parametrize(
    ("text", "fits"),
    [
        ("an iphone case", ("iOS",)),  # a case for an iPhone, not an iPhone and a case
        ("a white iphone case for my iphone 16", ("iPhone 16", "iOS")),
        ("iphone 16 pro case", ("iPhone 16 Pro", "iOS")),  # a model right before the kind bought
        ("a galaxy s25 case", ("Galaxy S25", "Android")),
        ("ipad case", ("iPadOS",)),
    ],
)
def test_a_device_named_right_before_an_accessory_is_what_it_is_for(
    parser: IntentParser, text: str, fits: tuple[str, ...]
) -> None:
    parsed = parser.parse(text)
    assert parsed.goal_slots.category == ["case"] and not parsed.goal_slots.brand
    assert parsed.fits == fits and parsed.owned and not parsed.features


@pytest.mark.parametrize("text", ["pixel watch", "galaxy watch", "samsung galaxy buds under 150"])
def test_a_line_before_a_kind_of_device_names_that_device(parser: IntentParser, text: str) -> None:
    parsed = parser.parse(text)
    assert parsed.slots.category and not parsed.owned and not parsed.fits


@pytest.mark.parametrize(
    ("text", "slot", "brand", "category"),
    [
        ("anything from the north face?", "brand", "The North Face", None),  # had been the colour 'north'
        ("nothing from the north face", "exclude_brand", "The North Face", None),
        ("new balance running shoes", "brand", "New Balance", "shoe"),  # had been untagged
        ("under armour shirt", "brand", "Under Armour", "apparel"),  # had been the feature 'armour'
    ],
)
def test_a_brand_of_several_words_the_shop_lacks_is_read_whole(
    parser: IntentParser, text: str, slot: str, brand: str, category: str | None
) -> None:
    slots = parser.parse(text).slots
    assert getattr(slots, slot) == [brand] and not slots.attributes
    assert slots.category == ([category] if category else [])


@pytest.mark.parametrize(
    ("text", "wanted", "excluded"),
    [
        ("she prefers apple", ["Apple"], []),  # had excluded Apple from a gift for someone who prefers it
        ("he only uses apple", ["Apple"], []),
        ("i would rather have samsung", ["Samsung"], []),
        ("she likes anything but apple", [], ["Apple"]),
        ("no apple", [], ["Apple"]),
    ],
)
def test_a_brand_the_words_want_is_never_excluded(
    parser: IntentParser, text: str, wanted: list[str], excluded: list[str]
) -> None:
    slots = parser.parse(text).slots
    assert (slots.brand, slots.exclude_brand) == (wanted, excluded)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("over ear please", ["headphone"]),  # after earbuds: had been "I can't narrow it down by that"
        ("in-ear headphones for the gym", ["earbud"]),  # had been over-ear headphones described as 'ear'
        ("over-ear headphones for the office", ["headphone"]),
        ("wireless headphones in black", ["headphone"]),  # no form factor: untouched
    ],
)
def test_a_form_factor_names_the_kind(parser: IntentParser, text: str, category: list[str]) -> None:
    parsed = parser.parse(text)
    assert parsed.slots.category == category and "ear" not in parsed.features
