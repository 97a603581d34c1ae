"""Chats, their subscriptions and topics, and what was delivered to them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, time
from typing import Any

from sqlalchemy import Connection, Row, or_, select
from sqlalchemy.dialects import postgresql, sqlite

from bot.store.records import Subscription, Topic
from bot.store.schema import chats, deliveries, subscriptions, topics


def dialect_insert(conn: Connection, table: Any) -> Any:
    """The dialect's INSERT, which knows ON CONFLICT."""
    return (postgresql if conn.dialect.name == "postgresql" else sqlite).insert(table)


def upsert_chat(
    conn: Connection, chat_id: int, *, kind: str, title: str | None, language: str | None
) -> None:
    """Create or refresh a chat row."""
    values = {"kind": kind, "title": title, "language": language, "updated_at": datetime.now(UTC)}
    stmt = dialect_insert(conn, chats).values(id=chat_id, **values)
    conn.execute(stmt.on_conflict_do_update(index_elements=["id"], set_=values))


def ensure_chat(conn: Connection, chat_id: int) -> None:
    """A chat row for `chat_id`, so subscriptions and deliveries can refer to it."""
    values = {"kind": "unknown", "updated_at": datetime.now(UTC)}
    stmt = dialect_insert(conn, chats).values(id=chat_id, **values)
    conn.execute(stmt.on_conflict_do_nothing(index_elements=["id"]))


def _values(sub: Subscription) -> dict[str, Any]:
    return {
        "timezone": sub.timezone,
        "paused": sub.paused,
        "script": sub.script,
        "thread_id": sub.thread_id,
        "active": sub.active,
        "language": sub.language,
    }


def save(conn: Connection, sub: Subscription) -> None:
    """Create or replace a chat's subscription; a new one gets its main topic."""
    ensure_chat(conn, sub.chat_id)
    values = _values(sub)
    if sub.active:
        values["inactive_reason"] = None
    stmt = dialect_insert(conn, subscriptions).values(chat_id=sub.chat_id, **values)
    conn.execute(stmt.on_conflict_do_update(index_elements=["chat_id"], set_=values))
    main = dialect_insert(conn, topics).values(_topic_values(Topic(chat_id=sub.chat_id)))
    conn.execute(main.on_conflict_do_nothing(index_elements=["chat_id", "name"]))


def subscription(row: Row[Any]) -> Subscription:
    """A subscriptions row as a Subscription."""
    return Subscription(
        chat_id=row.chat_id,
        timezone=row.timezone,
        paused=bool(row.paused),
        script=row.script,
        thread_id=row.thread_id,
        active=bool(row.active),
        language=row.language,
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


# topics


def _topic_values(topic: Topic) -> dict[str, Any]:
    return {
        "chat_id": topic.chat_id,
        "name": topic.name,
        "keywords": list(topic.keywords),
        "schedule": topic.schedule,
        "at": topic.at.strftime("%H:%M"),
        "weekday": topic.weekday,
        "paused": topic.paused,
        "last_digest_at": topic.last_digest_at,
    }


def topic(row: Row[Any]) -> Topic:
    """A topics row as a Topic."""
    hours, minutes = map(int, row.at.split(":"))
    return Topic(
        chat_id=row.chat_id,
        id=row.id,
        name=row.name,
        keywords=tuple(row.keywords),
        schedule=row.schedule,
        at=time(hours, minutes),
        weekday=row.weekday,
        paused=bool(row.paused),
        last_digest_at=row.last_digest_at,
    )


# the main topic first, then the named ones in the order they were made
TOPIC_ORDER = (topics.c.chat_id, topics.c.name != "", topics.c.id)


def find_topics(conn: Connection, *conditions: Any) -> list[Topic]:
    """Topics matching all `conditions`, chat by chat, each chat's in its order."""
    query = select(topics).where(*conditions).order_by(*TOPIC_ORDER)
    return [topic(row) for row in conn.execute(query)]


def save_topic(conn: Connection, item: Topic) -> Topic:
    """Insert a new topic (id 0) or replace a stored one; the topic as stored."""
    ensure_chat(conn, item.chat_id)
    values = _topic_values(item)
    if item.id:
        conn.execute(topics.update().where(topics.c.id == item.id).values(values))
        return item
    new_id = conn.execute(topics.insert().values(values).returning(topics.c.id)).scalar_one()
    return replace(item, id=int(new_id))


def stamp_topic(conn: Connection, topic_id: int, at: datetime) -> None:
    """The topic's last digest went out at `at`; an earlier stamp never replaces a later."""
    later = or_(topics.c.last_digest_at.is_(None), topics.c.last_digest_at < at)
    conn.execute(topics.update().where(topics.c.id == topic_id, later).values(last_digest_at=at))


def delete_topics(conn: Connection, chat_id: int, ids: Sequence[int]) -> int:
    """Delete these topics of the chat (the main topic is never deleted); how many."""
    if not ids:
        return 0
    stmt = topics.delete().where(
        topics.c.chat_id == chat_id, topics.c.id.in_(list(ids)), topics.c.name != ""
    )
    return int(conn.execute(stmt).rowcount or 0)


def mark_sent(conn: Connection, chat_id: int, doc_ids: Sequence[int], at: datetime) -> None:
    """Record deliveries; sending a document twice to one chat keeps one row."""
    if not doc_ids:
        return
    ensure_chat(conn, chat_id)
    stmt = dialect_insert(conn, deliveries)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=["chat_id", "document_id"],
            set_={"status": "sent", "at": stmt.excluded.at, "owner": None, "lease_until": None},
        ),
        [{"chat_id": chat_id, "document_id": d, "status": "sent", "at": at} for d in doc_ids],
    )


def mark_failed(conn: Connection, chat_id: int, doc_ids: Sequence[int], at: datetime) -> None:
    """Record deliveries given up on (never offered to the chat again); a sent one stays sent."""
    if not doc_ids:
        return
    ensure_chat(conn, chat_id)
    stmt = dialect_insert(conn, deliveries)
    stmt = stmt.on_conflict_do_update(  # a claim becomes the failure; a sent row stays sent
        index_elements=["chat_id", "document_id"],
        set_={"status": "failed", "at": stmt.excluded.at, "owner": None, "lease_until": None},
        where=deliveries.c.status == "claimed",
    )
    rows = [{"chat_id": chat_id, "document_id": d, "status": "failed", "at": at} for d in doc_ids]
    conn.execute(stmt, rows)


__all__ = [
    "deactivate",
    "delete_topics",
    "ensure_chat",
    "find",
    "find_topics",
    "mark_failed",
    "mark_sent",
    "save",
    "save_topic",
    "stamp_topic",
    "subscription",
    "topic",
    "upsert_chat",
]
