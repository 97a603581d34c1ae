"""The typed context handlers receive: `context.services` instead of string keys in bot_data."""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections import OrderedDict
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeAlias

from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot

from bot.scheduling import ScanGuard
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.delivery import Deliverer
    from bot.leadership import Leadership
    from bot.sharing import Sharing
    from bot.sources import Fetcher
    from bot.store import Store
    from bot.worker import PageWorker


class QueryCache:
    """Recent search queries by a short id, so a page button's callback_data stays ≤ 64 bytes."""

    def __init__(self, size: int = 2048) -> None:
        self._queries: OrderedDict[str, str] = OrderedDict()
        self._size = size

    def put(self, query: str) -> str:
        """Remember `query`; returns its id (10 hex characters, stable for the same query)."""
        key = hashlib.blake2b(query.encode(), digest_size=5).hexdigest()
        self._queries[key] = query
        self._queries.move_to_end(key)
        while len(self._queries) > self._size:
            self._queries.popitem(last=False)
        return key

    def get(self, key: str) -> str | None:
        """The query remembered under `key`, or None once it has been forgotten."""
        return self._queries.get(key)


class SharedQueries:
    """The QueryCache in front of the store: a button pressed on another replica, or after a
    restart, still finds its query (for bot.store.shared.QUERY_DAYS)."""

    def __init__(self, store: Store) -> None:
        self._store, self._cache = store, QueryCache()

    async def put(self, query: str) -> str:
        """Remember `query` here and in the store; its key."""
        key = self._cache.put(query)
        await asyncio.to_thread(self._store.remember_query, key, query)
        return key

    async def get(self, key: str) -> str | None:
        """The query under `key`: from memory, else from the store, else None."""
        found = self._cache.get(key)
        if found is None:
            found = await asyncio.to_thread(self._store.recall_query, key)
            if found is not None:
                self._cache.put(found)
        return found


@dataclass(slots=True, kw_only=True)
class Services:
    """What handlers and jobs use; opened in post_init, closed in post_shutdown."""

    settings: Settings
    store: Store
    fetcher: Fetcher
    deliverer: Deliverer
    leadership: Leadership
    schedules_seen: int = -1  # the schedules' version the leader's jobs were built from
    sharing: Sharing | None = None  # source leases, on PostgreSQL
    worker: PageWorker | None = None  # digests the scans' pages in its own process
    scan_guard: ScanGuard = field(default_factory=ScanGuard)  # one scan at a time
    queries: SharedQueries = field(init=False)
    closers: AsyncExitStack = field(default_factory=AsyncExitStack)  # post_shutdown runs it
    _chat_locks: dict[int, asyncio.Lock] = field(default_factory=dict)

    @property
    def leading(self) -> bool:
        """Whether this process runs the timers (always, on SQLite)."""
        return self.leadership.leading

    def __post_init__(self) -> None:
        self.queries = SharedQueries(self.store)

    def chat_lock(self, chat_id: int) -> asyncio.Lock:
        """One chat's digests one at a time, so two topics due together send a document once."""
        return self._chat_locks.setdefault(chat_id, asyncio.Lock())

    async def wind_down(self, grace: float) -> None:
        """Start nothing new; give the page and the messages in hand `grace` s, then cancel."""
        await asyncio.gather(self.scan_guard.stop(grace), self.deliverer.stop(grace))


class BotData:
    """The application's bot_data: one typed slot, filled by post_init."""

    __slots__ = ("exit_status", "served", "services", "started")

    def __init__(self) -> None:
        self.services: Services | None = None
        self.exit_status = 0  # what `digestbot run` exits with once the application stops
        self.started = time.monotonic()
        self.served = False  # True once an update arrived: this process has been polling


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]):
    """CallbackContext with a typed `.services`."""

    @property
    def services(self) -> Services:
        services = self.bot_data.services
        if services is None:  # only before post_init has run
            raise RuntimeError("services are not open yet")
        return services


BotApplication: TypeAlias = Application[
    ExtBot[None], BotContext, dict[Any, Any], dict[Any, Any], BotData, Any
]
CONTEXT_TYPES = ContextTypes(context=BotContext, bot_data=BotData)
