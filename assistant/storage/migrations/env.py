"""Alembic environment: migrations run on the connection `upgrade_schema` passes in (never from a URL
in an ini file), so the product, tests and operators all migrate the same way."""

from __future__ import annotations

from alembic import context

from assistant.storage.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through assistant.storage.database.upgrade_schema")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
)
with context.begin_transaction():
    context.run_migrations()
