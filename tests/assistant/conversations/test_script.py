"""The scripted-conversation format: strict keys, and checks that do fail when they should."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.conversations.script import TurnOutcome, check_turn, parse_script
from assistant.errors import InvalidInputError


def _body(**overrides: Any) -> dict[str, Any]:
    bundle = {
        "bundle_id": "b1",
        "label": "value",
        "items": [
            {
                "product_id": "p",
                "title": "Pixel 9 128GB",
                "brand": "Google",
                "category": "Phones",
                "unit_price": "499.00",
            },
            {
                "product_id": "c",
                "title": "Pixel 9 Case",
                "brand": "Google",
                "category": "Cases",
                "unit_price": "29.00",
            },
        ],
        "list_price": "528.00",
        "bundle_price": "509.99",
        "savings": "18.01",
        "currency": "USD",
        "explanation": "The 128GB phone with its case for $509.99, saving $18.01.",
    }
    body = {
        "conversation_id": "c1",
        "reply": "Here you go",
        "intent": {
            "name": "build_bundle",
            "confidence": 0.9,
            "slots": {"category": ["phone"], "budget_max": 600},
        },
        "bundles": [bundle],
    }
    body.update(overrides)
    return body


def test_unknown_keys_are_errors() -> None:
    with pytest.raises(InvalidInputError, match="unknown key"):
        parse_script({"name": "x", "turns": [{"user": "hi", "expect": {"intnet": "greeting"}}]})
    with pytest.raises(InvalidInputError, match="unknown key"):
        parse_script({"name": "x", "turns": [{"user": "hi", "expect": {"every_bundle": {"max_prize": 1}}}]})
    with pytest.raises(InvalidInputError, match="turns"):
        parse_script({"name": "x", "turns": []})


def test_a_matching_answer_passes() -> None:
    expect = {
        "intent": "build_bundle",
        "slots": {"category": "PHONE", "budget_max": 600},
        "bundles": {"min": 1, "max": 3},
        "every_bundle": {
            "max_price": 600,
            "includes_category": ["phone"],
            "excludes_category": ["Laptops"],
            "excludes_title": ["Pro Max"],
            "excludes_brand": ["Apple"],
            "currency": "USD",
            "explanation_faithful": True,
        },
        "reply_contains": ["here"],
    }
    assert check_turn(expect, TurnOutcome(200, _body()), []) == []


@pytest.mark.parametrize(
    ("expect", "fragment"),
    [
        ({"intent": "refine"}, "intent"),
        ({"slots": {"budget_max": 500}}, "budget_max"),
        ({"bundles": {"min": 2}}, "at least 2"),
        ({"every_bundle": {"max_price": 500}}, "above 500"),
        ({"every_bundle": {"excludes_brand": ["google"]}}, "excluded"),
        ({"every_bundle": {"includes_category": ["laptop"]}}, "laptop"),
        ({"every_bundle": {"excludes_category": ["phones"]}}, "excluded category"),
        ({"every_bundle": {"excludes_title": ["pixel"]}}, "excluded 'pixel'"),
        ({"every_bundle": {"price_below_previous": True}}, "not below"),
        ({"reply_not_contains": ["here"]}, "contains"),
        ({"status": 422}, "status"),
    ],
)
def test_each_check_can_fail(expect: dict[str, Any], fragment: str) -> None:
    previous = [{"bundle_price": "400.00"}]
    failures = check_turn(expect, TurnOutcome(200, _body()), previous)
    assert any(fragment in failure for failure in failures), failures


def test_invented_numbers_in_an_explanation_are_caught() -> None:
    body = _body()
    body["bundles"][0]["explanation"] = "Only $99 today, 50% off!"
    failures = check_turn({"every_bundle": {"explanation_faithful": True}}, TurnOutcome(200, body), [])
    assert failures and "99" in failures[0]


def test_error_answers_are_checked_by_status_and_type() -> None:
    problem = {"type": "invalid-input", "title": "Invalid input", "status": 422, "detail": "message is empty"}
    assert check_turn({"status": 422, "error_type": "invalid-input"}, TurnOutcome(422, problem), []) == []
    assert check_turn({"intent": "greeting"}, TurnOutcome(422, problem), [])
