"""The search index (FTS5 on SQLite, tsvector + GIN on PostgreSQL) and ranked queries on it."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from bot.store.records import SearchHit, SearchPage
from bot.store.terms import Run, fts5_query, index_terms, query_runs, snippet, tsquery
from digests.script import to_simplified, to_traditional

log = logging.getLogger(__name__)


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


@dataclass(frozen=True, slots=True, kw_only=True)
class Filters:
    """Restrictions on top of the text match."""

    date_from: str | None = None
    date_to: str | None = None
    source: str | None = None

    def sql(self) -> tuple[str, dict[str, Any]]:
        """The WHERE clauses (ANDed, on documents d and sources s) and their parameters."""
        clauses, params = [], {}
        if self.date_from:
            clauses.append("d.date >= :date_from")
            params["date_from"] = self.date_from
        if self.date_to:
            clauses.append("d.date <= :date_to")
            params["date_to"] = self.date_to
        if self.source:
            names = {self.source, to_simplified(self.source), to_traditional(self.source)}
            likes = [f"d.publisher LIKE :pub{i} ESCAPE '\\'" for i in range(len(names))]
            clauses.append(f"(s.location = :source OR {' OR '.join(likes)})")
            params.update({f"pub{i}": _like(name) for i, name in enumerate(sorted(names))})
            params["source"] = self.source
        return "".join(f" AND {c}" for c in clauses), params


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# Ranking every match of a common word costs tens of ms at 100k documents, so when more
# match, the newest WINDOW matches are ranked and older ones follow, newest first (a news
# reader wants the best of the recent ones). The count stays exact; pages stay stable.
WINDOW = 1000


@dataclass(frozen=True, slots=True)
class _Dialect:
    joined: str  # FROM … WHERE <match>, with documents d and sources s for filters
    plain: str  # the same without joins, when no filter needs them
    id: str  # the document id column of the index
    score: str  # higher is better


_SQLITE = _Dialect(
    joined=" FROM documents_fts f JOIN documents d ON d.id = f.rowid"
    " JOIN sources s ON s.id = d.source_id WHERE documents_fts MATCH :q",
    plain=" FROM documents_fts f WHERE documents_fts MATCH :q",
    id="f.rowid",
    score="-bm25(documents_fts)",
)
_PG = _Dialect(
    joined=" FROM document_terms t JOIN documents d ON d.id = t.document_id"
    " JOIN sources s ON s.id = d.source_id, to_tsquery('simple', :q) q WHERE t.terms @@ q",
    plain=" FROM document_terms t, to_tsquery('simple', :q) q WHERE t.terms @@ q",
    id="t.document_id",
    score="ts_rank(t.terms, q)",
)


def _ranked(
    conn: Connection, d: _Dialect, where: str, params: dict[str, Any]
) -> tuple[int, list[Any]]:
    """(total, [(id, score)] of the page): ranked within the window, then by recency."""
    source = f"{d.plain if not where else d.joined}{where}"
    total = int(conn.execute(text(f"SELECT count(*){source}"), params).scalar_one())
    limit, offset, floor = params["limit"], params["offset"], 0
    if total > WINDOW:
        floor_sql = f"SELECT {d.id}{source} ORDER BY {d.id} DESC LIMIT 1 OFFSET :skip"
        floor = conn.execute(text(floor_sql), {**params, "skip": WINDOW - 1}).scalar_one()
    rows: list[Any] = []
    if offset < WINDOW:
        ranked = (
            f"SELECT {d.id} AS id, {d.score} AS score{d.joined}{where} AND {d.id} >= :floor"
            " ORDER BY score DESC, id DESC LIMIT :n OFFSET :offset"
        )
        n = min(limit, WINDOW - offset)
        rows += conn.execute(text(ranked), {**params, "floor": floor, "n": n}).all()
    if floor and offset + limit > WINDOW:
        older = (
            f"SELECT {d.id} AS id, 0.0 AS score{source} AND {d.id} < :floor"
            f" ORDER BY {d.id} DESC LIMIT :n OFFSET :skip"
        )
        more = {"floor": floor, "n": limit - len(rows), "skip": max(0, offset - WINDOW)}
        rows += conn.execute(text(older), {**params, **more}).all()
    return total, rows


def run(conn: Connection, query: str, *, limit: int, offset: int, filters: Filters) -> SearchPage:
    """Ranked documents matching `query` as plain text; an empty page for nothing to search."""
    runs = query_runs(query)
    if not runs or limit <= 0:
        return SearchPage(0, [])
    sqlite = conn.dialect.name == "sqlite"
    where, params = filters.sql()
    params.update(
        q=fts5_query(runs) if sqlite else tsquery(runs), limit=limit, offset=max(offset, 0)
    )
    try:
        total, ranked = _ranked(conn, _SQLITE if sqlite else _PG, where, params)
    except DBAPIError as error:  # should not happen: queries are built from quoted terms only
        log.warning("search for %r failed: %s", query[:80], error.orig)
        return SearchPage(0, [])
    return SearchPage(total, _hits(conn, ranked, runs))


def _hits(conn: Connection, ranked: Sequence[Any], runs: Sequence[Run]) -> list[SearchHit]:
    """SearchHits in rank order, each with a snippet of its original text."""
    if not ranked:
        return []
    rows = conn.execute(
        text(
            "SELECT id, title, date, publisher, location, text, simplified FROM documents"
            f" WHERE id IN ({', '.join(str(int(r.id)) for r in ranked)})"
        )
    ).all()
    by_id = {row.id: row for row in rows}
    hits = []
    for rank in ranked:
        row = by_id[rank.id]
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
                float(rank.score),
            )
        )
    return hits


__all__ = ["Filters", "index", "run", "unindex"]
