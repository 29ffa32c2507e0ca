"""Bundlewise conversation layer: settings, errors, CLI and (later) dialogue, explainer and HTTP API."""

from __future__ import annotations

__version__ = "0.1.0"
