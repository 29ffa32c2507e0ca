"""The `Explainer` stage: explains all bundles of a turn in one batched, streamed model call.

Every explanation shown has passed the checker; when the model's text fails, the deterministic template
is shown instead and the rejection is counted, so a false sentence never reaches a shopper.
"""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from assistant.explain.chat_model import ChatModel, Conversation
from assistant.explain.checker import ExplanationChecker, Verdict
from assistant.explain.facts import ExplanationFacts
from assistant.explain.filling import fill
from assistant.explain.gate import StreamGate
from assistant.explain.prompting import PromptBuilder

Source = Literal["model", "template"]


@dataclass(frozen=True, slots=True)
class Explanation:
    """The shown explanation of one bundle, and where it came from."""

    bundle_id: str
    text: str  # filled: what the shopper reads
    source: Source
    model_text: str | None = None  # the model's raw placeholder text (None when the model was not asked)
    rejection_reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ExplanationDelta:
    """More checked, filled text of bundle `index` (append it to what is shown)."""

    index: int
    text: str


@dataclass(frozen=True, slots=True)
class ExplanationDone:
    """Bundle `index` is finished; `explanation.text` is authoritative (it replaces streamed text when
    the model's output was rejected after some of it had been shown)."""

    index: int
    explanation: Explanation


ExplanationEvent = ExplanationDelta | ExplanationDone


@dataclass
class ExplanationCounts:
    """Running totals: how many explanations came from the model, how many fell back, and why."""

    model: int = 0
    template: int = 0
    rejected: int = 0
    busy: int = 0  # turns that got the template because the model stayed busy past `max_wait_s`
    reasons: Counter[str] = field(default_factory=Counter)


class Explainer:
    """Writes grounded explanations for priced bundles; load with `warm_up`, then call `explain`."""

    def __init__(
        self,
        *,
        chat_model: ChatModel,
        prompts: PromptBuilder,
        checker: ExplanationChecker,
        max_new_tokens: int = 96,
        model_locales: Sequence[str] = ("en",),
        max_wait_s: float | None = None,
    ) -> None:
        self._chat_model = chat_model
        self._max_wait_s = max_wait_s  # None: wait for the model however long other turns keep it
        self._prompts = prompts
        self._checker = checker
        self._max_new_tokens = max_new_tokens
        self._model_locales = frozenset(model_locales)  # others get the template (the model is English-only)
        self._lock = threading.Lock()
        self.counts = ExplanationCounts()

    def warm_up(self) -> None:
        """Load the model and run one tiny generation, so the first shopper does not pay for it."""
        self._chat_model.warm_up()
        for _ in self._chat_model.stream([self._prompts.messages(_WARM_UP_FACTS)], max_new_tokens=2):
            pass

    def explain(self, bundles: Sequence[ExplanationFacts]) -> ExplanationRun:
        """Start explaining `bundles` (one model call for all); iterate the run for streamed events,
        or call `results()` for the finished explanations in order."""
        return ExplanationRun(self._events(list(bundles)))

    def _events(self, bundles: list[ExplanationFacts]) -> Iterator[ExplanationEvent]:
        # one item alone is no bundle to explain (the model, tuned on bundles of two or more, had paired the
        # item with itself: "X is the main piece here, and X takes care of the mice"): the template says it
        asked = [
            i
            for i, facts in enumerate(bundles)
            if facts.locale in self._model_locales and len(facts.items) > 1
        ]
        for index, facts in enumerate(bundles):
            if index not in asked:
                yield from self._template_only(index, facts)
        if not asked:
            return
        conversations = [self._prompts.messages(bundles[i]) for i in asked]
        gates = {i: StreamGate(bundles[i], self._checker) for i in asked}
        # One generation at a time (two would fight over the same cores); under load a turn that cannot
        # get the model within `max_wait_s` is explained by the template at once instead of queueing.
        if not self._lock.acquire(timeout=-1 if self._max_wait_s is None else self._max_wait_s):
            self.counts.busy += 1
            for index in asked:
                yield from self._template_only(index, bundles[index])
            return
        try:
            for delta in self._chat_model.stream(conversations, max_new_tokens=self._max_new_tokens):
                index = asked[delta.index]
                released = gates[index].feed(delta.text)
                if released:
                    yield ExplanationDelta(index, released)
        finally:
            self._lock.release()
        for index in asked:
            yield from self._finish(index, bundles[index], gates[index], conversations[asked.index(index)])

    def _finish(
        self, index: int, facts: ExplanationFacts, gate: StreamGate, conversation: Conversation
    ) -> Iterator[ExplanationEvent]:
        raw = gate.raw.strip()
        # Echo means repeating the instructions or the facts block; the few-shot answers are examples
        # of the wanted style, and their formulaic price sentence may be reused.
        prompt = "\n".join(message.content for message in conversation if message.role != "assistant")
        verdict = self._checker.check(raw, facts, prompt=prompt)
        if verdict.accepted:
            shown = fill(raw, facts)
            verdict = self._checker.check_shown(shown, facts)
        if verdict.accepted:
            rest = gate.finish(raw)
            if rest:
                yield ExplanationDelta(index, rest)
            self._count("model", verdict)
            yield ExplanationDone(index, Explanation(facts.bundle_id, gate.shown, "model", raw))
            return
        self._count("template", verdict)
        text = self._template_text(facts)
        yield ExplanationDone(index, Explanation(facts.bundle_id, text, "template", raw, verdict.reasons))

    def _template_only(self, index: int, facts: ExplanationFacts) -> Iterator[ExplanationEvent]:
        text = self._template_text(facts)
        self._count("template", Verdict())
        yield ExplanationDelta(index, text)
        yield ExplanationDone(index, Explanation(facts.bundle_id, text, "template"))

    def _template_text(self, facts: ExplanationFacts) -> str:
        return fill(self._prompts.fallback(facts), facts)

    def _count(self, source: Source, verdict: Verdict) -> None:
        counts = self.counts
        if source == "model":
            counts.model += 1
            return
        counts.template += 1
        if verdict.reasons:
            counts.rejected += 1
            counts.reasons.update(reason.split(":")[0] for reason in verdict.reasons)


class ExplanationRun:
    """The events of one `Explainer.explain` call: iterate (sync or async) to stream, or `results()`."""

    def __init__(self, events: Iterator[ExplanationEvent]) -> None:
        self._events = events

    def __iter__(self) -> Iterator[ExplanationEvent]:
        return self._events

    async def __aiter__(self) -> AsyncIterator[ExplanationEvent]:
        """Async streaming: generation runs in a worker thread, the event loop stays free."""
        done = object()
        step: Callable[[], object] = lambda: next(self._events, done)  # noqa: E731
        while (event := await asyncio.to_thread(step)) is not done:
            yield event  # type: ignore[misc]

    def results(self) -> list[Explanation]:
        """Drain the run: the finished explanations in the order the bundles were given."""
        finished = {e.index: e.explanation for e in self._events if isinstance(e, ExplanationDone)}
        return [finished[index] for index in sorted(finished)]


def _warm_up_facts() -> ExplanationFacts:
    from decimal import Decimal

    from assistant.explain.facts import ItemFact

    return ExplanationFacts(
        bundle_id="warm-up",
        label="balanced",
        locale="en",
        currency="USD",
        items=(ItemFact(1, "phone", "Phone"), ItemFact(2, "case", "Case")),
        list_price=Decimal("10.00"),
        bundle_price=Decimal("9.00"),
        savings=Decimal("1.00"),
    )


_WARM_UP_FACTS = _warm_up_facts()
