"""The scan on a timer: runs at once, never overlaps, refuses a second one, stops cleanly."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
from collections.abc import Awaitable, Callable
from datetime import UTC

import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.scheduling import BUSY, ScanBusy, ScanGuard, add_scan_job, guarded_scan, watch
from bot.settings import Settings

PATIENCE = 10.0  # seconds before a test gives up waiting; never reached when things work


class FakeSummary:
    def line(self) -> str:
        return "2 new, 0 updated, 3 unchanged, 1 duplicates, 0 failed"


class SlowScan:
    """Counts runs and the most scans ever running at once."""

    def __init__(self, runs_wanted: int, seconds: float) -> None:
        self.active = self.most_active = self.runs = 0
        self.seconds = seconds
        self.enough = asyncio.Event()
        self.runs_wanted = runs_wanted

    async def __call__(self) -> FakeSummary:
        self.active += 1
        self.most_active = max(self.most_active, self.active)
        try:
            await asyncio.sleep(self.seconds)
        finally:
            self.active -= 1
        self.runs += 1
        if self.runs >= self.runs_wanted:
            self.enough.set()
        return FakeSummary()


def blocking_scan() -> tuple[Callable[[], Awaitable[str]], asyncio.Event, asyncio.Event]:
    """A scan that starts, then waits for `release`."""
    started, release = asyncio.Event(), asyncio.Event()

    async def scan() -> str:
        started.set()
        await release.wait()
        return "done"

    return scan, started, release


async def test_the_job_never_overlaps_itself() -> None:
    scan = SlowScan(runs_wanted=3, seconds=0.1)
    scheduler = AsyncIOScheduler(timezone=UTC)
    job = add_scan_job(scheduler, scan, interval=0.01)  # fires ten times per scan
    scheduler.start()
    try:
        await asyncio.wait_for(scan.enough.wait(), PATIENCE)
    finally:
        scheduler.shutdown(wait=False)
        await asyncio.sleep(0)  # let the cancelled run unwind
    assert scan.runs >= 3
    assert scan.most_active == 1
    assert (job.max_instances, job.coalesce) == (1, True)


async def test_the_first_scan_runs_right_away() -> None:
    scan = SlowScan(runs_wanted=1, seconds=0)
    scheduler = AsyncIOScheduler(timezone=UTC)
    add_scan_job(scheduler, scan, interval=3600)
    scheduler.start()
    try:
        await asyncio.wait_for(scan.enough.wait(), PATIENCE)
    finally:
        scheduler.shutdown(wait=False)
    assert scan.runs == 1


async def test_the_guard_refuses_a_second_scan_while_one_runs() -> None:
    guard = ScanGuard()
    scan, started, release = blocking_scan()
    first = asyncio.create_task(guard.run(scan))
    await started.wait()
    assert guard.running
    second = SlowScan(runs_wanted=1, seconds=0)
    with pytest.raises(ScanBusy, match=BUSY):
        await guard.run(second)
    assert second.runs == 0
    release.set()
    assert await first == "done"
    assert not guard.running
    await guard.run(second)
    assert second.runs == 1


async def test_the_timer_scan_is_skipped_and_logged_while_a_manual_one_runs(
    caplog: pytest.LogCaptureFixture,
) -> None:
    guard = ScanGuard()
    manual, started, release = blocking_scan()
    timer = SlowScan(runs_wanted=1, seconds=0)
    running = asyncio.create_task(guard.run(manual))
    await started.wait()
    with caplog.at_level(logging.INFO, logger="bot.scheduling"):
        await guarded_scan(guard, timer)()
    release.set()
    await running
    assert timer.runs == 0
    assert f"scan skipped: {BUSY}" in caplog.text


async def test_guarded_scan_survives_failures(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def broken() -> None:
        raise RuntimeError("database is locked")

    with caplog.at_level(logging.INFO, logger="bot.scheduling"):
        await guarded_scan(ScanGuard(), SlowScan(1, 0))()
        assert "scan failed" not in caplog.text
        await guarded_scan(ScanGuard(), broken)()
    assert "scan failed" in caplog.text and "database is locked" in caplog.text


async def test_watch_scans_and_stops_on_the_event() -> None:
    scan = SlowScan(runs_wanted=1, seconds=0)
    stop = asyncio.Event()
    watching = asyncio.create_task(watch(Settings(scan_interval=3600), scan, stop=stop))
    await asyncio.wait_for(scan.enough.wait(), PATIENCE)
    stop.set()
    await asyncio.wait_for(watching, PATIENCE)
    assert scan.runs == 1
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL  # handlers removed again


async def test_watch_cancels_a_running_scan_when_stopped() -> None:
    scan, started, _ = blocking_scan()
    cancelled = asyncio.Event()

    async def endless() -> str:
        try:
            return await scan()
        except asyncio.CancelledError:
            cancelled.set()
            raise

    stop = asyncio.Event()
    watching = asyncio.create_task(
        watch(Settings(scan_interval=3600), endless, stop=stop, grace=0.1)
    )
    await asyncio.wait_for(started.wait(), PATIENCE)
    stop.set()
    await asyncio.wait_for(watching, PATIENCE)
    assert cancelled.is_set()


async def test_a_stopping_guard_lets_the_scan_end_by_itself_within_the_grace() -> None:
    guard, pages = ScanGuard(), []

    async def scan() -> str:
        while not guard.stopping.is_set():  # as ingest does between pages
            pages.append(1)
            await asyncio.sleep(0.01)
        return "ended by itself"

    running = asyncio.create_task(guard.run(scan))
    await asyncio.sleep(0.05)
    await guard.stop(grace=PATIENCE)
    assert running.result() == "ended by itself" and pages
    with pytest.raises(ScanBusy):  # no new scan once stopping
        await guard.run(scan)


async def test_watch_stops_on_sigterm() -> None:
    scan = SlowScan(runs_wanted=1, seconds=0)
    watching = asyncio.create_task(watch(Settings(scan_interval=3600), scan))
    await asyncio.wait_for(scan.enough.wait(), PATIENCE)
    # Only signal once watch's handler is in place: the default action would end pytest.
    assert signal.getsignal(signal.SIGTERM) != signal.SIG_DFL
    os.kill(os.getpid(), signal.SIGTERM)
    await asyncio.wait_for(watching, PATIENCE)
    assert watching.done() and watching.exception() is None
