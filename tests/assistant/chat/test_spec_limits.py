"""'Something lighter', 'a bigger screen': a limit past the best shown main product, on a number it states."""

from __future__ import annotations

import pytest

from assistant.chat.details import shared_number, spec_family, wants_more
from assistant.chat.replies import ChineseReplies, EnglishReplies
from assistant.chat.spec_limits import beats, holder, spec_limit, stated_limits
from assistant.dialogue.state import ConversationState, ShoppingGoal, SpecLimit
from retrieval.catalog.schema import Product
from tests.assistant.chat.products import AIR, IDEAPAD, LAPTOPS, REDMI, product

PIXEL = product("Google Pixel 9 128GB", "Electronics > Phones > Smartphones", storage_gb=128, screen_in=6.3)
BIG = product(
    "Lenovo ThinkPad X1 Carbon",
    "Computers > Laptops",
    weight_kg=0.99,
    screen_in=14,
    storage_gb=1024,
    ram_gb=32,
)
BOTTLE = product("Nalgene 32 oz Wide Mouth", "Sports > Outdoor > Water Bottles", capacity_l=1)
COFFEE = product("Lavazza Super Crema", "Home & Kitchen > Coffee > Coffee Beans & Capsules", weight_g=1000)
TRIPOD = product("Manfrotto Befree", "Electronics > Cameras > Tripods", weight_kg=1.4, max_load_kg=8)
SUNSCREEN = product("La Roche-Posay Anthelios", "Beauty > Skincare > Sunscreen", spf=50)


@pytest.mark.parametrize(
    ("message", "key", "more", "value"),
    [
        ("something lighter", "weight_kg", False, 1.24),  # lighter than the lightest shown
        ("too heavy", "weight_kg", False, 1.24),
        ("lighter please", "weight_kg", False, 1.24),
        ("one with a bigger screen", "screen_in", True, 15.6),
        ("more storage please", "storage_gb", True, 512),
        ("轻一点的", "weight_kg", False, 1.24),
        ("有没有屏幕更大的", "screen_in", True, 15.6),
        ("存储大一点的", "storage_gb", True, 512),  # 大 can mean the screen; 存储 names storage itself
    ],
)
def test_a_comparative_refinement_is_a_limit_past_the_best_shown(
    message: str, key: str, more: bool, value: float
) -> None:
    assert spec_limit(message, LAPTOPS) == SpecLimit(kind="laptop", key=key, more=more, value=value)


@pytest.mark.parametrize("message", ["something more premium", "cheaper please", "higher end", "in black"])
def test_price_and_colour_changes_are_no_spec_limit(message: str) -> None:
    assert spec_limit(message, LAPTOPS) is None


def test_no_limit_without_a_number_every_main_product_states_or_of_mixed_kinds() -> None:
    assert spec_limit("something lighter", [PIXEL]) is None  # the phone states no weight
    assert spec_limit("a bigger screen", [AIR, PIXEL]) is None  # a need's bundles: not one kind to compare
    assert spec_limit("a bigger screen", []) is None
    assert spec_limit("a bigger screen", [AIR]) == SpecLimit(
        kind="laptop", key="screen_in", more=True, value=13.6
    )


def test_a_product_beats_a_limit_only_strictly_and_only_of_its_kind() -> None:
    lighter = SpecLimit(kind="laptop", key="weight_kg", more=False, value=1.39)
    assert beats(AIR, lighter) and not beats(REDMI, lighter) and not beats(IDEAPAD, lighter)
    assert not beats(PIXEL, lighter)  # another kind, and no weight
    assert holder(lighter, LAPTOPS) is REDMI
    assert holder(SpecLimit(kind="laptop", key="weight_kg", more=False, value=9.0), LAPTOPS) is None


def test_which_way_a_message_asks_a_number_to_go() -> None:
    assert wants_more("a bigger screen") is True and wants_more("too small") is True
    assert (
        wants_more("lighter") is False and wants_more("too heavy") is False and wants_more("轻一点") is False
    )
    assert wants_more("bigger but lighter") is None and wants_more("in black") is None
    assert wants_more("the one with the best camera") is True  # a better camera is more of its number
    assert wants_more("at least 16gb of memory") is None and wants_more("at most 1.2 kg") is None  # bounds


