"""/trending: a bar chart of the week's keywords by publish date, buttons to search or subscribe."""

from __future__ import annotations

import pytest

from bot import chart
from tests.e2e.chat import buttons, notices, press
from tests.e2e.conftest import Bot
from tests.e2e.news import dated

USER = 7501


async def test_the_chart_is_a_png_with_a_search_and_a_subscribe_button_each(bot: Bot) -> None:
    (empty,) = await bot.ask(USER, "/trending")
    assert empty.plain == "近 7 天没有发布的文章。"
    bot.drop("river", dated("river"))
    bot.drop("harvest", dated("harvest"))
    bot.drop("museum")  # published in 2024: not the week's
    await bot.scan()
    (picture,) = await bot.ask(USER, "/trending")
    assert picture.photo is not None and picture.photo.startswith(b"\x89PNG")
    assert picture.plain == "近 7 天热门关键词，按文章发布日期统计。点按钮搜索或订阅。"
    labels = [t for t, _ in buttons(picture)]
    assert labels[0].startswith("🔍 ") and labels[1] == "订阅" and len(labels) % 2 == 0
    week = {w for w, _ in bot.services.store.trending(days=7)}
    assert labels[0].removeprefix("🔍 ") in week and "文物" not in " ".join(labels)
    word = labels[0].removeprefix("🔍 ")
    (results,) = await press(bot, USER, picture, labels[0])
    assert f"「{word}」共" in results.plain
    await press(bot, USER, picture, "订阅")
    assert notices(bot)[-1] == f"已订阅关键词「{word}」。"


async def test_without_a_cjk_font_the_chart_is_todays_text(
    bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(chart, "font_path", lambda: None)
    bot.drop("river", dated("river"))
    await bot.scan()
    (text,) = await bot.ask(USER, "/trending", language_code="en")
    assert text.photo is None and text.plain.startswith("Top keywords of the last 7 days:\n1. #")
    assert "(1)" in text.plain and [t for t, _ in buttons(text)][1] == "Subscribe"
