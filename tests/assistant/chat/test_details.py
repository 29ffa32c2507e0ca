"""Detail questions about shown products are answered from catalog attributes, or honestly not at all."""

from __future__ import annotations

import pytest

from assistant.chat.details import asked_facts, asks_detail, feature_words, fits_named, ranked_on, spec_family
from assistant.chat.replies import ChineseReplies, EnglishReplies
from retrieval.catalog.schema import Product
from tests.assistant.chat.products import AIR, IDEAPAD, LAPTOPS, REDMI, product

PIXEL = product(
    "Google Pixel 9 128GB, Obsidian",
    "Electronics > Phones > Smartphones",
    wireless_charging=True,
    battery_mah=4700,
    colour="Obsidian",
    compatible_os=["Android"],
)
GRINDER = product(
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
    assert not asks_detail("what's the total", [PIXEL]) and not asks_detail("一共多少", [PIXEL])  # the price
    assert not asks_detail("is the grinder any good?", [GRINDER])  # the item's own name is no feature
    # "how much" of a spec is a detail; of the price, the bundle ("how much ... weigh" had been its price)
    assert asks_detail("how much does the first one weigh?", [AIR]) and asks_detail(
        "how much ram has it?", [AIR]
    )
    assert not asks_detail("how much is the first one?", [AIR]) and not asks_detail(
        "how much does it cost?", [AIR]
    )
    assert not asks_detail("ok cool", [PIXEL])  # not a question


def test_the_reply_states_only_catalog_values_in_the_shopper_s_language() -> None:
    facts = asked_facts("does it have wireless charging and how big is the battery", [PIXEL])
    english, chinese = EnglishReplies().details(facts), ChineseReplies().details(facts)
    assert "wireless charging: yes" in english and "4700 mAh" in english
    assert "无线充电 是" in chinese and "4700 mAh" in chinese


def test_a_detail_only_the_description_states_is_quoted_word_for_word() -> None:
    headphones = product(
        "Anker Soundcore Space One Noise Cancelling Headphones",
        "Electronics > Audio > Headphones",
        "Budget over-ear headphones with LDAC. Active noise cancellation, up to 40 h battery.",
    )
    facts = asked_facts("does it support ldac?", [headphones])
    assert facts[0].said == "Budget over-ear headphones with LDAC"
    assert '"Budget over-ear headphones with LDAC"' in EnglishReplies().details(facts)
    assert asked_facts("does it have a mic?", [headphones])[0].said is None


def test_a_fragrance_s_smell_is_its_notes() -> None:
    perfume = product(
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


@pytest.mark.parametrize(
    ("question", "key", "best"),
    [
        ("which one is lighter?", "weight_kg", AIR),
        ("which is the heaviest", "weight_kg", IDEAPAD),
        ("which has the bigger screen", "screen_in", IDEAPAD),
        ("哪个更轻", "weight_kg", AIR),
        ("which has the most storage?", "storage_gb", None),  # two tie at 512 GB: none is named
        ("how heavy are they", "weight_kg", None),  # no direction asked
    ],
)
def test_a_comparison_on_a_spec_ranks_by_it(question: str, key: str, best: Product | None) -> None:
    ranking = ranked_on(question, LAPTOPS)
    assert ranking is not None and ranking.key == key and ranking.best == best
    assert [product for product, _ in ranking.values] == LAPTOPS


def test_a_comparison_naming_no_spec_all_state_is_no_ranking() -> None:
    assert ranked_on("compare them", LAPTOPS) is None
    assert ranked_on("which is lighter", [AIR, AIR]) is None  # one product twice: nothing to rank
    assert ranked_on("which is lighter", [AIR, PIXEL]) is None  # the phone states no weight


def test_a_ranking_reads_as_the_catalog_states_it() -> None:
    lighter = ranked_on("which one is lighter?", LAPTOPS)
    assert lighter is not None
    labels = {IDEAPAD.id: ["value"], REDMI.id: ["balanced"], AIR.id: ["premium"]}
    assert EnglishReplies().ranking(lighter, labels) == (
        "On weight, the MacBook Air 13-inch (premium) comes out ahead: 1.24 kg, against 1.62 kg for the"
        " IdeaPad Slim 3 15 (value) and 1.39 kg for the Redmi Book Pro 14 (balanced)."
    )
    tied = ranked_on("which has the most storage?", LAPTOPS)
    assert tied is not None and EnglishReplies().ranking(tied).startswith("Storage of each: 512 GB for the")
    alike = ranked_on("which is lighter", [product("A One", weight_kg=1.2), product("B Two", weight_kg=1.2)])
    assert alike is not None and EnglishReplies().ranking(alike) == "They're alike on weight: 1.2 kg each."
    assert ChineseReplies().ranking(lighter, labels).endswith("MacBook Air 13-inch更符合你的要求。")


def test_a_main_item_two_bundles_share_is_ranked_once_with_both_labels() -> None:
    """'Which has the longest battery?' listed the Soundcore twice, '(balanced)' each time, and called the tie
    between it and itself no winner."""
    lighter = ranked_on("which one is lighter?", [IDEAPAD, IDEAPAD, AIR])
    assert lighter is not None and [product.id for product, _ in lighter.values] == [IDEAPAD.id, AIR.id]
    assert lighter.best == AIR
    labels = {IDEAPAD.id: ["value", "balanced"], AIR.id: ["premium"]}
    assert (
        EnglishReplies()
        .ranking(lighter, labels)
        .endswith("1.62 kg for the IdeaPad Slim 3 15 (value and balanced).")
    )
    assert "（实惠款、均衡款）" in ChineseReplies().ranking(lighter, labels)


WATCH = product(
    "Apple Watch SE GPS 40mm Aluminium Case with Sport Band",
    "Electronics > Wearables > Smartwatches",
    "Entry Apple Watch with crash detection; needs an iPhone.",
    model="Apple Watch SE 40mm",
    battery_days=1.5,
)


def test_a_feature_in_the_title_of_a_modelled_product_is_answered_from_it() -> None:
    """'does it have gps' of the Apple Watch SE GPS had been 'the catalog doesn't say' ('does' read as a
    feature word, 'doe', and 'GPS' as part of the name)."""
    assert feature_words("does it have gps", [WATCH]) == {"gps"}
    (facts,) = asked_facts("does it have gps", [WATCH])
    assert facts.named == "GPS" and not facts.specs
    assert EnglishReplies().details([facts]) == (
        'From the catalog: the Watch SE GPS 40mm Aluminium Case with Sport Band: its name says "GPS".'
    )
    assert ChineseReplies().details([facts]).endswith("商品名称写明“GPS”。")
    assert not asks_detail("what about the apple watch?", [WATCH])  # its model's own words name it


def test_whether_a_product_works_with_a_named_device_is_its_listing() -> None:
    """'do they work with iphone?' had been answered with the bundle's own compatibility checks."""
    buds = product("Anker Soundcore Liberty 4", compatible_os=["iOS", "Android"])
    case = product("Spigen Ultra Hybrid Case for iPhone 16 Pro", compatible_models=["iPhone 16 Pro"])
    lamp = product("IKEA FADO Table Lamp")
    fits = fits_named([buds, case, lamp], models=[], platforms=["iOS"])
    assert [(fit.listed, fit.fits) for fit in fits] == [
        (("iOS", "Android"), True),
        (("iPhone 16 Pro",), None),
        ((), None),
    ]
    older = fits_named([case], models=["iPhone 15"], platforms=["iOS"])[0]
    assert older.fits is False
    english = EnglishReplies().fits_named([*fits, older], "iPhone 15")
    assert english == (
        "From the catalog: the Soundcore Liberty 4 lists iOS, Android, so yes; the Ultra Hybrid Case for"
        " iPhone 16 Pro is made for iPhone 16 Pro; it doesn't say what the FADO Table Lamp works with; the"
        " Ultra Hybrid Case for iPhone 16 Pro lists iPhone 16 Pro, so not for iPhone 15."
    )
    assert ChineseReplies().fits_named([older], "iPhone 15") == (
        "根据商品资料：Ultra Hybrid Case for iPhone 16 Pro标明支持iPhone 16 Pro，不包括iPhone 15。"
    )


NOTE = product(
    "Xiaomi Redmi Note 14 Pro 5G 256GB",
    "Electronics > Phones > Smartphones",
    "Budget 5G phone with a 200MP main camera and IP68 rating. 6.67-inch display.",
    ram_gb=8,
)


def test_a_feature_in_a_title_is_asked_about_not_a_name() -> None:
    """'does it have 5g?' of the Redmi Note 14 Pro 5G had been answered with what the bundle is built around
    (every title word counted as the product's name)."""
    assert asks_detail("does it have 5g?", [NOTE]) and asks_detail("do they all have 5g", [NOTE, PIXEL])
    (facts,) = asked_facts("does it have 5g?", [NOTE])
    assert facts.said and "5G" in facts.said


def test_waterproof_is_answered_by_the_rating_a_description_gives() -> None:
    (facts,) = asked_facts("is it waterproof?", [NOTE])
    assert facts.said and "IP68" in facts.said
    (none,) = asked_facts("is it waterproof?", [PIXEL])
    assert not (none.specs or none.said or none.named)


def test_a_lighter_shade_is_a_colour_not_a_weight() -> None:
    """'in a lighter shade' of foundations had answered "The catalog doesn't give the weight of ..."."""
    foundation = product("Maybelline Fit Me Matte Foundation", "Beauty > Makeup > Foundation", shade="120")
    assert spec_family("in a lighter shade", [foundation]) is None
    assert spec_family("something lighter", [IDEAPAD]) == "weight"