def test_the_spec_named_is_found_whether_or_not_it_is_stated() -> None:
    assert spec_family("too heavy", [PIXEL]) == "weight"
    assert spec_family("too big", [PIXEL]) is None  # the screen or the capacity: not one spec
    assert shared_number("too heavy", [PIXEL]) is None


def test_a_limit_is_kept_in_the_json_state() -> None:
    limit = SpecLimit(kind="laptop", key="weight_kg", more=False, value=1.24)
    state = ConversationState(goal=ShoppingGoal(categories=["laptop"], spec_limits=[limit]))
    assert ConversationState.from_json(state.to_json()) == state
    with pytest.raises(ValueError):
        SpecLimit(kind="laptop", key="weight_kg", more=False, value=float("nan"))


def test_limits_are_worded_with_the_catalog_s_units_in_both_languages() -> None:
    lighter = SpecLimit(kind="laptop", key="weight_kg", more=False, value=1.24)
    storage = SpecLimit(kind="laptop", key="storage_gb", more=True, value=512.0)
    english, chinese = EnglishReplies(), ChineseReplies()
    assert english.spec_beyond(lighter, "laptop") == "Weight: under 1.24 kg for each laptop here."
    assert english.spec_beyond(storage, "laptop") == "Storage: over 512 GB for each laptop here."  # not 512.0
    assert english.spec_unbeaten(lighter, AIR) == (
        "Weight: nothing we have that fits beats the MacBook Air 13-inch, at 1.24 kg, so the bundles stay as"
        " they are."
    )
    assert english.limits_held([lighter, storage], "laptop", "Sorry, nothing fits.") == (
        "Looking only at laptops with weight under 1.24 kg and storage over 512 GB: sorry, nothing fits."
    )
    assert english.spec_unstated("weight", "phone").startswith("The catalog doesn't give the weight of every")
    assert chinese.spec_beyond(lighter, "laptop") == "重量：这里每款笔记本都低于1.24 kg。"
    assert (
        chinese.spec_unbeaten(lighter, AIR)
        == "重量：没有合适的商品低于MacBook Air 13-inch的1.24 kg，所以套装保持不变。"
    )


def test_bigger_alone_is_the_size_each_kind_states() -> None:
    monitor = product("Samsung Odyssey G55C 32-inch", "Electronics > Monitors", size_in=32, refresh_hz=165)
    bottle = product("Nalgene 32 oz Wide Mouth", "Sports > Water Bottles", capacity_l=1.0)
    assert spec_limit("bigger", [monitor]) == SpecLimit(kind="monitor", key="size_in", more=True, value=32)
    assert spec_limit("a bigger one", [bottle]) == SpecLimit(
        kind="water bottle", key="capacity_l", more=True, value=1
    )
    assert spec_limit("smaller", LAPTOPS) == SpecLimit(kind="laptop", key="screen_in", more=False, value=13.6)


def test_limits_no_product_meets_together_are_named() -> None:
    lighter = SpecLimit(kind="laptop", key="weight_kg", more=False, value=1.19)
    bigger = SpecLimit(kind="laptop", key="screen_in", more=True, value=15.6)
    assert EnglishReplies().limits_unmet([lighter, bigger], "laptop") == (
        "No laptop we have has weight under 1.19 kg and screen over 15.6 in, so the bundles stay as they are."
    )
    assert ChineseReplies().limits_unmet([lighter, bigger], "laptop") == (
        "本店没有重量低于1.19 kg、屏幕高于15.6 in的笔记本，套装保持不变。"
    )


def _read(message: str, products: list[Product]) -> list[tuple[str, str, float, bool]]:
    """(key, '>' or '<', value, inclusive) of each limit stated."""
    return [
        (limit.key, ">" if limit.more else "<", limit.value, limit.inclusive)
        for limit in stated_limits(message, products)
    ]


