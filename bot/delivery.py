"""Sending: digests split on card boundaries, each message marked sent as soon as it is sent.

Errors are decided here, once: a 429 the FloodLimiter's retries (the only 429 layer) could not
get past fails the message (the next scan offers it again), 403 and "chat not found"
deactivate the subscription, "can't parse entities" resends as plain text, transport failures
retry with a bounded backoff (`_Tries`), and one that may have reached the reader is sent at
most twice, then marked failed. Nothing here raises to a handler.
"""

from __future__ import annotations

import asyncio
import enum
import html
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from telegram import Bot, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
)

from bot.attempts import Attempt, attempt_of
from bot.cards import Planned, View, plan
from bot.sharing import identity

if TYPE_CHECKING:
    from bot.store import Store, StoredDocument, Subscription, Topic

log = logging.getLogger(__name__)
_TAG = re.compile(r"<[^>]+>")
_GONE = ("chat not found", "bot was kicked", "user is deactivated")


class Sent(enum.Enum):
    OK = "ok"
    GONE = "gone"  # blocked, kicked or deleted: the subscription was deactivated
    FAILED = "failed"  # not sent, nothing marked: the next scan offers it again
    LOST = "lost"  # maybe delivered, answers lost: marked failed, never offered again (send only)
    STOPPED = "stopped"  # the process is stopping: the rest is sent after the restart
    HELD = "held"  # some documents are another process's to send now: offered again later


@dataclass(frozen=True, slots=True)
class Outcome:
    chat_id: int
    messages: int  # messages sent
    documents: int  # documents marked sent
    result: Sent
    topic_id: int = 0  # the topic delivered, when one was


Job = (
    tuple["Subscription", Sequence["StoredDocument"]]
    | tuple["Subscription", Sequence["StoredDocument"], "Topic | None"]
)


def view_of(sub: Subscription, topic: Topic | None = None) -> View:
    """How the subscription's chat reads a digest of this topic."""
    if topic is None:
        return View(script=sub.script, lang=sub.language)
    return View(
        script=sub.script,
        lang=sub.language,
        keywords=topic.keywords,
        topic=topic.name,
        more=f"mo:t:{topic.id}",
    )


class _Tries:
    """One message's transport failures, and when to stop.

    A request that never reached Telegram, or that it refused with a 5xx, is tried again up
    to `retries` times. One that went out and got no readable answer (a read timeout, a
    connection closed after the request, a body that is not JSON) may have been delivered:
    it is tried once more, never twice, so a reader sees at most one repeat; and once such a
    message is given up on it is marked, since the next scan would offer it again.
    """

    def __init__(self, retries: int) -> None:
        self.retries = retries
        self.count = 0  # failed attempts so far
        self.unsure = 0  # of them, ones that may have been delivered

    def failed(self, attempt: Attempt) -> Sent | None:
        """Count one failed attempt; the result to give up with, or None to try again."""
        self.count += 1
        self.unsure += attempt is Attempt.UNSURE
        if self.unsure > 1 or (self.unsure and self.count > self.retries):
            return Sent.LOST
        return Sent.FAILED if self.count > self.retries else None


def _transport(error: TelegramError) -> bool:
    """A failure on the way, not an answer: a NetworkError, or a body PTB could not parse."""
    return isinstance(error, NetworkError) or type(error) is TelegramError


