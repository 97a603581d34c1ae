"""/settings: the current choices marked ✓, pickers for any weekday and hour, zones, unsubscribe."""

from __future__ import annotations

from tests.e2e.chat import buttons, press
from tests.e2e.conftest import Bot

USER = 7401


def labels(message: object) -> list[str]:
    return [t for t, _ in buttons(message)]


async def test_settings_show_one_line_for_the_schedule_and_mark_choices(bot: Bot) -> None:
    (none,) = await bot.ask(USER, "/settings")
    assert none.plain == "你还没有订阅。发送 /subscribe 开始。" and labels(none) == ["订阅全部新闻"]
    (done,) = await press(bot, USER, none, "订阅全部新闻")
    assert done.plain.startswith("已订阅全部新闻。")
    (menu,) = await bot.ask(USER, "/settings")
    assert menu.plain == (
        "订阅设置\n关键词：全部新闻\n推送：每天 08:00（北京时间）\n状态：接收中\n简繁：原文"
    )
    assert labels(menu) == [
        "✓ 每天",
        "每周",
        "即时",
        "✓ 原文",
        "简体",
        "繁體",
        "暂停推送",
        "时区：北京时间",
        "关键词与主题",
        "取消订阅",
    ]


async def test_weekly_on_any_day_at_any_hour_by_buttons(bot: Bot) -> None:
    await bot.ask(USER, "/subscribe 政协")
    (menu,) = await bot.ask(USER, "/settings")
    (days,) = await press(bot, USER, menu, "每周")
    assert days.plain == "选择每周哪天推送：" and labels(days)[:7] == [
        f"周{d}" for d in "一二三四五六日"
    ]
    (hours,) = await press(bot, USER, days, "周三")
    assert hours.plain.startswith("选择每周三推送的时间（北京时间）：")
    (back,) = await press(bot, USER, hours, "21:00")
    assert "推送：每周三 21:00（北京时间）" in back.plain and "✓ 每周" in labels(back)
    (main,) = bot.services.store.topics(USER)
    assert (main.schedule, main.weekday, main.at.hour) == ("weekly", 2, 21)
    (daily,) = await press(bot, USER, back, "每天")
    (set_,) = await press(bot, USER, daily, "06:00")
    assert "推送：每天 06:00（北京时间）" in set_.plain
    (instant,) = await press(bot, USER, set_, "即时")
    assert "推送：有新文章即推送" in instant.plain and "✓ 即时" in labels(instant)


async def test_script_pause_time_zone_and_a_double_tap(bot: Bot) -> None:
    await bot.ask(USER, "/subscribe")
    (menu,) = await bot.ask(USER, "/settings")
    (simplified,) = await press(bot, USER, menu, "简体")
    assert "简繁：简体" in simplified.plain and "✓ 简体" in labels(simplified)
    answers = len(bot.fake.answers)
    bot.fake.press_button(simplified, "set:s")  # the same choice again: nothing to redraw
    assert await bot.fake.wait_until(lambda: len(bot.fake.answers) > answers)
    assert not bot.fake.answers[-1].get("text") and not [
        m for m in bot.fake.sent(USER) if "出错了" in m.plain
    ]
    (paused,) = await press(bot, USER, simplified, "暂停推送")
    assert "状态：已暂停" in paused.plain and "恢复推送" in labels(paused)
    (zones,) = await press(bot, USER, paused, "时区：北京时间")
    assert zones.plain.startswith("选择时区（当前：北京时间（Asia/Shanghai））：")
    assert "✓ 北京时间" in labels(zones) and "伦敦时间" in labels(zones)
    (london,) = await press(bot, USER, zones, "伦敦时间")
    assert "推送：每天 08:00（伦敦时间）" in london.plain
    sub = bot.services.store.subscription(USER)
    assert sub is not None and sub.timezone == "Europe/London" and sub.paused
    assert sub.script == "simplified"


async def test_unsubscribe_from_the_menu_asks_first(bot: Bot) -> None:
    await bot.ask(USER, "/subscribe 政协")
    (menu,) = await bot.ask(USER, "/settings")
    (ask,) = await press(bot, USER, menu, "取消订阅")
    assert ask.plain == "确定取消全部订阅吗？关键词和主题都会删除。"
    (back,) = await press(bot, USER, ask, "‹ 返回")
    assert back.plain.startswith("订阅设置")
    (ask,) = await press(bot, USER, back, "取消订阅")
    (done,) = await press(bot, USER, ask, "确定取消订阅")
    assert done.plain == "已取消订阅。"
    sub = bot.services.store.subscription(USER)
    assert sub is not None and not sub.active


async def test_the_menu_in_english_has_no_chinese_ui_words(bot: Bot) -> None:
    await bot.ask(USER, "/subscribe 政协", language_code="en")
    (menu,) = await bot.ask(USER, "/settings", language_code="en")
    assert menu.plain == (
        "Settings\nKeywords: 政协\nSchedule: daily at 08:00 (Beijing time)\n"
        "Status: active\nScript: Original"
    )
    assert labels(menu) == [
        "✓ Daily",
        "Weekly",
        "Instant",
        "✓ Original",
        "Simplified",
        "Traditional",
        "Pause",
        "Time zone: Beijing time",
        "Keywords and topics",
        "Unsubscribe",
    ]
    (days,) = await press(bot, USER, menu, "Weekly", language_code="en")
    assert labels(days)[:7] == [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
    (topics,) = await press(bot, USER, days, "‹ Back", language_code="en")
    (listing,) = await press(bot, USER, topics, "Keywords and topics", language_code="en")
    assert listing.plain.startswith("Topics\n1. Main: 政协 · daily at 08:00 (Beijing time)")
