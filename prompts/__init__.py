"""Prompt templates as versioned files (rendered by the explainer)."""
