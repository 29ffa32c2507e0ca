"""Scripted conversations: the DESIGN.md YAML format, its checks, and runners (in-process or HTTP)."""
