"""Document rows: writing one (with its index row and term counts), reading."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Row, and_, bindparam, func, select, text

from bot.store import search
from bot.store.records import StoredDocument
from bot.store.schema import documents, sources
from digests.dedupe import bands as band_values
from digests.dedupe import from_signed64, to_signed64
from digests.model import Document, MeetingFacts
from digests.segment import is_content_word


def bands(simhash: int) -> dict[str, int]:
    """The band columns of a signature (`duplicates.py` searches them)."""
    return {f"band{i}": value for i, value in enumerate(band_values(simhash))}


def content_terms(doc: Document) -> list[str]:
    """The distinct content words counted in term_frequencies (as DocumentFrequencies.add)."""
    return sorted(token for token in set(doc.tokens) if is_content_word(token))


def _values(
    doc: Document, raw_hash: str, duplicate_of: int | None, now: datetime
) -> dict[str, Any]:
    return {
        "location": doc.path,
        "raw_hash": raw_hash,
        "title": doc.title,
        "date": doc.date,
        "publisher": doc.source,
        "text": doc.text,
        "simplified": doc.simplified,
        "meeting": _meeting_json(doc.meeting),
        "keywords": list(doc.keywords),
        "highlights": list(doc.highlights),
        "terms": content_terms(doc) if duplicate_of is None else [],
        "content_hash": doc.content_hash,
        "simhash": to_signed64(doc.simhash),
        **bands(doc.simhash),
        "duplicate_of": duplicate_of,
        "updated_at": now,
    }


def _meeting_json(facts: MeetingFacts) -> dict[str, Any]:
    return {
        "name": facts.name,
        "place": facts.place,
        "chair": facts.chair,
        "attendees": list(facts.attendees),
        "speakers": list(facts.speakers),
        "roles": [list(pair) for pair in facts.roles],  # (name, role): the card shows both
    }


@dataclass(frozen=True, slots=True)
class Delta:
    """What a write did to the term counts: terms uncounted and counted (None: no document)."""

    removed: tuple[str, ...] | None = None
    added: tuple[str, ...] | None = None


_INSERT = documents.insert().returning(documents.c.id)  # built once: its compilation is cached
_UPDATE = documents.update().where(documents.c.id == bindparam("doc_id"))
_OLD = select(documents.c.simplified, documents.c.terms, documents.c.duplicate_of).where(
    documents.c.id == bindparam("doc_id")
)


def insert(
    conn: Connection, doc: Document, *, source_id: int, raw_hash: str, duplicate_of: int | None
) -> tuple[int, Delta]:
    """Insert the row and, for an original, its index row (the caller counts its terms)."""
    now = datetime.now(UTC)
    values = _values(doc, raw_hash, duplicate_of, now)
    row = conn.execute(_INSERT, {"source_id": source_id, "first_seen": now, **values})
    doc_id = int(row.scalar_one())
    if duplicate_of is None:  # one copy of each text is searchable and counted
        search.index(conn, doc_id, doc.simplified)
        return doc_id, Delta(added=tuple(values["terms"]))
    return doc_id, Delta()


def update(
    conn: Connection, doc_id: int, doc: Document, *, raw_hash: str, duplicate_of: int | None
) -> Delta:
    """Replace a row's content in place and its index row (the caller counts the terms)."""
    old = conn.execute(_OLD, {"doc_id": doc_id}).one()
    removed = None
    if old.duplicate_of is None:
        search.unindex(conn, doc_id, old.simplified)
        removed = tuple(old.terms)
    values = _values(doc, raw_hash, duplicate_of, datetime.now(UTC))
    conn.execute(_UPDATE, {"doc_id": doc_id, **values})
    if duplicate_of is None:
        search.index(conn, doc_id, doc.simplified)
        return Delta(removed, tuple(values["terms"]))
    return Delta(removed)


