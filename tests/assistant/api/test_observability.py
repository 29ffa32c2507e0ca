"""`/metrics` (Prometheus text by route template, turn stage timings) and JSON access logs that hold no
message text or client address."""

from __future__ import annotations

import json
import logging

import pytest
from fastapi.testclient import TestClient

from assistant.api.observability import JsonLinesFormatter
from tests.assistant.api.conftest import KEY


def test_metrics_count_requests_by_route_template_and_time_stages(client: TestClient) -> None:
    turn = client.post("/v1/chat", json={"message": "a phone"}, headers=KEY).json()
    client.get(f"/v1/conversations/{turn['conversation_id']}", headers=KEY)
    client.get("/v1/conversations/unknown-id", headers=KEY)

    response = client.get("/metrics")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert 'bundlewise_http_requests_total{method="POST",route="/v1/chat",status="200"} 1.0' in text
    template = 'route="/v1/conversations/{conversation_id}"'
    assert f'bundlewise_http_requests_total{{method="GET",{template},status="200"}} 1.0' in text
    assert f'bundlewise_http_requests_total{{method="GET",{template},status="404"}} 1.0' in text
    assert "unknown-id" not in text
    assert 'bundlewise_turn_stage_duration_seconds_count{stage="retrieve"} 1.0' in text
    assert "bundlewise_http_request_duration_seconds_bucket" in text


def test_access_logs_are_json_without_bodies_or_addresses(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    secret_words = "my name is Alice Example and I live at 12 Private Road"
    with caplog.at_level(logging.INFO, logger="bundlewise.api.access"):
        client.post("/v1/chat", json={"message": secret_words}, headers=KEY)

    [record] = [r for r in caplog.records if r.name == "bundlewise.api.access"]
    line = JsonLinesFormatter().format(record)
    entry = json.loads(line)
    assert entry["event"] == "request"
    assert entry["route"] == "/v1/chat"
    assert entry["status"] == 200
    assert entry["site_key"] == "pk_demo"
    assert isinstance(entry["duration_ms"], float)
    assert "Alice" not in line
    assert "127.0.0.1" not in line
