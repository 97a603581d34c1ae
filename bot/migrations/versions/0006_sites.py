"""Sites: what each source turned out to be, the article links of listings and sitemaps
already handled and still to fetch, and removal that keeps a source's documents.

Revision ID: 0006
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("sources", sa.Column("shape", sa.String(16)))
    op.add_column("sources", sa.Column("links", sa.JSON, nullable=False, server_default="[]"))
    op.add_column("sources", sa.Column("pending", sa.JSON, nullable=False, server_default="[]"))
    op.add_column("sources", sa.Column("removed_at", sa.DateTime))


def downgrade() -> None:
    with op.batch_alter_table("sources") as table:
        for name in ("removed_at", "pending", "links", "shape"):
            table.drop_column(name)
