"""Pages that cleaned to nothing: kept by location with their bytes' hash and the reason,
so a scan skips them until their bytes change and admins see them by name."""

from __future__ import annotations

from sqlalchemy import Connection, delete, select

from bot.store.records import Rejection
from bot.store.schema import rejected_pages


def hash_of(conn: Connection, location: str) -> str | None:
    """The raw hash the page at `location` had when it was rejected, if it was."""
    query = select(rejected_pages.c.raw_hash).where(rejected_pages.c.location == location)
    return conn.execute(query).scalar_one_or_none()


def record(conn: Connection, rejection: Rejection, source_id: int, raw_hash: str) -> None:
    """Remember (or refresh) one rejected page."""
    forget(conn, rejection.location)
    conn.execute(
        rejected_pages.insert().values(
            location=rejection.location,
            source_id=source_id,
            raw_hash=raw_hash,
            reason=rejection.reason,
            at=rejection.at,
        )
    )


def forget(conn: Connection, location: str) -> None:
    """The page digested after all (it changed): it is no longer rejected."""
    conn.execute(delete(rejected_pages).where(rejected_pages.c.location == location))


def of_sources(conn: Connection) -> dict[int, list[Rejection]]:
    """Every source's rejected pages, newest first."""
    rows = conn.execute(select(rejected_pages).order_by(rejected_pages.c.at.desc()))
    out: dict[int, list[Rejection]] = {}
    for row in rows:
        out.setdefault(row.source_id, []).append(Rejection(row.location, row.reason, row.at))
    return out


__all__ = ["forget", "hash_of", "of_sources", "record"]
