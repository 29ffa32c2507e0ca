"""Load benchmark: N concurrent simulated shoppers against a running server over loopback, as JSON.

Each shopper plays a short conversation (request, refinement, follow-up) over `POST /v1/chat` with
`Accept: text/event-stream` and records per turn: time to the `bundles` event (first bundle), time to the
first explanation `delta` (first explanation token), and the whole turn. Targets (2 CPU cores): first bundle
p95 <= 300 ms at 4 concurrent shoppers; zero errors at 16 (they may queue).

The demo key's rate limits (30 burst, 120/minute) would turn most of a load test into 429s; give the
bench its own key and per-IP allowance when starting the server:

    BUNDLEWISE_API__SITE_KEYS='[{"key": "pk_load", "origins": ["*"], "requests_per_minute": 100000,
        "burst": 10000}]' BUNDLEWISE_API__IP_REQUESTS_PER_MINUTE=100000 BUNDLEWISE_API__IP_BURST=10000 \
        python app.py &
    python bench/load.py --url http://127.0.0.1:7860 --site-key pk_load --shoppers 1 4 16
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import threading
import time
from typing import Any

import httpx

CONVERSATIONS = [
    ["I want a phone for photography under $900", "cheaper please", "not Samsung"],
    ["skincare routine for dry skin under 150", "something more premium", "I'll take the first one"],
    ["a laptop for university under 1500", "add a mouse", "what's the difference between the first two?"],
    ["noise cancelling headphones under 300", "under 200 instead", "thanks"],
    ["coffee machine with capsules", "cheaper please", "I'll take the second one"],
    ["我想买一套护肤品送给妈妈", "便宜一点", "谢谢"],
]


def percentile(values: list[float], share: float) -> float | None:
    """Nearest-rank percentile (None for no values)."""
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))], 1)


def summary(values: list[float]) -> dict[str, float | None]:
    return {"p50": percentile(values, 0.5), "p95": percentile(values, 0.95), "p99": percentile(values, 0.99)}


def shopper(url: str, key: str, script: list[str], rounds: int, results: list[dict[str, Any]]) -> None:
    """Play `script` `rounds` times, one conversation per round, recording each turn."""
    headers = {"X-Site-Key": key, "Accept": "text/event-stream"}
    with httpx.Client(base_url=url, timeout=120.0, headers=headers) as client:
        for _ in range(rounds):
            conversation: str | None = None
            for message in script:
                record: dict[str, Any] = {"error": None}
                started = time.perf_counter()
                payload: dict[str, Any] = {"message": message}
                if conversation:
                    payload["conversation_id"] = conversation
                try:
                    with client.stream("POST", "/v1/chat", json=payload) as response:
                        if response.status_code != 200:
                            response.read()
                            record["error"] = f"HTTP {response.status_code}"
                        else:
                            event = ""
                            for line in response.iter_lines():
                                if line.startswith("event:"):
                                    event = line.split(":", 1)[1].strip()
                                elif line.startswith("data:"):
                                    elapsed = (time.perf_counter() - started) * 1000
                                    if event == "bundles" and "first_bundle_ms" not in record:
                                        record["first_bundle_ms"] = elapsed
                                    elif event == "delta" and "first_token_ms" not in record:
                                        record["first_token_ms"] = elapsed
                                    elif event == "done":
                                        body = json.loads(line.split(":", 1)[1])
                                        conversation = body.get("conversation_id", conversation)
                                        record["bundles"] = len(body.get("bundles", []))
                except httpx.HTTPError as error:
                    record["error"] = type(error).__name__
                record["turn_ms"] = (time.perf_counter() - started) * 1000
                results.append(record)


def run_level(url: str, key: str, shoppers: int, rounds: int) -> dict[str, Any]:
    """All shoppers at once; figures over every turn."""
    results: list[dict[str, Any]] = []
    threads = [
        threading.Thread(
            target=shopper, args=(url, key, CONVERSATIONS[i % len(CONVERSATIONS)], rounds, results)
        )
        for i in range(shoppers)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    ok = [r for r in results if not r["error"]]
    return {
        "shoppers": shoppers,
        "turns": len(results),
        "errors": len(results) - len(ok),
        "error_kinds": sorted({r["error"] for r in results if r["error"]}),
        "turn_ms": summary([r["turn_ms"] for r in ok]),
        "turn_ms_without_bundles": summary([r["turn_ms"] for r in ok if not r.get("first_bundle_ms")]),
        "first_bundle_ms": summary([r["first_bundle_ms"] for r in ok if "first_bundle_ms" in r]),
        "first_explanation_token_ms": summary([r["first_token_ms"] for r in ok if "first_token_ms" in r]),
        "turns_per_second": round(len(ok) / seconds, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", default="http://127.0.0.1:7860")
    parser.add_argument("--site-key", default="pk_demo")
    parser.add_argument("--shoppers", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--rounds", type=int, default=2, help="conversations per shopper")
    args = parser.parse_args()
    httpx.get(f"{args.url}/healthz", timeout=10).raise_for_status()
    levels = [run_level(args.url, args.site_key, count, args.rounds) for count in args.shoppers]
    at4 = next((level for level in levels if level["shoppers"] == 4), None)
    at16 = next((level for level in levels if level["shoppers"] == 16), None)
    report = {
        "machine": {"cpus": os.cpu_count()},
        "url": args.url,
        "levels": levels,
        "targets": {
            "first_bundle_p95_ms_at_4_le_300": None
            if at4 is None or at4["first_bundle_ms"]["p95"] is None
            else at4["first_bundle_ms"]["p95"] <= 300,
            "zero_errors_at_16": None if at16 is None else at16["errors"] == 0,
        },
        "mean_turn_ms": round(statistics.fmean([lv["turn_ms"]["p50"] or 0 for lv in levels]), 1),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
