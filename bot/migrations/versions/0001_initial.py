"""Initial schema: sources, documents, term frequencies, chats, subscriptions, deliveries, search.

Revision ID: 0001
Revises:
Create Date: 2024-06-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _utc() -> sa.DateTime:
    return sa.DateTime()  # naive UTC; bot.store.schema.UTCDateTime adds the zone on read


def upgrade() -> None:
    meta = op.create_table(
        "meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.BigInteger, nullable=False),
    )
    # n_docs: documents counted in term_frequencies; df_version: bumped by every change to
    # them, so a store in another process knows its cached copy is stale.
    op.bulk_insert(meta, [{"key": "n_docs", "value": 0}, {"key": "df_version", "value": 0}])
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("location", sa.Text, nullable=False, unique=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", _utc()),
        sa.Column("last_error", sa.Text),
        sa.Column("last_success_at", _utc()),
    )
    _documents()
    op.create_table(
        "term_frequencies",
        sa.Column("term", sa.Text, primary_key=True),
        sa.Column("df", sa.Integer, nullable=False),
    )
    _chats()
    _search_index()


def _documents() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("location", sa.Text, nullable=False, unique=True),
        sa.Column("raw_hash", sa.String(64), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("publisher", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("simplified", sa.Text, nullable=False),
        sa.Column("meeting", sa.JSON, nullable=False),
        sa.Column("keywords", sa.JSON, nullable=False),
        sa.Column("highlights", sa.JSON, nullable=False),
        sa.Column("terms", sa.JSON, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("simhash", sa.BigInteger, nullable=False),
        *(sa.Column(f"band{i}", sa.Integer, nullable=False) for i in range(4)),
        sa.Column("duplicate_of", sa.Integer, sa.ForeignKey("documents.id")),
        sa.Column("first_seen", _utc(), nullable=False),
        sa.Column("updated_at", _utc(), nullable=False),
    )
    for column in ("source_id", "date", "content_hash", "duplicate_of", "first_seen"):
        op.create_index(f"ix_documents_{column}", "documents", [column])
    for i in range(4):
        op.create_index(f"ix_documents_band{i}", "documents", [f"band{i}"])


def _chats() -> None:
    op.create_table(
        "chats",
        sa.Column("id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("language", sa.String(16)),
        sa.Column("updated_at", _utc(), nullable=False),
    )
    op.create_table(
        "subscriptions",
        sa.Column("chat_id", sa.BigInteger, sa.ForeignKey("chats.id"), primary_key=True),
        sa.Column("keywords", sa.JSON, nullable=False),
        sa.Column("schedule", sa.String(16), nullable=False),
        sa.Column("at", sa.String(5), nullable=False),
        sa.Column("weekday", sa.Integer),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("paused", sa.Boolean, nullable=False),
        sa.Column("script", sa.String(16), nullable=False),
        sa.Column("thread_id", sa.BigInteger),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("last_digest_at", _utc()),
        sa.Column("inactive_reason", sa.Text),
    )
    op.create_table(
        "deliveries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("chat_id", sa.BigInteger, sa.ForeignKey("chats.id"), nullable=False),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("at", _utc(), nullable=False),
        sa.UniqueConstraint("chat_id", "document_id"),
    )
    op.create_index("ix_deliveries_document_id", "deliveries", ["document_id"])


def _search_index() -> None:
    """Bigram terms of the simplified text (see bot/store/terms.py), one row per original."""
    if op.get_bind().dialect.name == "sqlite":
        # Contentless: the terms are recomputed from documents.simplified to delete a row.
        op.execute(
            "CREATE VIRTUAL TABLE documents_fts USING fts5("
            "terms, content='', tokenize='unicode61 remove_diacritics 0')"
        )
        return
    op.create_table(
        "document_terms",
        sa.Column(
            "document_id",
            sa.Integer,
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("terms", postgresql.TSVECTOR, nullable=False),
    )
    op.create_index("ix_document_terms_terms", "document_terms", ["terms"], postgresql_using="gin")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE documents_fts")
    else:
        op.drop_table("document_terms")
    for name in ("deliveries", "subscriptions", "chats", "term_frequencies", "documents"):
        op.drop_table(name)
    op.drop_table("sources")
    op.drop_table("meta")
