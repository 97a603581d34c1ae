"""Input as people type it, end to end: schedules, time zones, keywords, bare commands."""

from __future__ import annotations

import pytest

from tests.e2e.chat import buttons, press
from tests.e2e.conftest import Bot

USER = 7101


@pytest.mark.parametrize(
    ("typed", "zh", "en"),
    [
        ("每天 07:30", "推送：每天 07:30（北京时间）", "Schedule: daily at 07:30 (Beijing time)"),
        ("daily 07：30", "推送：每天 07:30（北京时间）", "Schedule: daily at 07:30 (Beijing time)"),
        ("每周五 18:00", "推送：每周五 18:00（北京时间）", "every Friday at 18:00 (Beijing time)"),
        ("weekly 周五 18:00", "推送：每周五 18:00", "every Friday at 18:00"),
        ("即时", "推送：有新文章即推送", "Schedule: each new article as soon as it arrives"),
        ("实时", "推送：有新文章即推送", "as soon as it arrives"),
    ],
)
async def test_schedules_as_typed_in_both_languages(bot: Bot, typed: str, zh: str, en: str) -> None:
    await bot.ask(USER, "/subscribe")
    (reply,) = await bot.ask(USER, f"/schedule {typed}")
    assert zh in reply.plain
    (reply,) = await bot.ask(USER, f"/schedule {typed}", language_code="en")
    assert en in reply.plain


@pytest.mark.parametrize(
    ("typed", "zh", "en"),
    [
        ("北京", "时区已设为北京时间（Asia/Shanghai）", "Time zone set to Beijing time"),
        ("上海", "北京时间（Asia/Shanghai）", "Beijing time (Asia/Shanghai)"),
        ("台北", "台北时间（Asia/Taipei）", "Taipei time (Asia/Taipei)"),
        ("香港", "香港时间（Asia/Hong_Kong）", "Hong Kong time (Asia/Hong_Kong)"),
        ("UTC+8", "时区已设为UTC+8。", "Time zone set to UTC+8."),
        ("asia/shanghai", "北京时间（Asia/Shanghai）", "Beijing time (Asia/Shanghai)"),
        ("伦敦", "伦敦时间（Europe/London）", "London time (Europe/London)"),
    ],
)
async def test_time_zones_by_city_offset_or_any_case(
    bot: Bot, typed: str, zh: str, en: str
) -> None:
    await bot.ask(USER, "/subscribe")
    (reply,) = await bot.ask(USER, f"/timezone {typed}")
    assert zh in reply.plain
    (reply,) = await bot.ask(USER, f"/timezone {typed}", language_code="en")
    assert en in reply.plain


async def test_bare_commands_show_the_current_value_and_change_nothing(bot: Bot) -> None:
    await bot.ask(USER, "/subscribe 政协")
    await bot.ask(USER, "/schedule 每周五 18:00")
    (schedule,) = await bot.ask(USER, "/schedule")
    assert schedule.plain.startswith("推送：每周五 18:00（北京时间）\n修改：/schedule 每天 HH:MM")
    (zone,) = await bot.ask(USER, "/timezone")
    assert zone.plain.startswith("时区：北京时间（Asia/Shanghai）\n修改：/timezone 城市名")
    (english,) = await bot.ask(USER, "/timezone", language_code="en")
    assert english.plain.startswith("Time zone: Beijing time (Asia/Shanghai)\nTo change:")
    (main,) = bot.services.store.topics(USER)
    assert (main.schedule, main.weekday, main.keywords) == ("weekly", 4, ("政协",))


async def test_keywords_split_on_chinese_punctuation(bot: Bot) -> None:
    (reply,) = await bot.ask(USER, "/subscribe 民主生活会，政协、统战；纪委\u3000监督")
    assert "已订阅关键词：民主生活会、政协、统战、纪委、监督。" in reply.plain
    (english,) = await bot.ask(USER + 1, "/subscribe 民主生活会，政协", language_code="en")
    assert "Subscribed to keywords: 民主生活会, 政协." in english.plain  # English separators


