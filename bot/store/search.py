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


_FROM_SQLITE = (
    " FROM documents_fts f JOIN documents d ON d.id = f.rowid"
    " JOIN sources s ON s.id = d.source_id WHERE documents_fts MATCH :q"
)
_FROM_PG = (
    " FROM document_terms t JOIN documents d ON d.id = t.document_id"
    " JOIN sources s ON s.id = d.source_id, to_tsquery('simple', :q) q WHERE t.terms @@ q"
)


def _statements(dialect: str, where: str) -> tuple[str, str]:
    """(count SQL, ranked page SQL) for the dialect; both higher score = better."""
    if dialect == "sqlite":
        return (
            f"SELECT count(*){_FROM_SQLITE}{where}",
            f"SELECT d.id, -bm25(documents_fts) AS score{_FROM_SQLITE}{where}"
            " ORDER BY bm25(documents_fts) LIMIT :limit OFFSET :offset",
        )
    return (
        f"SELECT count(*){_FROM_PG}{where}",
        f"SELECT d.id, ts_rank(t.terms, q) AS score{_FROM_PG}{where}"
        " ORDER BY score DESC, d.id DESC LIMIT :limit OFFSET :offset",
    )


def run(conn: Connection, query: str, *, limit: int, offset: int, filters: Filters) -> SearchPage:
    """Ranked documents matching `query` as plain text; an empty page for nothing to search."""
    runs = query_runs(query)
    if not runs or limit <= 0:
        return SearchPage(0, [])
    dialect = conn.dialect.name
    where, params = filters.sql()
    params["q"] = fts5_query(runs) if dialect == "sqlite" else tsquery(runs)
    count_sql, page_sql = _statements(dialect, where)
    try:
        total = conn.execute(text(count_sql), params).scalar_one()
        ranked = conn.execute(
            text(page_sql), {**params, "limit": limit, "offset": max(offset, 0)}
        ).all()
    except DBAPIError as error:  # should not happen: queries are built from quoted terms only
        log.warning("search for %r failed: %s", query[:80], error.orig)
        return SearchPage(0, [])
    return SearchPage(int(total), _hits(conn, ranked, runs))


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
