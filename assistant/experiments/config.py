"""The running experiment as the pure `pricing.experiments.Experiment`, read from the settings section."""

from __future__ import annotations

from assistant.errors import ConfigurationError
from assistant.settings import ExperimentSettings
from pricing.experiments import AnalysisOptions, Arm, Experiment


def experiment_from_settings(section: ExperimentSettings) -> Experiment | None:
    """The configured experiment, None when none is running; ConfigurationError for a broken one."""
    if section.name is None:
        return None
    arms = tuple(
        Arm(
            name=arm.name,
            weight=arm.weight,
            max_discount=arm.max_discount,
            min_margin=arm.min_margin,
            max_bundles=arm.max_bundles,
            complement_source=arm.complement_source,
        )
        for arm in section.arms
    )
    try:
        return Experiment(name=section.name, salt=section.salt or section.name, arms=arms)
    except ValueError as error:
        raise ConfigurationError(f"experiments: {error}") from None


def analysis_options(section: ExperimentSettings) -> AnalysisOptions:
    """The report's error rates and thresholds from the settings."""
    return AnalysisOptions(
        alpha=section.alpha,
        power=section.power,
        relative_effect=section.relative_effect,
        min_shoppers_per_arm=section.min_shoppers_per_arm,
    )
