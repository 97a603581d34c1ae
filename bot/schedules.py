"""Digests on a timer: one JobQueue job per daily/weekly topic, instant pushes after scans.

The store is the truth: jobs are rebuilt from it at start, and a job reads its topic
again when it fires, so a job left behind by a change of mind sends nothing wrong.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from bot.context import BotContext, Services
from bot.delivery import Job, Outcome, Sent
from bot.ingest import ScanSummary, scan, scan_locations
from bot.scheduling import guarded_scan

if TYPE_CHECKING:
    from telegram.ext import JobQueue

    from bot.store import Subscription, Topic

log = logging.getLogger(__name__)
MISSED_DELAY = 2.0  # seconds after start before a missed digest goes out


def job_name(chat_id: int, topic_id: int) -> str:
    return f"digest:{chat_id}:{topic_id}"


def is_timed(sub: Subscription, topic: Topic) -> bool:
    """Daily and weekly topics that should receive digests now."""
    live = sub.active and not sub.paused and not topic.paused
    return live and topic.schedule in ("daily", "weekly")


def last_slot(topic: Topic, timezone: str, now: datetime) -> datetime:
    """The latest moment ≤ `now` (UTC) at which the topic's digest was due."""
    zone = ZoneInfo(timezone)
    local = now.astimezone(zone)
    for back in range(8):
        day = local.date() - timedelta(days=back)
        slot = datetime.combine(day, topic.at, zone)
        if slot <= local and (topic.schedule != "weekly" or day.weekday() == topic.weekday):
            return slot.astimezone(UTC)
    raise ValueError(f"no slot in the last week for {topic}")  # unreachable: 8 days cover a week


def is_missed(sub: Subscription, topic: Topic, now: datetime) -> bool:
    """True when a slot passed since the topic's last digest (e.g. while the bot was down)."""
    return (
        is_timed(sub, topic)
        and topic.last_digest_at is not None
        and topic.last_digest_at < last_slot(topic, sub.timezone, now)
    )


def unschedule(job_queue: JobQueue[Any], chat_id: int, topic_id: int) -> None:
    """Remove the topic's digest job, if it has one."""
    existing = job_queue.scheduler.get_job(job_name(chat_id, topic_id))  # by id: O(1)
    if existing is not None:
        existing.remove()


def schedule(job_queue: JobQueue[Any], sub: Subscription, topic: Topic) -> None:
    """(Re)place the topic's digest job; none for instant, paused or inactive ones."""
    unschedule(job_queue, sub.chat_id, topic.id)
    if not is_timed(sub, topic):
        return
    days = (((topic.weekday or 0) + 1) % 7,) if topic.schedule == "weekly" else tuple(range(7))
    name = job_name(sub.chat_id, topic.id)
    job_queue.run_daily(
        digest_job,
        topic.at.replace(tzinfo=ZoneInfo(sub.timezone)),
        days=days,  # PTB counts 0 = Sunday
        name=name,
        chat_id=sub.chat_id,
        data=topic.id,
        job_kwargs={"id": name, "misfire_grace_time": 600, "coalesce": True},
    )


def schedule_chat(job_queue: JobQueue[Any], sub: Subscription, topics: Sequence[Topic]) -> None:
    """(Re)place the jobs of every topic of the chat."""
    for topic in topics:
        schedule(job_queue, sub, topic)


async def rebuild(
    job_queue: JobQueue[Any], services: Services, now: datetime, *, catch_up: bool = True
) -> int:
    """Schedule every stored topic, dropping the jobs of topics gone; with `catch_up`, queue
    one catch-up digest for each that missed its slot; the number of chats scheduled."""
    pairs = await asyncio.to_thread(services.store.scheduled_topics)
    wanted = {job_name(sub.chat_id, topic.id) for sub, topic in pairs}
    for job in job_queue.jobs():
        if (job.name or "").startswith("digest:") and job.name not in wanted:
            job.schedule_removal()
    for sub, topic in pairs:
        schedule(job_queue, sub, topic)
        if catch_up and is_missed(sub, topic, now):
            job_queue.run_once(
                digest_job,
                MISSED_DELAY,
                chat_id=sub.chat_id,
                data=topic.id,
                name=f"missed:{sub.chat_id}:{topic.id}",
            )
    return len({sub.chat_id for sub, _ in pairs})


async def digest_job(context: BotContext) -> None:
    """A timed digest firing: send what this chat has not seen yet."""
    job = context.job
    assert job is not None and job.chat_id is not None and isinstance(job.data, int)
    await send_scheduled(context.services, job.chat_id, job.data, datetime.now(UTC))


