"""Intent model benchmark: load time and per-utterance latency on this machine, printed as JSON.

Targets (2 CPU cores): inference <= 15 ms per utterance at p95 (one message at a time, as a chat turn
issues it), model load <= 5 s after the first start. Utterances are the held-out set's texts.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

# bench/retrieval.py would shadow the `retrieval` package: drop bench/ from the import path.
if sys.path and Path(sys.path[0] or ".").resolve() == Path(__file__).resolve().parent:
    sys.path.pop(0)

from assistant.components import build_intent_parser, open_catalog
from assistant.intent.markup import parse_markup
from assistant.intent.training.data import data_file
from assistant.intent.training.dataset import HELD_OUT
from assistant.settings import get_settings


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def main() -> None:
    """Measure and print the JSON report."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=2, help="passes over the utterances")
    args = parser.parse_args()
    settings = get_settings()
    catalog = open_catalog(settings)
    texts = [
        parse_markup(json.loads(line)["text"], "x").text
        for line in data_file(HELD_OUT).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    started = time.perf_counter()
    intent_parser = build_intent_parser(settings, catalog)
    intent_parser.warm_up()
    load_seconds = time.perf_counter() - started
    for text in ("hello", "a phone under $500", "cheaper please", "swap the case", "我想买手机"):
        intent_parser.parse(text)  # warm-up: first calls allocate (texts outside the measured set)
    passes: list[list[float]] = []
    for _ in range(args.repeat):  # the first pass meets every phrase for the first time
        passes.append([])
        for text in texts:
            begin = time.perf_counter()
            intent_parser.parse(text)
            passes[-1].append((time.perf_counter() - begin) * 1000)
    latencies, first = [ms for one in passes for ms in one], passes[0]
    begin = time.perf_counter()
    intent_parser.parse_many(texts)
    batched = (time.perf_counter() - begin) * 1000 / len(texts)
    p95 = percentile(latencies, 0.95)
    report = {
        "machine": {"cpus": os.cpu_count()},
        "utterances": len(texts),
        "calls": len(latencies),
        "model_load_seconds": round(load_seconds, 2),
        "latency_ms": {
            "p50": round(percentile(latencies, 0.50), 2),
            "p95": round(p95, 2),
            "p99": round(percentile(latencies, 0.99), 2),
            "mean": round(statistics.fmean(latencies), 2),
        },
        "first_pass_latency_ms": {
            "p50": round(percentile(first, 0.50), 2),
            "p95": round(percentile(first, 0.95), 2),
        },
        "batched_ms_per_utterance": round(batched, 2),
        "targets": {
            "p95_le_15ms": p95 <= 15.0,
            "first_pass_p95_le_15ms": percentile(first, 0.95) <= 15.0,
            "load_le_5s": load_seconds <= 5.0,
        },
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
