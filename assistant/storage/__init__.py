"""Conversations, turns, quotes and experiment events: SQLAlchemy over SQLite (default) or PostgreSQL."""

from __future__ import annotations

from assistant.storage.database import open_store
from assistant.storage.records import EventRecord, EventType, QuoteRecord, TurnRecord
from assistant.storage.store import SessionStore, SqlSessionStore

__all__ = [
    "EventRecord",
    "EventType",
    "QuoteRecord",
    "SessionStore",
    "SqlSessionStore",
    "TurnRecord",
    "open_store",
]
