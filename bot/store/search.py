"""The search index (FTS5 on SQLite, tsvector + GIN on PostgreSQL) and ranked queries on it.

A query reads the newest WINDOW + 1 matches only (the index is ordered by document id, so
the scan stops there), ranks WINDOW of them by BM25 and reports "WINDOW or more" beyond:
ranking or counting every match of a common word costs tens of ms at 100k documents, and a
news reader wants the best of the recent ones. Older matches follow, newest first.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from bot.rules import Rules
from bot.rules import split as split_rules
from bot.store.newest import Match, Range, newest
from bot.store.records import SearchHit, SearchPage
from bot.store.terms import (
    Run,
    every_term,
    fts5_query,
    index_terms,
    needs_phrase,
    query_runs,
    snippet,
    tsquery,
)
from digests.script import to_simplified, to_traditional

log = logging.getLogger(__name__)

WINDOW = 1000  # matches ranked, and the most counted


def index(conn: Connection, doc_id: int, simplified: str) -> None:
    """Add a document's terms to the index."""
    if conn.dialect.name == "sqlite":
        sql = "INSERT INTO documents_fts(rowid, terms) VALUES (:id, :terms)"
    else:
        sql = "INSERT INTO document_terms VALUES (:id, to_tsvector('simple', :terms))"
    conn.execute(text(sql), {"id": doc_id, "terms": index_terms(simplified)})


def unindex(conn: Connection, doc_id: int, simplified: str) -> None:
    """Remove a document from the index; `simplified` is the text it was indexed with."""
    if conn.dialect.name == "sqlite":  # a contentless table is told what to forget
        sql = (
            "INSERT INTO documents_fts(documents_fts, rowid, terms) VALUES ('delete', :id, :terms)"
        )
        conn.execute(text(sql), {"id": doc_id, "terms": index_terms(simplified)})
    else:
        conn.execute(text("DELETE FROM document_terms WHERE document_id = :id"), {"id": doc_id})


def keyword_rules(dialect: str, keywords: Sequence[str]) -> list[Any] | None:
    """Conditions for a topic's keyword rules (bot.rules); None when nothing can match."""
    rules = split_rules(keywords)
    conditions = []
    for n, words in enumerate(_groups(rules)):
        if (match := matching(dialect, words, prefix=f"r{n}k")) is None:
            return None
        conditions.append(match)
    if rules.none_of and (excluded := matching(dialect, rules.none_of, "xk", True)) is not None:
        conditions.append(excluded)
    return conditions


def rules_match(keywords: Sequence[str]) -> Match | None:
    """The keyword rules (bot.rules) as one PostgreSQL match; None when nothing can match.

    For rules with a wanted word: excluded words only can't be found through the index.
    """
    rules = split_rules(keywords)
    loose, exact, checked = [], [], False
    for words in _groups(rules):
        runs = [found for word in words if (found := query_runs(word))]
        if not runs:
            return None
        loose.append(" | ".join(f"({every_term(r)})" for r in runs))
        exact.append(" | ".join(f"({tsquery(r)})" for r in runs))
        checked = checked or any(map(needs_phrase, runs))
    excluded = [tsquery(found) for word in rules.none_of if (found := query_runs(word))]
    exact += [f"!({q})" for q in excluded]
    checked = checked or bool(excluded)
    return Match(" & ".join(f"({q})" for q in loose), " & ".join(f"({q})" for q in exact), checked)


def _groups(rules: Rules) -> list[tuple[str, ...]]:
    """The groups a document must match one word of each: the plain words, each `+` word."""
    return ([rules.any_of] if rules.any_of else []) + [(word,) for word in rules.all_of]


def matching(
    dialect: str, keywords: Sequence[str], prefix: str = "k", negated: bool = False
) -> Any:
    """A condition on `documents.id`: the document matches any of `keywords` in the index.

    None when no keyword has anything to search (punctuation only): nothing can match.
    `prefix` names the bound parameters, so several conditions fit in one statement;
    `negated`: the document matches none of them.
    """
    runs = [found for k in keywords if (found := query_runs(k))]
    if not runs:
        return None
    if dialect == "sqlite":
        one = "SELECT rowid FROM documents_fts WHERE documents_fts MATCH :k{}"
        queries = [fts5_query(r) for r in runs]
    else:
        one = "SELECT document_id FROM document_terms WHERE terms @@ to_tsquery('simple', :k{})"
        queries = [tsquery(r) for r in runs]
    one = one.replace(":k", f":{prefix}")
    union = " UNION ".join(one.format(n) for n in range(len(queries)))
    bound = {f"{prefix}{n}": q for n, q in enumerate(queries)}
    return text(f"documents.id {'NOT IN' if negated else 'IN'} ({union})").bindparams(**bound)


