"""Blocking work in a daemon thread: its result or error comes back; a cancel does not wait."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from bot.threads import in_daemon_thread


async def test_the_result_and_the_error_come_back() -> None:
    assert await in_daemon_thread(sum, [1, 2, 3]) == 6
    with pytest.raises(ZeroDivisionError):
        await in_daemon_thread(lambda: 1 / 0)


async def test_it_runs_in_a_daemon_thread() -> None:
    assert await in_daemon_thread(lambda: threading.current_thread().daemon) is True


async def test_a_cancelled_await_returns_at_once_while_the_thread_runs_on() -> None:
    release, finished = threading.Event(), threading.Event()

    def slow() -> None:
        release.wait(10)
        finished.set()

    task = asyncio.ensure_future(in_daemon_thread(slow))
    await asyncio.sleep(0.05)
    began = time.monotonic()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert time.monotonic() - began < 0.5 and not finished.is_set()
    release.set()
    assert await asyncio.to_thread(finished.wait, 5)
    await asyncio.sleep(0.05)  # the thread's late answer lands on a cancelled future: ignored
