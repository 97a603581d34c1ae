"""The tables, as SQLAlchemy Core objects; the migrations create them, the store reads them.

The search index is not here: it is dialect-specific (an FTS5 table with a one-character
prefix index on SQLite, a tsvector table with a GIN index on PostgreSQL) and lives in the
migrations and `search.py`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Dialect,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)


class UTCDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime, stored naive (SQLite keeps no zone) and read back aware."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use UTC-aware values")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("location", Text, nullable=False, unique=True),
    Column("kind", String(16), nullable=False),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("failures", Integer, nullable=False, default=0),
    Column("next_attempt_at", UTCDateTime),
    Column("last_error", Text),
    Column("last_success_at", UTCDateTime),
    Column("shape", String(16)),  # SourceState.shape (migration 0006)
    Column("links", JSON, nullable=False, default=[]),
    Column("pending", JSON, nullable=False, default=[]),
    Column("removed_at", UTCDateTime),  # /removesource: kept for its documents, not scanned
    # an ingest worker's lease while it scans the source (migration 0010)
    Column("leased_by", String(64)),
    Column("lease_until", UTCDateTime),
    Column("last_scanned_at", UTCDateTime),
)

search_queries = Table(  # a search's query by the short key its page buttons carry
    "search_queries",
    metadata,
    Column("key", String(16), primary_key=True),
    Column("query", Text, nullable=False),
    Column("at", UTCDateTime, nullable=False, index=True),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False, index=True),
    Column("location", Text, nullable=False, unique=True),
    Column("raw_hash", String(64), nullable=False),
    Column("title", Text, nullable=False),
    Column("date", String(10), index=True),
    Column("publisher", Text, index=True),  # Document.source: who published it
    Column("text", Text, nullable=False),
    Column("simplified", Text, nullable=False),
    Column("meeting", JSON, nullable=False),
    Column("keywords", JSON, nullable=False),
    Column("highlights", JSON, nullable=False),
    Column("terms", JSON, nullable=False),  # distinct content words counted in term_frequencies
    Column("content_hash", String(64), nullable=False, index=True),
    Column("simhash", BigInteger, nullable=False),  # signed 64-bit (digests.dedupe.to_signed64)
    Column("band0", Integer, nullable=False, index=True),
    Column("band1", Integer, nullable=False, index=True),
    Column("band2", Integer, nullable=False, index=True),
    Column("band3", Integer, nullable=False, index=True),
    Column("duplicate_of", Integer, ForeignKey("documents.id"), index=True),
    Column("first_seen", UTCDateTime, nullable=False, index=True),
    Column("updated_at", UTCDateTime, nullable=False),
)

# every 16-bit mask of at most 3 bits (digests.dedupe.band_masks, migration 0007): the
# near-duplicate search XORs a band with each to look up every value close to it
band_masks = Table("band_masks", metadata, Column("mask", Integer, primary_key=True))

term_frequencies = Table(
    "term_frequencies",
    metadata,
    Column("term", Text, primary_key=True),
    Column("df", Integer, nullable=False),
)

chats = Table(
    "chats",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    Column("kind", String(32), nullable=False),
    Column("title", Text),
    Column("language", String(16)),
    Column("updated_at", UTCDateTime, nullable=False),
)

subscriptions = Table(
    "subscriptions",
    metadata,
    Column("chat_id", BigInteger, ForeignKey("chats.id"), primary_key=True, autoincrement=False),
    Column("timezone", String(64), nullable=False),
    Column("paused", Boolean, nullable=False),
    Column("script", String(16), nullable=False),
    Column("thread_id", BigInteger),
    Column("active", Boolean, nullable=False),
    Column("language", String(16), nullable=False),
    Column("inactive_reason", Text),
)

topics = Table(
    "topics",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("chat_id", BigInteger, ForeignKey("chats.id"), nullable=False, index=True),
    Column("name", String(32), nullable=False),  # "" is the chat's main topic
    Column("keywords", JSON, nullable=False),
    Column("schedule", String(16), nullable=False),
    Column("at", String(5), nullable=False),  # HH:MM, local to the subscription's timezone
    Column("weekday", Integer),
    Column("paused", Boolean, nullable=False),
    Column("last_digest_at", UTCDateTime),
    UniqueConstraint("chat_id", "name"),
)

rejected_pages = Table(  # pages that cleaned to nothing: named to admins, not retried unchanged
    "rejected_pages",
    metadata,
    Column("location", Text, primary_key=True),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False, index=True),
    Column("raw_hash", String(64), nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", UTCDateTime, nullable=False),
)

deliveries = Table(
    "deliveries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("chat_id", BigInteger, ForeignKey("chats.id"), nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False, index=True),
    Column("status", String(16), nullable=False),  # claimed | sent (| failed)
    Column("at", UTCDateTime, nullable=False),
    Column("owner", String(64)),  # while claimed: the process sending it (migration 0010)
    Column("lease_until", UTCDateTime),  # while claimed: when another process may take it
    UniqueConstraint("chat_id", "document_id"),
)

__all__ = [
    "UTCDateTime",
    "band_masks",
    "chats",
    "deliveries",
    "documents",
    "meta",
    "metadata",
    "rejected_pages",
    "search_queries",
    "sources",
    "subscriptions",
    "term_frequencies",
    "topics",
]
