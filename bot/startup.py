"""What a service checks before it serves: each failure one line naming what to fix.

A traceback tells an operator where the code was, not what to change; these errors say which
setting is wrong and carry the process's exit status, one per kind of failure, so a
supervisor (Docker, systemd) can tell a typo from an outage.
"""

from __future__ import annotations

import asyncio
import enum
import logging
import os
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import urlsplit

from bot.settings import Settings

if TYPE_CHECKING:
    from bot.store import Store
    from bot.store.locks import SessionLock

log = logging.getLogger(__name__)
T = TypeVar("T")
FIRST_WAIT = 1.0  # seconds before the first retry; doubles up to MAX_WAIT
MAX_WAIT = 30.0


class Exit(enum.IntEnum):
    """The process's exit statuses (README, "Running as a service")."""

    OK = 0
    ERROR = 1  # an unexpected error: LOG_LEVEL=DEBUG shows its traceback
    SETTING = 2  # a setting is missing or unusable: the message names it
    TOKEN = 3  # Telegram refused the token, or TELEGRAM_API_URL is not a Bot API
    UNREACHABLE = 4  # the Bot API or the database did not answer within STARTUP_TIMEOUT
    BUSY = 5  # another process already does this: polls this bot, or serves this SQLite file
    INTERRUPTED = 130  # Ctrl-C before the service was up


class StartupError(Exception):
    """A reason not to start: one line for stderr and the exit status that goes with it."""

    def __init__(self, message: str, status: Exit) -> None:
        super().__init__(message)
        self.status = status


class Unavailable(Exception):
    """A service that may come up later: the caller retries."""


def check_local(settings: Settings, *, heartbeat: bool = False) -> None:
    """What can be checked without the network: the database URL, the folders written to
    (the heartbeat's too, for the bot)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        url = make_url(settings.database_url)
        url.get_dialect()  # an unknown scheme, or a driver that is not installed
    except NoSuchModuleError as error:
        raise StartupError(f"DATABASE_URL cannot be used: {error}", Exit.SETTING) from None
    except ArgumentError:
        raise StartupError(
            f"DATABASE_URL is not a database URL: {_url_shape(settings.database_url)} "
            "(e.g. sqlite:///data/digestbot.db or postgresql+psycopg://user@host/db)",
            Exit.SETTING,
        ) from None
    database = url.database or ""
    on_disk = database not in ("", ":memory:") and not database.startswith("file:")  # URIs
    if url.get_backend_name() == "sqlite" and on_disk:
        _writable(Path(database).parent, "DATABASE_URL")
    if heartbeat:
        _writable(Path(settings.heartbeat_file).parent, "HEARTBEAT_FILE")


def _writable(folder: Path, setting: str) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StartupError(
            f"{setting}: cannot create the folder {folder}/ ({error.strerror})", Exit.SETTING
        ) from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StartupError(f"{setting}: the folder {folder}/ is not writable", Exit.SETTING)


def _url_shape(url: str) -> str:
    """The URL with any password hidden: it is printed."""
    parts = urlsplit(url)
    if parts.password:
        return url.replace(f":{parts.password}@", ":***@")
    return url


def open_store_or_exit(settings: Settings) -> Store:
    """Open the store, retrying an unreachable server until STARTUP_TIMEOUT (blocking)."""
    check_local(settings)
    return asyncio.run(retrying("the database", lambda: _open_store(settings), settings))


async def open_store_async(settings: Settings) -> Store:
    """`open_store_or_exit` for callers already on an event loop."""
    check_local(settings)
    return await retrying("the database", lambda: _open_store(settings), settings)


async def _open_store(settings: Settings) -> Store:
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

    from bot.store import open_store

    try:
        return await asyncio.to_thread(open_store, settings.database_url)
    except (ArgumentError, NoSuchModuleError) as error:
        raise StartupError(f"DATABASE_URL cannot be used: {error}", Exit.SETTING) from None
    except OperationalError as error:
        reason = str(error.orig or error).strip().splitlines()[0]
        if make_backend(settings.database_url) == "sqlite":  # a local file: waiting won't help
            raise StartupError(
                f"DATABASE_URL: cannot open the SQLite file ({reason})", Exit.SETTING
            ) from None
        raise Unavailable(f"{_url_shape(settings.database_url)}: {reason}") from None


SQLITE_BUSY = (
    "another digestbot process is using {url}: SQLite serves one process at a time "
    "(stop the other one, or move to PostgreSQL to run several: README, Running at scale)"
)
POLLING_BUSY = (
    "another digestbot process already polls this bot's updates on this database, and "
    "Telegram allows one poller per token: stop it, or run replicas with WEBHOOK_URL"
)


def hold_role(store: Store, *, polling: bool) -> SessionLock | None:
    """The lock that makes this process the one it must be (blocking): on SQLite the only
    process on the file, on PostgreSQL the only poller; StartupError (BUSY) when taken."""
    if store.dialect == "sqlite":
        name, message = "process", SQLITE_BUSY.format(url=_url_shape(str(store.url)))
    elif polling:
        name, message = "polling", POLLING_BUSY
    else:
        return None  # webhook replicas and watch workers on PostgreSQL share the work
    lock = store.lock(name)
    if not lock.acquire():
        raise StartupError(message, Exit.BUSY)
    return lock


def make_backend(database_url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(database_url).get_backend_name()


async def retrying(
    what: str, attempt: Callable[[], Awaitable[T]], settings: Settings, *, first: float = FIRST_WAIT
) -> T:
    """`attempt()` until it stops raising Unavailable; one log line per failed attempt.

    A service must survive the network (or the database) coming up after it does; a wait that
    doubles keeps the log short, and STARTUP_TIMEOUT bounds it so a supervisor hears of it.
    """
    deadline = time.monotonic() + settings.startup_timeout
    wait, tries = first, 0
    while True:
        tries += 1
        try:
            return await attempt()
        except Unavailable as error:
            left = deadline - time.monotonic()
            if left <= 0:
                raise StartupError(
                    f"{what} is unreachable after {tries} attempts over "
                    f"{settings.startup_timeout:.0f} s: {error}",
                    Exit.UNREACHABLE,
                ) from None
            wait = min(wait, left)
            log.warning(
                "%s is unreachable (%s); attempt %d, next in %.0f s", what, error, tries, wait
            )
            await asyncio.sleep(wait)
            wait = min(wait * 2, MAX_WAIT)


async def check_bot_api(settings: Settings) -> str:
    """The bot's username, once the Bot API answers getMe; StartupError when it refuses."""
    return await retrying(
        f"the Bot API at {_host(settings.api_url)}", lambda: _get_me(settings), settings
    )


