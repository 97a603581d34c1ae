"""Rejected pages: a page that cleans to nothing is remembered with its bytes' hash, so it is
named in `/sources` and not digested again until it changes.

Revision ID: 0009
Revises: 0007
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rejected_pages",
        sa.Column("location", sa.Text, primary_key=True),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("raw_hash", sa.String(64), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_rejected_pages_source_id", "rejected_pages", ["source_id"])


def downgrade() -> None:
    op.drop_index("ix_rejected_pages_source_id", "rejected_pages")
    op.drop_table("rejected_pages")
