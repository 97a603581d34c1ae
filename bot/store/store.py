"""The Store: one class for SQLite and PostgreSQL; each method one short transaction."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, fields
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, Integer, and_, any_, bindparam, exists, func, or_, select
from sqlalchemy.dialects.postgresql import ARRAY

from bot.rules import split as split_rules
from bot.sources import source_kind
from bot.sources.model import SourceState
from bot.store import claims, duplicates, rejections, shared
from bot.store import documents as docs
from bot.store import search as searching
from bot.store import subscriptions as subs
from bot.store.engine import WRITE, make_engine, migrate
from bot.store.frequencies import FrequencyCache
from bot.store.locks import SessionLock
from bot.store.newest import Match, Range, newest
from bot.store.records import Rejection, SearchPage, SourceRow, StoredDocument, Subscription, Topic
from bot.store.schema import chats, deliveries, documents, sources, subscriptions, topics
from digests.dedupe import Signed
from digests.keywords import DocumentFrequencies
from digests.model import Document

# Locations looked up per query: within SQLite's 32,766 and PostgreSQL's 65,535 parameters.
LOOKUP_CHUNK = 10_000


def open_store(database_url: str) -> Store:
    """Open (and create or upgrade) the database at `database_url`."""
    engine = make_engine(database_url)
    migrate(engine)
    return Store(engine)


class Store:
    """Sources, documents, search, chats, subscriptions and deliveries."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._writer = engine.execution_options(**WRITE)
        self._frequencies = FrequencyCache()

    @property
    def url(self) -> str:
        """The database URL, password hidden."""
        return self._engine.url.render_as_string(hide_password=True)

    def lock(self, name: str) -> SessionLock:
        """The lock `name` between the processes on this database (see bot.store.locks)."""
        return SessionLock(self._engine, name)

    @property
    def dialect(self) -> str:
        """ "sqlite" or "postgresql"."""
        return self._engine.dialect.name

    def close(self) -> None:
        """Release every connection."""
        self._engine.dispose()

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._engine.connect() as conn:
            yield conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._writer.begin() as conn:
            yield conn

    # sources
    def ensure_source(self, location: str) -> int:
        """The id of the source at `location`, created on first use."""
        with self._write() as conn:
            by_location = select(sources.c.id).where(sources.c.location == location)
            source_id = conn.execute(by_location).scalar_one_or_none()
            if source_id is None:
                source_id = _insert_source(conn, location, shape=None)
            return int(
                source_id if source_id is not None else conn.execute(by_location).scalar_one()
            )

    def add_source(self, location: str, *, shape: str | None = None) -> tuple[int, bool]:
        """(id, True) for a new source; (id, False) for one already there, brought back if it
        was removed. `shape` is what probing it found (until its first scan says)."""
        with self._write() as conn:
            by_location = select(sources).where(sources.c.location == location)
            row = conn.execute(by_location).first()
            if row is None:
                created = _insert_source(conn, location, shape=shape)
                if created is not None:
                    return created, True
                row = conn.execute(by_location).one()
            changes: dict[str, Any] = {"removed_at": None}
            if shape is not None and row.shape is None:
                changes["shape"] = shape
            conn.execute(sources.update().where(sources.c.id == row.id).values(**changes))
            return int(row.id), row.removed_at is not None

    def remove_source(self, source_id: int, *, at: datetime | None = None) -> SourceRow | None:
        """Stop scanning a source; its documents stay. None when there is no such source."""
        found = [row for row in self.sources() if row.id == source_id]
        if not found:
            return None
        with self._write() as conn:
            conn.execute(
                sources.update()
                .where(sources.c.id == source_id)
                .values(removed_at=at or datetime.now(UTC))
            )
        return found[0]

    def sources(self, *, removed: bool = False) -> list[SourceRow]:
        """Every source with its fetch state and how many documents came from it (the
        removed ones instead, with `removed`)."""
        count = select(func.count()).where(documents.c.source_id == sources.c.id).scalar_subquery()
        gone = sources.c.removed_at.is_not(None) if removed else sources.c.removed_at.is_(None)
        query = select(sources, count.label("n")).where(gone).order_by(sources.c.id)
        with self._read() as conn:
            rows = conn.execute(query).all()
            rejected = rejections.of_sources(conn)
        return [
            SourceRow(r.id, r.location, r.kind, _state(r), int(r.n), tuple(rejected.get(r.id, ())))
            for r in rows
        ]

    def save_source_state(self, source_id: int, state: SourceState) -> None:
        """Persist what fetching learned (validators, failures, backoff)."""
        with self._write() as conn:
            conn.execute(sources.update().where(sources.c.id == source_id).values(asdict(state)))

    # pages that cleaned to nothing
    def rejected_hash(self, location: str) -> str | None:
        """The raw hash of the page at `location` when it was last rejected, if it was."""
        with self._read() as conn:
            return rejections.hash_of(conn, location)

    def reject_page(self, rejection: Rejection, *, source_id: int, raw_hash: str) -> None:
        """Remember that this page (these bytes) could not be digested, and why."""
        with self._write() as conn:
            rejections.record(conn, rejection, source_id, raw_hash)

    def forget_rejection(self, location: str) -> None:
        """The page at `location` was digested after all."""
        with self._write() as conn:
            rejections.forget(conn, location)

    # documents
    def document_id_for(self, location: str) -> tuple[int, str] | None:
        """(id, raw_hash) of the document stored for `location`."""
        query = select(documents.c.id, documents.c.raw_hash).where(documents.c.location == location)
        with self._read() as conn:
            row = conn.execute(query).first()
        return None if row is None else (int(row.id), str(row.raw_hash))

    def stored_locations(self, locations: Iterable[str]) -> set[str]:
        """Which of `locations` have a stored document: a feed's 10,000 entries in one
        query (one per LOOKUP_CHUNK), not 10,000 lookups."""
        wanted = list(dict.fromkeys(locations))
        found: set[str] = set()
        with self._read() as conn:
            for start in range(0, len(wanted), LOOKUP_CHUNK):
                chunk = wanted[start : start + LOOKUP_CHUNK]
                query = select(documents.c.location).where(documents.c.location.in_(chunk))
                found.update(str(row.location) for row in conn.execute(query))
        return found

    def find_duplicate(self, probe: Signed, *, exclude: int | None = None) -> int | None:
        """The original document `probe` repeats (`digests.dedupe.is_repost`), if any."""
        with self._read() as conn:
            return duplicates.find_duplicate(conn, probe, exclude)

    def add_document(
        self, doc: Document, *, source_id: int, raw_hash: str, duplicate_of: int | None
    ) -> int:
        """Store a new document, its index row and term counts in one transaction."""
        with self._write() as conn:
            doc_id, delta = docs.insert(
                conn, doc, source_id=source_id, raw_hash=raw_hash, duplicate_of=duplicate_of
            )
            version = docs.count_terms(conn, delta)
        if version is not None:
            self._frequencies.applied(version, delta)
        return doc_id

    def replace_document(
        self, doc_id: int, doc: Document, *, raw_hash: str, duplicate_of: int | None = None
    ) -> None:
        """Replace a changed document in place, in one transaction."""
        with self._write() as conn:
            delta = docs.update(conn, doc_id, doc, raw_hash=raw_hash, duplicate_of=duplicate_of)
            version = docs.count_terms(conn, delta)
        if version is not None:
            self._frequencies.applied(version, delta)

    def document(self, doc_id: int) -> StoredDocument | None:
        """The stored document with this id."""
        with self._read() as conn:
            found = docs.load(conn, documents.c.id == doc_id)
        return found[0] if found else None

    def frequencies(self) -> DocumentFrequencies:
        """Document frequencies of the stored originals (shared: read it, don't change it)."""
        with self._read() as conn:
            return self._frequencies.current(conn)

    def search(
        self,
        query: str,
        *,
        limit: int = 5,
        offset: int = 0,
        date_from: str | None = None,
        date_to: str | None = None,
        source: str | None = None,
    ) -> SearchPage:
        """Ranked documents containing `query` (plain text, any script), best first."""
        filters = searching.Filters(date_from=date_from, date_to=date_to, source=source)
        with self._read() as conn:
            return searching.run(conn, query, limit=limit, offset=offset, filters=filters)

    def trending(
        self, *, days: int = 7, limit: int = 10, now: datetime | None = None
    ) -> list[tuple[str, int]]:
        """The keywords of the most documents published in the last `days` days."""
        since = (now or datetime.now(UTC)) - timedelta(days=days)
        query = select(documents.c.keywords).where(
            published_since(since), documents.c.duplicate_of.is_(None)
        )
        with self._read() as conn:
            counts = Counter(k for (keywords,) in conn.execute(query) for k in set(keywords))
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]

    def stats(self) -> dict[str, int]:
        """Counts of documents, duplicates, sources, chats, subscriptions, deliveries (sent,
        and given up on after the bounded retries)."""
        with self._read() as conn:
            out = docs.counts(conn)
            for name, table in (("sources", sources), ("chats", chats)):
                out[name] = conn.execute(select(func.count()).select_from(table)).scalar_one()
            for name, status in (("deliveries", "sent"), ("failed_deliveries", "failed")):
                out[name] = conn.execute(
                    select(func.count()).where(deliveries.c.status == status)
                ).scalar_one()
            out["subscriptions"] = conn.execute(
                select(func.count()).where(subscriptions.c.active.is_(True))
            ).scalar_one()
        return out

    # chats and subscriptions
    def upsert_chat(
        self, chat_id: int, *, kind: str, title: str | None, language: str | None
    ) -> None:
        """Create or refresh what we know of a chat."""
        with self._write() as conn:
            subs.upsert_chat(conn, chat_id, kind=kind, title=title, language=language)

    def subscription(self, chat_id: int) -> Subscription | None:
        """The chat's subscription, if it has one."""
        with self._read() as conn:
            found = subs.find(conn, subscriptions.c.chat_id == chat_id)
        return found[0] if found else None

    def save_subscription(self, sub: Subscription) -> None:
        """Create or replace the chat's subscription (a new one gets its main topic)."""
        with self._write() as conn:
            subs.save(conn, sub)
            shared.bump_schedules(conn)

    def topics(self, chat_id: int) -> list[Topic]:
        """The chat's topics, the main one first, the named ones in the order made."""
        with self._read() as conn:
            return subs.find_topics(conn, topics.c.chat_id == chat_id)

    def save_topic(self, topic: Topic) -> Topic:
        """Create (id 0) or replace a topic; the topic as stored, with its id."""
        with self._write() as conn:
            shared.bump_schedules(conn)
            return subs.save_topic(conn, topic)

    def stamp_topic(self, topic_id: int, at: datetime) -> None:
        """Note the topic's digest sent at `at` (unless a later one was noted meanwhile)."""
        with self._write() as conn:
            subs.stamp_topic(conn, topic_id, at)

    def delete_topics(self, chat_id: int, ids: Sequence[int]) -> int:
        """Delete the chat's named topics with these ids (never its main topic)."""
        with self._write() as conn:
            shared.bump_schedules(conn)
            return subs.delete_topics(conn, chat_id, ids)

    def scheduled_topics(self) -> list[tuple[Subscription, Topic]]:
        """Every topic of every active subscription, with it (paused ones included)."""
        with self._read() as conn:
            chats_ = {s.chat_id: s for s in subs.find(conn, subscriptions.c.active.is_(True))}
            found = subs.find_topics(conn, topics.c.chat_id.in_(select(subscriptions.c.chat_id)))
        return [(chats_[t.chat_id], t) for t in found if t.chat_id in chats_]

    def active_subscriptions(self) -> list[Subscription]:
        """Subscriptions still deliverable (paused ones included: the caller decides)."""
        with self._read() as conn:
            return subs.find(conn, subscriptions.c.active.is_(True))

    def deactivate(self, chat_id: int, reason: str) -> None:
        """Stop delivering to a chat, remembering why."""
        with self._write() as conn:
            subs.deactivate(conn, chat_id, reason)
            shared.bump_schedules(conn)

    # what processes on one database share (bot.store.shared)
    def schedules_version(self) -> int:
        """A number that moves whenever a subscription or a topic changes."""
        with self._read() as conn:
            return shared.schedules_version(conn)

    def lease_source(self, source_id: int, owner: str, *, lease: float, fresh: float) -> bool:
        """Take the source for a scan: False when another worker has it, or scanned it less
        than `fresh` seconds ago."""
        with self._write() as conn:
            return shared.lease_source(conn, source_id, owner, datetime.now(UTC), lease, fresh)

    def finish_source(self, source_id: int, owner: str) -> None:
        """Give the source's lease up, noting the scan's end."""
        with self._write() as conn:
            shared.finish_source(conn, source_id, owner, datetime.now(UTC))

    def remember_query(self, key: str, query: str) -> None:
        with self._write() as conn:
            shared.remember_query(conn, key, query, datetime.now(UTC))

    def recall_query(self, key: str) -> str | None:
        with self._read() as conn:
            return shared.recall_query(conn, key)

    # deliveries
    def unseen_documents(
        self,
        chat_id: int,
        *,
        keywords: Sequence[str] = (),
        since: datetime | None = None,
        limit: int = 50,
    ) -> list[StoredDocument]:
        """Originals not yet sent to the chat (newest first), matching any of `keywords`."""
        # one notion of "matches a keyword" everywhere: the search index, as /search reads it
        return self.digest_documents(chat_id, keywords=keywords, since=since, limit=limit)

    def digest_documents(
        self,
        chat_id: int,
        *,
        keywords: Sequence[str] = (),
        since: datetime | None = None,
        published: datetime | None = None,
        unseen: bool = True,
        limit: int = 50,
        offset: int = 0,
    ) -> list[StoredDocument]:
        """Originals for /digest, newest first: matching the keyword rules, recent, unsent."""
        # keywords: any plain one, every `+` one, no `!` one, as /search reads each;
        # since: first seen after (instant pushes); published: in the window (/digest 7d),
        # by the page's date, or when it has none by first seen; unseen=False: sent ones too
        conditions: list[Any] = [documents.c.duplicate_of.is_(None)]
        if unseen:
            conditions.append(~_sent_to(chat_id))
        if since is not None:
            conditions.append(documents.c.first_seen >= since)
        if published is not None:
            conditions.append(published_since(published))
        if keywords and self.dialect == "postgresql" and split_rules(keywords).wanted:
            # the index read newest first (bot.store.newest): a subquery of every match
            # makes the planner read each tsvector of the store for a rare word (3.7 s at 1M)
            if (match := searching.rules_match(keywords)) is None:
                return []
            with self._read() as conn:
                return _newest_documents(conn, match, conditions, limit, offset)
        if keywords:
            if (rules := searching.keyword_rules(self.dialect, keywords)) is None:
                return []
            conditions += rules
        with self._read() as conn:
            return docs.load(
                conn, *conditions, order=documents.c.id.desc(), limit=limit, offset=offset
            )

    def claim(
        self, chat_id: int, doc_ids: Sequence[int], owner: str, *, lease: float = claims.LEASE
    ) -> set[int]:
        """Claim these documents for sending to the chat for `lease` seconds; the ones this
        process may send (nobody else's live claim, not sent before)."""
        with self._write() as conn:
            return claims.claim(conn, chat_id, doc_ids, owner, datetime.now(UTC), lease)

    def drop_claims(self) -> int:
        """Forget every claim: for the one process of an SQLite store, as it starts."""
        with self._write() as conn:
            return claims.drop_all(conn)

    def release(self, chat_id: int, doc_ids: Sequence[int], owner: str) -> None:
        """Give back this process's claims on documents it did not send."""
        with self._write() as conn:
            claims.release(conn, chat_id, doc_ids, owner)

    def mark_sent(
        self, chat_id: int, doc_ids: Sequence[int], *, at: datetime | None = None
    ) -> None:
        """Record that these documents reached the chat."""
        with self._write() as conn:
            subs.mark_sent(conn, chat_id, doc_ids, at or datetime.now(UTC))

    def mark_failed(
        self, chat_id: int, doc_ids: Sequence[int], *, at: datetime | None = None
    ) -> None:
        """Record that sending these documents to the chat was given up on: not offered again."""
        with self._write() as conn:
            subs.mark_failed(conn, chat_id, doc_ids, at or datetime.now(UTC))

    def new_documents_since(self, doc_id: int) -> list[StoredDocument]:
        """Originals stored after `doc_id`, oldest first (for instant pushes)."""
        with self._read() as conn:
            return docs.load(
                conn,
                documents.c.id > doc_id,
                documents.c.duplicate_of.is_(None),
                order=documents.c.id,
            )


