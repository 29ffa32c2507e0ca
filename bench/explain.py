"""Explainer benchmark: cold start, time to first token and a turn of three explanations, as JSON.

Targets (2 CPU cores): first explanation token <= 1.5 s p95 after warm-up, all three explanations of a
turn <= 6 s p95, cold start (new process, de-quantised copy cached) <= 10 s. Turns are held-out bundles
in groups of three, explained with the shipped fine-tuned adapter, as a chat turn would.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

# bench/retrieval.py would shadow the `retrieval` package: drop bench/ from the import path.
if sys.path and Path(sys.path[0] or ".").resolve() == Path(__file__).resolve().parent:
    sys.path.pop(0)

from assistant.components import build_chat_model, build_explainer, open_catalog
from assistant.explain.evaluation import TimedChatModel, heldout_path, load_bundles
from assistant.explain.explainer import ExplanationDelta
from assistant.settings import get_settings

COLD_START = """
import time; started = time.perf_counter()
from assistant.components import build_explainer
from assistant.settings import get_settings
build_explainer(get_settings()).warm_up()
print(time.perf_counter() - started)
"""


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def summary(values: list[float]) -> dict[str, float]:
    return {
        "p50": round(percentile(values, 0.5), 3),
        "p95": round(percentile(values, 0.95), 3),
        "max": round(max(values), 3),
    }


def main() -> None:
    """Measure and print the JSON report."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--turns", type=int, default=20, help="turns of three held-out bundles")
    parser.add_argument("--cold-starts", type=int, default=3)
    args = parser.parse_args()
    settings = get_settings()
    timer = TimedChatModel(build_chat_model(settings))
    explainer = build_explainer(settings, open_catalog(settings, "demo"), chat_model=timer)
    began = time.perf_counter()
    explainer.warm_up()  # the first start in this cache de-quantises the GGUF file (once)
    first_load = time.perf_counter() - began
    bundles = [b for b in load_bundles(heldout_path()) if b.locale == "en"][: args.turns * 3]
    explainer.explain(bundles[:3]).results()  # warm-up turn (not measured)
    timer.calls.clear()
    turns, first_shown = [], []
    for start in range(0, len(bundles), 3):
        began, shown_at = time.perf_counter(), None
        for event in explainer.explain(bundles[start : start + 3]):
            if shown_at is None and isinstance(event, ExplanationDelta):
                shown_at = time.perf_counter() - began
        turns.append(time.perf_counter() - began)
        first_shown.append(shown_at or turns[-1])
    tokens = sum(tokens for _, tokens, _ in timer.calls)
    cold = [
        float(
            subprocess.run(
                [sys.executable, "-c", COLD_START],
                capture_output=True,
                text=True,
                check=True,
                env={**os.environ, "HF_HUB_OFFLINE": "1"},
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        for _ in range(args.cold_starts)
    ]
    report = {
        "model": timer.name,
        "cpu_cores": os.cpu_count(),
        "torch_threads": settings.explainer.torch_threads or min(2, os.cpu_count() or 1),
        "turns": len(turns),
        "first_load_s": round(first_load, 2),
        "cold_start_with_cache_s": summary(cold),
        "time_to_first_token_s": summary([first for first, _, _ in timer.calls]),
        "time_to_first_shown_text_s": summary(first_shown),
        "turn_of_three_s": summary(turns),
        "tokens_per_second": round(tokens / sum(total for _, _, total in timer.calls), 1),
        "counts": {
            "model": explainer.counts.model,
            "template": explainer.counts.template,
            "rejected": explainer.counts.rejected,
        },
        "targets": {"time_to_first_token_p95_s": 1.5, "turn_of_three_p95_s": 6.0, "cold_start_s": 10.0},
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
