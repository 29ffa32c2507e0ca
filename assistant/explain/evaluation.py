"""`bundlewise eval explanations`: rejection rate, faithfulness, length, variety and speed (held-out bundles).

Bundles are explained in turns of three (one batched call, as in a chat turn). The model's first token is
timed by wrapping the chat model, the first shown text by the explainer's events.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from assistant.explain.chat_model import ChatModel, Conversation, TextDelta
from assistant.explain.checker import ExplanationChecker
from assistant.explain.explainer import Explainer, Explanation, ExplanationDelta, ExplanationDone
from assistant.explain.facts import ExplanationFacts
from assistant.explain.filling import PLACEHOLDER, fill

TURN_SIZE = 3


def heldout_path() -> Path:
    """The shipped held-out bundles (anchors never used in training)."""
    return Path(str(resources.files("assistant.explain") / "data" / "heldout.jsonl"))


def load_bundles(path: Path) -> list[ExplanationFacts]:
    """Bundle facts from JSONL (one `ExplanationFacts.to_record()` per line, or {"facts": ...})."""
    bundles = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            bundles.append(ExplanationFacts.from_record(record.get("facts", record)))
    return bundles


def spread(bundles: Sequence[ExplanationFacts], limit: int | None) -> list[ExplanationFacts]:
    """At most `limit` bundles taken evenly over `bundles` (so every catalog in the file is represented)."""
    if limit is None or limit >= len(bundles):
        return list(bundles)
    step = len(bundles) / max(1, limit)
    return [bundles[int(i * step)] for i in range(limit)]


@dataclass
class TimedChatModel:
    """Wraps a `ChatModel` to record, per call, seconds to the first delta, tokens and total seconds."""

    inner: ChatModel
    calls: list[tuple[float, int, float]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.inner.name

    def warm_up(self) -> None:
        self.inner.warm_up()

    def stream(self, conversations: Sequence[Conversation], *, max_new_tokens: int) -> Iterator[TextDelta]:
        started, first, tokens = time.perf_counter(), None, 0
        for delta in self.inner.stream(conversations, max_new_tokens=max_new_tokens):
            first = first if first is not None else time.perf_counter() - started
            tokens += delta.tokens
            yield delta
        self.calls.append((first or 0.0, tokens, time.perf_counter() - started))


def evaluate_variant(
    explainer: Explainer,
    timer: TimedChatModel,
    bundles: Sequence[ExplanationFacts],
    checker: ExplanationChecker,
) -> tuple[dict[str, Any], list[Explanation]]:
    """Figures of one model variant over `bundles`, and its explanations (in order)."""
    explainer.warm_up()
    timer.calls.clear()
    shown: list[Explanation] = []
    first_shown: list[float] = []
    turn_seconds: list[float] = []
    for start in range(0, len(bundles), TURN_SIZE):
        turn = bundles[start : start + TURN_SIZE]
        began, first = time.perf_counter(), None
        done: dict[int, Explanation] = {}
        for event in explainer.explain(turn):
            if isinstance(event, ExplanationDelta) and first is None:
                first = time.perf_counter() - began
            if isinstance(event, ExplanationDone):
                done[event.index] = event.explanation
        turn_seconds.append(time.perf_counter() - began)
        first_shown.append(first if first is not None else turn_seconds[-1])
        shown += [done[i] for i in range(len(turn))]
    asked = [e for e in shown if e.model_text is not None]
    rejected = [e for e in asked if e.source == "template"]
    reasons = Counter(reason.split(":")[0] for e in rejected for reason in e.rejection_reasons)
    faithful = sum(checker.check_shown(e.text, f).accepted for e, f in zip(shown, bundles, strict=True))
    tokens = sum(tokens for _, tokens, _ in timer.calls)
    seconds = sum(total for _, _, total in timer.calls)
    figures = {
        "model": timer.name,
        "bundles": len(bundles),
        "rejection_rate_before_fallback": _ratio(len(rejected), len(asked)),
        "rejections_by_rule": dict(reasons.most_common()),
        "faithfulness_after_fallback": _ratio(faithful, len(shown)),
        "average_words_shown": round(sum(len(e.text.split()) for e in shown) / max(1, len(shown)), 1),
        "distinct_1": distinct_n([e.model_text or "" for e in asked if e.source == "model"], 1),
        "distinct_2": distinct_n([e.model_text or "" for e in asked if e.source == "model"], 2),
        "tokens_per_second": round(tokens / seconds, 1) if seconds else None,
        "time_to_first_token_s": _percentiles([first for first, _, _ in timer.calls]),
        "time_to_first_shown_text_s": _percentiles(first_shown),
        "turn_of_three_s": _percentiles(turn_seconds),
    }
    return figures, shown


def side_by_side(
    bundles: Sequence[ExplanationFacts],
    shown: Sequence[Explanation],
    template: Sequence[str],
    count: int = 10,
) -> list[dict[str, Any]]:
    """`count` evenly spread bundles: the model's text (filled when accepted), the template, what is shown."""
    step = max(1, len(bundles) // count)
    rows = []
    for index in range(0, len(bundles), step)[:count]:
        explanation, facts = shown[index], bundles[index]
        model = explanation.model_text or ""
        rows.append(
            {
                "bundle_id": facts.bundle_id,
                "model": fill(model, facts) if explanation.source == "model" else model,
                "rejected_because": list(explanation.rejection_reasons),
                "template": template[index],
                "shown": explanation.source,
            }
        )
    return rows


def distinct_n(texts: Sequence[str], n: int) -> float | None:
    """Share of distinct word n-grams among all n-grams (variety; placeholders count as words)."""
    grams = [
        tuple(words[i : i + n])
        for text in texts
        for words in [PLACEHOLDER.sub("X", text.lower()).split()]
        for i in range(len(words) - n + 1)
    ]
    return round(len(set(grams)) / len(grams), 3) if grams else None


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _percentiles(values: Sequence[float]) -> dict[str, float] | None:
    if not values:
        return None
    ordered = sorted(values)

    def at(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 3)

    return {"p50": at(0.5), "p95": at(0.95), "max": round(ordered[-1], 3)}
