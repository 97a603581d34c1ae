"""What the leading process runs and the others do not: the scan timer and the digest jobs
(see bot.leadership). Any process answers readers; the leader keeps the timers in step with
the store, whichever process took the reader's change."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from bot.context import BotContext, Services
from bot.schedules import rebuild, scan_job
from bot.scheduling import scan_job_options

if TYPE_CHECKING:
    from telegram.ext import JobQueue

log = logging.getLogger(__name__)
SCAN_JOB, VERSION_JOB, LEADERSHIP_JOB = "scan", "schedules", "leadership"
VERSION_EVERY = 5.0  # seconds between the leader's looks at the schedules' version
TIMERS = ("digest:", "missed:")  # the names of the jobs that send digests


async def start(jobs: JobQueue[Any], services: Services, first_scan: float) -> int | None:
    """Lead at once (SQLite), or try for the lead now and every LEADER_TIMEOUT / 3 s;
    the number of chats scheduled when this process leads."""
    leadership = services.leadership
    if leadership.leading:
        return await lead(jobs, services, first_scan)
    every = services.settings.leader_timeout / 3
    jobs.run_repeating(leadership_job, every, first=0, name=LEADERSHIP_JOB, data=first_scan)
    return None


async def leadership_job(context: BotContext) -> None:
    """Take the timers over when the lead comes to this process; drop them when it goes."""
    services, jobs = context.services, context.job_queue
    assert jobs is not None and context.job is not None
    if not await services.leadership.changed():
        return
    if services.leadership.leading:
        first_scan = context.job.data
        assert isinstance(first_scan, float)
        await lead(jobs, services, first_scan)
    else:
        follow(jobs)


async def lead(jobs: JobQueue[Any], services: Services, first_scan: float) -> int:
    """Run the scan on its timer and every topic's digest job; catch up missed digests."""
    services.schedules_seen = await asyncio.to_thread(services.store.schedules_version)
    interval = services.settings.scan_interval
    jobs.run_repeating(
        scan_job, interval, first=first_scan, name=SCAN_JOB, job_kwargs=scan_job_options(interval)
    )
    jobs.run_repeating(schedules_job, VERSION_EVERY, first=VERSION_EVERY, name=VERSION_JOB)
    return await rebuild(jobs, services, datetime.now(UTC))


def follow(jobs: JobQueue[Any]) -> None:
    """Another process leads: no scans and no digests from this one."""
    for job in jobs.jobs():
        if job.name in (SCAN_JOB, VERSION_JOB) or (job.name or "").startswith(TIMERS):
            job.schedule_removal()


async def schedules_job(context: BotContext) -> None:
    """The leader's look at the store: rebuild the digest jobs when a subscription or topic
    changed (in any process) since the last look."""
    services, jobs = context.services, context.job_queue
    assert jobs is not None
    version = await asyncio.to_thread(services.store.schedules_version)
    if version == services.schedules_seen:
        return
    services.schedules_seen = version
    await rebuild(jobs, services, datetime.now(UTC), catch_up=False)


__all__ = ["follow", "lead", "leadership_job", "schedules_job", "start"]
