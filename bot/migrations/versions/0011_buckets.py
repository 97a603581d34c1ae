"""PostgreSQL: every document's tsvector names its id's buckets, so a search reads the
newest matches first instead of all of them (bot.store.newest).

The update rewrites each row of `document_terms`: minutes at a million documents, once.
SQLite's FTS5 reads newest first already and is left as it is.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# written out, not imported: a migration must keep meaning what it meant when it was written
_TOKENS = "ARRAY['~f' || (document_id >> 14), '~c' || (document_id >> 18)]"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"UPDATE document_terms SET terms = terms || array_to_tsvector({_TOKENS})")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"UPDATE document_terms SET terms = ts_delete(terms, {_TOKENS})")
