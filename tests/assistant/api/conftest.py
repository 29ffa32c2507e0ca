"""The API over the FAKE chat engine, a real SQLite store and real signed quotes, with a settable clock."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.chat.fakes import FakeChatEngine
from assistant.settings import Settings
from assistant.storage import SqlSessionStore, open_store
from pricing.quotes import QuoteSigner

SHOP_KEY = "pk_test_shop"
SHOP_ORIGIN = "https://shop.example"
KEY = {"X-Site-Key": "pk_demo"}
PROBLEM_KEYS = {"type", "title", "status", "detail"}
LOOPBACK_CLIENT = ("127.0.0.1", 50000)


@dataclass
class Clock:
    """A clock tests move by hand."""

    now: datetime = field(default_factory=lambda: datetime(2026, 11, 28, 12, 0, tzinfo=UTC))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def api_settings(tmp_path: Path, **api: Any) -> Settings:
    """Settings with the demo key plus a shop key for SHOP_ORIGIN (a slow one unless overridden)."""
    section: dict[str, Any] = {
        "site_keys": [{"key": SHOP_KEY, "origins": [SHOP_ORIGIN], "requests_per_minute": 60, "burst": 3}],
        **api,
    }
    return Settings.model_validate({"paths": {"data_dir": tmp_path / "data"}, "api": section})


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlSessionStore]:
    opened = open_store(url=f"sqlite:///{tmp_path / 'bundlewise.db'}")
    yield opened
    opened.close()


@pytest.fixture
def signer() -> QuoteSigner:
    return QuoteSigner(b"test-secret-0123456789abcdef")


@pytest.fixture
def engine(store: SqlSessionStore, signer: QuoteSigner, clock: Clock) -> FakeChatEngine:
    return FakeChatEngine(store=store, signer=signer, clock=clock)


@pytest.fixture
def app(
    engine: FakeChatEngine, store: SqlSessionStore, signer: QuoteSigner, clock: Clock, tmp_path: Path
) -> FastAPI:
    return create_app(
        engine=engine, store=store, quote_verifier=signer, settings=api_settings(tmp_path), clock=clock
    )


@pytest.fixture
def client(app: FastAPI) -> TestClient:
    """A client connecting from loopback (where the demo key works)."""
    return TestClient(app, client=LOOPBACK_CLIENT, raise_server_exceptions=False)


def problem(response: Any, status: int, type_: str | None = None) -> dict[str, Any]:
    """Assert a problem JSON response and return its body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert set(body) == PROBLEM_KEYS
    assert body["status"] == status
    if type_ is not None:
        assert body["type"] == type_
    return body


def sse_events(text: str) -> list[tuple[str | None, str]]:
    """Parse a text/event-stream body into (event, data) pairs."""
    events = []
    for block in text.strip().split("\n\n"):
        kind, data = None, []
        for line in block.splitlines():
            if line.startswith("event: "):
                kind = line[len("event: ") :]
            elif line.startswith("data: "):
                data.append(line[len("data: ") :])
        events.append((kind, "\n".join(data)))
    return events
