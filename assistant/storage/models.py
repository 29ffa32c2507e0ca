"""The ORM tables. Their shape is fixed by the Alembic migrations; this module must match them
(tests compare the two), and the product never calls `create_all`."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text, TypeDecorator, UniqueConstraint
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

MONEY = String(40)  # exact decimal strings: SQLite has no exact numeric type


class UtcDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite stores them naive)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; pass an aware UTC datetime")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    """Declarative base of the Bundlewise schema."""


class Conversation(Base):
    """A shopping conversation and its current dialogue state."""

    __tablename__ = "conversations"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())
    turn_count: Mapped[int] = mapped_column(Integer, default=0)
    state: Mapped[dict[str, Any]] = mapped_column(JSON)


class Turn(Base):
    """One message and the assistant's answer to it."""

    __tablename__ = "turns"
    __table_args__ = (UniqueConstraint("conversation_id", "position", name="uq_turns_conversation_position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("conversations.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    message: Mapped[str] = mapped_column(Text)
    reply: Mapped[str] = mapped_column(Text)
    intent: Mapped[dict[str, Any]] = mapped_column(JSON)
    bundles: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    timings_ms: Mapped[dict[str, float]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class Quote(Base):
    """A signed price promise shown in a conversation."""

    __tablename__ = "quotes"

    quote_id: Mapped[str] = mapped_column(String(2048), primary_key=True)
    conversation_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("conversations.id", ondelete="CASCADE"), index=True
    )
    bundle: Mapped[dict[str, Any]] = mapped_column(JSON)
    price: Mapped[str] = mapped_column(MONEY)
    currency: Mapped[str] = mapped_column(String(3))
    valid_until: Mapped[datetime] = mapped_column(UtcDateTime())
    accepted_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    arm: Mapped[str | None] = mapped_column(String(64), nullable=True)
    experiment: Mapped[str | None] = mapped_column(String(64), nullable=True)
    cost_total: Mapped[str | None] = mapped_column(MONEY, nullable=True)  # for profit in experiment reports
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class Event(Base):
    """An impression, click, accept or purchase; the client's event id makes retries harmless."""

    __tablename__ = "events"

    event_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    type: Mapped[str] = mapped_column(String(16), index=True)
    conversation_id: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    quote_id: Mapped[str | None] = mapped_column(String(2048), nullable=True)
    amount: Mapped[str | None] = mapped_column(MONEY, nullable=True)
    currency: Mapped[str | None] = mapped_column(String(3), nullable=True)
    arm: Mapped[str | None] = mapped_column(String(64), nullable=True)
    experiment: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
