"""The settings menu, topics and pickers: current choices marked, valid HTML, short callbacks."""

from __future__ import annotations

import re
from datetime import time

import pytest
from telegram import InlineKeyboardMarkup

from bot import menus
from bot.chats import Chat
from bot.store.records import Subscription, Topic
from tests.fakebot import check_text

SUB = Subscription(chat_id=-100, timezone="Asia/Shanghai", script="traditional")
MAIN = Topic(chat_id=-100, id=1, keywords=("政协", "<统战>", "+座谈会"), at=time(7, 5))
NAMED = Topic(chat_id=-100, id=2, name="纪委", keywords=("纪律",), schedule="instant", paused=True)
CHAT = Chat(SUB, (MAIN, NAMED))
_CJK = re.compile(r"[\u4e00-\u9fff]")


def labels(markup: InlineKeyboardMarkup) -> list[str]:
    return [b.text for row in markup.inline_keyboard for b in row]


def all_views(lang: str) -> list[tuple[str, InlineKeyboardMarkup]]:
    return [
        menus.settings(lang, CHAT),
        menus.topics(lang, CHAT),
        menus.topic(lang, CHAT, MAIN),
        menus.topic(lang, CHAT, NAMED),
        menus.hours(lang, CHAT, MAIN, "s", None),
        menus.hours(lang, CHAT, NAMED, "t", 4),
        menus.weekdays(lang, MAIN, "s"),
        menus.timezones(lang, CHAT),
        menus.confirm_unsubscribe(lang),
        menus.confirm_delete(lang, NAMED),
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_view_is_valid_html_with_short_callbacks(lang: str) -> None:
    for body, markup in all_views(lang):
        check_text(body, "HTML")
        for row in markup.inline_keyboard:
            for button in row:
                assert button.callback_data and len(button.callback_data.encode()) <= 64


def test_settings_mark_the_current_choices_and_spell_them_out() -> None:
    body, markup = menus.settings("zh", CHAT)
    plain = check_text(body, "HTML").plain
    assert "推送：每天 07:05（北京时间）" in plain and "简繁：繁體" in plain
    assert "关键词：政协、<统战>（必含：座谈会）" in plain
    assert "主题：纪委（有新文章即推送）" in plain
    shown = labels(markup)
    assert "✓ 每天" in shown and "✓ 繁體" in shown and "简体" in shown and "原文" in shown
    assert "时区：北京时间" in shown and "取消订阅" in shown and "关键词与主题" in shown


def test_english_readers_see_no_chinese_ui_words() -> None:
    body, markup = menus.settings("en", CHAT)
    plain = check_text(body, "HTML").plain
    assert "Schedule: daily at 07:05 (Beijing time)" in plain and "Script: Traditional" in plain
    assert "政协, <统战> (must include: 座谈会)" in plain  # the keywords are the reader's own
    assert "✓ Traditional" in labels(markup) and "Time zone: Beijing time" in labels(markup)
    for view_body, view_markup in all_views("en"):
        text = check_text(view_body, "HTML").plain
        for word in ("政协", "<统战>", "座谈会", "纪律", "纪委"):  # the chat's own words only
            text = text.replace(word, "")
        assert not _CJK.search(text), text
        assert not any(_CJK.search(label.replace("纪委", "")) for label in labels(view_markup))


def test_pickers_mark_the_current_hour_and_day() -> None:
    weekly = Topic(chat_id=1, id=5, schedule="weekly", weekday=4, at=time(18, 0))
    chat = Chat(SUB, (weekly,))
    _, days = menus.weekdays("zh", weekly, "s")
    assert "✓ 周五" in labels(days)
    _, hours = menus.hours("zh", chat, weekly, "s", 4)
    assert "✓ 18:00" in labels(hours)
    assert [b.callback_data for b in hours.inline_keyboard[0]][:1] == ["sc:s:5:w4h00"]
    _, daily = menus.hours("zh", chat, weekly, "s", None)  # weekly now: no daily hour marked
    assert not [t for t in labels(daily) if t.startswith("✓")]


def test_the_topics_list_offers_edit_pause_delete() -> None:
    body, markup = menus.topics("zh", CHAT)
    plain = check_text(body, "HTML").plain
    assert "1. 默认：政协、<统战>（必含：座谈会） · 每天 07:05（北京时间）" in plain
    assert "2. 纪委：纪律 · 有新文章即推送（已暂停）" in plain
    data = [b.callback_data for row in markup.inline_keyboard for b in row]
    assert "tp:1:del" not in data and {
        "tp:1",
        "tp:1:pause",
        "tp:2",
        "tp:2:resume",
        "tp:2:del",
    } <= set(data)
