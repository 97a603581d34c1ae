"""PostgreSQL: every document's tsvector names its id's buckets, so a search reads the
newest matches first instead of all of them (bot.store.newest); the date index holds the
id, so a date filter costs no read of the table.

A trigger writes the bucket lexemes, not the application: a process of the previous
version still running during a rolling deploy indexes documents the new search finds.
The update of stored rows rewrites `document_terms` once, index included: on a large store
the first start of this version takes a while (not measured at 1M documents).
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

# bot.store.newest's FINE and COARSE bits; written out: a migration keeps its meaning
_TOKENS = "ARRAY['~f' || ({id} >> 14), '~c' || ({id} >> 18)]"

_FUNCTION = f"""
CREATE FUNCTION document_buckets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.terms := NEW.terms || array_to_tsvector({_TOKENS.format(id="NEW.document_id")});
    RETURN NEW;
END $$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_FUNCTION)
    op.execute(
        "CREATE TRIGGER document_buckets BEFORE INSERT OR UPDATE ON document_terms"
        " FOR EACH ROW EXECUTE FUNCTION document_buckets()"
    )
    op.execute("UPDATE document_terms SET terms = terms")  # the trigger adds them
    # the id in the date index: a date filter's id range is read from the index alone
    # (SQLite's indexes hold the rowid already)
    op.drop_index("ix_documents_date", "documents")
    op.create_index("ix_documents_date", "documents", ["date", "id"])


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_index("ix_documents_date", "documents")
    op.create_index("ix_documents_date", "documents", ["date"])
    op.execute("DROP TRIGGER document_buckets ON document_terms")
    op.execute("DROP FUNCTION document_buckets()")
    tokens = _TOKENS.format(id="document_id")
    op.execute(f"UPDATE document_terms SET terms = ts_delete(terms, {tokens})")