@dataclass(frozen=True, slots=True, kw_only=True)
class Filters:
    """Restrictions on top of the text match."""

    date_from: str | None = None
    date_to: str | None = None
    source: str | None = None


@dataclass(slots=True)
class _Scope:
    """What the filters leave: an id range for the index, and clauses checked per row."""

    clauses: list[str] = field(default_factory=list)  # on documents d
    params: dict[str, Any] = field(default_factory=dict)
    low: int = 0
    high: int = 2**62
    ids: str = ""  # a subquery of the ids the dates leave, when few: each match is checked in it


def _dates(conn: Connection, filters: Filters, scope: _Scope) -> bool:
    """Narrow to the ids of documents dated in range (ids follow dates, roughly); False: none."""
    dated = []
    for name, op in (("date_from", ">="), ("date_to", "<=")):
        if value := getattr(filters, name):
            dated.append(f"d.date {op} :{name}")
            scope.params[name] = value
    if not dated:
        return True
    hint = " INDEXED BY ix_documents_date" if conn.dialect.name == "sqlite" else ""
    ids = f"SELECT d.id FROM documents d{hint} WHERE {' AND '.join(dated)}"
    sql = f"SELECT min(id), max(id), count(*) FROM ({ids}) n"  # index only: ~1 ms per 100k
    low, high, count = conn.execute(text(sql), scope.params).one()
    if low is None:
        return False
    scope.low, scope.high = low, high
    if _few(conn, ids, {**scope.params, "cut": high - count}):
        scope.ids = ids
    else:
        scope.clauses += dated
    return True


def _few(conn: Connection, ids: str, params: dict[str, Any]) -> bool:
    """Whether the dated ids are sparse near the newest of them: then matches are checked in them.

    The scan down from the newest dated id reads about WINDOW / density matches (density: the
    share of ids there that are dated in range), looking each one's row up; listing one dated id
    costs about as much. With n dated ids, listing wins when n × density < WINDOW, that is when
    fewer than WINDOW of them are among the n ids below the newest (`cut`): true of an old
    quarter with a few late backfills spread over years of ids, not of the latest months.
    """
    sql = f"SELECT count(*) FROM ({ids} AND d.id > :cut) n"
    return int(conn.execute(text(sql), params).scalar_one()) < WINDOW


def _publishers(conn: Connection) -> list[str]:
    """Distinct publishers: one index seek each (a skip scan), not a scan of the table."""
    sql = (
        "WITH RECURSIVE p(name) AS (SELECT min(publisher) FROM documents UNION ALL"
        " SELECT (SELECT min(publisher) FROM documents WHERE publisher > p.name) FROM p"
        " WHERE p.name IS NOT NULL) SELECT name FROM p WHERE name IS NOT NULL"
    )
    return list(conn.execute(text(sql)).scalars())


def _source(conn: Connection, source: str, scope: _Scope) -> bool:
    """Restrict to a source location or a publisher naming `source` in any script."""
    ids = list(conn.execute(text("SELECT id FROM sources WHERE location = :s"), {"s": source}))
    names = {n.casefold() for n in (source, to_simplified(source), to_traditional(source))}
    publishers = [p for p in _publishers(conn) if any(n in p.casefold() for n in names)]
    if not ids and not publishers:
        return False
    either = [f"d.source_id = {int(row.id)}" for row in ids]
    either += [f"d.publisher = :pub{i}" for i in range(len(publishers))]
    scope.clauses.append(f"({' OR '.join(either)})")
    scope.params.update({f"pub{i}": name for i, name in enumerate(publishers)})
    return True


def _scope(conn: Connection, filters: Filters) -> _Scope | None:
    """The filters resolved against the documents table; None when nothing can match."""
    scope = _Scope()
    if not _dates(conn, filters, scope):
        return None
    if filters.source and not _source(conn, filters.source, scope):
        return None
    return scope


@dataclass(frozen=True, slots=True)
class _Dialect:
    index: str  # FROM the index, aliased i, WHERE <match>
    id: str
    score: str  # higher is better


