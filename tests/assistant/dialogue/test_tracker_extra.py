"""Tracker rules from the chat loop: vague gifts get a question; "add X" with nothing shown is a request."""

from __future__ import annotations

from assistant.dialogue.state import ConversationState
from assistant.dialogue.tracker import DialogueTracker
from assistant.intent.parser import ParsedMessage
from assistant.intent.slots import Slots


def _parsed(intent: str, **slots: object) -> ParsedMessage:
    return ParsedMessage(intent, 0.99, Slots(**slots))  # type: ignore[arg-type]


def test_a_gift_with_nothing_else_gets_a_question() -> None:
    state, action = DialogueTracker().advance(ConversationState(), _parsed("build_bundle", recipient="mum"))
    assert action.kind == "clarify" and action.question and "budget" in action.question
    state, action = DialogueTracker().advance(state, _parsed("refine", category=["skincare"]))
    assert action.kind == "build" and state.goal.recipient == "mum"


def test_a_gift_with_a_budget_is_built() -> None:
    _, action = DialogueTracker().advance(
        ConversationState(), _parsed("build_bundle", recipient="dad", budget_max=100)
    )
    assert action.kind == "build"


def test_adding_with_nothing_shown_is_a_request() -> None:
    state, action = DialogueTracker().advance(ConversationState(), _parsed("add_item", category=["case"]))
    assert action.kind == "build" and state.goal.categories == ["case"]
    _, action = DialogueTracker().advance(ConversationState(), _parsed("remove_item", item_ref="case"))
    assert action.kind == "clarify"
