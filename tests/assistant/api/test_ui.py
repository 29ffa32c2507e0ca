"""The Gradio UI at `/ui`, driven through `gradio_client` against a live server (and its session logic
directly): streamed chat, the bundle table, reset, and errors shown in the chat."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import text

from assistant.api.app import create_app
from assistant.api.ui import BUNDLE_COLUMNS, ChatSession
from assistant.chat.fakes import FakeChatEngine
from assistant.storage import SqlSessionStore
from pricing.quotes import QuoteSigner
from tests.assistant.api.conftest import api_settings
from tests.assistant.api.live import live_server


@pytest.fixture
def ui_app(engine: FakeChatEngine, store: SqlSessionStore, signer: QuoteSigner, tmp_path: Path) -> FastAPI:
    return create_app(
        engine=engine,
        store=store,
        quote_verifier=signer,
        settings=api_settings(tmp_path),
        catalog_info=lambda: {"products": 4, "currencies": "USD"},
        ui=True,
    )


@pytest.fixture
def ui_url(ui_app: FastAPI) -> Iterator[str]:
    with live_server(ui_app) as url:
        yield f"{url}/ui/"


def text_of(message: dict[str, Any]) -> str:
    """A chat message's text (Gradio returns content as a list of typed parts)."""
    content = message["content"]
    if isinstance(content, str):
        return content
    return "".join(part.get("text", "") for part in content)


def conversation_turns(store: SqlSessionStore) -> list[int]:
    with store.engine.connect() as connection:
        return [row[0] for row in connection.execute(text("SELECT turn_count FROM conversations"))]


@pytest.mark.integration
def test_the_ui_chats_through_gradio_client(ui_url: str, store: SqlSessionStore) -> None:
    from gradio_client import Client

    client = Client(ui_url, verbose=False)
    history, table, box = client.predict("a phone and a case", [], api_name="/chat")

    assert box == ""
    assert [message["role"] for message in history] == ["user", "assistant"]
    assert text_of(history[0]) == "a phone and a case"
    assert text_of(history[1]) == "Here are 2 bundles for you."
    assert table["headers"] == BUNDLE_COLUMNS
    assert [row[0] for row in table["data"]] == ["value", "premium"]
    assert table["data"][1][2] == "899.99"
    assert "you save 48.00 USD" in table["data"][1][6]

    history, _, _ = client.predict("cheaper please", history, api_name="/chat")
    assert len(history) == 4
    assert conversation_turns(store) == [2]  # the session's state carried the conversation id

    history, table, _ = client.predict(api_name="/reset")
    assert history == [] and table["data"] in ([], [[""] * len(BUNDLE_COLUMNS)])
    client.predict("a unicorn", [], api_name="/chat")
    assert sorted(conversation_turns(store)) == [1, 2]  # reset started a new conversation


def test_a_session_streams_and_continues(engine: FakeChatEngine, store: SqlSessionStore) -> None:
    session = ChatSession(engine)
    updates = list(session.respond("a phone", [], None))
    assert len(updates) > 3  # bundles, then explanation words, then done
    history, table, conversation_id, _ = updates[-1]
    assert table[0][6].strip() == "A value set: you save 29.00 USD on these items."
    *_, (history, _, same_id, _) = session.respond("cheaper", history, conversation_id)
    assert same_id == conversation_id
    assert [m["role"] for m in history] == ["user", "assistant", "user", "assistant"]
    assert len(store.get_conversation(conversation_id)["turns"]) == 2


def test_a_lost_conversation_is_said_in_the_chat_and_restarted(engine: FakeChatEngine) -> None:
    *_, (history, _, conversation_id, _) = ChatSession(engine).respond("hello", [], "gone")
    assert history[-1]["content"].startswith("Sorry: no conversation")
    assert conversation_id is None
