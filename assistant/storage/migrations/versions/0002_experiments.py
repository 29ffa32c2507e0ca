"""Experiments: which experiment a quote or event belongs to, and a quote's cost (for profit per shopper).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("quotes") as quotes:
        quotes.add_column(sa.Column("experiment", sa.String(64), nullable=True))
        quotes.add_column(sa.Column("cost_total", sa.String(40), nullable=True))
    with op.batch_alter_table("events") as events:
        events.add_column(sa.Column("experiment", sa.String(64), nullable=True))
    op.create_index("ix_events_experiment", "events", ["experiment"])


def downgrade() -> None:
    op.drop_index("ix_events_experiment", table_name="events")
    with op.batch_alter_table("events") as events:
        events.drop_column("experiment")
    with op.batch_alter_table("quotes") as quotes:
        quotes.drop_column("cost_total")
        quotes.drop_column("experiment")
