"""'Something lighter', 'a bigger screen': a limit past the best shown main product, on a number it states."""

from __future__ import annotations

import pytest

from assistant.chat.details import shared_number, spec_family, wants_more
from assistant.chat.replies import ChineseReplies, EnglishReplies
from assistant.chat.spec_limits import beats, holder, spec_limit
from assistant.dialogue.state import ConversationState, ShoppingGoal, SpecLimit
from tests.assistant.chat.products import AIR, IDEAPAD, LAPTOPS, REDMI, product

PIXEL = product("Google Pixel 9 128GB", "Electronics > Phones > Smartphones", storage_gb=128, screen_in=6.3)


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
