"""Opening the database: the URL from settings, SQLite durability pragmas, and schema migrations.

SQLite runs in WAL mode with `synchronous=FULL`: a commit the store has returned from is on disk, so a
SIGKILL right after an acknowledged turn loses nothing. The schema is brought to the newest Alembic
revision at start (`upgrade head`); the product path never calls `create_all`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url

from assistant.settings import Settings
from assistant.storage.store import SqlSessionStore

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_FILE = "bundlewise.db"
_MIGRATION_LOCK_ID = 0x42554E44  # "BUND": one PostgreSQL advisory lock so concurrent workers migrate once


def database_url(settings: Settings) -> str:
    """`storage.url` if set, else the SQLite file in `paths.data_dir`."""
    if settings.storage.url:
        return settings.storage.url
    return f"sqlite:///{settings.paths.data_dir / SQLITE_FILE}"


def create_database_engine(url: str) -> Engine:
    """A SQLAlchemy engine for `url`; SQLite gets its parent directory, WAL, FULL sync and foreign keys."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
    finally:
        cursor.close()


def upgrade_schema(engine: Engine, revision: str = "head") -> None:
    """Apply the packaged Alembic migrations up to `revision`."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _MIGRATION_LOCK_ID})
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def open_store(settings: Settings | None = None, *, url: str | None = None) -> SqlSessionStore:
    """The session store the settings name (or `url`), migrated to the newest schema."""
    if url is None:
        url = database_url(settings if settings is not None else Settings())
    engine = create_database_engine(url)
    upgrade_schema(engine)
    return SqlSessionStore(engine)
