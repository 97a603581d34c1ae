"""Digests on a timer: one JobQueue job per daily/weekly subscription, instant pushes after scans.

The store is the truth: jobs are rebuilt from it at start, and a job reads the subscription
again when it fires, so a job left behind by a change of mind sends nothing wrong.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from bot.context import BotContext, Services
from bot.delivery import Outcome, Sent
from bot.ingest import ScanSummary, scan, scan_locations
from bot.scheduling import guarded_scan

if TYPE_CHECKING:
    from telegram.ext import JobQueue

    from bot.store import Subscription

log = logging.getLogger(__name__)
MISSED_DELAY = 2.0  # seconds after start before a missed digest goes out


def job_name(chat_id: int) -> str:
    return f"digest:{chat_id}"


def is_timed(sub: Subscription) -> bool:
    """Daily and weekly subscriptions that should receive digests now."""
    return sub.active and not sub.paused and sub.schedule in ("daily", "weekly")


def last_slot(sub: Subscription, now: datetime) -> datetime:
    """The latest moment ≤ `now` (UTC) at which the subscription's digest was due."""
    zone = ZoneInfo(sub.timezone)
    local = now.astimezone(zone)
    for back in range(8):
        day = local.date() - timedelta(days=back)
        slot = datetime.combine(day, sub.at, zone)
        if slot <= local and (sub.schedule != "weekly" or day.weekday() == sub.weekday):
            return slot.astimezone(UTC)
    raise ValueError(f"no slot in the last week for {sub}")  # unreachable: 8 days cover a week


def is_missed(sub: Subscription, now: datetime) -> bool:
    """True when a slot passed since the last digest (e.g. while the bot was down)."""
    return (
        is_timed(sub)
        and sub.last_digest_at is not None
        and (sub.last_digest_at < last_slot(sub, now))
    )


def schedule(job_queue: JobQueue[Any], sub: Subscription) -> None:
    """(Re)place the subscription's digest job; none for instant, paused or inactive ones."""
    existing = job_queue.scheduler.get_job(job_name(sub.chat_id))  # by id: O(1), not a scan
    if existing is not None:
        existing.remove()
    if not is_timed(sub):
        return
    days = (((sub.weekday or 0) + 1) % 7,) if sub.schedule == "weekly" else tuple(range(7))
    job_queue.run_daily(
        digest_job,
        sub.at.replace(tzinfo=ZoneInfo(sub.timezone)),
        days=days,  # PTB counts 0 = Sunday
        name=job_name(sub.chat_id),
        chat_id=sub.chat_id,
        job_kwargs={"id": job_name(sub.chat_id), "misfire_grace_time": 600, "coalesce": True},
    )


async def rebuild(job_queue: JobQueue[Any], services: Services, now: datetime) -> int:
    """Schedule every stored subscription; queue one catch-up digest for each that missed."""
    subs = await asyncio.to_thread(services.store.active_subscriptions)
    for sub in subs:
        schedule(job_queue, sub)
        if is_missed(sub, now):
            job_queue.run_once(
                digest_job, MISSED_DELAY, chat_id=sub.chat_id, name=f"missed:{sub.chat_id}"
            )
    return len(subs)


async def digest_job(context: BotContext) -> None:
    """A timed digest firing: send what this chat has not seen yet."""
    assert context.job is not None and context.job.chat_id is not None
    await send_scheduled(context.services, context.job.chat_id, datetime.now(UTC))


async def send_scheduled(services: Services, chat_id: int, now: datetime) -> Outcome | None:
    """Deliver the chat's unseen documents; silent when there are none."""
    store = services.store
    sub = await asyncio.to_thread(store.subscription, chat_id)
    if sub is None or not is_timed(sub):
        return None
    docs = await asyncio.to_thread(store.unseen_documents, chat_id, keywords=sub.keywords)
    outcome = await services.deliverer.deliver(sub, docs)
    if outcome.result is Sent.OK:
        await _stamp(services, chat_id, now)
    return outcome


async def _stamp(services: Services, chat_id: int, at: datetime) -> None:
    """Record when the chat last got its digest (re-read: the user may have changed it)."""
    sub = await asyncio.to_thread(services.store.subscription, chat_id)
    if sub is not None and (sub.last_digest_at is None or sub.last_digest_at < at):
        await asyncio.to_thread(services.store.save_subscription, replace(sub, last_digest_at=at))


async def push_instant(services: Services, since: datetime) -> list[Outcome]:
    """Push each new matching document to 'instant' chats; `since` is when the scan began."""
    store = services.store
    subs = await asyncio.to_thread(store.active_subscriptions)
    jobs = []
    for sub in subs:
        if sub.schedule != "instant" or sub.paused or not sub.active:
            continue
        docs = await asyncio.to_thread(
            store.unseen_documents,
            sub.chat_id,
            keywords=sub.keywords,
            since=min(sub.last_digest_at or since, since),
        )
        if docs:
            jobs.append((sub, docs))
    outcomes = await services.deliverer.fan_out(jobs)
    for outcome in outcomes:
        if outcome.result is Sent.OK:
            await _stamp(services, outcome.chat_id, since)
    return outcomes


async def scan_now(services: Services) -> ScanSummary:
    """One scan of every source, then instant pushes; raises ScanBusy while one runs."""
    return await services.scan_guard.run(partial(_scan_and_push, services))


async def scan_job(context: BotContext) -> None:
    """The repeating scan: skipped while another runs, a failure logged (as `digestbot watch`)."""
    services = context.services
    await guarded_scan(services.scan_guard, partial(_scan_and_push, services))()


async def _scan_and_push(services: Services) -> ScanSummary:
    """Scan the configured and the stored sources, then push to instant chats."""
    started = datetime.now(UTC)
    locations = await asyncio.to_thread(scan_locations, services.settings.sources, services.store)
    stop = services.scan_guard.stopping
    summary = await scan(services.store, locations, fetcher=services.fetcher, stop=stop)
    if not stop.is_set():  # stopping: instant chats get these after the restart
        await push_instant(services, started)
    return summary
