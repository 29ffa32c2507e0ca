"""SIGKILL the real server mid-conversation, restart it: every acknowledged turn and quote is still there."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.integration

HEADERS = {"X-Site-Key": "pk_demo"}
APP = Path(__file__).resolve().parents[3] / "app.py"  # `python app.py`, the README's run command


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def _server(data_home: Path, port: int) -> Iterator[subprocess.Popen[bytes]]:
    """`python app.py` on `port`, its database under `data_home` (the index cache is the session's)."""
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(data_home),
        "HF_HUB_OFFLINE": "1",
        "BUNDLEWISE_EXPLAINER__BACKEND": "template",  # durability is the point here, not the model
    }
    process = subprocess.Popen(
        [sys.executable, str(APP), "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 180
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"server exited with {process.returncode}")
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("server did not come up")
            time.sleep(0.5)
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)


def test_acknowledged_turns_and_quotes_survive_sigkill(tmp_path: Path) -> None:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    with _server(tmp_path, port) as process:
        first = httpx.post(
            f"{base}/v1/chat", json={"message": "a phone under $900"}, headers=HEADERS, timeout=60
        )
        assert first.status_code == 200, first.text
        conversation = first.json()["conversation_id"]
        second = httpx.post(
            f"{base}/v1/chat",
            json={"message": "cheaper please", "conversation_id": conversation},
            headers=HEADERS,
            timeout=60,
        )
        assert second.status_code == 200, second.text
        quotes = [bundle["quote_id"] for bundle in second.json()["bundles"]]
        assert quotes
        in_flight = threading.Thread(  # a third turn is on its way when the server dies
            target=lambda: _ignore_errors(
                lambda: httpx.post(
                    f"{base}/v1/chat",
                    json={"message": "not Samsung", "conversation_id": conversation},
                    headers=HEADERS,
                    timeout=30,
                )
            )
        )
        in_flight.start()
        time.sleep(0.05)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        in_flight.join(timeout=30)
    with _server(tmp_path, port):
        stored = httpx.get(f"{base}/v1/conversations/{conversation}", headers=HEADERS, timeout=30)
        assert stored.status_code == 200, stored.text
        turns = stored.json()["turns"]
        assert [turn["message"] for turn in turns[:2]] == ["a phone under $900", "cheaper please"]
        accepted = httpx.post(f"{base}/v1/quotes/{quotes[0]}/accept", headers=HEADERS, timeout=30)
        assert accepted.status_code == 200, accepted.text
        assert accepted.json()["bundle_price"] == second.json()["bundles"][0]["bundle_price"]


def _ignore_errors(call: Callable[[], object]) -> None:
    with contextlib.suppress(httpx.HTTPError):
        call()
