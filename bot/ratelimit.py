"""Flood limits kept before Telegram enforces them, and updates processed chat by chat.

PTB's AIORateLimiter paces all chats together (a leaky bucket) and each group (20/min), but
not a single private chat (about 1/s), and on any 429 it holds *every* request for
retry_after seconds. Telegram's retry_after applies to the request's chat, so the
FloodLimiter here, on PTB's public `BaseRateLimiter`, keeps the same buckets (aiolimiter's,
`Buckets`), paces each chat, and on a 429 pauses that chat only (its next message, the retry
included, waits retry_after); everyone waits only when many chats are refused at once (the
bot as a whole is over) or the request was not a message to a chat (an inline answer, a
getChatMember: nothing narrower to pause).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import warnings
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine
from datetime import timedelta
from functools import partial
from typing import Any

from aiolimiter import AsyncLimiter
from telegram.constants import FloodLimit
from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter, BaseUpdateProcessor
from telegram.warnings import PTBDeprecationWarning

log = logging.getLogger(__name__)
Place = contextlib.AbstractAsyncContextManager[Any]  # a bucket, held while a request is sent
_NONE: Place = contextlib.nullcontext()
Result = bool | dict[str, Any] | list[dict[str, Any]]
_MESSAGES = ("send", "edit", "copy", "forward")  # what counts as a message in a chat
MARGIN = 0.1  # seconds added to every retry_after: our clock starts after the server's did
STORM_WINDOW = 1.0  # seconds over which refusals of different chats are counted


def retry_seconds(error: RetryAfter) -> float:
    """The wait Telegram asked for, whether PTB gives it as a timedelta or as seconds.

    PTB 22 returns an int (with a deprecation warning) unless PTB_TIMEDELTA is set, and a
    timedelta when it is: the bot reads both and never depends on the variable.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        wait: object = error.retry_after
    if isinstance(wait, timedelta):
        return wait.total_seconds()
    return float(wait) if isinstance(wait, int | float) else 1.0


class FloodLimiter(BaseRateLimiter[int]):
    """Telegram's buckets, one message per `interval` per chat, 429s paused per chat.

    The only layer that retries a 429 (up to `max_retries` times, or the request's
    `rate_limit_args`); a 429 past that reaches the caller, who does not retry it.
    `storm`: refusals of that many different chats within a second hold every request for
    the retry_after (Telegram is refusing the bot, not a chat).
    """

    def __init__(
        self,
        *,
        interval: float = 1.0,
        storm: int = 3,
        overall_max_rate: float = FloodLimit.MESSAGES_PER_SECOND,
        overall_time_period: float = 1,
        group_max_rate: float = FloodLimit.MESSAGES_PER_MINUTE_PER_GROUP,
        group_time_period: float = 60,
        max_retries: int = 0,
    ) -> None:
        self.buckets = Buckets(
            overall_max_rate, overall_time_period, group_max_rate, group_time_period
        )
        self.interval = interval
        self.storm = storm
        self.max_retries = max_retries
        self.holds = 0  # times every request was held (a storm or a chatless 429)
        self._chats: dict[Any, _Chat] = {}
        self._refused: deque[tuple[float, Any]] = deque()  # (when, chat id) of recent 429s
        self._held_until = 0.0
        self._open = asyncio.Event()  # cleared while every request is held
        self._open.set()

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Result:
        """Send through the buckets; each chat's messages one at a time, `interval` apart."""
        chat_id = data.get("chat_id")
        paid = bool(data.get("allow_paid_broadcast"))
        request = partial(self._send, chat_id, paid, callback, args, kwargs)
        retries = rate_limit_args or self.max_retries
        if chat_id is None or not endpoint.startswith(_MESSAGES):
            return await self._attempts(request, None, None, retries)
        chat = self._chats.setdefault(chat_id, _Chat())
        chat.users += 1
        try:
            async with chat.lock:
                return await self._attempts(request, chat_id, chat, retries)
        finally:
            chat.users -= 1
            if not chat.users:  # idle: forget the chat once its pause is over
                asyncio.get_running_loop().call_at(chat.free_at, self._forget, chat_id, chat)

    async def _send(
        self,
        chat_id: Any,
        paid: bool,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
    ) -> Result:
        """One request: through its buckets, then past a hold, if one is on."""
        outer, inner = self.buckets.of(chat_id, paid=paid)
        async with outer, inner:
            await self._open.wait()
            return await callback(*args, **kwargs)

    async def _attempts(
        self,
        request: Callable[[], Awaitable[Result]],
        chat_id: Any,
        chat: _Chat | None,
        retries: int,
    ) -> Result:
        """The request, retried after each 429 up to `retries` times."""
        loop = asyncio.get_running_loop()
        attempt = 0
        while True:
            if chat is not None:
                await asyncio.sleep(chat.free_at - loop.time())
            try:
                return await request()
            except RetryAfter as error:
                self._pause(chat_id, chat, retry_seconds(error) + MARGIN)
                if attempt >= retries:
                    raise
                attempt += 1
            finally:  # measured from the answer: the earliest the server can have seen it
                if chat is not None:
                    chat.free_at = max(chat.free_at, loop.time() + self.interval)

    def _pause(self, chat_id: Any, chat: _Chat | None, wait: float) -> None:
        """Honour a 429: the chat waits `wait`; everyone does in a storm or without a chat."""
        now = asyncio.get_running_loop().time()
        log.info("429 for chat %s: pausing it %.1f s", chat_id, wait)
        if chat is not None:
            chat.free_at = max(chat.free_at, now + wait)
            self._refused.append((now, chat_id))
            while self._refused[0][0] < now - STORM_WINDOW:
                self._refused.popleft()
            if len({refused for _, refused in self._refused}) < self.storm:
                return
        self._hold(now + wait)

    def _hold(self, until: float) -> None:
        """Hold every request until `until`."""
        if until <= self._held_until:
            return
        self._held_until = until
        self.holds += 1
        self._open.clear()
        asyncio.get_running_loop().call_at(until, self._release)

    def _release(self) -> None:
        loop = asyncio.get_running_loop()
        if loop.time() < self._held_until - 0.001:  # a later hold extended this one
            loop.call_at(self._held_until, self._release)
        else:
            self._open.set()

    def _forget(self, chat_id: Any, chat: _Chat) -> None:
        """Drop an idle chat's state once its pause is over, so 10,000 chats leave no trace."""
        if not chat.users and self._chats.get(chat_id) is chat:
            del self._chats[chat_id]


