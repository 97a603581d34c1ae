"""Sending: digests split on card boundaries, each message marked sent as soon as it is sent.

Errors are decided here, once: 429 waits and retries (the FloodLimiter first, pausing that
chat only; then here), 403 and "chat not found" deactivate the subscription, "can't parse
entities" resends as plain text, network errors retry with a bounded backoff.
Nothing here raises to a handler.
"""

from __future__ import annotations

import asyncio
import enum
import html
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from telegram import Bot, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter

from bot.ratelimit import MARGIN, retry_seconds
from digests.digest import build_digest
from digests.model import Script
from digests.render import TELEGRAM_LIMIT, render_card_html, render_html

if TYPE_CHECKING:
    from bot.store import Store, StoredDocument, Subscription

log = logging.getLogger(__name__)
MAX_RETRY_AFTER = 8  # 429s honoured per message after the rate limiter's own retries
_TAG = re.compile(r"<[^>]+>")
_GONE = ("chat not found", "bot was kicked", "user is deactivated")


class Sent(enum.Enum):
    OK = "ok"
    GONE = "gone"  # blocked, kicked or deleted: the subscription was deactivated
    FAILED = "failed"  # given up after the bounded retries; nothing was marked
    STOPPED = "stopped"  # the process is stopping: the rest is sent after the restart


@dataclass(frozen=True, slots=True)
class Planned:
    """One message of a digest and the documents whose cards it carries."""

    html: str
    doc_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Outcome:
    chat_id: int
    messages: int  # messages sent
    documents: int  # documents marked sent
    result: Sent


def plan(
    docs: Sequence[StoredDocument], script: str, lang: str, limit: int = TELEGRAM_LIMIT
) -> list[Planned]:
    """Render `docs` as digest messages and say which documents each one carries."""
    digest = build_digest([d.document for d in docs])
    messages = render_html(digest, as_script(script), lang, limit)
    owners: list[list[int]] = [[] for _ in messages]
    for doc in docs:
        owners[_last_holding(messages, doc, script, lang)].append(doc.id)
    return [Planned(m, tuple(ids)) for m, ids in zip(messages, owners, strict=True)]


def _last_holding(messages: Sequence[str], doc: StoredDocument, script: str, lang: str) -> int:
    """The message carrying the document's whole card; else the last (never marked too early)."""
    card = render_card_html(doc.document, as_script(script), lang)
    found = [i for i, message in enumerate(messages) if card in message]
    return found[-1] if found else len(messages) - 1


def as_script(value: str) -> Script:
    return value if value in ("simplified", "traditional") else "original"  # type: ignore[return-value]


def plain(text: str) -> str:
    """The message without markup, for chats where the HTML was refused."""
    return html.unescape(_TAG.sub("", text))


