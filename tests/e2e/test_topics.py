"""Topics: keyword sets with their own schedules; an article goes once, under the first due."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta

from bot.schedules import job_name, send_scheduled
from tests.e2e.chat import buttons, press
from tests.e2e.conftest import Bot, settle

USER = 7201


async def test_an_instant_topic_takes_its_news_and_the_daily_main_one_the_rest(bot: Bot) -> None:
    await bot.ask(USER, "/subscribe")
    (made,) = await bot.ask(USER, "/subscribe #文物 文物 +博物馆 !足球")
    assert made.plain.startswith("主题「文物」的关键词：文物（必含：博物馆；排除：足球）。")
    (instant,) = await bot.ask(USER, "/schedule #文物 即时")
    assert instant.plain == "主题「文物」已设置。推送：有新文章即推送"
    bot.drop("museum")
    bot.drop("river")
    await bot.scan()
    (pushed,) = (await bot.fake.wait_for(4, USER))[3:]
    assert "主题：文物" in pushed.plain and "文物保护工作座谈会" in pushed.plain
    assert "命中：文物" in pushed.plain and "河湖长制" not in pushed.plain
    await settle()
    stored = bot.services.store
    main = next(t for t in stored.topics(USER) if t.is_main)
    outcome = await send_scheduled(bot.services, USER, main.id, datetime.now(UTC))  # 08:00
    assert outcome is not None and outcome.documents == 1
    (daily,) = bot.fake.sent(USER)[4:]
    assert "河湖长制" in daily.plain and "文物保护" not in daily.plain  # sent once, already


async def test_topics_due_together_send_an_article_once_under_the_first(bot: Bot) -> None:
    await bot.ask(USER, "/subscribe 河湖")
    await bot.ask(USER, "/subscribe #水利 河湖 水质")
    for name in ("river", "harvest"):
        bot.drop(name)
    await bot.scan()
    main, water = bot.services.store.topics(USER)
    earlier = datetime.now(UTC) - timedelta(days=2)
    for topic in (main, water):  # both daily 08:00, neither has had today's digest
        bot.services.store.save_topic(replace(topic, last_digest_at=earlier))
    await send_scheduled(bot.services, USER, water.id, datetime.now(UTC))  # the second's job
    await send_scheduled(bot.services, USER, main.id, datetime.now(UTC))  # then the first's
    await settle()
    digests = bot.fake.sent(USER)[2:]
    assert len(digests) == 1 and "河湖长制" in digests[0].plain
    assert "主题：" not in digests[0].plain  # under the main topic, the first of the two


async def test_topics_list_edits_pauses_and_deletes(bot: Bot) -> None:
    await bot.ask(USER, "/subscribe 政协")
    await bot.ask(USER, "/subscribe #纪委 纪律 监察")
    (listing,) = await bot.ask(USER, "/topics")
    assert "1. 默认：政协 · 每天 08:00（北京时间）" in listing.plain
    assert "2. 纪委：纪律、监察 · 每天 08:00（北京时间）" in listing.plain
    labels = [t for t, _ in buttons(listing)]
    assert labels == ["默认 ✎", "暂停推送", "纪委 ✎", "暂停推送", "删除", "‹ 返回"]
    _, named = bot.services.store.topics(USER)
    assert bot.app is not None and bot.app.job_queue is not None
    assert bot.app.job_queue.get_jobs_by_name(job_name(USER, named.id))
    (paused,) = await press(bot, USER, listing, "暂停推送")  # the first: the main topic
    assert "1. 默认：政协 · 每天 08:00（北京时间）（已暂停）" in paused.plain
    (view,) = await press(bot, USER, paused, "纪委 ✎")
    assert view.plain.startswith("主题：纪委\n关键词：纪律、监察\n推送：每天 08:00（北京时间）")
    assert "/subscribe #纪委 关键词…" in view.plain
    (weekly,) = await press(bot, USER, view, "每周")
    (friday,) = await press(bot, USER, weekly, "周五")
    (set_,) = await press(bot, USER, friday, "18:00")
    assert "推送：每周五 18:00（北京时间）" in set_.plain and set_.plain.startswith("主题：纪委")
    (confirm,) = await press(bot, USER, set_, "删除")
    assert confirm.plain == "确定删除主题「纪委」吗？"
    (gone,) = await press(bot, USER, confirm, "确定删除")
    assert "纪委" not in gone.plain and [t.name for t in bot.services.store.topics(USER)] == [""]
    assert not bot.app.job_queue.get_jobs_by_name(job_name(USER, named.id))


async def test_a_forged_topic_button_of_another_chat_is_refused(bot: Bot) -> None:
    await bot.ask(USER, "/subscribe #纪委 纪律")
    _, theirs = bot.services.store.topics(USER)
    other = USER + 1
    await bot.ask(other, "/subscribe 政协")
    (menu,) = await bot.ask(other, "/topics")
    answers = len(bot.fake.answers)
    bot.fake.press_button(menu, f"tp:{theirs.id}:del!")
    assert await bot.fake.wait_until(lambda: len(bot.fake.answers) > answers)
    assert bot.fake.answers[-1]["text"] == "这个主题已删除。"
    assert len(bot.services.store.topics(USER)) == 2


async def test_topics_in_english(bot: Bot) -> None:
    (made,) = await bot.ask(USER, "/subscribe #discipline 纪律 +巡视", language_code="en")
    assert (
        made.plain
        == "Topic “discipline”: 纪律 (must include: 巡视).\nSchedule: daily at 08:00 (Beijing time)"
    )
    (listing,) = await bot.ask(USER, "/topics", language_code="en")
    assert "1. Main: all news · daily at 08:00 (Beijing time) (paused)" in listing.plain
    assert "2. discipline: 纪律 (must include: 巡视)" in listing.plain
    (none,) = await bot.ask(USER, "/unsubscribe #nothing", language_code="en")
    assert none.plain == "There is no topic “nothing”. Send /topics to see them."
    (gone,) = await bot.ask(USER, "/unsubscribe #discipline", language_code="en")
    assert gone.plain == "Topic “discipline” deleted."


async def test_a_new_topic_needs_keywords_and_topics_are_bounded(bot: Bot) -> None:
    (reply,) = await bot.ask(USER, "/subscribe #纪委")
    assert reply.plain == "新主题需要关键词，例如 /subscribe #纪委 纪律 监察"
    for n in range(10):
        await bot.ask(USER, f"/subscribe #主题{n} 词{n}")
    (refused,) = await bot.ask(USER, "/subscribe #再来一个 词")
    assert refused.plain == "主题太多：最多 10 个。"
    assert time(8) == bot.services.store.topics(USER)[1].at


async def test_topics_before_subscribing_says_how_without_buttons(bot: Bot) -> None:
    (none,) = await bot.ask(USER, "/topics")
    assert none.plain == "你还没有订阅。发送 /subscribe 开始。" and buttons(none) == []
