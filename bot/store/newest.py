"""PostgreSQL: the newest matches of a query, read bucket by bucket from the newest down.

A GIN index answers `terms @@ query` as one bitmap of every match, in no order, so "the
newest 1,001 matches" costs all of them: 1 s at 1M documents for a phrase whose bigrams are
each common, where every candidate's TOASTed tsvector is read again to check the phrase.
Two changes make the cost follow the matches read, as SQLite's FTS5 does:

- **Buckets.** Every document's tsvector also holds two lexemes naming its id's bucket
  (`~f<id >> 14>`, 16,384 ids, and `~c<id >> 18>`, 262,144). A query ANDed with the
  buckets of an id range is answered by GIN from those buckets' posting lists, skipping
  through the longer lists of common terms: its cost is that of the range, not of the store.
  Ranges are read from the newest, each four times the last, until enough are found.
- **No recheck in the index.** The index is asked for every term (`&`), which GIN answers
  exactly; the phrase (`<->`) is checked afterwards on the few candidates actually read.

The `~` lexemes cannot come from text: the `simple` parser drops `~`, and only
`array_to_tsvector` and a `::tsquery` cast write them. A trigger on `document_terms`
(migration 0011) adds them to every row written, whichever process writes it; changing
the bucket sizes would need a migration that re-indexes every document.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from bot.store.terms import Run, every_term, needs_phrase, tsquery

# the trigger of migration 0011 writes the lexemes with these sizes
FINE = 14  # bits of an id shared by one fine bucket
COARSE = 18  # … by one coarse bucket (16 fine ones)
GROWTH = 4  # each range read is this many times the last


def cover(first: int, last: int) -> str:
    """A tsquery (cast, not parsed) matching the documents of fine buckets first..last."""
    per = 1 << (COARSE - FINE)
    tokens, bucket = [], first
    while bucket <= last:
        if bucket % per == 0 and bucket + per - 1 <= last:
            tokens.append(f"'~c{bucket // per}'")
            bucket += per
        else:
            tokens.append(f"'~f{bucket}'")
            bucket += 1
    return " | ".join(tokens)


@dataclass(frozen=True, slots=True, kw_only=True)
class Range:
    """Where to look: ids low..high, and SQL conditions on `i.document_id` with their params."""

    low: int
    high: int
    where: str = ""
    params: dict[str, Any] | None = None


def newest(
    conn: Connection, runs: Sequence[Run], span: Range, n: int, *, skip: int = 0, scored: bool
) -> list[tuple[int, float]]:
    """Up to n (id, score) of the matches in `span`, newest first, after skipping `skip`.

    The score is ts_rank's (0.0 when not `scored`).
    """
    newest_id = conn.execute(text("SELECT max(document_id) FROM document_terms")).scalar()
    if newest_id is None:
        return []
    want, found = n + skip, []
    high, width = min(span.high, newest_id), 1  # not 2**62: the buckets are counted from it
    top, bottom_bucket = high >> FINE, span.low >> FINE
    while len(found) < want and top >= bottom_bucket:
        first = max(bottom_bucket, top - width + 1)
        low = max(span.low, first << FINE)
        need = want - len(found)
        ids = _candidates(conn, runs, span, (first, top), (low, high), need + need // 4 + 16)
        found += _checked(conn, runs, ids, scored)
        if len(ids) == need + need // 4 + 16:  # more in this range: go on below the last
            high = ids[-1] - 1
            continue
        top, high, width = first - 1, low - 1, width * GROWTH
    return found[skip:want]


def _candidates(
    conn: Connection,
    runs: Sequence[Run],
    span: Range,
    buckets: tuple[int, int],
    ids: tuple[int, int],
    limit: int,
) -> list[int]:
    """Ids in `ids` (and the buckets covering them) holding every term, newest first."""
    sql = (
        "SELECT i.document_id FROM document_terms i WHERE i.terms @@"
        " (to_tsquery('simple', :every) && CAST(:cover AS tsquery))"
        f" AND i.document_id BETWEEN :low AND :high{span.where}"
        " ORDER BY i.document_id DESC LIMIT :limit"
    )
    params = {
        **(span.params or {}),
        "every": every_term(runs),
        "cover": cover(*buckets),
        "low": ids[0],
        "high": ids[1],
        "limit": limit,
    }
    return list(conn.execute(text(sql), params).scalars())


def _checked(
    conn: Connection, runs: Sequence[Run], ids: list[int], scored: bool
) -> list[tuple[int, float]]:
    """Of the candidates `ids`, those holding the query's phrases, with their scores."""
    phrase = needs_phrase(runs)
    if not ids or not (phrase or scored):
        return [(i, 0.0) for i in ids]
    listed = ", ".join(str(int(i)) for i in ids)
    score = "ts_rank(c.terms, q)" if scored else "0.0"
    # MATERIALIZED: read the candidates by id; left to itself the planner may take the
    # phrase to the GIN index again and recheck every match in the store
    sql = (
        "WITH c AS MATERIALIZED (SELECT document_id, terms FROM document_terms"
        f" WHERE document_id IN ({listed}))"
        f" SELECT c.document_id, {score} FROM c, to_tsquery('simple', :q) q"
        + (" WHERE c.terms @@ q" if phrase else "")
    )
    rows = conn.execute(text(sql), {"q": tsquery(runs)}).all()
    return sorted(((int(i), float(s)) for i, s in rows), reverse=True)


__all__ = ["FINE", "Range", "cover", "newest"]
