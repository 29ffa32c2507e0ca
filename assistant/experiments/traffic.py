"""Simulated shoppers driving the real HTTP API: chat, look at the quoted bundles, click and accept the
one they like (or leave), report the purchase, and sometimes retry a beacon as a flaky network would.

Everything goes through the public endpoints (`/v1/chat`, `/v1/events`, `/v1/quotes/{id}/accept`), so
a report computed afterwards tests the whole loop: assignment, pricing per arm, quotes, events, storage.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

import numpy as np

from pricing.simulation.shoppers import QuotedBundle, QuoteShoppers
from pricing.types import BundleDraft, BundleItem
from retrieval.catalog.schema import Product

DEFAULT_MESSAGES = (
    "a phone for photography under $900",
    "I need a laptop for work",
    "skincare routine for dry skin",
    "wireless earbuds for running",
    "a coffee grinder and beans",
    "a camera for travel",
)
COMPLEMENTARITY = 0.6  # the API does not expose it; bundles are built from items that go together


class _Response(Protocol):
    @property
    def status_code(self) -> int: ...

    def json(self) -> Any: ...


class HttpClient(Protocol):
    """What the simulator needs of an HTTP client (`httpx.Client`, FastAPI's `TestClient`)."""

    def post(self, url: str, *, json: Any = None, headers: Mapping[str, str] | None = None) -> _Response: ...


@dataclass(frozen=True, slots=True)
class TrafficSummary:
    """What the simulated shoppers did (for logs and assertions)."""

    shoppers: int
    shown_bundles: int
    accepted: int
    retried_events: int
    failed_requests: int


def run_traffic(
    client: HttpClient,
    *,
    shoppers: int,
    shopper_model: QuoteShoppers,
    site_key: str = "pk_demo",
    messages: Sequence[str] = DEFAULT_MESSAGES,
    retry_share: float = 0.1,
    seed: int = 0,
) -> TrafficSummary:
    """`shoppers` new conversations through the API; returns what happened."""
    headers = {"X-Site-Key": site_key}
    rng = np.random.default_rng(seed)
    shown = accepted = retried = failed = 0
    for number in range(shoppers):
        message = messages[number % len(messages)]
        response = client.post("/v1/chat", json={"message": message}, headers=headers)
        if response.status_code != 200:
            failed += 1
            continue
        turn = response.json()
        bundles = turn["bundles"]
        shown += len(bundles)
        choice = shopper_model.choose([_quoted(bundle) for bundle in bundles]) if bundles else None
        if choice is None:
            continue
        bundle = bundles[choice]
        quote_id = bundle["quote_id"]
        click = {"event_id": f"click-{turn['conversation_id']}", "type": "click", "quote_id": quote_id}
        failed += _post_event(client, click, headers)
        if client.post(f"/v1/quotes/{quote_id}/accept", headers=headers).status_code != 200:
            failed += 1
            continue
        accepted += 1
        purchase = {
            "event_id": f"purchase-{turn['conversation_id']}",
            "type": "purchase",
            "quote_id": quote_id,
            "amount": bundle["bundle_price"],
            "currency": bundle["currency"],
        }
        failed += _post_event(client, purchase, headers)
        if rng.random() < retry_share:  # the beacon is sent again: it must not count twice
            retried += 1
            failed += _post_event(client, purchase, headers)
    return TrafficSummary(shoppers, shown, accepted, retried, failed)


def _post_event(client: HttpClient, event: dict[str, Any], headers: Mapping[str, str]) -> int:
    """1 when the event was refused (a retry answers 200, a first delivery 201)."""
    return int(client.post("/v1/events", json=event, headers=headers).status_code not in (200, 201))


def _quoted(bundle: Mapping[str, Any]) -> QuotedBundle:
    """The shopper's view of an API bundle: its items at list price and the quoted bundle price."""
    items = tuple(
        BundleItem(
            role=item.get("category") or item["product_id"],
            product=Product(
                id=item["product_id"],
                title=item["title"],
                price=Decimal(item["unit_price"]),
                currency=bundle["currency"],
                category=item.get("category"),
                brand=item.get("brand"),
            ),
        )
        for item in bundle["items"]
    )
    draft = BundleDraft(label="balanced", items=items, score=1.0, complementarity=COMPLEMENTARITY)
    return QuotedBundle(draft=draft, price=Decimal(bundle["bundle_price"]))