def _reported(result: Sent) -> Sent:
    """What callers of deliver() see: a message given up on is a failure like any other."""
    return Sent.FAILED if result is Sent.LOST else result


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
        planner: Callable[[Sequence[StoredDocument], View], list[Planned]] = plan,
        owner: str | None = None,
        claim_lease: float = 120.0,
    ) -> None:
        self.bot = bot
        self.owner = owner or identity()  # whose claims on deliveries (bot.store.claims)
        self.claim_lease = claim_lease  # seconds a dead process's claims keep others off
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
        tries = _Tries(self.network_retries)
        while True:
            try:
                await self.bot.send_message(chat_id, text, **options)
                return Sent.OK
            except RetryAfter as error:  # the limiter's retries (the one 429 layer) ran out
                return self._failed(chat_id, error)
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
            except TelegramError as error:
                if not _transport(error):
                    return self._failed(chat_id, error)
                if (given_up := tries.failed(attempt_of(error))) is not None:
                    return self._failed(chat_id, error, given_up, tries.count)
                log.info("sending to chat %s failed (%s), trying again", chat_id, error)
                await asyncio.sleep(self.backoff * 2 ** (tries.count - 1))

    def _plan(self, docs: Sequence[StoredDocument], view: View) -> list[Planned]:
        """Plan once per (documents, view): a fan-out renders one digest, not 10,000."""
        key = (tuple(d.id for d in docs), view)
        if key not in self._plans:
            if len(self._plans) >= 64:
                self._plans.clear()
            self._plans[key] = self.planner(docs, view)
        return self._plans[key]

    async def _gone(self, chat_id: int, error: Exception) -> Sent:
        log.info("chat %s is gone (%s): deactivating", chat_id, error)
        await asyncio.to_thread(self.store.deactivate, chat_id, str(error)[:200])
        return Sent.GONE

    def _failed(
        self, chat_id: int, error: Exception, result: Sent = Sent.FAILED, tries: int = 1
    ) -> Sent:
        if result is Sent.LOST:  # logged here once: the documents are marked, never retried
            log.warning("gave up sending to chat %s after %d tries: %s", chat_id, tries, error)
        else:
            log.warning("sending to chat %s failed: %s", chat_id, error)
        return result

    async def deliver(
        self,
        sub: Subscription,
        docs: Sequence[StoredDocument],
        topic: Topic | None = None,
        *,
        view: View | None = None,
        mark: bool = True,
        claim: bool = True,
    ) -> Outcome:
        """Send `docs` to the subscription's chat; each message's documents marked right after.

        The documents are claimed first (`claim`), so another process delivering to the chat
        at the same moment sends none of them again; what is not sent is given back after.
        `claim=False` for documents sent before on purpose (`/digest 7d`). `mark=False` shows
        without marking (a member's /digest in a group: a look, not the group's delivery);
        `view` overrides how the digest is composed.
        """
        claimed: list[int] = []
        held = False  # another process has some of them: the caller must not stamp the topic
        if mark and claim and docs:
            ids = [d.id for d in docs]
            mine = await asyncio.to_thread(
                self.store.claim, sub.chat_id, ids, self.owner, lease=self.claim_lease
            )
            docs, claimed, held = (
                [d for d in docs if d.id in mine],
                sorted(mine),
                len(mine) < len(ids),
            )
        planned = self._plan(docs, view or view_of(sub, topic)) if docs else []
        task = asyncio.current_task()
        assert task is not None  # a coroutine always runs in a task
        self._active.add(task)
        try:
            outcome = await self._deliver(sub, planned, mark)
        finally:
            self._active.discard(task)
            if claimed:  # the sent ones are marked already; the rest go back
                await asyncio.to_thread(self.store.release, sub.chat_id, claimed, self.owner)
        if held and outcome.result is Sent.OK:
            outcome = replace(outcome, result=Sent.HELD)
        return replace(outcome, topic_id=topic.id if topic else 0)

    async def _deliver(
        self, sub: Subscription, planned: Sequence[Planned], mark: bool = True
    ) -> Outcome:
        sent = marked = 0
        for message in planned:  # paced per chat by the Application's FloodLimiter
            if self.stopping:
                return Outcome(sub.chat_id, sent, marked, Sent.STOPPED)
            extra = {"reply_markup": message.markup} if message.markup else {}
            result = await self.send(
                sub.chat_id,
                message.html,
                thread_id=sub.thread_id,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
                **extra,
            )
            if result is Sent.LOST and mark:  # given up: not offered to this chat again
                await asyncio.to_thread(self.store.mark_failed, sub.chat_id, message.doc_ids)
            if result is not Sent.OK:
                return Outcome(sub.chat_id, sent, marked, _reported(result))
            if mark:
                await asyncio.to_thread(self.store.mark_sent, sub.chat_id, message.doc_ids)
            sent, marked = sent + 1, marked + len(message.doc_ids)
        return Outcome(sub.chat_id, sent, marked, Sent.OK)

    async def fan_out(self, jobs: Sequence[Job], concurrency: int = 64) -> list[Outcome]:
        """Deliver to many chats at once; the Application's rate limiter paces the sends.

        A fixed pool of workers, not a task per chat: 10,000 waiting coroutines make the
        garbage collector stall the loop, and a stalled loop sends in bursts that trip 429s.
        """
        todo = iter(enumerate(jobs))
        outcomes: list[Outcome | None] = [None] * len(jobs)

        async def worker() -> None:
            for index, (sub, docs, *topic) in todo:  # shared iterator: each job taken once
                if self.stopping:
                    return
                try:
                    outcomes[index] = await self.deliver(sub, docs, *topic)
                except Exception:  # one chat's surprise must not stop the others
                    log.exception("delivery to chat %s failed", sub.chat_id)
                    outcomes[index] = Outcome(sub.chat_id, 0, 0, Sent.FAILED)

        await asyncio.gather(*(worker() for _ in range(min(concurrency, len(jobs)))))
        return [outcome for outcome in outcomes if outcome is not None]
