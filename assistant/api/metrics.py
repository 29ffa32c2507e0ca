"""Prometheus metrics of one app (its own registry, so several apps in one process never collide):
requests and latency per route, and the chat turn's stage timings."""

from __future__ import annotations

from collections.abc import Mapping

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest

_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class ApiMetrics:
    """The counters and histograms `/metrics` exposes."""

    content_type = CONTENT_TYPE_LATEST

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "bundlewise_http_requests",
            "HTTP requests by route template, method and status",
            ["route", "method", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "bundlewise_http_request_duration_seconds",
            "Time to the end of the response, by route template",
            ["route", "method"],
            buckets=_LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.stage = Histogram(
            "bundlewise_turn_stage_duration_seconds",
            "Chat turn time per stage (parse, retrieve, build, price, explain, ...)",
            ["stage"],
            buckets=_LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.first_bundle = Histogram(
            "bundlewise_chat_time_to_first_event_seconds",
            "Streamed chat: time until the first event (bundles, or the whole answer) is ready",
            buckets=_LATENCY_BUCKETS,
            registry=self.registry,
        )

    def observe_request(self, route: str, method: str, status: int, seconds: float) -> None:
        self.requests.labels(route, method, str(status)).inc()
        self.latency.labels(route, method).observe(seconds)

    def observe_turn(self, timings_ms: Mapping[str, float]) -> None:
        for stage, milliseconds in timings_ms.items():
            self.stage.labels(stage).observe(milliseconds / 1000.0)

    def render(self) -> bytes:
        return generate_latest(self.registry)