_SQLITE = _Dialect(
    " FROM documents_fts i WHERE documents_fts MATCH :q", "i.rowid", "-bm25(documents_fts)"
)


def _narrowing(row_id: str, scope: _Scope) -> str:
    """SQL conditions on the index row's id (`row_id`) for the filters (dates, source)."""
    sql = ""
    if scope.ids:  # unary plus: an IN on the rowid would make FTS5 look each id up (0.5 ms each)
        sql += f" AND +{row_id} IN ({scope.ids})"
    if scope.clauses:
        sql += f" AND EXISTS (SELECT 1 FROM documents d WHERE d.id = {row_id} AND "
        sql += " AND ".join(scope.clauses) + ")"
    return sql


def _newest(
    conn: Connection, scope: _Scope, runs: Sequence[Run], n: int, *, skip: int = 0, scored: bool
) -> list[Any]:
    """Up to n (id, score) of the matches in the scope, newest first, after `skip` of them."""
    if conn.dialect.name != "sqlite":
        span = Range(
            low=scope.low,
            high=scope.high,
            where=_narrowing("i.document_id", scope),
            params=scope.params,
        )
        return newest(conn, Match.of(runs), span, n, skip=skip, scored=scored)
    d = _SQLITE
    sql = (
        f"SELECT {d.id} AS id, {d.score if scored else '0.0'} AS score{d.index}"
        f" AND {d.id} BETWEEN :low AND :high{_narrowing(d.id, scope)}"
        f" ORDER BY {d.id} DESC LIMIT :n OFFSET :skip"
    )
    bound = {**scope.params, "q": fts5_query(runs), "n": n, "skip": skip}
    bound |= {"low": scope.low, "high": scope.high}
    # plain tuples: SQLAlchemy's rows cost 4 ms a window
    return list(conn.connection.driver_connection.execute(sql, bound).fetchall())  # type: ignore[union-attr]


def _ranked(
    conn: Connection, scope: _Scope, runs: Sequence[Run], limit: int, offset: int
) -> tuple[int, bool, list[Any]]:
    """(total, whether more match, [(id, score)] of the page)."""
    window = _newest(conn, scope, runs, WINDOW + 1, scored=True)
    more = len(window) > WINDOW
    best = sorted(window[:WINDOW], key=lambda r: (-r[1], -r[0]))
    rows = best[offset : offset + limit]
    if more and offset + limit > WINDOW:  # past the window: older matches, newest first
        skip, scope.high = max(0, offset - WINDOW), window[WINDOW - 1][0] - 1
        rows += _newest(conn, scope, runs, limit - len(rows), skip=skip, scored=False)
    return max(len(best), offset + len(rows)), more, rows


def run(conn: Connection, query: str, *, limit: int, offset: int, filters: Filters) -> SearchPage:
    """Ranked documents matching `query` as plain text; an empty page for nothing to search."""
    runs = query_runs(query)
    if not runs or limit <= 0:
        return SearchPage(0, [])
    try:
        scope = _scope(conn, filters)
        if scope is None:
            return SearchPage(0, [])
        total, more, ranked = _ranked(conn, scope, runs, limit, offset)
    except DBAPIError as error:  # should not happen: queries are built from quoted terms only
        log.warning("search for %r failed: %s", query[:80], error.orig)
        return SearchPage(0, [])
    return SearchPage(total, _hits(conn, ranked, runs), total_is_lower_bound=more)


def _hits(conn: Connection, ranked: Sequence[Any], runs: Sequence[Run]) -> list[SearchHit]:
    """SearchHits in rank order, each with a snippet of its original text."""
    if not ranked:
        return []
    rows = conn.execute(
        text(
            "SELECT id, title, date, publisher, location, text, simplified FROM documents"
            f" WHERE id IN ({', '.join(str(int(r[0])) for r in ranked)})"
        )
    ).all()
    by_id = {row.id: row for row in rows}
    hits = []
    for doc_id, score in ranked:
        row = by_id[doc_id]
        shown, marks = snippet(row.text, row.simplified, runs)
        hits.append(
            SearchHit(
                row.id,
                row.title,
                row.date,
                row.publisher,
                row.location,
                shown,
                marks,
                float(score),
            )
        )
    return hits


__all__ = [
    "WINDOW",
    "Filters",
    "index",
    "keyword_rules",
    "matching",
    "rules_match",
    "run",
    "unindex",
]
