"""Chats, their subscriptions and what was delivered to them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, time
from typing import Any

from sqlalchemy import Connection, Row, select
from sqlalchemy.dialects import postgresql, sqlite

from bot.store.records import Subscription
from bot.store.schema import chats, deliveries, subscriptions


def _insert(conn: Connection, table: Any) -> Any:
    """The dialect's INSERT, which knows ON CONFLICT."""
    return (postgresql if conn.dialect.name == "postgresql" else sqlite).insert(table)


def upsert_chat(
    conn: Connection, chat_id: int, *, kind: str, title: str | None, language: str | None
) -> None:
    """Create or refresh a chat row."""
    values = {"kind": kind, "title": title, "language": language, "updated_at": datetime.now(UTC)}
    stmt = _insert(conn, chats).values(id=chat_id, **values)
    conn.execute(stmt.on_conflict_do_update(index_elements=["id"], set_=values))


def ensure_chat(conn: Connection, chat_id: int) -> None:
    """A chat row for `chat_id`, so subscriptions and deliveries can refer to it."""
    stmt = _insert(conn, chats).values(id=chat_id, kind="unknown", updated_at=datetime.now(UTC))
    conn.execute(stmt.on_conflict_do_nothing(index_elements=["id"]))


def _values(sub: Subscription) -> dict[str, Any]:
    return {
        "keywords": list(sub.keywords),
        "schedule": sub.schedule,
        "at": sub.at.strftime("%H:%M"),
        "weekday": sub.weekday,
        "timezone": sub.timezone,
        "paused": sub.paused,
        "script": sub.script,
        "thread_id": sub.thread_id,
        "active": sub.active,
        "language": sub.language,
        "last_digest_at": sub.last_digest_at,
    }


def save(conn: Connection, sub: Subscription) -> None:
    """Create or replace a chat's subscription."""
    ensure_chat(conn, sub.chat_id)
    values = _values(sub)
    if sub.active:
        values["inactive_reason"] = None
    stmt = _insert(conn, subscriptions).values(chat_id=sub.chat_id, **values)
    conn.execute(stmt.on_conflict_do_update(index_elements=["chat_id"], set_=values))


def subscription(row: Row[Any]) -> Subscription:
    """A subscriptions row as a Subscription."""
    hours, minutes = map(int, row.at.split(":"))
    return Subscription(
        chat_id=row.chat_id,
        keywords=tuple(row.keywords),
        schedule=row.schedule,
        at=time(hours, minutes),
        weekday=row.weekday,
        timezone=row.timezone,
        paused=bool(row.paused),
        script=row.script,
        thread_id=row.thread_id,
        active=bool(row.active),
        language=row.language,
        last_digest_at=row.last_digest_at,
    )


def find(conn: Connection, *conditions: Any) -> list[Subscription]:
    """Subscriptions matching all `conditions`, by chat id."""
    query = select(subscriptions).where(*conditions).order_by(subscriptions.c.chat_id)
    return [subscription(row) for row in conn.execute(query)]


def deactivate(conn: Connection, chat_id: int, reason: str) -> None:
    """Stop delivering to a chat (blocked, removed, not found)."""
    conn.execute(
        subscriptions.update()
        .where(subscriptions.c.chat_id == chat_id)
        .values(active=False, inactive_reason=reason)
    )


def mark_sent(conn: Connection, chat_id: int, doc_ids: Sequence[int], at: datetime) -> None:
    """Record deliveries; sending a document twice to one chat keeps one row."""
    if not doc_ids:
        return
    ensure_chat(conn, chat_id)
    stmt = _insert(conn, deliveries)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=["chat_id", "document_id"],
            set_={"status": "sent", "at": stmt.excluded.at},
        ),
        [{"chat_id": chat_id, "document_id": d, "status": "sent", "at": at} for d in doc_ids],
    )


__all__ = ["deactivate", "ensure_chat", "find", "mark_sent", "save", "subscription", "upsert_chat"]
