"""`SessionStore`: the conversation, quote and event store the chat engine and the API share.

Every write is one transaction that starts with its write (so SQLite takes the write lock at once and
concurrent turns queue instead of failing), and returns only after the commit: what the store has
acknowledged survives a crash.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, Protocol

from sqlalchemy import func, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from assistant.dialogue.state import ConversationState
from assistant.errors import NotFoundError
from assistant.storage.models import Conversation, Event, Quote, Turn
from assistant.storage.records import EventRecord, QuoteRecord, TurnRecord


class SessionStore(Protocol):
    """Durable conversations, turns, quotes and events."""

    def create_conversation(self, now: datetime | None = None) -> str:
        """A new, empty conversation; returns its id."""
        ...

    def load_state(self, conversation_id: str) -> ConversationState:
        """The conversation's current state; NotFoundError for an unknown id."""
        ...

    def save_turn(
        self,
        conversation_id: str,
        record: TurnRecord,
        state: ConversationState,
        quotes: Sequence[QuoteRecord] = (),
        *,
        new: bool = False,
        events: Sequence[EventRecord] = (),
    ) -> int:
        """Append a turn, replace the state and store its quotes and events (e.g. impressions) atomically;
        returns the turn's position. `new` creates the conversation in the same transaction (its first
        turn: one commit, not two)."""
        ...

    def get_conversation(self, conversation_id: str) -> dict[str, Any]:
        """The conversation's turns and state as JSON; NotFoundError for an unknown id."""
        ...

    def get_quote(self, quote_id: str) -> QuoteRecord:
        """A stored quote; NotFoundError if it was never issued here."""
        ...

    def accept_quote(self, quote_id: str, now: datetime) -> QuoteRecord:
        """Mark a quote accepted at `now` unless it already was (then the first acceptance stands)."""
        ...

    def record_event(self, event: EventRecord) -> bool:
        """Store an event; False when its `event_id` was already stored (nothing changes then)."""
        ...


