"""Conversation state: what the shopper wants so far, what was shown, and what this turn asks for."""