class Deliverer:
    """Sends through `bot` (rate-limited by the Application) and records deliveries in `store`."""

    def __init__(
        self,
        bot: Bot,
        store: Store,
        *,
        network_retries: int = 3,
        backoff: float = 1.0,
        planner: Callable[[Sequence[StoredDocument], str, str], list[Planned]] = plan,
    ) -> None:
        self.bot = bot
        self.store = store
        self.network_retries = network_retries
        self.backoff = backoff
        self.planner = planner
        self._plans: dict[tuple[Any, ...], list[Planned]] = {}
        self.stopping = False
        self._active: set[asyncio.Task[Any]] = set()  # tasks inside deliver()

    async def stop(self, grace: float = 0.0) -> None:
        """Send no more; let messages in flight finish (and be marked) for up to `grace` s.

        A message cancelled after that may have reached Telegram unmarked: it is sent again
        after the restart, the one repeat the README's "At least once" allows.
        """
        self.stopping = True
        active = {task for task in self._active if task is not asyncio.current_task()}
        if active and grace > 0:
            await asyncio.wait(active, timeout=grace)
        for task in active:
            task.cancel()
        if active:
            await asyncio.wait(active)

    async def send(
        self, chat_id: int, text: str, *, thread_id: int | None = None, **kwargs: Any
    ) -> Sent:
        """Send one HTML message, handling every Telegram answer; never raises TelegramError."""
        options = {"parse_mode": ParseMode.HTML, "message_thread_id": thread_id, **kwargs}
        network_failures = retry_afters = 0
        while True:
            try:
                await self.bot.send_message(chat_id, text, **options)
                return Sent.OK
            except RetryAfter as error:  # the limiter's retries ran out: keep honouring
                retry_afters += 1
                if retry_afters > MAX_RETRY_AFTER:
                    return self._failed(chat_id, error)
                await asyncio.sleep(retry_seconds(error) + MARGIN)
            except Forbidden as error:
                return await self._gone(chat_id, error)
            except ChatMigrated as error:
                return self._failed(chat_id, error)
            except BadRequest as error:
                reason = error.message.lower()
                if any(marker in reason for marker in _GONE):
                    return await self._gone(chat_id, error)
                if "can't parse entities" in reason and options["parse_mode"]:
                    text, options["parse_mode"] = plain(text), None
                elif "thread not found" in reason and options["message_thread_id"]:
                    options["message_thread_id"] = None  # the topic was deleted: post in the chat
                else:
                    return self._failed(chat_id, error)
            except NetworkError as error:
                network_failures += 1
                if network_failures > self.network_retries:
                    return self._failed(chat_id, error)
                await asyncio.sleep(self.backoff * 2 ** (network_failures - 1))

    def _plan(self, docs: Sequence[StoredDocument], script: str, lang: str) -> list[Planned]:
        """Plan once per (documents, script, language): a fan-out renders one digest, not 10,000."""
        key = (tuple(d.id for d in docs), script, lang)
        if key not in self._plans:
            if len(self._plans) >= 64:
                self._plans.clear()
            self._plans[key] = self.planner(docs, script, lang)
        return self._plans[key]

    async def _gone(self, chat_id: int, error: Exception) -> Sent:
        log.info("chat %s is gone (%s): deactivating", chat_id, error)
        await asyncio.to_thread(self.store.deactivate, chat_id, str(error)[:200])
        return Sent.GONE

    def _failed(self, chat_id: int, error: Exception) -> Sent:
        log.warning("sending to chat %s failed: %s", chat_id, error)
        return Sent.FAILED

    async def deliver(self, sub: Subscription, docs: Sequence[StoredDocument]) -> Outcome:
        """Send `docs` to the subscription's chat; each message's documents marked right after."""
        planned = self._plan(docs, sub.script, sub.language) if docs else []
        task = asyncio.current_task()
        assert task is not None  # a coroutine always runs in a task
        self._active.add(task)
        try:
            return await self._deliver(sub, planned)
        finally:
            self._active.discard(task)

    async def _deliver(self, sub: Subscription, planned: Sequence[Planned]) -> Outcome:
        sent = marked = 0
        for message in planned:  # paced per chat by the Application's FloodLimiter
            if self.stopping:
                return Outcome(sub.chat_id, sent, marked, Sent.STOPPED)
            result = await self.send(
                sub.chat_id,
                message.html,
                thread_id=sub.thread_id,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
            if result is not Sent.OK:
                return Outcome(sub.chat_id, sent, marked, result)
            await asyncio.to_thread(self.store.mark_sent, sub.chat_id, message.doc_ids)
            sent, marked = sent + 1, marked + len(message.doc_ids)
        return Outcome(sub.chat_id, sent, marked, Sent.OK)

    async def fan_out(
        self, jobs: Sequence[tuple[Subscription, Sequence[StoredDocument]]], concurrency: int = 64
    ) -> list[Outcome]:
        """Deliver to many chats at once; the Application's rate limiter paces the sends.

        A fixed pool of workers, not a task per chat: 10,000 waiting coroutines make the
        garbage collector stall the loop, and a stalled loop sends in bursts that trip 429s.
        """
        todo = iter(enumerate(jobs))
        outcomes: list[Outcome | None] = [None] * len(jobs)

        async def worker() -> None:
            for index, (sub, docs) in todo:  # shared iterator: each job taken once
                if self.stopping:
                    return
                try:
                    outcomes[index] = await self.deliver(sub, docs)
                except Exception:  # one chat's surprise must not stop the others
                    log.exception("delivery to chat %s failed", sub.chat_id)
                    outcomes[index] = Outcome(sub.chat_id, 0, 0, Sent.FAILED)

        await asyncio.gather(*(worker() for _ in range(min(concurrency, len(jobs)))))
        return [outcome for outcome in outcomes if outcome is not None]
