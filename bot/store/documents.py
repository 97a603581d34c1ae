"""Document rows: writing one (with its index row and term counts), reading, duplicates."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Row, and_, func, or_, select
from sqlalchemy.dialects import postgresql, sqlite

from bot.store import search
from bot.store.records import StoredDocument
from bot.store.schema import documents, meta, sources, term_frequencies
from digests.dedupe import from_signed64, hamming, is_near_duplicate, to_signed64
from digests.model import Document, MeetingFacts
from digests.segment import is_content_word

BANDS = 4  # 16-bit bands: a repost within 3 bits shares one for sure, most within 12 do


def bands(simhash: int) -> dict[str, int]:
    """The band columns of a signature."""
    return {f"band{i}": (simhash >> (16 * i)) & 0xFFFF for i in range(BANDS)}


def content_terms(doc: Document) -> list[str]:
    """The distinct content words counted in term_frequencies (as DocumentFrequencies.add)."""
    return sorted({token for token in doc.tokens if is_content_word(token)})


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
    }


@dataclass(frozen=True, slots=True)
class Delta:
    """What a write did to the term counts: terms uncounted and counted (None: no document)."""

    removed: tuple[str, ...] | None = None
    added: tuple[str, ...] | None = None


def insert(
    conn: Connection, doc: Document, *, source_id: int, raw_hash: str, duplicate_of: int | None
) -> tuple[int, Delta]:
    """Insert the row, its index row and its term counts."""
    now = datetime.now(UTC)
    values = _values(doc, raw_hash, duplicate_of, now)
    doc_id = conn.execute(
        documents.insert()
        .values(source_id=source_id, first_seen=now, **values)
        .returning(documents.c.id)
    ).scalar_one()
    if duplicate_of is None:  # one copy of each text is searchable and counted
        search.index(conn, doc_id, doc.simplified)
        count_terms(conn, values["terms"], +1)
        return doc_id, Delta(added=tuple(values["terms"]))
    return doc_id, Delta()


def update(
    conn: Connection, doc_id: int, doc: Document, *, raw_hash: str, duplicate_of: int | None
) -> Delta:
    """Replace a row's content in place (its index row and term counts too)."""
    old = conn.execute(
        select(documents.c.simplified, documents.c.terms, documents.c.duplicate_of).where(
            documents.c.id == doc_id
        )
    ).one()
    removed = None
    if old.duplicate_of is None:
        search.unindex(conn, doc_id, old.simplified)
        count_terms(conn, old.terms, -1)
        removed = tuple(old.terms)
    values = _values(doc, raw_hash, duplicate_of, datetime.now(UTC))
    conn.execute(documents.update().where(documents.c.id == doc_id).values(**values))
    if duplicate_of is None:
        search.index(conn, doc_id, doc.simplified)
        count_terms(conn, values["terms"], +1)
        return Delta(removed, tuple(values["terms"]))
    return Delta(removed)


def count_terms(conn: Connection, terms: list[str], step: int) -> None:
    """Add `step` (±1) to each term's document frequency and to n_docs."""
    conn.execute(meta.update().where(meta.c.key == "n_docs").values(value=meta.c.value + step))
    if terms:
        insert_stmt = (postgresql if conn.dialect.name == "postgresql" else sqlite).insert
        stmt = insert_stmt(term_frequencies)
        conn.execute(
            stmt.on_conflict_do_update(
                index_elements=["term"], set_={"df": term_frequencies.c.df + stmt.excluded.df}
            ),
            [{"term": term, "df": step} for term in terms],
        )
        if step < 0:
            conn.execute(term_frequencies.delete().where(term_frequencies.c.df <= 0))


def bump_version(conn: Connection) -> int:
    """Mark the term counts changed (other processes reload theirs); the new version."""
    return int(
        conn.execute(
            meta.update()
            .where(meta.c.key == "df_version")
            .values(value=meta.c.value + 1)
            .returning(meta.c.value)
        ).scalar_one()
    )


def find_duplicate(
    conn: Connection, content_hash: str, simhash: int, exclude: int | None = None
) -> int | None:
    """The original this text repeats: same content hash first, else the nearest SimHash."""
    others = documents.c.id != (-1 if exclude is None else exclude)
    exact = conn.execute(
        select(documents.c.id, documents.c.duplicate_of)
        .where(documents.c.content_hash == content_hash, others)
        .order_by(documents.c.id)
        .limit(1)
    ).first()
    if exact is not None:
        return int(exact.duplicate_of or exact.id)
    near = [getattr(documents.c, name) == value for name, value in bands(simhash).items()]
    rows = conn.execute(
        select(documents.c.id, documents.c.simhash).where(
            documents.c.duplicate_of.is_(None), others, or_(*near)
        )
    ).all()
    close = [
        (hamming(from_signed64(r.simhash), simhash), r.id)
        for r in rows
        if is_near_duplicate(from_signed64(r.simhash), simhash)
    ]
    return min(close)[1] if close else None


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
    conn: Connection, *conditions: Any, order: Any = None, limit: int | None = None
) -> list[StoredDocument]:
    """Documents matching all `conditions`."""
    query = selectable().where(and_(True, *conditions))
    if order is not None:
        query = query.order_by(order)
    return [stored(row) for row in conn.execute(query.limit(limit))]


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
    "bump_version",
    "content_terms",
    "count_terms",
    "counts",
    "find_duplicate",
    "insert",
    "load",
    "selectable",
    "stored",
    "update",
]
