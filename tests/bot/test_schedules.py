"""When digests are due: slots in the chat's time zone, missed slots, PTB's weekday numbering."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from telegram.ext import ApplicationBuilder

from bot.schedules import is_missed, job_name, last_slot, schedule
from bot.store.records import Subscription

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(text: str, zone: ZoneInfo = SHANGHAI) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=zone).astimezone(UTC)


def test_daily_slot_is_today_once_passed_else_yesterday() -> None:
    sub = Subscription(chat_id=1, at=time(8, 0))
    assert last_slot(sub, at("2024-05-10 09:00")) == at("2024-05-10 08:00")
    assert last_slot(sub, at("2024-05-10 07:59")) == at("2024-05-09 08:00")


def test_weekly_slot_is_on_its_weekday_in_the_chats_zone() -> None:
    sub = Subscription(
        chat_id=1, schedule="weekly", weekday=4, at=time(18, 0), timezone="Europe/London"
    )
    london = ZoneInfo("Europe/London")
    assert last_slot(sub, at("2024-05-15 12:00", london)) == at("2024-05-10 18:00", london)  # Fri


def test_missed_only_when_a_slot_passed_since_the_last_digest() -> None:
    now = at("2024-05-10 09:00")
    sub = Subscription(chat_id=1, at=time(8, 0), last_digest_at=now - timedelta(hours=2))
    assert is_missed(sub, now)  # 07:00 < 08:00 slot
    assert not is_missed(Subscription(chat_id=1, last_digest_at=now - timedelta(minutes=30)), now)
    assert not is_missed(Subscription(chat_id=1, last_digest_at=None), now)
    paused = Subscription(chat_id=1, paused=True, last_digest_at=now - timedelta(days=3))
    assert not is_missed(paused, now)
    instant = Subscription(chat_id=1, schedule="instant", last_digest_at=now - timedelta(days=3))
    assert not is_missed(instant, now)


def test_jobs_follow_the_subscription() -> None:
    app = ApplicationBuilder().token("1:test").build()
    jobs = app.job_queue
    assert jobs is not None
    weekly = Subscription(
        chat_id=5, schedule="weekly", weekday=6, at=time(7, 30), timezone="Europe/Paris"
    )
    schedule(jobs, weekly)
    (job,) = jobs.get_jobs_by_name(job_name(5))
    trigger = job.job.trigger
    assert str(trigger.fields[4]) == "sun"  # PTB counts 0 = Sunday; 6 = Sunday in ours
    assert (str(trigger.fields[5]), str(trigger.fields[6])) == ("7", "30")
    assert str(trigger.timezone) == "Europe/Paris"
    schedule(jobs, Subscription(chat_id=5, schedule="daily", at=time(9, 0)))
    (job,) = jobs.get_jobs_by_name(job_name(5))  # replaced, not added
    schedule(jobs, Subscription(chat_id=5, schedule="instant"))
    assert jobs.get_jobs_by_name(job_name(5)) == ()
