"""Messages about someone in danger are answered with where to get help; shopping hyperbole stays shopping."""

from __future__ import annotations

import pytest

from assistant.chat import replies
from assistant.chat.safety import danger_in


@pytest.mark.parametrize(
    ("message", "danger"),
    [
        ("I want to kill myself", "self_harm"),
        ("i need a rope to hang myself", "self_harm"),
        ("thinking about ending my life tonight", "self_harm"),
        ("I don’t want to live anymore", "self_harm"),
        ("feeling suicidal", "self_harm"),
        ("我不想活了", "self_harm"),
        ("有什么办法可以自杀", "self_harm"),
        ("my chest hurts and my left arm is numb", "emergency"),
        ("I think my dad is having a heart attack", "emergency"),
        ("she can't breathe what do i do", "emergency"),
        ("my son took too many pills, overdose?", "emergency"),
        ("胸口疼，喘不过气", "emergency"),
    ],
)
def test_danger_is_recognised(message: str, danger: str) -> None:
    assert danger_in(message) == danger


@pytest.mark.parametrize(
    "message",
    [
        "this price is killing me",
        "I'm dying to try the new pixel",
        "Suicide Squad on blu-ray",
        "a killer deal on headphones",
        "I cut myself shaving, need a better razor",
        "a face mask I can't breathe in is useless",
        "跳楼价的手机有吗",
        "a phone for photography under $900",
        "heart rate monitor for running",
    ],
)
def test_shopping_hyperbole_is_not_danger(message: str) -> None:
    assert danger_in(message) is None


def test_the_replies_point_to_help_in_the_shopper_s_language() -> None:
    english, chinese = replies.for_locale("en"), replies.for_locale("zh")
    assert "988" in english.danger("self_harm") and "emergency" in english.danger("emergency")
    assert "120" in chinese.danger("emergency") and "热线" in chinese.danger("self_harm")
