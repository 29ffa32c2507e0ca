"""Clarifying questions read as plain English."""

from __future__ import annotations

import pytest

from assistant.dialogue.clarify import for_locale, questions, with_article


@pytest.mark.parametrize(
    ("recipient", "said"),
    [
        ("10 year old", "a 10 year old"),  # it asked about "a gift for 10 year old"
        ("8 year old", "an 8 year old"),
        ("baby", "a baby"),
        ("old friend", "an old friend"),
        ("my mum", "your mum"),  # the assistant says it back
        ("mum", "mum"),  # used as a name
        ("new mom", "a new mom"),  # a kind of mother, not a name
        ("wife", "your wife"),  # it asked about "a gift for wife"
        ("little sister", "your little sister"),
        ("a neighbour", "a neighbour"),
    ],
)
def test_a_kind_of_person_gets_an_article_and_a_relative_is_theirs(recipient: str, said: str) -> None:
    assert with_article(recipient) == said


def test_the_gift_question_names_who_it_is_for() -> None:
    assert questions.gift_details("10 year old").startswith("Happy to help with a gift for a 10 year old!")
    assert (
        questions.gift_details(None, has_budget=True)
        == "Happy to help with a gift for them! What do they like?"
    )


def test_an_item_no_bundle_holds_is_said_of_the_one_bundle_asked_about() -> None:
    assert questions.not_there("lens", intent="remove_item", label="value") == (
        "The value bundle has no lens, so there is nothing to remove."
    )
    assert questions.not_there("lens", intent="swap_item").startswith("None of those bundles has a lens.")
    assert (
        for_locale("zh").not_there("lens", intent="remove_item", label="value").startswith("实惠款套装里没有")
    )
