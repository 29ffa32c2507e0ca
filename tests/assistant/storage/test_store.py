"""SqlSessionStore on SQLite and PostgreSQL: round trips, atomic turns, idempotent accepts and events,
migrations that match the ORM, and no acknowledged write lost to SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.exc import StatementError

from assistant.dialogue.state import ConversationState, ShoppingGoal
from assistant.errors import NotFoundError
from assistant.settings import Settings
from assistant.storage import EventRecord, QuoteRecord, SqlSessionStore, TurnRecord, open_store
from assistant.storage.database import database_url
from assistant.storage.models import Base

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def store(database_url: str) -> Iterator[SqlSessionStore]:
    opened = open_store(url=database_url)
    yield opened
    opened.close()


def a_quote(quote_id: str, conversation_id: str, price: str = "99.90") -> QuoteRecord:
    return QuoteRecord(
        quote_id=quote_id,
        conversation_id=conversation_id,
        bundle={"bundle_id": "b1", "items": [{"product_id": "ph-1"}]},
        price=Decimal(price),
        currency="USD",
        valid_until=NOW + timedelta(minutes=30),
        arm="treatment",
    )


def a_turn(message: str = "a phone under $900") -> TurnRecord:
    return TurnRecord(
        message=message,
        reply="Here are three bundles.",
        intent={"name": "build_bundle", "confidence": 0.93, "slots": {"budget_max": 900}},
        created_at=NOW,
        bundles=[{"bundle_id": "b1"}],
        timings_ms={"parse": 3.5},
    )


def test_a_turn_round_trips_with_state_and_quotes(store: SqlSessionStore) -> None:
    conversation_id = store.create_conversation(NOW)
    state = ConversationState(goal=ShoppingGoal(categories=["phone"], budget_max=Decimal("900")), turns=1)

    position = store.save_turn(conversation_id, a_turn(), state, [a_quote("q-1", conversation_id)])

    assert position == 1
    assert store.load_state(conversation_id) == state
    conversation = store.get_conversation(conversation_id)
    assert conversation["conversation_id"] == conversation_id
    assert conversation["state"]["goal"]["budget_max"] == "900"
    [turn] = conversation["turns"]
    assert turn["message"] == "a phone under $900"
    assert turn["intent"]["slots"] == {"budget_max": 900}
    assert turn["bundles"] == [{"bundle_id": "b1"}]
    quote = store.get_quote("q-1")
    assert quote.price == Decimal("99.90")
    assert quote.valid_until == NOW + timedelta(minutes=30)
    assert quote.accepted_at is None
    assert quote.arm == "treatment"


def test_turn_positions_count_up(store: SqlSessionStore) -> None:
    conversation_id = store.create_conversation(NOW)
    positions = [store.save_turn(conversation_id, a_turn(f"m{i}"), ConversationState()) for i in range(3)]
    assert positions == [1, 2, 3]
    turns = store.get_conversation(conversation_id)["turns"]
    assert [turn["message"] for turn in turns] == ["m0", "m1", "m2"]


def test_a_conversation_can_start_with_its_first_turn(store: SqlSessionStore) -> None:
    position = store.save_turn(
        "c-new", a_turn(), ConversationState(turns=1), [a_quote("q-n", "c-new")], new=True
    )
    assert position == 1 and store.load_state("c-new").turns == 1
    assert store.get_quote("q-n").conversation_id == "c-new"
    with pytest.raises(Exception):  # noqa: B017 - the id is taken: the backend's integrity error
        store.save_turn("c-new", a_turn(), ConversationState(), new=True)
    assert len(store.get_conversation("c-new")["turns"]) == 1  # the failed attempt wrote nothing


def test_a_turns_events_are_stored_with_it_once_per_id(store: SqlSessionStore) -> None:
    shown = EventRecord(event_id="imp-q-e", type="impression", created_at=NOW, quote_id="q-e")
    store.save_turn(
        "c-e", a_turn(), ConversationState(), [a_quote("q-e", "c-e")], new=True, events=[shown, shown]
    )
    store.save_turn("c-e", a_turn(), ConversationState(), [a_quote("q-e", "c-e")], events=[shown])  # re-shown
    assert store.count_events() == 1
    assert not store.record_event(shown)


def test_unknown_ids_are_not_found(store: SqlSessionStore) -> None:
    with pytest.raises(NotFoundError):
        store.load_state("nope")
    with pytest.raises(NotFoundError):
        store.get_conversation("nope")
    with pytest.raises(NotFoundError):
        store.save_turn("nope", a_turn(), ConversationState())
    with pytest.raises(NotFoundError):
        store.get_quote("nope")
    with pytest.raises(NotFoundError):
        store.accept_quote("nope", NOW)


def test_a_failing_turn_writes_nothing(store: SqlSessionStore) -> None:
    conversation_id = store.create_conversation(NOW)
    broken = QuoteRecord(
        quote_id="q-bad",
        conversation_id=conversation_id,
        bundle={},
        price=Decimal("1"),
        currency="USD",
        valid_until=datetime(2026, 1, 1),  # naive: refused while the transaction is open
    )
    with pytest.raises(StatementError, match="naive datetime"):
        store.save_turn(conversation_id, a_turn(), ConversationState(turns=1), [broken])

    assert store.get_conversation(conversation_id)["turns"] == []
    assert store.load_state(conversation_id) == ConversationState()
    assert store.save_turn(conversation_id, a_turn(), ConversationState()) == 1


def test_the_first_acceptance_stands(store: SqlSessionStore) -> None:
    conversation_id = store.create_conversation(NOW)
    store.save_turn(conversation_id, a_turn(), ConversationState(), [a_quote("q-1", conversation_id)])

    first = store.accept_quote("q-1", NOW + timedelta(minutes=1))
    again = store.accept_quote("q-1", NOW + timedelta(minutes=2))

    assert first.accepted_at == NOW + timedelta(minutes=1)
    assert again.accepted_at == first.accepted_at


def test_a_reshown_quote_keeps_its_acceptance(store: SqlSessionStore) -> None:
    conversation_id = store.create_conversation(NOW)
    store.save_turn(conversation_id, a_turn(), ConversationState(), [a_quote("q-1", conversation_id)])
    store.accept_quote("q-1", NOW)
    store.save_turn(conversation_id, a_turn(), ConversationState(), [a_quote("q-1", conversation_id)])
    assert store.get_quote("q-1").accepted_at == NOW


def test_events_are_stored_once_per_event_id(store: SqlSessionStore) -> None:
    event = EventRecord(
        event_id="evt-1", type="purchase", created_at=NOW, amount=Decimal("99.90"), currency="USD", arm="a"
    )
    assert store.record_event(event) is True
    assert store.record_event(event) is False
    assert store.record_event(EventRecord(event_id="evt-2", type="click", created_at=NOW)) is True
    assert store.count_events() == 2


def test_concurrent_turns_get_distinct_positions(store: SqlSessionStore) -> None:
    conversation_id = store.create_conversation(NOW)
    positions: list[int] = []
    errors: list[BaseException] = []

    def write() -> None:
        try:
            for _ in range(5):
                positions.append(store.save_turn(conversation_id, a_turn(), ConversationState()))
        except BaseException as error:  # collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=write) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(positions) == list(range(1, 21))


def test_migrations_match_the_orm_and_reapply_cleanly(database_url: str) -> None:
    first = open_store(url=database_url)
    first.close()
    second = open_store(url=database_url)  # upgrade head on an up-to-date schema is a no-op
    with second.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        version = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    second.close()
    assert differences == []
    assert version == "0002"


def test_the_default_database_is_sqlite_in_the_data_dir(tmp_path: Path) -> None:
    settings = Settings.model_validate({"paths": {"data_dir": tmp_path}})
    assert database_url(settings) == f"sqlite:///{tmp_path / 'bundlewise.db'}"
    store = open_store(settings)
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    store.close()
    assert (tmp_path / "bundlewise.db").exists()


def test_sigkill_loses_no_acknowledged_turn_or_quote(database_url: str) -> None:
    environment = {**os.environ, "PYTHONUNBUFFERED": "1"}
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.assistant.storage.write_forever", database_url],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None
    try:
        conversation_id = writer.stdout.readline().split()[1]
        acknowledged = 0
        while acknowledged < 25:
            line = writer.stdout.readline()
            assert line.startswith("ack "), f"writer stopped early: {line!r}"
            acknowledged = int(line.split()[1])
        writer.send_signal(signal.SIGKILL)  # mid-stream: it is writing the next turn right now
        writer.wait(timeout=30)
    finally:
        if writer.poll() is None:
            writer.kill()
        writer.stdout.close()

    store = open_store(url=database_url)
    turns = store.get_conversation(conversation_id)["turns"]
    assert len(turns) >= acknowledged
    assert [turn["position"] for turn in turns] == list(range(1, len(turns) + 1))
    for position in range(1, acknowledged + 1):
        assert store.get_quote(f"quote-{position}").price == Decimal("19.99") + position - 1
    assert store.load_state(conversation_id).turns == len(turns)
    store.close()