BATCH = 256  # matches in the first batch of a topic's digest
MAX_BATCH = 16384  # and in any batch


def _newest_documents(
    conn: Connection, match: Match, conditions: Sequence[Any], limit: int, offset: int
) -> list[StoredDocument]:
    """Documents matching `match` and `conditions`, newest first: the index read newest
    first in batches, each four times the last, until enough pass the conditions."""
    found: list[StoredDocument] = []
    high, batch, want = 2**62, BATCH, limit + offset
    while len(found) < want:
        ids = [i for i, _ in newest(conn, match, Range(low=0, high=high), batch, scored=False)]
        if not ids:
            break
        # the batch as one array parameter, and ids first without ORDER BY/LIMIT: with them
        # the planner walks the whole table backwards testing each row against the batch
        among = documents.c.id == any_(bindparam("batch", ids, type_=ARRAY(Integer)))
        passing = conn.execute(select(documents.c.id).where(*conditions, among)).scalars()
        if chosen := sorted(passing, reverse=True)[: want - len(found)]:
            found += docs.load(conn, documents.c.id.in_(chosen), order=documents.c.id.desc())
        if len(ids) < batch:
            break
        high, batch = ids[-1] - 1, min(batch * 4, MAX_BATCH)
    return found[offset:want]


def published_since(since: datetime) -> Any:
    """Published on or after `since`'s day (UTC); undated pages: first seen since then."""
    day = since.astimezone(UTC).date().isoformat()
    undated = and_(documents.c.date.is_(None), documents.c.first_seen >= since)
    return or_(documents.c.date >= day, undated)


