"""A chat as the bot knows it: its subscription and topics, read and written as one.

Handlers and buttons change a `Chat` value and hand it back to `save`, which stores the
subscription and the changed topics, then reschedules the chat's digest jobs.
"""

from __future__ import annotations

import asyncio
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from bot.schedules import schedule_chat, unschedule
from bot.store.records import Subscription, Topic
from digests.script import to_simplified

if TYPE_CHECKING:
    from telegram.ext import JobQueue

    from bot.context import Services

MAX_TOPICS = 10  # named topics per chat


@dataclass(frozen=True, slots=True)
class Asker:
    """Who asked, where: what a reply and a new subscription need to know of an update."""

    chat_id: int
    lang: str
    group: bool = False  # a group or supergroup: members and admins differ
    thread_id: int | None = None  # the forum topic asked from


@dataclass(frozen=True, slots=True)
class Chat:
    """A chat's subscription (`stored` False: a default not saved yet) and its topics."""

    sub: Subscription
    topics: tuple[Topic, ...]
    stored: bool = True

    @property
    def main(self) -> Topic:
        return next(t for t in self.topics if t.is_main)

    @property
    def named(self) -> tuple[Topic, ...]:
        return tuple(t for t in self.topics if not t.is_main)

    @property
    def subscribed(self) -> bool:
        return self.stored and self.sub.active

    def topic(self, name: str) -> Topic | None:
        """The named topic called `name` (any script, any case)."""
        key = same_name(name)
        return next((t for t in self.named if same_name(t.name) == key), None)

    def by_id(self, topic_id: int) -> Topic | None:
        """The chat's topic with this id; None for another chat's (a forged button)."""
        return next((t for t in self.topics if t.id == topic_id), None)

    def with_topic(self, topic: Topic) -> Chat:
        """The chat with `topic` replacing the one of the same id (or name), or added."""
        for i, known in enumerate(self.topics):
            if _same(known, topic):
                return replace(self, topics=(*self.topics[:i], topic, *self.topics[i + 1 :]))
        return replace(self, topics=(*self.topics, topic))

    def without(self, topic: Topic) -> Chat:
        """The chat without the named topic `topic`."""
        return replace(self, topics=tuple(t for t in self.topics if t.is_main or t != topic))


def _same(a: Topic, b: Topic) -> bool:
    return (
        (a.id == b.id and a.id != 0)
        or (a.is_main and b.is_main)
        or (not a.is_main and same_name(a.name) == same_name(b.name))
    )


def same_name(name: str) -> str:
    """What topic names are compared by: NFKC, simplified, case-folded."""
    return to_simplified(unicodedata.normalize("NFKC", name)).casefold()


def fresh(services: Services, asker: Asker) -> Chat:
    """The subscription a chat that has none starts from (not stored yet)."""
    settings = services.settings
    sub = Subscription(
        chat_id=asker.chat_id,
        timezone=settings.timezone,
        language=asker.lang,
        thread_id=asker.thread_id,
    )
    return Chat(sub, (Topic(chat_id=asker.chat_id, at=settings.digest_time),), stored=False)


async def load(services: Services, asker: Asker) -> Chat:
    """The chat's stored subscription and topics, or a fresh one."""
    store = services.store
    sub = await asyncio.to_thread(store.subscription, asker.chat_id)
    if sub is None:
        return fresh(services, asker)
    topics = await asyncio.to_thread(store.topics, asker.chat_id)
    sub = replace(sub, language=asker.lang)  # digests speak as the chat was last spoken to
    if asker.thread_id and asker.thread_id != sub.thread_id:
        sub = replace(sub, thread_id=asker.thread_id)  # both saved with the next change
    chat = Chat(sub, tuple(topics))
    return chat if any(t.is_main for t in topics) else chat.with_topic(fresh(services, asker).main)


def restarted(chat: Chat) -> Chat:
    """A chat subscribing again (or for the first time): active, no named topics, all news."""
    main = replace(chat.main, keywords=(), paused=False)
    sub = replace(chat.sub, active=True, paused=False)
    return Chat(sub, (main,), stored=chat.stored)


async def save(
    services: Services, jobs: JobQueue[Any] | None, chat: Chat, changed: Sequence[Topic] = ()
) -> Chat:
    """Store the subscription and the `changed` topics; reschedule; the chat as stored.

    Named topics missing from `chat` that the store still has are deleted.
    """
    store = services.store
    await asyncio.to_thread(store.save_subscription, chat.sub)
    stored = {t.id: t for t in await asyncio.to_thread(store.topics, chat.sub.chat_id)}
    main_id = next(t.id for t in stored.values() if t.is_main)
    for topic in changed:
        await asyncio.to_thread(
            store.save_topic, replace(topic, id=main_id) if topic.is_main else topic
        )
    gone = [i for i, t in stored.items() if not t.is_main and chat.by_id(i) is None]
    await asyncio.to_thread(store.delete_topics, chat.sub.chat_id, gone)
    topics = await asyncio.to_thread(store.topics, chat.sub.chat_id)
    if jobs is not None and services.leading:  # else the leader sees the version move
        for topic_id in gone:
            unschedule(jobs, chat.sub.chat_id, topic_id)
        schedule_chat(jobs, chat.sub, topics)
    return Chat(chat.sub, tuple(topics))


__all__ = ["MAX_TOPICS", "Asker", "Chat", "fresh", "load", "restarted", "same_name", "save"]
