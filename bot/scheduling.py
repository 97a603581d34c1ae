"""The scan on a timer: never two at once, whether the timer or a person started it."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

from apscheduler.job import Job
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.schedulers.base import BaseScheduler

from bot.settings import Settings

BUSY = "a scan is already running"
SCAN_JOB_ID = "scan"
# Seconds a stopping process lets the page or message in hand finish. Docker sends SIGKILL
# 10 s after SIGTERM; 3 s of grace plus closing the store stays well under 5 s.
STOP_GRACE = 3.0
T = TypeVar("T")
log = logging.getLogger(__name__)


class ScanBusy(RuntimeError):
    """Raised by ScanGuard.run while another scan runs."""

    def __init__(self) -> None:
        super().__init__(BUSY)


class ScanGuard:
    """At most one scan at a time: a second one is refused at once, not queued.

    `stopping` is what a scan reads between pages: set, the scan ends after the page in hand.
    """

    def __init__(self) -> None:
        self._lock = asyncio.Lock()
        self._task: asyncio.Task[Any] | None = None
        self.stopping = asyncio.Event()

    @property
    def running(self) -> bool:
        """True while a scan runs."""
        return self._lock.locked()

    async def run(self, scan: Callable[[], Awaitable[T]]) -> T:
        """Run `scan` unless one is running; raises ScanBusy ("a scan is already running")."""
        # No await between the check and the acquisition: nothing can slip in between.
        if self._lock.locked() or self.stopping.is_set():
            raise ScanBusy
        async with self._lock:
            self._task = asyncio.current_task()
            try:
                return await scan()
            finally:
                self._task = None

    async def stop(self, grace: float = 0.0) -> None:
        """Start no more scans; let the running one finish its page for up to `grace` seconds,
        then cancel it, and wait until it has stopped."""
        self.stopping.set()
        task = self._task
        if task is None or task is asyncio.current_task():
            return
        if grace > 0:
            await asyncio.wait({task}, timeout=grace)
        if not task.done():
            task.cancel()
            await asyncio.wait({task})


def scan_job_options(interval: float) -> dict[str, Any]:
    """APScheduler job options for the scan (also for PTB's `run_repeating(job_kwargs=...)`)."""
    return {
        "max_instances": 1,  # a scan still running when the timer fires is not started again
        "coalesce": True,  # scans missed while the loop was busy run once, not once each
        "misfire_grace_time": max(1, round(interval)),  # late by up to an interval still runs
    }


def add_scan_job(
    scheduler: BaseScheduler, scan: Callable[[], Awaitable[object]], interval: float
) -> Job:
    """Run `scan` now and every `interval` seconds, never overlapping itself."""

    async def job() -> None:  # a coroutine function, so the AsyncIO executor awaits it
        try:
            await scan()
        except asyncio.CancelledError:
            # Only shutdown cancels this task, and nothing awaits it; APScheduler would
            # report the cancellation as a job error with a traceback.
            log.info("scan stopped")

    return scheduler.add_job(
        job,
        "interval",
        seconds=interval,
        id=SCAN_JOB_ID,
        name="scan",
        replace_existing=True,
        next_run_time=datetime.now(UTC),
        **scan_job_options(interval),
    )


def guarded_scan(
    guard: ScanGuard, run_scan: Callable[[], Awaitable[object]]
) -> Callable[[], Awaitable[None]]:
    """The timer's scan: skipped while another runs, failures logged (ingest logs the summary)."""

    async def scan() -> None:
        try:
            await guard.run(run_scan)  # ingest logs the summary line
        except ScanBusy:
            log.info("scan skipped: %s", BUSY)
            return
        except Exception:  # the next tick tries again; the watcher must not die
            log.exception("scan failed")

    return scan


async def watch(
    settings: Settings,
    run_scan: Callable[[], Awaitable[object]],
    *,
    stop: asyncio.Event | None = None,
    guard: ScanGuard | None = None,
    grace: float = STOP_GRACE,
) -> None:
    """Scan now and every settings.scan_interval seconds until `stop` is set, SIGINT or SIGTERM."""
    stop = stop or asyncio.Event()
    guard = guard or ScanGuard()
    loop = asyncio.get_running_loop()
    scheduler = AsyncIOScheduler(timezone=UTC)
    add_scan_job(scheduler, guarded_scan(guard, run_scan), settings.scan_interval)
    installed = _install_signal_handlers(loop, stop)
    scheduler.start()
    log.info(
        "watching %d source(s), a scan every %g s", len(settings.sources), settings.scan_interval
    )
    try:
        await stop.wait()
    finally:
        scheduler.shutdown(wait=False)
        await guard.stop(grace)  # what is stored stays stored: ingest commits per document
        for signum in installed:
            loop.remove_signal_handler(signum)
        log.info("stopped watching")


def _install_signal_handlers(
    loop: asyncio.AbstractEventLoop, stop: asyncio.Event
) -> list[signal.Signals]:
    """Set `stop` on SIGINT/SIGTERM where the platform allows; the signals handled."""
    installed = []
    for signum in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(signum, stop.set)
        except (NotImplementedError, RuntimeError, ValueError):  # Windows, or not main thread
            continue
        installed.append(signum)
    return installed
