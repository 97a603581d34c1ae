"""Subscriptions end to end: new pages pushed once, across restarts; keywords; timed digests."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from bot.schedules import job_name
from bot.settings import Settings
from tests.e2e.conftest import Bot, settle, with_interval
from tests.e2e.news import dated
from tests.fakebot import FakeBotApi

USER = 6001


async def test_subscribe_then_a_new_file_is_pushed_once(bot: Bot) -> None:
    (reply,) = await bot.ask(USER, "/subscribe")
    assert "已订阅全部新闻" in reply.plain
    (reply,) = await bot.ask(USER, "/schedule instant")
    assert "即推送" in reply.plain
    bot.drop("river")
    await bot.scan()
    (pushed,) = (await bot.fake.wait_for(3, USER))[2:]
    assert "河湖长制" in pushed.plain
    await bot.scan()  # scanning again pushes nothing new
    await settle()
    assert len(bot.fake.sent(USER)) == 3


async def test_restart_sends_no_duplicate_and_unsubscribe_stops(bot: Bot) -> None:
    await bot.ask(USER, "/subscribe")
    await bot.ask(USER, "/schedule instant")
    bot.drop("river")
    await bot.scan()
    await bot.fake.wait_for(3, USER)
    await bot.restart()
    await bot.scan()
    await settle()
    assert len(bot.fake.sent(USER)) == 3  # the same page, not again
    bot.drop("harvest")
    await bot.scan()
    (fourth,) = (await bot.fake.wait_for(4, USER))[3:]
    assert "乡村振兴" in fourth.plain
    (reply,) = await bot.ask(USER, "/unsubscribe")
    assert "已取消订阅" in reply.plain
    bot.drop("museum")
    await bot.scan()
    await settle()
    assert len(bot.fake.sent(USER)) == 5


async def test_keyword_subscriptions_get_matching_pages_only(bot: Bot) -> None:
    (reply,) = await bot.ask(USER, "/subscribe 文物 機器人")
    assert "文物、机器人" in reply.plain
    await bot.ask(USER, "/schedule instant")
    for name in ("river", "harvest", "museum", "robots"):
        bot.drop(name)
    await bot.scan()
    await bot.fake.wait_for(3, USER)
    await settle(0.5)
    pushed = "\n".join(m.plain for m in bot.fake.sent(USER)[2:])
    assert "文物保护" in pushed and "智能制造" in pushed
    assert "河湖长制" not in pushed and "乡村振兴" not in pushed
    (reply,) = await bot.ask(USER, "/unsubscribe 文物")
    assert "机器人" in reply.plain and "文物" not in reply.plain.split("剩余")[1]


async def test_digest_on_request_sends_unseen_once(bot: Bot) -> None:
    for name in ("river", "harvest"):
        bot.drop(name, dated(name))
    await bot.scan()
    (digest,) = await bot.ask(USER, "/digest")
    assert "河湖长制" in digest.plain and "乡村振兴" in digest.plain
    (again,) = await bot.ask(USER, "/digest")
    assert "没有新的文章" in again.plain
    bot.drop("museum", dated("museum"))
    bot.drop("robots")  # published in 2024, found today: not this week's news
    await bot.scan()
    (week,) = await bot.ask(USER, "/digest 7d")  # the week, sent before or not
    assert all(topic in week.plain for topic in ("河湖长制", "乡村振兴", "文物保护"))
    assert "智能制造" not in week.plain
    (again,) = await bot.ask(USER, "/digest 7d")
    assert "文物保护" in again.plain and "河湖长制" in again.plain


async def test_digest_of_a_keyword_sends_matches_not_yet_sent(bot: Bot) -> None:
    for name in ("river", "harvest", "museum"):
        bot.drop(name, dated(name))
    await bot.scan()
    (matching,) = await bot.ask(USER, "/digest 河湖 文物保護")  # any script, any keyword
    assert "河湖长制" in matching.plain and "文物保护" in matching.plain
    assert "乡村振兴" not in matching.plain
    (sent,) = await bot.ask(USER, "/digest 河湖")
    assert "没有未推送过的「河湖」相关文章" in sent.plain and "/digest 河湖 7d" in sent.plain
    (week,) = await bot.ask(USER, "/digest 河湖 7d")  # with a window: sent ones too
    assert "河湖长制" in week.plain and "文物保护" not in week.plain
    (rest,) = await bot.ask(USER, "/digest")
    assert "乡村振兴" in rest.plain and "河湖长制" not in rest.plain
    (none,) = await bot.ask(USER, "/digest 量子 7d", language_code="en")
    assert "Nothing about “量子” published in the last 7 days" in none.plain


async def test_a_daily_schedule_fires(bot: Bot) -> None:
    await bot.ask(USER, "/subscribe")
    (reply,) = await bot.ask(USER, "/schedule daily 07:45")
    assert "推送：每天 07:45（北京时间）" in reply.plain
    assert bot.app is not None and bot.app.job_queue is not None
    (main,) = bot.services.store.topics(USER)
    (job,) = bot.app.job_queue.get_jobs_by_name(job_name(USER, main.id))
    nxt = job.next_t
    assert nxt is not None and (nxt.hour, nxt.minute) == (7, 45)
    bot.drop("robots")
    await bot.scan()
    await job.run(bot.app)  # the timer firing
    (digest,) = (await bot.fake.wait_for(3, USER))[2:]
    assert "智能制造" in digest.plain
    await job.run(bot.app)  # firing again: nothing unseen, nothing sent
    await settle()
    assert len(bot.fake.sent(USER)) == 3


async def test_a_digest_missed_while_down_is_sent_once(
    fake: FakeBotApi, settings: Settings
) -> None:
    first = Bot(fake, settings)
    await first.start()
    await fake.wait_polling()
    await first.ask(USER, "/subscribe")
    await first.ask(USER, "/schedule daily 08:00")
    first.drop("river")
    await first.scan()
    store = first.services.store
    (main,) = store.topics(USER)
    store.save_topic(replace(main, last_digest_at=datetime.now(UTC) - timedelta(days=3)))
    await first.stop()
    second = Bot(fake, settings)
    await second.start()
    try:
        (digest,) = (await fake.wait_for(3, USER, timeout=15))[2:]
        assert "河湖长制" in digest.plain
        await asyncio.sleep(2.5)  # three slots were missed: still one digest
        assert len(fake.sent(USER)) == 3
    finally:
        await second.stop()


async def test_the_scan_timer_pushes_without_anyone_asking(
    fake: FakeBotApi, settings: Settings
) -> None:
    running = Bot(fake, with_interval(settings, 0.5))
    await running.start()
    try:
        await running.ask(USER, "/subscribe")
        await running.ask(USER, "/schedule instant")
        running.drop("museum")
        (pushed,) = (await fake.wait_for(3, USER, timeout=15))[2:]
        assert "文物保护" in pushed.plain
        await asyncio.sleep(1.5)  # more ticks: still once
        assert len(fake.sent(USER)) == 3
    finally:
        await running.stop()