class Buckets:
    """Telegram's published limits as leaky buckets (aiolimiter), as AIORateLimiter keeps them.

    Every message to a chat goes through the overall bucket, one to a group (or a channel:
    a negative id or an @name) through that group's too; paid broadcasts have their own.
    Requests without a chat (getMe, answerInlineQuery) are not counted.
    """

    def __init__(
        self, overall_rate: float, overall_period: float, group_rate: float, group_period: float
    ) -> None:
        self.overall = AsyncLimiter(overall_rate, overall_period) if overall_rate else None
        self.group_rate, self.group_period = group_rate, group_period
        self.groups: dict[int | str, AsyncLimiter] = {}
        self.paid = AsyncLimiter(FloodLimit.PAID_MESSAGES_PER_SECOND, 1)

    def of(self, chat_id: Any, *, paid: bool = False) -> tuple[Place, Place]:
        """The request's buckets, outer first (a group's, then the overall one), to hold a
        place in while it is sent; `nullcontext` where none applies."""
        if chat_id is None:
            return _NONE, _NONE
        if paid:
            return self.paid, _NONE
        group = _group(chat_id)
        by_group = self._of_group(group) if group is not False and self.group_rate else _NONE
        return by_group, self.overall or _NONE

    def _of_group(self, group: int | str) -> AsyncLimiter:
        """The group's bucket; with many, the empty ones (as good as new) are dropped."""
        if len(self.groups) > 512:
            for key, bucket in list(self.groups.items()):
                if key != group and bucket.has_capacity(bucket.max_rate):
                    del self.groups[key]
        if group not in self.groups:
            self.groups[group] = AsyncLimiter(self.group_rate, self.group_period)
        return self.groups[group]


def _group(chat_id: Any) -> int | str | bool:
    """The group a chat id names, as AIORateLimiter reads it (negative or @name), else False."""
    with contextlib.suppress(ValueError, TypeError):
        chat_id = int(chat_id)
    if (isinstance(chat_id, int) and chat_id < 0) or isinstance(chat_id, str):
        return chat_id
    return False


class _Chat:
    """One chat's turn: a lock (one message in flight) and when the next may leave."""

    __slots__ = ("free_at", "lock", "users")

    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.free_at = 0.0
        self.users = 0


class PerChatUpdates(BaseUpdateProcessor):
    """Updates of different chats run concurrently; one chat's updates run in order.

    In order per chat, because `/subscribe` then `/schedule` both rewrite the chat's
    subscription; concurrently across chats, so one chat's paced replies never hold up
    another's.
    """

    def __init__(self, max_concurrent_updates: int = 256) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Run the update's handlers once its chat's earlier updates are done."""
        chat = getattr(update, "effective_chat", None)
        if chat is None:  # inline queries and the like: no order to keep
            await coroutine
            return
        lock = self._locks.setdefault(chat.id, asyncio.Lock())
        try:
            async with lock:
                await coroutine
        finally:
            if not lock.locked() and self._locks.get(chat.id) is lock:
                del self._locks[chat.id]  # no one waits: a later update makes a new lock

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""