async def send_scheduled(
    services: Services, chat_id: int, topic_id: int, now: datetime
) -> Outcome | None:
    """Deliver the topic's unseen documents; silent when there are none.

    Topics of the chat due at the same moment go together, in the chat's topic order, so
    a document matching two of them is sent under the first (the chat's deliveries are
    shared: what one topic sent, the next one no longer finds unseen).
    """
    store = services.store
    async with services.chat_lock(chat_id):
        sub = await asyncio.to_thread(store.subscription, chat_id)
        topics = await asyncio.to_thread(store.topics, chat_id)
        fired = next((t for t in topics if t.id == topic_id), None)
        if sub is None or fired is None or not is_timed(sub, fired):
            return None
        slot = last_slot(fired, sub.timezone, now)
        due = [t for t in topics if t.id == topic_id or _due_with(sub, t, slot, now)]
        outcomes = {t.id: await _send_topic(services, sub, t, now) for t in due}
    return outcomes[topic_id]


def _due_with(sub: Subscription, topic: Topic, slot: datetime, now: datetime) -> bool:
    """Whether `topic` is due at `slot` too and has not had that digest yet."""
    if not is_timed(sub, topic) or last_slot(topic, sub.timezone, now) != slot:
        return False
    return topic.last_digest_at is None or topic.last_digest_at < slot


async def _send_topic(
    services: Services, sub: Subscription, topic: Topic, now: datetime
) -> Outcome:
    store = services.store
    docs = await asyncio.to_thread(store.unseen_documents, sub.chat_id, keywords=topic.keywords)
    outcome = await services.deliverer.deliver(sub, docs, topic)
    if outcome.result is Sent.OK:
        await _stamp(services, sub.chat_id, topic.id, now)
    return outcome


async def _stamp(services: Services, chat_id: int, topic_id: int, at: datetime) -> None:
    """Record when the topic last got its digest (only that column: the reader may have
    changed the rest meanwhile, and the schedule's version does not move for it)."""
    await asyncio.to_thread(services.store.stamp_topic, topic_id, at)


async def push_instant(services: Services, since: datetime) -> list[Outcome]:
    """Push each new matching document to 'instant' topics; `since` is when the scan began.

    A chat's instant topics are matched in its topic order, and a document goes under the
    first that matches it only.
    """
    store = services.store
    pairs = await asyncio.to_thread(store.scheduled_topics)
    jobs: list[Job] = []
    taken: dict[int, set[int]] = {}
    for sub, topic in pairs:
        if topic.schedule != "instant" or topic.paused or sub.paused or not sub.active:
            continue
        found = await asyncio.to_thread(
            store.unseen_documents,
            sub.chat_id,
            keywords=topic.keywords,
            since=min(topic.last_digest_at or since, since),
        )
        seen = taken.setdefault(sub.chat_id, set())
        docs = [doc for doc in found if doc.id not in seen]
        seen.update(doc.id for doc in docs)
        if docs:
            jobs.append((sub, docs, topic))
    outcomes = await services.deliverer.fan_out(jobs)
    for outcome in outcomes:
        if outcome.result is Sent.OK:
            await _stamp(services, outcome.chat_id, outcome.topic_id, since)
    return outcomes


async def scan_now(services: Services) -> ScanSummary:
    """One scan of every source, then instant pushes; raises ScanBusy while one runs."""
    return await services.scan_guard.run(partial(_scan_and_push, services, manual=True))


async def scan_job(context: BotContext) -> None:
    """The repeating scan: skipped while another runs, a failure logged (as `digestbot watch`)."""
    services = context.services
    await guarded_scan(services.scan_guard, partial(_scan_and_push, services))()


async def _scan_and_push(services: Services, *, manual: bool = False) -> ScanSummary:
    """Scan the configured and the stored sources, then push to instant chats. An admin's
    scan (`manual`) takes every source no other process is scanning at this moment."""
    started = datetime.now(UTC)
    settings = services.settings
    locations = await asyncio.to_thread(
        scan_locations, settings.sources, services.store, settings.folder_root
    )
    stop = services.scan_guard.stopping
    sharing = services.sharing
    if sharing is not None and manual:
        sharing = replace(sharing, fresh=0.0)
    summary = await scan(
        services.store,
        locations,
        fetcher=services.fetcher,
        stop=stop,
        sharing=sharing,
        worker=services.worker,
    )
    if not stop.is_set():  # stopping: instant chats get these after the restart
        await push_instant(services, started)
    return summary
