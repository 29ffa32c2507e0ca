"""`POST /v1/chat` as JSON and as server-sent events, and the input errors it answers with problems."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.chat.fakes import FakeChatEngine
from assistant.chat.types import ChatEvent
from assistant.storage import SqlSessionStore
from pricing.quotes import QuoteSigner
from tests.assistant.api.conftest import KEY, LOOPBACK_CLIENT, Clock, api_settings, problem, sse_events

BUNDLE_KEYS = {
    "bundle_id", "label", "items", "list_price", "bundle_price", "savings", "currency", "explanation",
    "quote_id", "valid_until",
}  # fmt: skip
ITEM_KEYS = {"product_id", "title", "brand", "category", "unit_price"}


def test_a_turn_as_json_has_the_design_shape(client: TestClient, store: SqlSessionStore) -> None:
    response = client.post("/v1/chat", json={"message": "a phone and a case"}, headers=KEY)

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"conversation_id", "reply", "intent", "bundles"}
    assert set(body["intent"]) == {"name", "confidence", "slots"}
    assert len(body["bundles"]) == 2
    for bundle in body["bundles"]:
        assert set(bundle) == BUNDLE_KEYS
        assert all(set(item) == ITEM_KEYS for item in bundle["items"])
        assert isinstance(bundle["bundle_price"], str)
    assert body["bundles"][0]["bundle_price"] == "489.99"
    assert len(store.get_conversation(body["conversation_id"])["turns"]) == 1


def test_a_conversation_continues(client: TestClient, store: SqlSessionStore) -> None:
    first = client.post("/v1/chat", json={"message": "a phone"}, headers=KEY).json()
    second = client.post(
        "/v1/chat", json={"message": "cheaper", "conversation_id": first["conversation_id"]}, headers=KEY
    ).json()
    assert second["conversation_id"] == first["conversation_id"]
    assert len(store.get_conversation(first["conversation_id"])["turns"]) == 2


def test_streaming_sends_bundles_then_deltas_then_done(client: TestClient) -> None:
    headers = {**KEY, "Accept": "text/event-stream"}
    response = client.post("/v1/chat", json={"message": "a phone"}, headers=headers)

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    events = sse_events(response.text)
    kinds = [kind for kind, _ in events]
    assert kinds[0] == "bundles"
    assert kinds[-1] == "done"
    assert set(kinds[1:-1]) == {"delta"}
    first = json.loads(events[0][1])
    assert [bundle["explanation"] for bundle in first["bundles"]] == ["", ""]
    streamed = "".join(json.loads(data)["text"] for kind, data in events if kind == "delta")
    done = json.loads(events[-1][1])
    assert streamed.split() == " ".join(b["explanation"] for b in done["bundles"]).split()


def test_a_turn_without_bundles_streams_only_done(client: TestClient) -> None:
    headers = {**KEY, "Accept": "text/event-stream"}
    response = client.post("/v1/chat", json={"message": "a unicorn please"}, headers=headers)
    [(kind, data)] = sse_events(response.text)
    assert kind == "done"
    assert "don't carry" in json.loads(data)["reply"]


def test_unknown_conversation_is_404_as_json_and_as_stream(client: TestClient) -> None:
    body = {"message": "hi", "conversation_id": "does-not-exist"}
    problem(client.post("/v1/chat", json=body, headers=KEY), 404, "not-found")
    streamed = client.post("/v1/chat", json=body, headers={**KEY, "Accept": "text/event-stream"})
    problem(streamed, 404, "not-found")


def test_malformed_json_is_400(client: TestClient, engine: FakeChatEngine) -> None:
    response = client.post(
        "/v1/chat", content=b'{"message": "hi"', headers={**KEY, "Content-Type": "application/json"}
    )
    problem(response, 400, "malformed-json")
    assert engine.turns_taken == 0


def test_wrong_types_and_unknown_fields_are_422(client: TestClient, engine: FakeChatEngine) -> None:
    problem(client.post("/v1/chat", json={"message": 42}, headers=KEY), 422, "invalid-input")
    problem(client.post("/v1/chat", json={"message": ["a"]}, headers=KEY), 422, "invalid-input")
    problem(client.post("/v1/chat", json={}, headers=KEY), 422, "invalid-input")
    problem(client.post("/v1/chat", json={"message": "hi", "admin": True}, headers=KEY), 422)
    problem(client.post("/v1/chat", json={"message": "x" * 4001}, headers=KEY), 422)
    problem(client.post("/v1/chat", json={"message": "hi", "locale": "<script>"}, headers=KEY), 422)
    assert engine.turns_taken == 0


def test_a_blank_message_is_refused_by_the_engine(client: TestClient) -> None:
    problem(client.post("/v1/chat", json={"message": "   "}, headers=KEY), 422, "invalid-input")


def test_bodies_over_64_kib_are_413(client: TestClient, engine: FakeChatEngine) -> None:
    oversized = json.dumps({"message": "x" * (65 * 1024)}).encode()
    headers = {**KEY, "Content-Type": "application/json"}
    problem(client.post("/v1/chat", content=oversized, headers=headers), 413, "payload-too-large")

    def chunks() -> object:  # no Content-Length: the limit counts what arrives
        for _ in range(70):
            yield b"x" * 1024

    problem(client.post("/v1/chat", content=chunks(), headers=headers), 413, "payload-too-large")  # type: ignore[arg-type]
    assert engine.turns_taken == 0


def test_unknown_paths_and_methods_are_problems(client: TestClient) -> None:
    problem(client.get("/v1/nothing-here"), 404)
    problem(client.get("/v1/chat", headers=KEY), 405)


def test_openapi_docs_are_served(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/v1/chat", "/v1/chat/completions", "/v1/quotes/{quote_id}/accept", "/v1/events"):
        assert path in paths


class BrokenEngine(FakeChatEngine):
    """Fails the way a bug would: before any event, or after the bundles were sent."""

    def turn(self, message: str, **_: object) -> Any:
        raise RuntimeError("secret internals /etc/passwd")

    def stream(self, message: str, **kwargs: Any) -> Iterator[ChatEvent]:
        yield next(iter(super().stream(message, **kwargs)))
        raise RuntimeError("secret internals /etc/passwd")


def test_engine_failures_are_problems_without_internals(
    store: SqlSessionStore, signer: QuoteSigner, clock: Clock, tmp_path: Path
) -> None:
    engine = BrokenEngine(store=store, signer=signer, clock=clock)
    app = create_app(engine=engine, store=store, quote_verifier=signer, settings=api_settings(tmp_path))
    client = TestClient(app, client=LOOPBACK_CLIENT, raise_server_exceptions=False)

    body = problem(client.post("/v1/chat", json={"message": "a phone"}, headers=KEY), 500, "internal-error")
    assert "secret" not in body["detail"]

    response = client.post(
        "/v1/chat", json={"message": "a phone"}, headers={**KEY, "Accept": "text/event-stream"}
    )
    events = sse_events(response.text)
    assert [kind for kind, _ in events] == ["bundles", "error"]
    assert json.loads(events[-1][1]) == {
        "type": "internal-error", "title": "Internal error", "status": 500, "detail": "unexpected error",
    }  # fmt: skip
    assert "secret" not in response.text
