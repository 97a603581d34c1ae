"""Several processes on one database: a version the schedule's leader watches, leases on
sources for ingest workers, deliveries claimed before they are sent, and search queries
every replica can read back.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("INSERT INTO meta (key, value) VALUES ('schedules', 0)")
    op.add_column("sources", sa.Column("leased_by", sa.String(64)))
    op.add_column("sources", sa.Column("lease_until", sa.DateTime))
    op.add_column("sources", sa.Column("last_scanned_at", sa.DateTime))
    op.create_table(
        "search_queries",
        sa.Column("key", sa.String(16), primary_key=True),
        sa.Column("query", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_search_queries_at", "search_queries", ["at"])
    op.add_column("deliveries", sa.Column("owner", sa.String(64)))
    op.add_column("deliveries", sa.Column("lease_until", sa.DateTime))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN (SQLite 3.35+), not a batch copy: copying `sources` would
    # drop the table the documents' foreign keys point at
    for table, column in (
        ("deliveries", "lease_until"),
        ("deliveries", "owner"),
        ("sources", "last_scanned_at"),
        ("sources", "lease_until"),
        ("sources", "leased_by"),
    ):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    op.drop_index("ix_search_queries_at", "search_queries")
    op.drop_table("search_queries")
    op.execute("DELETE FROM meta WHERE key = 'schedules'")
