"""`GET /v1/conversations/{id}` and `POST /v1/events` (validated, idempotent by event id)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from assistant.storage import SqlSessionStore
from tests.assistant.api.conftest import KEY, problem

PURCHASE = {
    "event_id": "evt-0001-purchase",
    "type": "purchase",
    "conversation_id": "c1",
    "amount": "899.99",
    "currency": "USD",
    "arm": "treatment",
}


def test_a_conversation_has_its_turns_and_state(client: TestClient) -> None:
    turn = client.post("/v1/chat", json={"message": "a phone"}, headers=KEY).json()
    response = client.get(f"/v1/conversations/{turn['conversation_id']}", headers=KEY)
    assert response.status_code == 200
    body = response.json()
    assert body["conversation_id"] == turn["conversation_id"]
    assert [t["message"] for t in body["turns"]] == ["a phone"]
    assert body["turns"][0]["bundles"] == turn["bundles"]
    assert body["state"]["turns"] == 1
    assert [b["quote_id"] for b in body["state"]["shown"]] == [b["quote_id"] for b in turn["bundles"]]


def test_an_unknown_conversation_is_404(client: TestClient) -> None:
    problem(client.get("/v1/conversations/nope", headers=KEY), 404, "not-found")


def test_an_event_is_stored_once(client: TestClient, store: SqlSessionStore) -> None:
    first = client.post("/v1/events", json=PURCHASE, headers=KEY)
    again = client.post("/v1/events", json=PURCHASE, headers=KEY)
    assert first.status_code == 201
    assert first.json() == {"event_id": PURCHASE["event_id"], "stored": True, "duplicate": False}
    assert again.status_code == 200
    assert again.json()["duplicate"] is True
    assert store.count_events() == 1


@pytest.mark.parametrize(
    "change",
    [
        {"type": "refund"},
        {"event_id": "short"},
        {"event_id": "has spaces in it"},
        {"amount": "-1"},
        {"amount": "abc"},
        {"amount": "1.23456"},
        {"currency": "usd"},
        {"amount": None, "currency": None},  # a purchase without money
        {"currency": None},
        {"unexpected": "field"},
        {"amount": 12.5, "type": 7},
    ],
)
def test_malformed_events_are_refused_and_not_stored(
    client: TestClient, store: SqlSessionStore, change: dict[str, Any]
) -> None:
    event = {**PURCHASE, **change}
    problem(client.post("/v1/events", json=event, headers=KEY), 422, "invalid-input")
    assert store.count_events() == 0


def test_events_need_a_site_key(client: TestClient, store: SqlSessionStore) -> None:
    problem(client.post("/v1/events", json=PURCHASE), 401)
    assert store.count_events() == 0


def test_a_click_needs_no_amount(client: TestClient) -> None:
    click = {"event_id": "evt-0002-click", "type": "click", "quote_id": "abc.def"}
    assert client.post("/v1/events", json=click, headers=KEY).status_code == 201
