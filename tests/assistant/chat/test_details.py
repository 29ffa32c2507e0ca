"""Detail questions about shown products are answered from catalog attributes, or honestly not at all."""

from __future__ import annotations

from decimal import Decimal

from assistant.chat.details import asked_facts, asks_detail
from assistant.chat.replies import ChineseReplies, EnglishReplies
from retrieval.catalog.schema import Product


def _product(title: str, category: str = "", description: str | None = None, **attributes: object) -> Product:
    brand = title.split()[0]
    return Product(
        id=title.casefold().replace(" ", "-"),
        title=title,
        brand=brand,
        price=Decimal("99.00"),
        currency="USD",
        category=category or None,
        description=description,
        attributes=attributes,
    )


PIXEL = _product(
    "Google Pixel 9 128GB, Obsidian",
    "Electronics > Phones > Smartphones",
    wireless_charging=True,
    battery_mah=4700,
    colour="Obsidian",
    compatible_os=["Android"],
)
GRINDER = _product(
    "Breville Smart Grinder Pro BCG820",
    "Home & Kitchen > Coffee > Coffee Grinders",
    grinder_type="electric conical burr",
    best_for=["espresso", "pour-over"],
)


def _specs(question: str, *products: Product) -> list[tuple[tuple[str, object], ...]]:
    return [facts.specs for facts in asked_facts(question, products)]


def test_a_spec_is_found_by_its_own_words_or_a_shopper_s_synonym() -> None:
    assert _specs("does it have wireless charging?", PIXEL) == [(("wireless_charging", True),)]
    assert _specs("how long does the battery last?", PIXEL) == [(("battery_mah", 4700),)]
    assert _specs("is the grinder good for espresso?", GRINDER) == [
        (("best_for", ["espresso", "pour-over"]),)
    ]


def test_a_detail_the_catalog_does_not_state_finds_nothing() -> None:
    assert _specs("is the pixel waterproof?", PIXEL) == [()]
    reply = EnglishReplies().details(asked_facts("is the pixel waterproof?", [PIXEL]))
    assert "doesn't say" in reply and "Pixel 9" in reply


def test_questions_about_the_bundle_or_naming_no_feature_are_not_detail_questions() -> None:
    assert asks_detail("does it have wireless charging?", [PIXEL])
    assert not asks_detail("what about the second one?", [PIXEL])  # names no feature
    assert not asks_detail("why is the pixel so expensive?", [PIXEL])  # why: the bundle explanation
    assert not asks_detail("is the grinder any good?", [GRINDER])  # the item's own name is no feature
    assert not asks_detail("ok cool", [PIXEL])  # not a question


def test_the_reply_states_only_catalog_values_in_the_shopper_s_language() -> None:
    facts = asked_facts("does it have wireless charging and how big is the battery", [PIXEL])
    english, chinese = EnglishReplies().details(facts), ChineseReplies().details(facts)
    assert "wireless charging: yes" in english and "4700 mAh" in english
    assert "无线充电 是" in chinese and "4700 mAh" in chinese


def test_a_detail_only_the_description_states_is_quoted_word_for_word() -> None:
    headphones = _product(
        "Anker Soundcore Space One Noise Cancelling Headphones",
        "Electronics > Audio > Headphones",
        "Budget over-ear headphones with LDAC. Active noise cancellation, up to 40 h battery.",
    )
    facts = asked_facts("does it support ldac?", [headphones])
    assert facts[0].said == "Budget over-ear headphones with LDAC"
    assert '"Budget over-ear headphones with LDAC"' in EnglishReplies().details(facts)
    assert asked_facts("does it have a mic?", [headphones])[0].said is None


def test_a_fragrance_s_smell_is_its_notes() -> None:
    perfume = _product(
        "Dior Miss Dior Eau de Parfum, 50ml",
        notes=["lily of the valley", "rose", "musk"],
        concentration="EDP",
    )
    assert _specs("what does it smell like?", perfume) == [
        (("notes", ["lily of the valley", "rose", "musk"]),)
    ]


def test_chinese_spec_words_find_the_spec() -> None:
    assert _specs("第二个有无线充电吗", PIXEL) == [(("wireless_charging", True),)]
    assert _specs("续航怎么样", PIXEL) == [(("battery_mah", 4700),)]
    assert asks_detail("第二个有无线充电吗", [PIXEL]) and not asks_detail("第二个为什么贵", [PIXEL])


def test_compatibility_questions_are_told_apart_from_fit_on_the_body() -> None:
    from assistant.chat.details import asks_compatibility

    for question in ("is the lens compatible with the camera?", "does the memory card fit the second one?",
                     "will these work together", "第一套能一起用吗"):  # fmt: skip
        assert asks_compatibility(question), question
    for question in ("does it fit me?", "will it fit in my bag", "how long does the battery last?"):
        assert not asks_compatibility(question), question


def test_what_a_bundle_holds_is_not_a_detail_question() -> None:
    """'what's in the first one' quoted a description sentence: the 's' of "what's" matched "capsule's"."""
    assert not asks_detail("what's in the first one", [PIXEL])
    assert not asks_detail("第一套有什么", [PIXEL])
