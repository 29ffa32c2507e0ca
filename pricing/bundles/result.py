"""`BuildResult`: the bundles built for a request, or an honest account of why none fit."""

from __future__ import annotations

from dataclasses import dataclass, field

from pricing.types import BundleDraft


@dataclass(frozen=True, slots=True)
class BuildResult:
    """Up to `max_bundles` distinct alternatives; when empty, `reason` says why and `nearest` what comes
    closest (e.g. the cheapest fitting bundle above the budget)."""

    bundles: tuple[BundleDraft, ...]
    reason: str | None = None
    nearest: tuple[BundleDraft, ...] = ()
    notes: tuple[str, ...] = field(
        default_factory=tuple
    )  # constraints relaxed, e.g. an unreachable budget_min
    # roles the shopper asked for (with candidates) that no bundle holds: none fits the budget or goes with
    # the main items ("a laptop and a monitor under 700" has laptops alone); the reply must say so
    left_out: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when at least one bundle fits."""
        return bool(self.bundles)
