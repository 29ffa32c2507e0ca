"""`POST /v1/chat/completions` checked with the real `openai` client against a live loopback server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from assistant.storage import SqlSessionStore
from tests.assistant.api.conftest import KEY, problem
from tests.assistant.api.live import live_server

openai = pytest.importorskip("openai", reason="the openai client comes with the dev extras")

pytestmark = pytest.mark.integration


@pytest.fixture
def base_url(app: FastAPI) -> Iterator[str]:
    with live_server(app) as url:
        yield url


def test_the_openai_client_gets_a_completion(base_url: str, store: SqlSessionStore) -> None:
    client = openai.OpenAI(base_url=f"{base_url}/v1", api_key="pk_demo", max_retries=0)

    completion = client.chat.completions.create(
        model="bundlewise",
        messages=[
            {"role": "system", "content": "You are a shop assistant."},
            {"role": "user", "content": "a phone and a case"},
        ],
    )

    assert completion.object == "chat.completion"
    [choice] = completion.choices
    assert choice.message.role == "assistant"
    assert choice.finish_reason == "stop"
    text = choice.message.content or ""
    assert text.startswith("Here are 2 bundles")
    assert "489.99 USD" in text
    extension = completion.model_extra["bundlewise"]  # type: ignore[index]
    assert len(extension["bundles"]) == 2
    assert len(store.get_conversation(extension["conversation_id"])["turns"]) == 1


def test_the_openai_client_streams(base_url: str) -> None:
    client = openai.OpenAI(base_url=f"{base_url}/v1", api_key="pk_demo", max_retries=0)

    stream = client.chat.completions.create(
        model="bundlewise", messages=[{"role": "user", "content": "a phone"}], stream=True
    )
    chunks = list(stream)

    assert len(chunks) > 5
    assert chunks[0].choices[0].delta.role == "assistant"
    assert chunks[-1].choices[0].finish_reason == "stop"
    text = "".join(chunk.choices[0].delta.content or "" for chunk in chunks)
    assert text.startswith("Here are 2 bundles")
    assert "premium: Acme Photon X Smartphone" in text
    assert "you save" in text


def test_a_wrong_key_is_an_authentication_error(base_url: str) -> None:
    client = openai.OpenAI(base_url=f"{base_url}/v1", api_key="sk-wrong", max_retries=0)
    with pytest.raises(openai.AuthenticationError):
        client.chat.completions.create(model="bundlewise", messages=[{"role": "user", "content": "hi"}])


def test_requests_without_a_user_message_are_refused(client: TestClient) -> None:
    only_system = {"messages": [{"role": "system", "content": "hello"}]}
    problem(client.post("/v1/chat/completions", json=only_system, headers=KEY), 422)
    problem(client.post("/v1/chat/completions", json={"messages": []}, headers=KEY), 422)
    problem(client.post("/v1/chat/completions", json={"messages": "hi"}, headers=KEY), 422)


def test_an_unknown_conversation_is_404_before_any_chunk(client: TestClient) -> None:
    body = {"messages": [{"role": "user", "content": "hi"}], "stream": True, "conversation_id": "nope"}
    problem(client.post("/v1/chat/completions", json=body, headers=KEY), 404)
