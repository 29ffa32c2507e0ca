"""Per-arm pricing and bundling stages for the chat loop: each arm gets its own builder, pricer and
complement model, built once; a conversation's arm is looked up by hash on every turn (sticky)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from assistant.settings import Settings
from pricing.bundles import BundleBuilder
from pricing.complements.factory import complement_model
from pricing.complements.model import ComplementModel
from pricing.experiments import Arm, Experiment, assign_arm
from pricing.optimiser import BundlePricer, PricingPolicy
from pricing.wtp import WillingnessToPay


@dataclass(frozen=True, slots=True)
class Variant:
    """The stages one arm builds and prices with; `arm` and `experiment` are None outside experiments."""

    builder: BundleBuilder
    pricer: BundlePricer
    complements: ComplementModel
    arm: str | None = None
    experiment: str | None = None


class Variants:
    """Which stages a conversation gets: its experiment arm's, or the shop's defaults."""

    def __init__(
        self, *, default: Variant, experiment: Experiment | None = None, arms: Mapping[str, Variant] = {}
    ) -> None:
        missing = [] if experiment is None else [a.name for a in experiment.arms if a.name not in arms]
        if missing:
            raise ValueError(f"no stages for arms {missing}")
        self._default = default
        self._experiment = experiment
        self._arms = dict(arms)

    @property
    def experiment(self) -> Experiment | None:
        return self._experiment

    def for_conversation(self, conversation_id: str) -> Variant:
        """The conversation's variant (the same on every turn: assignment is a hash)."""
        if self._experiment is None:
            return self._default
        return self._arms[assign_arm(self._experiment, conversation_id).name]


def build_variant(
    settings: Settings,
    arm: Arm | None = None,
    experiment: str | None = None,
    *,
    wtp: WillingnessToPay | None = None,
) -> Variant:
    """The stages for `arm` (None: the shop's defaults): the settings with the arm's overrides, priced
    with `wtp` (default: the prior; a model refit from logged outcomes where one is given)."""
    bundles, pricing = settings.bundles, settings.pricing
    if arm is not None:
        bundles = bundles.model_copy(
            update=_set(max_bundles=arm.max_bundles, complement_source=arm.complement_source)
        )
        pricing = pricing.model_copy(update=_set(max_discount=arm.max_discount, min_margin=arm.min_margin))
    complements = complement_model(bundles)
    return Variant(
        builder=BundleBuilder(settings=bundles, complements=complements),
        pricer=BundlePricer(policy=PricingPolicy.from_settings(pricing), wtp=wtp),
        complements=complements,
        arm=None if arm is None else arm.name,
        experiment=experiment if arm is not None else None,
    )


def build_variants(
    settings: Settings, experiment: Experiment | None, *, wtp: WillingnessToPay | None = None
) -> Variants:
    """Defaults plus one variant per arm of `experiment`."""
    arms = (
        {}
        if experiment is None
        else {a.name: build_variant(settings, a, experiment.name, wtp=wtp) for a in experiment.arms}
    )
    return Variants(default=build_variant(settings, wtp=wtp), experiment=experiment, arms=arms)


def _set(**overrides: Any) -> dict[str, Any]:
    return {name: value for name, value in overrides.items() if value is not None}
