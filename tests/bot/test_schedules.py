"""When digests are due: slots in the chat's time zone, missed slots, PTB's weekday numbering."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from telegram.ext import ApplicationBuilder

from bot.schedules import is_missed, job_name, last_slot, schedule
from bot.store.records import Subscription, Topic

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(text: str, zone: ZoneInfo = SHANGHAI) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=zone).astimezone(UTC)


def test_daily_slot_is_today_once_passed_else_yesterday() -> None:
    topic = Topic(chat_id=1, at=time(8, 0))
    assert last_slot(topic, "Asia/Shanghai", at("2024-05-10 09:00")) == at("2024-05-10 08:00")
    assert last_slot(topic, "Asia/Shanghai", at("2024-05-10 07:59")) == at("2024-05-09 08:00")


def test_weekly_slot_is_on_its_weekday_in_the_chats_zone() -> None:
    topic = Topic(chat_id=1, schedule="weekly", weekday=4, at=time(18, 0))
    london = ZoneInfo("Europe/London")
    slot = last_slot(topic, "Europe/London", at("2024-05-15 12:00", london))
    assert slot == at("2024-05-10 18:00", london)  # Friday


def test_missed_only_when_a_slot_passed_since_the_last_digest() -> None:
    now = at("2024-05-10 09:00")
    sub = Subscription(chat_id=1)
    topic = Topic(chat_id=1, at=time(8, 0), last_digest_at=now - timedelta(hours=2))
    assert is_missed(sub, topic, now)  # 07:00 < 08:00 slot
    recent = Topic(chat_id=1, last_digest_at=now - timedelta(minutes=30))
    assert not is_missed(sub, recent, now)
    assert not is_missed(sub, Topic(chat_id=1, last_digest_at=None), now)
    old = now - timedelta(days=3)
    assert not is_missed(sub, Topic(chat_id=1, paused=True, last_digest_at=old), now)
    assert not is_missed(
        Subscription(chat_id=1, paused=True), Topic(chat_id=1, last_digest_at=old), now
    )
    assert not is_missed(sub, Topic(chat_id=1, schedule="instant", last_digest_at=old), now)


def test_jobs_follow_the_subscription() -> None:
    app = ApplicationBuilder().token("1:test").build()
    jobs = app.job_queue
    assert jobs is not None
    paris = Subscription(chat_id=5, timezone="Europe/Paris")
    schedule(jobs, paris, Topic(chat_id=5, id=3, schedule="weekly", weekday=6, at=time(7, 30)))
    (job,) = jobs.get_jobs_by_name(job_name(5, 3))
    trigger = job.job.trigger
    assert str(trigger.fields[4]) == "sun"  # PTB counts 0 = Sunday; 6 = Sunday in ours
    assert (str(trigger.fields[5]), str(trigger.fields[6])) == ("7", "30")
    assert str(trigger.timezone) == "Europe/Paris"
    schedule(jobs, paris, Topic(chat_id=5, id=3, schedule="daily", at=time(9, 0)))
    (job,) = jobs.get_jobs_by_name(job_name(5, 3))  # replaced, not added
    schedule(jobs, paris, Topic(chat_id=5, id=4, at=time(9, 0)))  # another topic: its own job
    assert len(jobs.jobs()) == 2 and job.data == 3
    schedule(jobs, paris, Topic(chat_id=5, id=3, schedule="instant"))
    assert jobs.get_jobs_by_name(job_name(5, 3)) == ()