@pytest.mark.parametrize(
    ("message", "products", "limits"),
    [
        ("a laptop with at least 16gb ram", [*LAPTOPS, BIG], [("ram_gb", ">", 16, True)]),
        ("a laptop with 16gb", [*LAPTOPS, BIG], [("ram_gb", ">", 16, True)]),  # a bare number: a minimum
        ("a laptop with 512gb", [*LAPTOPS, BIG], [("storage_gb", ">", 512, True)]),  # too big for RAM
        (
            "16gb ram and 1tb ssd",
            [*LAPTOPS, BIG],
            [("ram_gb", ">", 16, True), ("storage_gb", ">", 1024, True)],
        ),
        ("a laptop under 1.3 kg", LAPTOPS, [("weight_kg", "<", 1.3, False)]),
        ("1.3公斤以下的笔记本", LAPTOPS, [("weight_kg", "<", 1.3, True)]),
        ("no more than 3 lbs", LAPTOPS, [("weight_kg", "<", 1.3608, True)]),
        ("a 14 inch laptop", LAPTOPS, [("screen_in", ">", 14, True), ("screen_in", "<", 15, False)]),
        ("15in laptop", LAPTOPS, [("screen_in", ">", 15, True), ("screen_in", "<", 16, False)]),
        ("screen bigger than 14 inches", LAPTOPS, [("screen_in", ">", 14, False)]),
        ("a 2 in 1 laptop", LAPTOPS, []),  # 'in' with no screen size
        ("a 6.1 inch phone", [PIXEL], [("screen_in", ">", 6.05, True), ("screen_in", "<", 6.15, False)]),
        ("32 oz bottle", [BOTTLE], [("capacity_l", ">", 0.852, True), ("capacity_l", "<", 1.041, False)]),
        ("500g of coffee beans", [COFFEE], [("weight_g", ">", 450, True), ("weight_g", "<", 550, False)]),
        ("a tripod that holds 5kg", [TRIPOD], [("max_load_kg", ">", 5, True)]),
        ("a tripod under 1.5kg", [TRIPOD], [("weight_kg", "<", 1.5, False)]),
        ("spf 50+ sunscreen", [SUNSCREEN], [("spf", ">", 50, True)]),
        ("a phone with 8gb ram", [PIXEL], []),  # no phone here states its RAM: nothing to hold it to
        ("a laptop for my 16 year old", LAPTOPS, []),
    ],
)
def test_numbers_a_message_states_are_limits_on_the_specs_they_name(
    message: str, products: list[Product], limits: list[tuple[str, str, float, bool]]
) -> None:
    assert _read(message, products) == [
        (key, way, pytest.approx(value), inclusive) for key, way, value, inclusive in limits
    ]


def test_a_stated_limit_is_met_by_its_own_value_and_worded_as_said() -> None:
    (at_least,) = stated_limits("at least 16gb ram", [*LAPTOPS, BIG])
    assert beats(BIG, at_least) and not beats(AIR, at_least)  # 32 passes; the Air states no RAM
    exactly = SpecLimit(kind="laptop", key="ram_gb", more=True, value=32, inclusive=True)
    assert beats(BIG, exactly)
    assert EnglishReplies().limits_met([at_least], "laptop") == "RAM at least 16 GB for each laptop here."
    window = stated_limits("a 14 inch laptop", LAPTOPS)
    assert EnglishReplies().limits_met(window, "laptop") == (
        "Screen at least 14 in and under 15 in for each laptop here."
    )
    assert ChineseReplies().limits_met([at_least], "laptop") == "这里每款笔记本都满足：运行内存不低于16 GB。"
    unmet = SpecLimit(kind="laptop", key="ram_gb", more=True, value=64, inclusive=True)
    assert EnglishReplies().limits_unmet([unmet], "laptop", kept=False, best=(unmet, 32.0)) == (
        "No laptop we have has RAM at least 64 GB; the most any has is 32 GB."
    )


def test_5g_is_the_network_not_5_gb() -> None:
    """'do they all have 5g' had become "RAM at least 5 GB"; said with a memory word it is still memory."""
    phones = [product("Acme Phone", "Electronics > Phones > Smartphones", ram_gb=8, weight_g=190)]
    assert stated_limits("do they all have 5g", phones) == []
    assert stated_limits("a phone with 4g ram", phones)
