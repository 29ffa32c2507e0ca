"""Evaluations that read real data sets and print figures (file I/O lives here, not in the maths)."""