async def test_a_bare_subscribe_asks_before_replacing_keywords(bot: Bot) -> None:
    await bot.ask(USER, "/subscribe 民主生活会 政协")
    (ask,) = await bot.ask(USER, "/subscribe")
    assert "你已订阅关键词：民主生活会、政协。" in ask.plain and "改为订阅全部新闻" in ask.plain
    assert [t for t, _ in buttons(ask)] == ["全部新闻", "保留关键词"]
    (kept,) = await press(bot, USER, ask, "保留关键词")
    assert kept.plain == "已保留关键词：民主生活会、政协。"
    (main,) = bot.services.store.topics(USER)
    assert main.keywords == ("民主生活会", "政协")
    (ask,) = await bot.ask(USER, "/subscribe", language_code="en")
    assert [t for t, _ in buttons(ask)] == ["All news", "Keep keywords"]
    (everything,) = await press(bot, USER, ask, "All news", language_code="en")
    assert everything.plain.startswith("Subscribed to all news.")
    (main,) = bot.services.store.topics(USER)
    assert main.keywords == ()
    (again,) = await bot.ask(USER, "/subscribe")  # already all news: says so, changes nothing
    assert again.plain.startswith("你已订阅全部新闻。") and "/subscribe 关键词" in again.plain


async def test_unsubscribing_a_word_never_subscribed_says_so(bot: Bot) -> None:
    await bot.ask(USER, "/subscribe 民主生活会 政协")
    (reply,) = await bot.ask(USER, "/unsubscribe 不存在的词")
    assert reply.plain == "没有订阅过：不存在的词。当前关键词：民主生活会、政协"
    (both,) = await bot.ask(USER, "/unsubscribe 政协 不存在的词")
    assert both.plain.startswith("已移除关键词：政协。剩余：民主生活会\n没有订阅过：不存在的词。")
    (english,) = await bot.ask(USER, "/unsubscribe 量子", language_code="en")
    assert english.plain == "Not subscribed to: 量子. Current keywords: 民主生活会"
    (last,) = await bot.ask(USER, "/unsubscribe 民主生活会")  # the last one: nothing left
    assert last.plain == "已取消订阅。"
    (none,) = await bot.ask(USER, "/unsubscribe 政协")
    assert none.plain == "你还没有订阅。发送 /subscribe 开始。"


async def test_a_schedule_before_subscribing_is_kept_not_a_subscription(bot: Bot) -> None:
    (reply,) = await bot.ask(USER, "/schedule 每天 6点半")
    assert reply.plain == "已设置。推送：每天 06:30（北京时间）\n发送 /subscribe 开始订阅。"
    sub = bot.services.store.subscription(USER)
    assert sub is not None and not sub.active
    (subscribed,) = await bot.ask(USER, "/subscribe")
    assert "推送：每天 06:30（北京时间）" in subscribed.plain


@pytest.mark.parametrize(
    "forged",
    ["x", "doc:abc", "fp:1:9999999", "sub:none", "set:tz:999", "tp:1:drop", "mo:" + "9" * 61],
)
async def test_forged_button_data_is_answered(bot: Bot, forged: str) -> None:
    (start,) = await bot.ask(USER, "/start")
    answers = len(bot.fake.answers)
    bot.fake.press_button(start, forged)
    assert await bot.fake.wait_until(lambda: len(bot.fake.answers) > answers)
    (answer,) = bot.fake.answers[answers:]
    assert answer["text"] == "这个按钮已失效，请重新发送命令。"
    bot.fake.press_button(start, forged, language_code="en")
    assert await bot.fake.wait_until(lambda: len(bot.fake.answers) > answers + 1)
    assert bot.fake.answers[-1]["text"] == "This button no longer works; send the command again."


@pytest.mark.parametrize("folder", ["America", "Asia", "Etc", "US"])
async def test_a_folder_of_zones_gets_the_zone_hint_not_an_error(bot: Bot, folder: str) -> None:
    await bot.ask(USER, "/subscribe")
    (reply,) = await bot.ask(USER, f"/timezone {folder}")
    assert reply.plain.startswith(f"不认识的时区「{folder}」。请发送城市名")
