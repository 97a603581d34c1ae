"""Blocking work in a daemon thread, so a stopping process need not wait for it.

`asyncio.to_thread` uses the loop's executor, whose threads the interpreter joins at exit:
a page that takes 40 s to digest would hold SIGTERM for 40 s. A page is stored in one
transaction, so abandoning the thread that digests it loses nothing but that page, which
the next scan digests again.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


async def in_daemon_thread(function: Callable[..., T], *args: Any) -> T:
    """`function(*args)` in a new daemon thread; cancelling the await abandons the thread."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(result: Any, error: BaseException | None) -> None:
        if future.done():  # cancelled meanwhile
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)

    def target() -> None:
        result, error = None, None
        try:
            result = function(*args)
        except BaseException as raised:  # handed to the awaiting task, which decides
            error = raised
        with contextlib.suppress(RuntimeError):  # the loop closed: nobody waits any more
            loop.call_soon_threadsafe(settle, result, error)

    name = getattr(function, "__name__", "work")
    threading.Thread(target=target, name=name, daemon=True).start()
    return await future