def _sent_to(chat_id: int) -> Any:
    """The document (of the outer query) was sent to the chat, or given up on, or another
    process is sending it now (a claim whose lease runs: bot.store.claims)."""
    claimed = and_(deliveries.c.status == "claimed", deliveries.c.lease_until >= datetime.now(UTC))
    return exists().where(
        deliveries.c.chat_id == chat_id,
        or_(deliveries.c.status.in_(("sent", "failed")), claimed),
        deliveries.c.document_id == documents.c.id,
    )


def _state(row: Any) -> SourceState:
    """The SourceState columns of a sources row (they share its field names)."""
    values = {f.name: getattr(row, f.name) for f in fields(SourceState)}
    values["links"], values["pending"] = tuple(row.links or ()), tuple(row.pending or ())
    return SourceState(**values)


__all__ = ["Store", "open_store"]


def _insert_source(conn: Connection, location: str, *, shape: str | None) -> int | None:
    """The new source's id, or None when another worker (a scan, a chat's /addsource) added
    `location` since this transaction looked: ON CONFLICT DO NOTHING lets the later insert
    read the row the other committed instead of failing on the unique location."""
    values = {"location": location, "kind": source_kind(location), "failures": 0, "shape": shape}
    insert = subs.dialect_insert(conn, sources).values(**values)
    insert = insert.on_conflict_do_nothing(index_elements=["location"]).returning(sources.c.id)
    created = conn.execute(insert).scalar_one_or_none()
    return None if created is None else int(created)
