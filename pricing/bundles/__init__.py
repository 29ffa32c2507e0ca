"""Bundle construction: an anchor plus complements, chosen exactly under the shopper's constraints."""

from __future__ import annotations

from pricing.bundles.builder import BundleBuilder
from pricing.bundles.request import BundleRequest
from pricing.bundles.result import BuildResult

__all__ = ["BuildResult", "BundleBuilder", "BundleRequest"]
