"""Grounded bundle explanations: a small chat model writes placeholders, a checker guards, a filler fills."""