def count_terms(conn: Connection, delta: Delta) -> int | None:
    """Apply `delta` to the term counts and n_docs; the new df_version, None if no change."""
    if delta.removed is None and delta.added is None:
        return None  # a duplicate: nothing counted, other processes have nothing to reload
    old, new = set(delta.removed or ()), set(delta.added or ())
    pg = conn.dialect.name == "postgresql"
    upsert, prune = _PG_TERMS if pg else _SQLITE_TERMS
    if gained := sorted(new - old):
        conn.execute(upsert, {"terms": _terms(pg, gained), "step": 1})
    if lost := sorted(old - new):  # a replacement touches only the words that changed
        conn.execute(upsert, {"terms": _terms(pg, lost), "step": -1})
        conn.execute(prune, {"terms": _terms(pg, lost)})
    step = (delta.added is not None) - (delta.removed is not None)
    rows = conn.execute(_BUMP, {"step": step}).all()
    return int(next(value for key, value in rows if key == "df_version"))


def _terms(pg: bool, terms: list[str]) -> Any:
    """Terms as one parameter: a text[] on PostgreSQL, a JSON array for SQLite's json_each."""
    return terms if pg else json.dumps(terms, ensure_ascii=False)


# one statement for all of a document's terms, whatever their number
_SQLITE_TERMS = (
    text(
        "INSERT INTO term_frequencies (term, df) SELECT value, :step FROM json_each(:terms)"
        " WHERE true ON CONFLICT (term) DO UPDATE SET df = term_frequencies.df + excluded.df"
    ),
    text(
        "DELETE FROM term_frequencies WHERE df <= 0"
        " AND term IN (SELECT value FROM json_each(:terms))"
    ),
)
_PG_TERMS = (
    text(
        "INSERT INTO term_frequencies (term, df) SELECT t, :step"
        " FROM unnest(CAST(:terms AS text[])) AS t"
        " ON CONFLICT (term) DO UPDATE SET df = term_frequencies.df + excluded.df"
    ),
    text("DELETE FROM term_frequencies WHERE df <= 0 AND term = ANY(CAST(:terms AS text[]))"),
)
# n_docs moves by `step`; df_version by one, so other processes reload their counts
_BUMP = text(
    "UPDATE meta SET value = value + CASE WHEN key = 'n_docs' THEN :step ELSE 1 END"
    " WHERE key IN ('n_docs', 'df_version') RETURNING key, value"
)

_original = documents.alias("original")
COLUMNS = (
    *documents.c,
    sources.c.location.label("source_location"),
    _original.c.location.label("original_location"),
)


def selectable() -> Any:
    """SELECT of everything `stored()` reads."""
    return select(*COLUMNS).select_from(
        documents.join(sources, sources.c.id == documents.c.source_id).outerjoin(
            _original, _original.c.id == documents.c.duplicate_of
        )
    )


def stored(row: Row[Any]) -> StoredDocument:
    """A row of `selectable()` as a StoredDocument."""
    facts = row.meeting
    meeting = replace(
        MeetingFacts(facts.get("name"), facts.get("place"), facts.get("chair")),
        attendees=tuple(facts.get("attendees", ())),
        speakers=tuple(facts.get("speakers", ())),
        roles=tuple((name, role) for name, role in facts.get("roles", ())),
    )
    document = Document(
        path=row.location,
        title=row.title,
        date=row.date,
        source=row.publisher,
        meeting=meeting,
        keywords=tuple(row.keywords),
        highlights=tuple(row.highlights),
        text=row.text,
        simplified=row.simplified,
        content_hash=row.content_hash,
        simhash=from_signed64(row.simhash),
        duplicate_of=row.original_location,
    )
    return StoredDocument(
        row.id, document, row.source_location, row.first_seen, row.raw_hash, row.duplicate_of
    )


def load(
    conn: Connection,
    *conditions: Any,
    order: Any = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[StoredDocument]:
    """Documents matching all `conditions`."""
    query = selectable().where(and_(True, *conditions))
    if order is not None:
        query = query.order_by(order)
    return [stored(row) for row in conn.execute(query.limit(limit).offset(offset or None))]


def counts(conn: Connection) -> dict[str, int]:
    """Documents, originals and duplicates."""
    total = conn.execute(select(func.count()).select_from(documents)).scalar_one()
    dups = conn.execute(
        select(func.count()).where(documents.c.duplicate_of.is_not(None))
    ).scalar_one()
    return {"documents": total, "duplicates": dups, "originals": total - dups}


__all__ = [
    "Delta",
    "bands",
    "content_terms",
    "count_terms",
    "counts",
    "insert",
    "load",
    "selectable",
    "stored",
    "update",
]
