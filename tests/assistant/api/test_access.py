"""Site keys, origins (CORS), loopback-only demo key, per-key and per-address rate limits, admin key."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from assistant.api.access import origin_allowed
from assistant.api.app import create_app
from assistant.api.ratelimit import RateLimiter
from assistant.chat.fakes import FakeChatEngine
from assistant.errors import ConfigurationError
from assistant.storage import SqlSessionStore
from pricing.quotes import QuoteSigner
from tests.assistant.api.conftest import (
    KEY,
    LOOPBACK_CLIENT,
    SHOP_KEY,
    SHOP_ORIGIN,
    Clock,
    api_settings,
    problem,
)

CHAT = {"message": "a phone"}


def build(
    engine: FakeChatEngine, store: SqlSessionStore, signer: QuoteSigner, tmp_path: Path, **api: object
) -> FastAPI:
    return create_app(
        engine=engine, store=store, quote_verifier=signer, settings=api_settings(tmp_path, **api)
    )


def test_a_missing_or_unknown_key_is_401(client: TestClient) -> None:
    problem(client.post("/v1/chat", json=CHAT), 401, "unauthorized")
    problem(client.post("/v1/chat", json=CHAT, headers={"X-Site-Key": "pk_nope"}), 401, "unauthorized")
    problem(client.get("/v1/conversations/abc"), 401)


def test_a_key_from_a_disallowed_origin_is_403(client: TestClient) -> None:
    headers = {"X-Site-Key": SHOP_KEY, "Origin": "https://evil.example"}
    problem(client.post("/v1/chat", json=CHAT, headers=headers), 403, "forbidden")
    demo_elsewhere = {**KEY, "Origin": "https://shop.example"}
    problem(client.post("/v1/chat", json=CHAT, headers=demo_elsewhere), 403, "forbidden")


def test_an_allowed_origin_gets_cors_headers(client: TestClient) -> None:
    response = client.post("/v1/chat", json=CHAT, headers={"X-Site-Key": SHOP_KEY, "Origin": SHOP_ORIGIN})
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == SHOP_ORIGIN
    assert "Origin" in response.headers["vary"]


def test_preflight_is_answered_for_allowed_origins_only(client: TestClient) -> None:
    ask = {
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type,x-site-key",
    }
    allowed = client.options("/v1/chat", headers={**ask, "Origin": SHOP_ORIGIN})
    assert allowed.status_code == 204
    assert allowed.headers["access-control-allow-origin"] == SHOP_ORIGIN
    assert "X-Site-Key" in allowed.headers["access-control-allow-headers"]
    loopback = client.options("/v1/chat", headers={**ask, "Origin": "http://127.0.0.1:8123"})
    assert loopback.status_code == 204
    problem(client.options("/v1/chat", headers={**ask, "Origin": "https://evil.example"}), 403)


def test_the_demo_key_works_from_loopback_only(app: FastAPI) -> None:
    remote = TestClient(app, client=("203.0.113.9", 40000))
    problem(remote.post("/v1/chat", json=CHAT, headers=KEY), 403, "forbidden")
    local = TestClient(app, client=LOOPBACK_CLIENT)
    assert (
        local.post("/v1/chat", json=CHAT, headers={**KEY, "Origin": "http://localhost:7860"}).status_code
        == 200
    )


def test_the_demo_key_can_be_switched_off(
    engine: FakeChatEngine, store: SqlSessionStore, signer: QuoteSigner, tmp_path: Path
) -> None:
    client = TestClient(
        build(engine, store, signer, tmp_path, demo_key_enabled=False), client=LOOPBACK_CLIENT
    )
    problem(client.post("/v1/chat", json=CHAT, headers=KEY), 401)


def test_the_site_key_is_rate_limited_with_retry_after(client: TestClient) -> None:
    headers = {"X-Site-Key": SHOP_KEY, "Origin": SHOP_ORIGIN}  # burst 3, 60 per minute
    statuses = [client.get("/v1/conversations/unknown", headers=headers).status_code for _ in range(3)]
    assert statuses == [404, 404, 404]
    limited = client.get("/v1/conversations/unknown", headers=headers)
    problem(limited, 429, "rate-limited")
    assert limited.headers["retry-after"] == "1"
    assert limited.headers["access-control-allow-origin"] == SHOP_ORIGIN  # the widget can read it
    assert client.get("/v1/conversations/unknown", headers=KEY).status_code == 404  # other keys unaffected


def test_each_client_address_is_rate_limited(
    engine: FakeChatEngine, store: SqlSessionStore, signer: QuoteSigner, tmp_path: Path
) -> None:
    app = build(engine, store, signer, tmp_path, ip_burst=2, ip_requests_per_minute=1)
    first = TestClient(app, client=("127.0.0.1", 1))
    assert [first.get("/v1/conversations/x", headers=KEY).status_code for _ in range(2)] == [404, 404]
    limited = problem(first.get("/v1/conversations/x", headers=KEY), 429)
    assert "rate limit" in limited["detail"]
    assert TestClient(app, client=("127.0.0.2", 1)).get("/v1/conversations/x", headers=KEY).status_code == 404


def test_token_buckets_refill_at_their_rate() -> None:
    now = [0.0]
    limiter = RateLimiter(clock=lambda: now[0])
    assert [limiter.take("k", rate_per_minute=60, burst=2) for _ in range(2)] == [0.0, 0.0]
    assert limiter.take("k", rate_per_minute=60, burst=2) == pytest.approx(1.0)
    now[0] += 0.5
    assert limiter.take("k", rate_per_minute=60, burst=2) == pytest.approx(0.5)
    now[0] += 0.5
    assert limiter.take("k", rate_per_minute=60, burst=2) == 0.0


def test_origin_patterns() -> None:
    assert origin_allowed("http://localhost:5173", ["http://localhost:*"])
    assert origin_allowed("http://[::1]:8000", ["http://[::1]:*"])
    assert origin_allowed("https://shop.example/", ["https://shop.example"])
    assert not origin_allowed("https://shop.example.evil.com", ["https://shop.example"])
    assert not origin_allowed("http://localhost.evil.com:80", ["http://localhost:*"])
    assert not origin_allowed("https://localhost:443", ["http://localhost:*"])
    assert origin_allowed("https://anything.example", ["*"])


def test_admin_reload_needs_the_admin_key(
    engine: FakeChatEngine, store: SqlSessionStore, signer: QuoteSigner, tmp_path: Path
) -> None:
    disabled = TestClient(build(engine, store, signer, tmp_path))
    problem(disabled.post("/v1/admin/catalog/reload"), 403)

    secret = "a-long-random-admin-key-0123456789"
    reloads: list[int] = []
    app = create_app(
        engine=engine,
        store=store,
        quote_verifier=signer,
        settings=api_settings(tmp_path, admin_key=secret),
        reload_catalog=lambda: reloads.append(1) or {"products": 20},
    )
    client = TestClient(app)
    problem(client.post("/v1/admin/catalog/reload"), 401)
    problem(client.post("/v1/admin/catalog/reload", headers={"Authorization": "Bearer wrong"}), 401)
    problem(client.post("/v1/admin/catalog/reload", headers={"X-Site-Key": "pk_demo"}), 401)
    response = client.post("/v1/admin/catalog/reload", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 200
    assert response.json() == {"status": "reloaded", "products": 20}
    assert reloads == [1]


def test_admin_reload_without_a_reloader_is_501(
    engine: FakeChatEngine, store: SqlSessionStore, signer: QuoteSigner, tmp_path: Path
) -> None:
    secret = "a-long-random-admin-key-0123456789"
    client = TestClient(build(engine, store, signer, tmp_path, admin_key=secret))
    problem(client.post("/v1/admin/catalog/reload", headers={"X-Admin-Key": secret}), 501)


@pytest.mark.parametrize("placeholder", ["changethis", "admin", "short"])
def test_a_placeholder_admin_key_is_refused_in_production(
    placeholder: str, engine: FakeChatEngine, store: SqlSessionStore, signer: QuoteSigner, tmp_path: Path
) -> None:
    with pytest.raises(ConfigurationError, match="BUNDLEWISE_API__ADMIN_KEY"):
        build(engine, store, signer, tmp_path, admin_key=placeholder, environment="production")
    build(engine, store, signer, tmp_path, admin_key=placeholder, environment="development")  # warns only


def test_public_routes_need_no_key(client: TestClient, clock: Clock) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/widget.js").status_code == 200
    assert client.get("/metrics").status_code == 200


def test_site_keys_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(
        "BUNDLEWISE_API__SITE_KEYS", '[{"key": "pk_live_x", "origins": ["https://shop.example"]}]'
    )
    monkeypatch.setenv("BUNDLEWISE_API__DEMO_KEY_ENABLED", "false")
    from assistant.settings import Settings

    keys = Settings().api.active_site_keys()
    assert [(key.key, key.origins, key.loopback_only) for key in keys] == [
        ("pk_live_x", ["https://shop.example"], False)
    ]
