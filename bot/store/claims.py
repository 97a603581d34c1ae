"""Deliveries claimed before they are sent, so two processes never send one document to
one chat: a claim is a `deliveries` row in status "claimed" with a lease. Taking it is one
INSERT … ON CONFLICT that only overwrites a claim whose lease ran out (its holder died); the
send then turns it into "sent" (or "failed"), and a send that did not happen releases it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import Connection, and_, delete

from bot.store.schema import deliveries
from bot.store.subscriptions import dialect_insert, ensure_chat

LEASE = 120.0  # seconds: one chat's digest, held up by a flood wait, finishes inside it


def claim(
    conn: Connection,
    chat_id: int,
    doc_ids: Sequence[int],
    owner: str,
    now: datetime,
    lease: float = LEASE,
) -> set[int]:
    """The documents of `doc_ids` this process may now send to the chat: those nobody
    claimed or sent, and those whose claim expired."""
    if not doc_ids:
        return set()
    ensure_chat(conn, chat_id)
    until = now + timedelta(seconds=lease)
    stmt = dialect_insert(conn, deliveries)
    taken = stmt.on_conflict_do_update(
        index_elements=["chat_id", "document_id"],
        set_={"owner": owner, "lease_until": until, "at": now},
        where=and_(deliveries.c.status == "claimed", deliveries.c.lease_until < now),
    ).returning(deliveries.c.document_id)
    rows = [
        {
            "chat_id": chat_id,
            "document_id": doc,
            "status": "claimed",
            "at": now,
            "owner": owner,
            "lease_until": until,
        }
        for doc in dict.fromkeys(doc_ids)
    ]
    return {int(row.document_id) for row in conn.execute(taken, rows)}


def release(conn: Connection, chat_id: int, doc_ids: Sequence[int], owner: str) -> None:
    """Give back claims that were not sent (the next digest or scan offers them again)."""
    if doc_ids:
        conn.execute(
            delete(deliveries).where(
                deliveries.c.chat_id == chat_id,
                deliveries.c.document_id.in_(list(doc_ids)),
                deliveries.c.status == "claimed",
                deliveries.c.owner == owner,
            )
        )


def drop_all(conn: Connection) -> int:
    """Forget every claim (the only process on the database is starting: any claim is a
    dead process's); how many there were."""
    return int(conn.execute(delete(deliveries).where(deliveries.c.status == "claimed")).rowcount)


__all__ = ["LEASE", "claim", "drop_all", "release"]
