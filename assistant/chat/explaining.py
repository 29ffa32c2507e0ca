"""Explanations for the chat loop: the fine-tuned model (checked, streamed) or the grounded template.

The deterministic template (prompts/explain/*/fallback_*.jinja, filled from the pricing engine's facts)
is what the model explainer falls back to; it is also the explainer when `explainer.backend` is
"template" (instant; for load tests and fast conversation tests).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from assistant.chat.engine import ExplanationDelta
from assistant.explain.explainer import Explainer, ExplanationDone
from assistant.explain.facts import ExplanationFacts, Locale, ShopperNeed
from assistant.explain.filling import fill
from assistant.explain.prompting import PromptBuilder
from pricing.types import PricedBundle


def facts_for(
    bundles: Sequence[PricedBundle], *, goal_need: dict[str, str | None], locale: str
) -> list[ExplanationFacts]:
    """The facts of each bundle of a turn (the cheapest one is the "cheaper alternative" of the rest)."""
    need = ShopperNeed(
        use_case=goal_need.get("use_case"),
        recipient=goal_need.get("recipient"),
        occasion=goal_need.get("occasion"),
    )
    cheapest = min((bundle.bundle_price for bundle in bundles), default=None)
    language: Locale = "zh" if locale.lower().startswith("zh") else "en"
    return [
        ExplanationFacts.from_priced(
            bundle,
            bundle_id=str(index),
            need=need,
            locale=language,
            has_cheaper_alternative=cheapest is not None and bundle.bundle_price > cheapest,
        )
        for index, bundle in enumerate(bundles)
    ]


class TemplateExplainer:
    """Fills the versioned template for each bundle; instant, always faithful."""

    def __init__(self, *, prompts: PromptBuilder | None = None) -> None:
        self._prompts = prompts

    def warm_up(self) -> None:
        if self._prompts is None:
            self._prompts = PromptBuilder()

    def stream(
        self, bundles: Sequence[PricedBundle], *, goal_need: dict[str, str | None], locale: str
    ) -> Iterator[ExplanationDelta]:
        self.warm_up()
        assert self._prompts is not None
        for index, facts in enumerate(facts_for(bundles, goal_need=goal_need, locale=locale)):
            text = fill(self._prompts.fallback(facts), facts)
            yield ExplanationDelta(index, text)
            yield ExplanationDelta(index, text, final=True, source="template")


class ModelExplainer:
    """The fine-tuned explanation model (`assistant.explain.Explainer`): checked text streams as it is
    generated; a rejected output is replaced by the template in the final event."""

    def __init__(self, explainer: Explainer) -> None:
        self._explainer = explainer

    def warm_up(self) -> None:
        self._explainer.warm_up()

    def stream(
        self, bundles: Sequence[PricedBundle], *, goal_need: dict[str, str | None], locale: str
    ) -> Iterator[ExplanationDelta]:
        for event in self._explainer.explain(facts_for(bundles, goal_need=goal_need, locale=locale)):
            if isinstance(event, ExplanationDone):
                explanation = event.explanation
                yield ExplanationDelta(event.index, explanation.text, final=True, source=explanation.source)
            else:
                yield ExplanationDelta(event.index, event.text)
