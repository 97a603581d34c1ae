"""Search speed: a one-character prefix index in FTS5, and an index on the publisher.

A one-character query is a prefix query; without `prefix='1'` FTS5 merges the doclists of
every bigram starting with that character (40+ ms at 100k documents), with it one doclist.
FTS5 cannot add a prefix index to an existing table, and this one is contentless, so the
new table is filled again from `documents.simplified` (about 40 s per 100k documents).
The publisher index lets a source filter list the publishers with one seek each.

Revision ID: 0002
Revises: 0001
Create Date: 2024-07-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.store.terms import index_terms

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

FTS = (
    "CREATE VIRTUAL TABLE documents_fts USING fts5("
    "terms, content='', {}tokenize='unicode61 remove_diacritics 0')"
)
BATCH = 2000


def _rebuild(options: str) -> None:
    """Recreate the contentless FTS5 table with `options` and index every original again."""
    bind = op.get_bind()
    bind.exec_driver_sql("DROP TABLE documents_fts")
    bind.exec_driver_sql(FTS.format(options))
    rows = bind.execute(
        sa.text("SELECT id, simplified FROM documents WHERE duplicate_of IS NULL ORDER BY id")
    )
    insert = sa.text("INSERT INTO documents_fts(rowid, terms) VALUES (:id, :terms)")
    while batch := rows.fetchmany(BATCH):
        bind.execute(insert, [{"id": r.id, "terms": index_terms(r.simplified)} for r in batch])


def upgrade() -> None:
    op.create_index("ix_documents_publisher", "documents", ["publisher"])
    if op.get_bind().dialect.name == "sqlite":
        _rebuild("prefix='1', ")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild("")
    op.drop_index("ix_documents_publisher", "documents")
