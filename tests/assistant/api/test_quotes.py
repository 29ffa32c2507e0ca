"""`POST /v1/quotes/{id}/accept`: the quoted price is honoured until `valid_until`; tampered, expired,
unknown and repeated acceptances each get their answer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from assistant.chat.fakes import FakeChatEngine
from assistant.storage import SqlSessionStore, open_store
from pricing.quotes import QuoteSigner
from tests.assistant.api.conftest import KEY, Clock, problem


def shown_bundle(client: TestClient) -> dict[str, Any]:
    turn = client.post("/v1/chat", json={"message": "a phone"}, headers=KEY).json()
    bundle: dict[str, Any] = turn["bundles"][1]
    return bundle


def accept(client: TestClient, quote_id: str) -> Any:
    return client.post(f"/v1/quotes/{quote_id}/accept", headers=KEY)


def test_accepting_honours_the_quoted_price(client: TestClient, store: SqlSessionStore, clock: Clock) -> None:
    bundle = shown_bundle(client)
    clock.advance(minutes=29)  # still inside the 30-minute validity

    response = accept(client, bundle["quote_id"])

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "accepted"
    assert body["already_accepted"] is False
    assert body["bundle_price"] == bundle["bundle_price"] == "899.99"
    assert body["currency"] == "USD"
    assert body["items"] == ["ph-1", "cs-1", "ch-1"]
    assert store.get_quote(bundle["quote_id"]).accepted_at == clock.now


def test_accepting_twice_is_idempotent(client: TestClient, clock: Clock) -> None:
    bundle = shown_bundle(client)
    first = accept(client, bundle["quote_id"]).json()
    clock.advance(minutes=5)
    second = accept(client, bundle["quote_id"])
    assert second.status_code == 200
    assert second.json()["accepted_at"] == first["accepted_at"]
    assert second.json()["already_accepted"] is True
    clock.advance(hours=2)  # past expiry, but it was accepted in time
    late = accept(client, bundle["quote_id"])
    assert late.status_code == 200
    assert late.json()["accepted_at"] == first["accepted_at"]


def test_an_expired_quote_is_410(client: TestClient, clock: Clock, store: SqlSessionStore) -> None:
    bundle = shown_bundle(client)
    clock.advance(minutes=30)
    problem(accept(client, bundle["quote_id"]), 410, "quote-expired")
    assert store.get_quote(bundle["quote_id"]).accepted_at is None


def test_a_tampered_quote_is_refused(client: TestClient, store: SqlSessionStore) -> None:
    quote_id = shown_bundle(client)["quote_id"]
    body, _, signature = quote_id.partition(".")
    flipped = body[:-3] + ("A" if body[-3] != "A" else "B") + body[-2:]
    for forged in (f"{flipped}.{signature}", quote_id[:-2], "not-a-quote", f"{body}.{body}"):
        problem(accept(client, forged), 422, "quote-tampered")
    assert store.get_quote(quote_id).accepted_at is None


def test_a_genuine_quote_not_issued_here_is_404(
    client: TestClient, signer: QuoteSigner, clock: Clock, tmp_path: Path
) -> None:
    elsewhere = open_store(url=f"sqlite:///{tmp_path / 'elsewhere.db'}")  # same secret, other store
    foreign = FakeChatEngine(store=elsewhere, signer=signer, clock=clock).turn("a phone").bundles[0]
    elsewhere.close()
    problem(accept(client, foreign.quote_id), 404, "not-found")
