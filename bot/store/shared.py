"""What processes on one database share: the schedules' version, source leases, queries.

The leader of the timers rebuilds its jobs when the version moved (a replica that took a
reader's /schedule bumped it); ingest workers lease a source before they scan it, so two
never scan one source at once and a worker that died leaves it to the next when its lease
ends; a search's page buttons carry a short key that any replica can turn into the query.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Connection, delete, or_, select, update

from bot.store.schema import meta, search_queries, sources

QUERY_DAYS = 7  # page buttons of searches older than this say "search again"


def schedules_version(conn: Connection) -> int:
    """A number that moves whenever a subscription or topic is changed."""
    return int(conn.execute(select(meta.c.value).where(meta.c.key == "schedules")).scalar_one())


def bump_schedules(conn: Connection) -> None:
    conn.execute(update(meta).where(meta.c.key == "schedules").values(value=meta.c.value + 1))


def lease_source(
    conn: Connection, source_id: int, owner: str, now: datetime, lease: float, fresh: float
) -> bool:
    """Take the source for `lease` seconds unless another worker holds it, or it was
    scanned less than `fresh` seconds ago (by another worker, in this round)."""
    free = or_(sources.c.lease_until.is_(None), sources.c.lease_until < now)
    stale = or_(
        sources.c.last_scanned_at.is_(None),
        sources.c.last_scanned_at <= now - timedelta(seconds=fresh),
    )
    taken = conn.execute(
        update(sources)
        .where(sources.c.id == source_id, free, stale)
        .values(leased_by=owner, lease_until=now + timedelta(seconds=lease))
    )
    return bool(taken.rowcount)


def finish_source(conn: Connection, source_id: int, owner: str, now: datetime) -> None:
    """The scan of the source is over: its lease is given up, its scan time noted."""
    conn.execute(
        update(sources)
        .where(sources.c.id == source_id, sources.c.leased_by == owner)
        .values(leased_by=None, lease_until=None, last_scanned_at=now)
    )


def remember_query(conn: Connection, key: str, query: str, now: datetime) -> None:
    """Keep `query` under `key` (refreshing its time); forget the ones past QUERY_DAYS."""
    conn.execute(delete(search_queries).where(search_queries.c.key == key))
    conn.execute(search_queries.insert().values(key=key, query=query, at=now))
    old = now - timedelta(days=QUERY_DAYS)
    conn.execute(delete(search_queries).where(search_queries.c.at < old))


def recall_query(conn: Connection, key: str) -> str | None:
    found = select(search_queries.c.query).where(search_queries.c.key == key)
    return conn.execute(found).scalar_one_or_none()


__all__ = [
    "bump_schedules",
    "finish_source",
    "lease_source",
    "recall_query",
    "remember_query",
    "schedules_version",
]
