"""Run scripted conversations in-process (a `ChatEngine`) or against a running server (`--url`).

Both paths produce the same `TurnOutcome` (HTTP status + `/v1/chat` body or problem body), so one
script checks the product the same way through either door.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any

from assistant.chat.types import ChatEngine
from assistant.conversations.script import Script, ScriptReport, TurnOutcome, check_turn
from assistant.errors import BundlewiseError, InvalidInputError

RATE_LIMIT_RETRIES = 5
MAX_WAIT_SECONDS = 10.0
Send = Callable[[Any, str | None, str | None], TurnOutcome]  # (message, conversation id, locale)


def engine_sender(engine: ChatEngine) -> Send:
    """Turns through the engine; bundlewise errors become their problem objects, as the API sends them."""

    def send(message: Any, conversation_id: str | None, locale: str | None) -> TurnOutcome:
        try:
            if not isinstance(message, str):
                raise InvalidInputError(f"message must be text, got {type(message).__name__}")
            result = engine.turn(message, conversation_id=conversation_id, locale=locale)
        except BundlewiseError as error:
            return TurnOutcome(error.status, error.to_problem())
        return TurnOutcome(200, result.to_json())

    return send


def http_sender(url: str, *, site_key: str = "pk_demo", timeout: float = 60.0) -> Send:
    """Turns over `POST {url}/v1/chat` with the site key (a real HTTP client, JSON in and out)."""
    import httpx

    client = httpx.Client(base_url=url.rstrip("/"), timeout=timeout, headers={"X-Site-Key": site_key})

    def send(message: Any, conversation_id: str | None, locale: str | None) -> TurnOutcome:
        payload: dict[str, Any] = {"message": message}
        if conversation_id:
            payload["conversation_id"] = conversation_id
        if locale:
            payload["locale"] = locale
        response = client.post("/v1/chat", json=payload)
        for _ in range(RATE_LIMIT_RETRIES):  # a polite client waits out a rate limit, as told
            if response.status_code != 429:
                break
            time.sleep(min(MAX_WAIT_SECONDS, float(response.headers.get("Retry-After", "1") or 1)))
            response = client.post("/v1/chat", json=payload)
        try:
            body = response.json()
        except ValueError:
            body = {"detail": response.text[:200]}
        return TurnOutcome(response.status_code, body if isinstance(body, Mapping) else {"body": body})

    return send


def run_script(script: Script, send: Send) -> ScriptReport:
    """Play every turn in order on one conversation and check it."""
    report = ScriptReport(script.name, turns=len(script.turns))
    conversation_id: str | None = None
    previous: list[Mapping[str, Any]] = []
    for number, turn in enumerate(script.turns, start=1):
        outcome = send(turn.user, conversation_id, script.locale)
        failures = check_turn(turn.expect, outcome, previous)
        if failures:
            report.failures[number] = failures
        if outcome.status == 200:
            conversation_id = str(outcome.body.get("conversation_id") or conversation_id or "") or None
            shown = list(outcome.body.get("bundles", []))
            if shown:
                previous = shown
    return report


def format_report(report: ScriptReport) -> str:
    """'N passed, M failed' with each failure on its own line."""
    lines = [f"{report.name}: {report.passed} passed, {report.failed} failed"]
    for number, failures in sorted(report.failures.items()):
        lines += [f"  turn {number}: {failure}" for failure in failures]
    return "\n".join(lines)