class SqlSessionStore:
    """`SessionStore` on SQLAlchemy: SQLite or PostgreSQL, schema migrated by `open_store`."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def engine(self) -> Engine:
        return self._engine

    def close(self) -> None:
        """Release pooled connections."""
        self._engine.dispose()

    def create_conversation(self, now: datetime | None = None) -> str:
        moment = now or datetime.now(UTC)
        conversation_id = uuid.uuid4().hex
        with self._sessions.begin() as session:
            session.add(
                Conversation(
                    id=conversation_id,
                    created_at=moment,
                    updated_at=moment,
                    turn_count=0,
                    state=ConversationState().to_json(),
                )
            )
        return conversation_id

    def load_state(self, conversation_id: str) -> ConversationState:
        with self._sessions() as session:
            state = session.scalar(select(Conversation.state).where(Conversation.id == conversation_id))
        if state is None:
            raise _unknown_conversation(conversation_id)
        return ConversationState.from_json(state)

    def save_turn(
        self,
        conversation_id: str,
        record: TurnRecord,
        state: ConversationState,
        quotes: Sequence[QuoteRecord] = (),
        *,
        new: bool = False,
        events: Sequence[EventRecord] = (),
    ) -> int:
        with self._sessions.begin() as session:
            if new:
                session.add(
                    Conversation(
                        id=conversation_id,
                        created_at=record.created_at,
                        updated_at=record.created_at,
                        turn_count=0,
                        state=ConversationState().to_json(),
                    )
                )
                session.flush()
            position = session.scalar(
                update(Conversation)
                .where(Conversation.id == conversation_id)
                .values(
                    turn_count=Conversation.turn_count + 1,
                    state=state.to_json(),
                    updated_at=record.created_at,
                )
                .returning(Conversation.turn_count)
            )
            if position is None:
                raise _unknown_conversation(conversation_id)
            session.add(
                Turn(
                    conversation_id=conversation_id,
                    position=position,
                    message=record.message,
                    reply=record.reply,
                    intent=record.intent,
                    bundles=record.bundles,
                    timings_ms=record.timings_ms,
                    created_at=record.created_at,
                )
            )
            for quote in quotes:  # a quote re-shown unchanged keeps its row (and any acceptance)
                if session.get(Quote, quote.quote_id) is None:
                    session.add(_quote_row(quote, conversation_id, record.created_at))
            session.flush()
            seen: set[str] = set()
            for event in events:  # stored once per id, as record_event does
                if event.event_id not in seen and session.get(Event, event.event_id) is None:
                    session.add(_event_row(event))
                seen.add(event.event_id)
        return position

    def get_conversation(self, conversation_id: str) -> dict[str, Any]:
        with self._sessions() as session:
            conversation = session.get(Conversation, conversation_id)
            if conversation is None:
                raise _unknown_conversation(conversation_id)
            turns = session.scalars(
                select(Turn).where(Turn.conversation_id == conversation_id).order_by(Turn.position)
            ).all()
            return {
                "conversation_id": conversation.id,
                "created_at": conversation.created_at.isoformat(),
                "updated_at": conversation.updated_at.isoformat(),
                "state": conversation.state,
                "turns": [_turn_json(turn) for turn in turns],
            }

    def get_quote(self, quote_id: str) -> QuoteRecord:
        with self._sessions() as session:
            return _quote_record(_existing_quote(session, quote_id))

    def accept_quote(self, quote_id: str, now: datetime) -> QuoteRecord:
        with self._sessions.begin() as session:
            session.execute(
                update(Quote)
                .where(Quote.quote_id == quote_id, Quote.accepted_at.is_(None))
                .values(accepted_at=now)
            )
            return _quote_record(_existing_quote(session, quote_id))

    def record_event(self, event: EventRecord) -> bool:
        try:
            with self._sessions.begin() as session:
                session.add(_event_row(event))
        except IntegrityError:
            return False  # the primary key is the event id: a retry of an event already stored
        return True

    def count_events(self) -> int:
        """How many events are stored (for tests and operators)."""
        with self._sessions() as session:
            return session.scalar(select(func.count()).select_from(Event)) or 0


def _event_row(event: EventRecord) -> Event:
    return Event(
        event_id=event.event_id,
        type=event.type,
        conversation_id=event.conversation_id,
        quote_id=event.quote_id,
        amount=None if event.amount is None else str(event.amount),
        currency=event.currency,
        arm=event.arm,
        experiment=event.experiment,
        created_at=event.created_at,
    )


def _unknown_conversation(conversation_id: str) -> NotFoundError:
    return NotFoundError(f"no conversation with id {conversation_id!r}")


def _existing_quote(session: Session, quote_id: str) -> Quote:
    row = session.get(Quote, quote_id)
    if row is None:
        raise NotFoundError("no quote with this id was issued here")
    return row


def _quote_row(quote: QuoteRecord, conversation_id: str, created_at: datetime) -> Quote:
    return Quote(
        quote_id=quote.quote_id,
        conversation_id=conversation_id,
        bundle=quote.bundle,
        price=str(quote.price),
        currency=quote.currency,
        valid_until=quote.valid_until,
        accepted_at=quote.accepted_at,
        arm=quote.arm,
        experiment=quote.experiment,
        cost_total=None if quote.cost_total is None else str(quote.cost_total),
        created_at=created_at,
    )


def _quote_record(row: Quote) -> QuoteRecord:
    return QuoteRecord(
        quote_id=row.quote_id,
        conversation_id=row.conversation_id,
        bundle=row.bundle,
        price=Decimal(row.price),
        currency=row.currency,
        valid_until=row.valid_until,
        accepted_at=row.accepted_at,
        arm=row.arm,
        experiment=row.experiment,
        cost_total=None if row.cost_total is None else Decimal(row.cost_total),
    )


def _turn_json(turn: Turn) -> dict[str, Any]:
    return {
        "position": turn.position,
        "message": turn.message,
        "reply": turn.reply,
        "intent": turn.intent,
        "bundles": turn.bundles,
        "created_at": turn.created_at.isoformat(),
    }
