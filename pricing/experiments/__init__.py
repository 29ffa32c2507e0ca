"""A/B experiments on pricing and bundling: arm assignment and the statistics of the report (pure maths)."""

from __future__ import annotations

from pricing.experiments.arms import Arm, Experiment, assign_arm, bucket
from pricing.experiments.report import (
    AnalysisOptions,
    ArmSummary,
    Decision,
    ExperimentReport,
    UnitOutcome,
    analyse,
)

__all__ = [
    "AnalysisOptions",
    "Arm",
    "ArmSummary",
    "Decision",
    "Experiment",
    "ExperimentReport",
    "UnitOutcome",
    "analyse",
    "assign_arm",
    "bucket",
]
