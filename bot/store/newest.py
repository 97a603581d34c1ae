"""PostgreSQL: the newest matches of a query, read bucket by bucket from the newest down.

A GIN index answers `terms @@ query` as one bitmap of every match, in no order, so "the
newest 1,001 matches" costs all of them: 1 s at 1M documents for a phrase whose bigrams are
each common, where every candidate's TOASTed tsvector is read again to check the phrase.
Two changes make the cost follow the matches read, as SQLite's FTS5 does:

- **Buckets.** Every document's tsvector also holds two lexemes naming its id's bucket
  (`~f<id >> 14>`, 16,384 ids, and `~c<id >> 18>`, 262,144). A query ANDed with the
  buckets of an id range is answered by GIN from those buckets' posting lists, skipping
  through the longer lists of common terms: its cost is that of the range, not of the store.
  Ranges are read from the newest, each four times the last (or as many as the density
  of matches so far says are needed), until enough are found.
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


@dataclass(frozen=True, slots=True)
class Match:
    """What to find: `loose` for the index (every term: GIN answers it exactly) and `exact`,
    checked on the candidates read when `checked` (phrases, excluded words)."""

    loose: str
    exact: str
    checked: bool

    @classmethod
    def of(cls, runs: Sequence[Run]) -> Match:
        """A query's runs: all of them, each phrase in order."""
        return cls(every_term(runs), tsquery(runs), needs_phrase(runs))


@dataclass(frozen=True, slots=True, kw_only=True)
class Range:
    """Where to look: ids low..high, and SQL conditions on `i.document_id` with their params."""

    low: int
    high: int
    where: str = ""
    params: dict[str, Any] | None = None


def newest(
    conn: Connection, match: Match, span: Range, n: int, *, skip: int = 0, scored: bool
) -> list[tuple[int, float]]:
    """Up to n (id, score) of the matches in `span`, newest first, after skipping `skip`.

    The score is ts_rank's (0.0 when not `scored`).
    """
    newest_id = conn.execute(text("SELECT max(document_id) FROM document_terms")).scalar()
    if newest_id is None:
        return []
    found: list[tuple[int, float]] = []
    want, read = n + skip, 0
    high, width = min(span.high, newest_id), 1  # not 2**62: the buckets are counted from it
    top, bottom_bucket = high >> FINE, span.low >> FINE
    while len(found) < want and top >= bottom_bucket:
        first = max(bottom_bucket, top - width + 1)
        low = max(span.low, first << FINE)
        limit = limit_for(want - len(found))
        matches, ids = _read(conn, match, span, ((first, top), (low, high)), limit, scored)
        found += matches
        if len(ids) == limit:  # more in this range: go on below the last
            read, high = read + high - ids[-1] + 1, ids[-1] - 1
            continue
        read += high - low + 1
        top, high = first - 1, low - 1
        width = _next_width(width, want - len(found), len(found), read)
    return found[skip:want]


def limit_for(need: int) -> int:
    """Candidates one statement reads for `need` matches: a margin for failed phrases."""
    return need + need // 4 + 16


def _next_width(width: int, need: int, found: int, read: int) -> int:
    """Fine buckets for the next range: GROWTH times the last, or fewer when the matches
    found so far say fewer ids will do (a range costs what it covers, used or not)."""
    grown = width * GROWTH
    if not found:
        return grown
    ids = need * read / found * 1.5  # a margin: matches are not spread evenly
    return max(1, min(grown, int(ids) >> FINE) + 1)


def _read(
    conn: Connection,
    match: Match,
    span: Range,
    ranges: tuple[tuple[int, int], tuple[int, int]],
    limit: int,
    scored: bool,
) -> tuple[list[tuple[int, float]], list[int]]:
    """One statement over a range: (the matches with their scores, every candidate id), both
    newest first; `ranges` are the fine buckets and the ids, each (first, last)."""
    (first, last), (low, high) = ranges
    score = "ts_rank(c.terms, q)" if scored else "0.0"
    keep = "c.terms @@ q" if match.checked else "true"
    # MATERIALIZED: the index is asked for every term (exact, no recheck), and the phrase
    # checked on the candidates read; left to itself the planner takes the phrase to the
    # index and rechecks every match in the store
    sql = (
        "WITH c AS MATERIALIZED (SELECT i.document_id, i.terms FROM document_terms i"
        " WHERE i.terms @@ (to_tsquery('simple', :every) && CAST(:cover AS tsquery))"
        f" AND i.document_id BETWEEN :low AND :high{span.where}"
        " ORDER BY i.document_id DESC LIMIT :limit)"
        f" SELECT c.document_id, {score}, {keep} FROM c, to_tsquery('simple', :q) q"
    )
    params = {**(span.params or {}), "every": match.loose, "q": match.exact}
    params |= {"cover": cover(first, last), "low": low, "high": high, "limit": limit}
    rows = sorted(conn.execute(text(sql), params).all(), reverse=True)
    return [(int(i), float(s)) for i, s, ok in rows if ok], [int(row[0]) for row in rows]


__all__ = ["FINE", "Match", "Range", "cover", "limit_for", "newest"]