async def _get_me(settings: Settings) -> str:
    from telegram import Bot
    from telegram.error import InvalidToken, NetworkError, TelegramError

    assert settings.token
    bot = Bot(settings.token, base_url=settings.api_url or DEFAULT_API_URL)
    try:
        async with bot:  # initialize() calls getMe
            return bot.username
    except InvalidToken as error:
        raise StartupError(_refused(settings, error), Exit.TOKEN) from None
    except NetworkError as error:  # TimedOut, connection refused, 502 from a proxy
        raise Unavailable(str(error)) from None
    except TelegramError as error:  # an answer, but not a Bot API's
        raise StartupError(
            f"TELEGRAM_API_URL {_host(settings.api_url)} does not answer as a Bot API ({error})",
            Exit.TOKEN,
        ) from None


DEFAULT_API_URL = "https://api.telegram.org/bot"


def _refused(settings: Settings, error: Exception) -> str:
    """401: the token is wrong; 404: a malformed token, or a TELEGRAM_API_URL off the API."""
    answer = str(error.__cause__ or error)  # PTB's own message repeats the token
    if settings.api_url and "not found" in answer.lower():
        return (
            f"TELEGRAM_API_URL {settings.api_url} answered 404 Not Found: check the URL "
            f"(the token is appended to it, as in {DEFAULT_API_URL}) and TELEGRAM_BOT_TOKEN"
        )
    return "Telegram rejected the token: check TELEGRAM_BOT_TOKEN (from @BotFather)"


def _host(url: str | None) -> str:
    parts = urlsplit(url or DEFAULT_API_URL)
    return f"{parts.scheme}://{parts.netloc}"
