"""Explanations for the chat loop: the grounded template explanation of every bundle of a turn.

The deterministic template (prompts/explain/*/fallback_*.jinja, filled from the pricing engine's facts)
is what the model explainer falls back to; it is also the explainer when the model is switched off.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from assistant.chat.engine import ExplanationDelta
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
