"""Which stored original a text repeats: candidates from the band indexes, the engine's rule.

The rule is `digests.dedupe.is_repost` and nothing else: same content hash, or SimHash
within the threshold *and* shingle resemblance confirming it. The store only finds the
candidates, and finds all of them: multi-index hashing over the four band columns looks up,
in each band, every value within `BAND_RADIUS` bits of the query's, which by pigeonhole
covers every signature within the threshold (`digests.dedupe.band_masks`). The few
candidates that are near in SimHash then have their text loaded for the resemblance check.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, select, text

from bot.store import search
from bot.store.documents import Delta, count_terms
from bot.store.schema import documents
from digests.dedupe import (
    BANDS,
    Signed,
    bands,
    from_signed64,
    hamming,
    is_near_duplicate,
    is_repost,
)
from digests.segment import is_content_word, tokenize


@dataclass(frozen=True, slots=True)
class Probe:
    """A text as the rule reads it (what `Signed` asks for)."""

    content_hash: str
    simhash: int
    simplified: str


_EXACT = (
    select(documents.c.id, documents.c.duplicate_of)
    .where(documents.c.content_hash == bindparam("hash"), documents.c.id != bindparam("exclude"))
    .order_by(documents.c.id)
    .limit(1)
)
# One indexed lookup per band value near the query's: the values are the query's band XOR
# each mask of `band_masks` (migration 0007 fills it with `digests.dedupe.band_masks()`),
# so the statement takes four integers, not 2,788. SQLite has no XOR: a ^ b = (a | b) -
# (a & b). An OR of the four beside `duplicate_of IS NULL` made SQLite walk the
# duplicate_of index over every original instead, so duplicates are dropped in Python.
# PostgreSQL planned `IN (SELECT …)` as a hash join over every document (20 ms at 5,000);
# `= ANY(ARRAY(SELECT …))` is one index scan of 697 values (12 ms, measured side by side).
_NEAR_IN = {
    "sqlite": "band{0} IN (SELECT (:band{0} | mask) - (:band{0} & mask) FROM band_masks)",
    "postgresql": "band{0} = ANY(ARRAY(SELECT :band{0} # mask FROM band_masks))",
}
_NEAR = {
    dialect: text(
        " UNION ALL ".join(
            f"SELECT id, simhash, duplicate_of FROM documents WHERE {near_in.format(i)}"
            for i in range(BANDS)
        )
    )
    for dialect, near_in in _NEAR_IN.items()
}
_TEXTS = select(
    documents.c.id, documents.c.content_hash, documents.c.simhash, documents.c.simplified
).where(documents.c.id.in_(bindparam("ids", expanding=True)))


def find_duplicate(conn: Connection, probe: Signed, exclude: int | None = None) -> int | None:
    """The original `probe` repeats: the same content hash first, else the nearest original
    (fewest differing bits, then the oldest) that `is_repost` confirms."""
    skip = -1 if exclude is None else exclude
    exact = conn.execute(_EXACT, {"hash": probe.content_hash, "exclude": skip}).first()
    if exact is not None:
        return int(exact.duplicate_of or exact.id)
    near = near_originals(conn, probe.simhash, skip)
    if not near:
        return None
    rows = {r.id: r for r in conn.execute(_TEXTS, {"ids": [doc_id for _, doc_id in near]})}
    for _, doc_id in near:
        row = rows[doc_id]
        if is_repost(probe, Probe(row.content_hash, from_signed64(row.simhash), row.simplified)):
            return doc_id
    return None


def near_originals(conn: Connection, simhash: int, skip: int = -1) -> list[tuple[int, int]]:
    """(bits apart, id) of every original within the SimHash threshold, nearest first."""
    found = {
        r.id: hamming(from_signed64(r.simhash), simhash)
        for r in candidates(conn, simhash)
        if r.duplicate_of is None
        and r.id != skip
        and is_near_duplicate(from_signed64(r.simhash), simhash)
    }
    return sorted((bits, doc_id) for doc_id, bits in found.items())


def candidates(conn: Connection, simhash: int) -> list[Any]:
    """Rows (id, simhash, duplicate_of) sharing a band within BAND_RADIUS bits, repeated
    once per band they share."""
    params = {f"band{i}": value for i, value in enumerate(bands(simhash))}
    return list(conn.execute(_NEAR[conn.dialect.name], params))


_ROW = select(
    documents.c.id, documents.c.content_hash, documents.c.simhash, documents.c.simplified
).where(documents.c.id == bindparam("doc_id"))
_LINKS = (
    select(documents.c.id, documents.c.duplicate_of)
    .where(documents.c.duplicate_of.is_not(None))
    .order_by(documents.c.id)
)


def _probe(conn: Connection, doc_id: int) -> Probe:
    row = conn.execute(_ROW, {"doc_id": doc_id}).one()
    return Probe(row.content_hash, from_signed64(row.simhash), row.simplified)


def recheck(conn: Connection, now: datetime) -> Recheck:
    """Ask the rule again of every `duplicate_of` link: a copy of another original moves to
    it, a story that repeats none is restored as an original (`restore`)."""
    kept = moved = 0
    restored: list[int] = []
    for doc_id, linked in conn.execute(_LINKS).all():  # oldest first: a restored story can
        probe = _probe(conn, doc_id)  # be the original of a later copy
        if is_repost(probe, _probe(conn, linked)):
            kept += 1
            continue
        other = find_duplicate(conn, probe, exclude=doc_id)
        # an exact copy may itself be wrongly linked: the rule must hold for the target too
        if other is not None and is_repost(probe, _probe(conn, other)):
            conn.execute(_SET, {"doc_id": doc_id, "duplicate_of": other, "updated_at": now})
            moved += 1
        else:
            restore(conn, doc_id, probe.simplified, now)
            restored.append(doc_id)
    return Recheck(kept, moved, tuple(restored))


@dataclass(frozen=True, slots=True)
class Recheck:
    """What `recheck` did: links the rule confirms, links moved, documents restored."""

    kept: int
    moved: int
    restored: tuple[int, ...]


_SET = documents.update().where(documents.c.id == bindparam("doc_id"))


def restore(conn: Connection, doc_id: int, simplified: str, now: datetime) -> None:
    """Make a document wrongly stored as a duplicate an original, as `documents.insert`
    makes one: its content words counted, searchable, and deliverable (digests pick
    originals not yet sent; instant pushes the ones first seen since the last push, so it
    counts as first seen now)."""
    terms = sorted(token for token in set(tokenize(simplified)) if is_content_word(token))
    values = {"duplicate_of": None, "terms": terms, "first_seen": now, "updated_at": now}
    conn.execute(_SET, {"doc_id": doc_id, **values})
    search.index(conn, doc_id, simplified)
    count_terms(conn, Delta(added=tuple(terms)))


__all__ = [
    "Probe",
    "Recheck",
    "candidates",
    "find_duplicate",
    "near_originals",
    "recheck",
    "restore",
]
