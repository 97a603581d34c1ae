"""Digests asked for (/digest, 更多): which documents, and whether they count as delivered.

In a private chat or a channel a /digest is a delivery: what it shows is marked sent. In a
group it is a look: a member (or an admin) sees the digest, and the group's own schedule
still sends each document once. 更多 under a digest sends its next batch, the same way.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from bot import texts
from bot.cards import View
from bot.chats import Asker, Chat
from bot.delivery import Outcome, view_of
from bot.parsing import DigestRequest

if TYPE_CHECKING:
    from bot.context import Services

LIMIT = 50  # documents read for one batch


@dataclass(frozen=True, slots=True)
class Ask:
    """One digest request: keywords (the chat's when none), a window of days, where from."""

    keywords: tuple[str, ...]
    days: int | None
    mark: bool  # a delivery (marked sent), or a look (a group's /digest)

    @property
    def unseen(self) -> bool:
        return self.days is None  # "the last N days" means them, sent before or not

    def encode(self) -> str:
        return f"{self.days or ''}|{int(self.mark)}|{' '.join(self.keywords)}"

    @classmethod
    def decode(cls, value: str) -> Ask:
        days, mark, words = value.split("|", 2)
        return cls(tuple(words.split()), int(days) if days else None, mark == "1")


def ask_of(request: DigestRequest, chat: Chat, asker: Asker) -> Ask:
    return Ask(request.keywords or chat.main.keywords, request.days, not asker.group)


async def send(
    services: Services, chat: Chat, asker: Asker, ask: Ask, offset: int = 0
) -> Outcome | None:
    """The next batch of the request, sent; None when nothing is left."""
    since = datetime.now(UTC) - timedelta(days=ask.days) if ask.days else None
    moving = not ask.mark or not ask.unseen  # what was shown stays in the results
    docs = await asyncio.to_thread(
        services.store.digest_documents,
        chat.sub.chat_id,
        keywords=ask.keywords,
        published=since,
        unseen=ask.unseen,
        limit=LIMIT,
        offset=offset if moving else 0,
    )
    if not docs:
        return None
    key = await services.queries.put(ask.encode())
    view = View(
        script=chat.sub.script,
        lang=asker.lang,
        keywords=ask.keywords,
        more=f"mo:q:{key}:" + ("{offset}" if moving else "0"),
        offset=offset if moving else 0,
        note="" if ask.mark else texts.text(asker.lang, "digest_look"),
    )
    sub = replace(chat.sub, thread_id=asker.thread_id or chat.sub.thread_id)
    return await services.deliverer.deliver(sub, docs, view=view, mark=ask.mark, claim=ask.unseen)


async def send_topic(services: Services, chat: Chat, asker: Asker, topic_id: int) -> Outcome | None:
    """The next batch of a scheduled digest's topic (its 更多); None when nothing is left."""
    topic = chat.by_id(topic_id)
    if topic is None:
        return None
    docs = await asyncio.to_thread(
        services.store.unseen_documents, chat.sub.chat_id, keywords=topic.keywords, limit=LIMIT
    )
    if not docs:
        return None
    view = replace(view_of(chat.sub, topic), lang=asker.lang)
    return await services.deliverer.deliver(chat.sub, docs, topic, view=view)


__all__ = ["Ask", "ask_of", "send", "send_topic"]
