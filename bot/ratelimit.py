"""Flood limits kept before Telegram enforces them, and updates processed chat by chat.

AIORateLimiter paces all chats together (30/s) and each group (20/min), but not a single
private chat (about 1/s). Hitting that limit costs more than the one message: on a 429
AIORateLimiter holds *every* request for retry_after seconds. So each chat gets a turn,
`interval` seconds apart, before the request joins AIORateLimiter's queue.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from telegram.ext import AIORateLimiter, BaseUpdateProcessor

Result = bool | dict[str, Any] | list[dict[str, Any]]
_MESSAGES = ("send", "edit", "copy", "forward")  # what counts as a message in a chat


class FloodLimiter(AIORateLimiter):
    """AIORateLimiter with one message per `interval` seconds per chat."""

    def __init__(self, *, interval: float = 1.0, **limits: Any) -> None:
        super().__init__(**limits)
        self.interval = interval
        self._chats: dict[Any, _Chat] = {}

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Result:
        """One message at a time per chat, `interval` after the previous one was answered."""
        parent = super().process_request
        chat_id = data.get("chat_id")
        if chat_id is None or self.interval <= 0 or not endpoint.startswith(_MESSAGES):
            return await parent(callback, args, kwargs, endpoint, data, rate_limit_args)
        chat = self._chats.setdefault(chat_id, _Chat())
        chat.users += 1
        try:
            async with chat.lock:
                await asyncio.sleep(chat.free_at - asyncio.get_running_loop().time())
                try:
                    return await parent(callback, args, kwargs, endpoint, data, rate_limit_args)
                finally:  # measured from the answer: the earliest the server can have seen it
                    chat.free_at = asyncio.get_running_loop().time() + self.interval
        finally:
            chat.users -= 1
            if not chat.users:  # idle: forget the chat once its pause is over
                asyncio.get_running_loop().call_at(chat.free_at, self._forget, chat_id, chat)

    def _forget(self, chat_id: Any, chat: _Chat) -> None:
        """Drop an idle chat's state once its pause is over, so 10,000 chats leave no trace."""
        if not chat.users and self._chats.get(chat_id) is chat:
            del self._chats[chat_id]


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
