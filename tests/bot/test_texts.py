"""Replies: both languages, safe HTML, /help naming every command."""

from __future__ import annotations

import re
import string

import pytest

from bot import texts
from bot.texts import _TEXTS
from tests.fakebot import check_text


@pytest.mark.parametrize("key", sorted(_TEXTS))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_text_is_valid_telegram_html(key: str, lang: str) -> None:
    names = {field for _, field, _, _ in string.Formatter().parse(_TEXTS[key][0]) if field}
    filled = texts.text(lang, key, **{name: "<x&y>" for name in names})
    check_text(filled, "HTML")  # raises like Telegram's "can't parse entities"
    assert "<x&y>" not in filled  # placeholders were escaped


def test_both_languages_have_the_same_placeholders() -> None:
    def fields(template: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(template) if f}

    for zh, en in _TEXTS.values():
        assert fields(zh) == fields(en)
        words = re.sub(r"\{\w+\}", "", zh)  # placeholders are not words the reader sees
        assert re.search(r"[\u4e00-\u9fff]", words) or not re.search(r"[a-z]{4}", words)


_CJK = r"[\u4e00-\u9fff]"


@pytest.mark.parametrize("key", sorted(_TEXTS))
def test_chinese_replies_use_chinese_punctuation(key: str) -> None:
    """Readers of Chinese expect ，：；！（）, not ASCII marks, around Chinese words."""
    zh = _TEXTS[key][0]
    assert not re.search(rf"{_CJK}[,;!?]|[,;!]{_CJK}|{_CJK}:|[()]", zh), zh
    assert not re.search(r"[，：；！（）]", _TEXTS[key][1]), "full-width marks in English"


def test_command_descriptions_use_chinese_punctuation() -> None:
    for command in texts.COMMANDS:
        assert not re.search(rf"{_CJK}[,:;!?]|[()]", command.zh), command.zh


@pytest.mark.parametrize(
    ("code", "lang"),
    [("en", "en"), ("en-GB", "en"), ("EN", "en"), ("zh-hans", "zh"), ("de", "zh"), (None, "zh")],
)
def test_language_of(code: str | None, lang: str) -> None:
    assert texts.language_of(code) == lang


def test_help_lists_every_command_in_both_languages() -> None:
    for lang in ("zh", "en"):
        shown = texts.help_text(lang, "DigestTestBot")
        check_text(shown, "HTML")
        listed = re.findall(r"^/([a-z0-9_]+) — ", shown, flags=re.MULTILINE)
        assert listed == [c.name for c in texts.COMMANDS if not c.admin] + [
            c.name for c in texts.COMMANDS if c.admin
        ]
        assert "@DigestTestBot" in shown


def test_command_names_follow_telegram_rules() -> None:
    for command in texts.COMMANDS:
        assert re.fullmatch(r"[a-z0-9_]{1,32}", command.name)
        assert 1 <= len(command.zh) <= 256 and 1 <= len(command.en) <= 256


def test_english_differs_from_chinese() -> None:
    assert texts.text("en", "unknown") != texts.text("zh", "unknown")
    assert texts.weekday_name("zh", 6) == "日" and texts.weekday_name("en", 0) == "Monday"


_EXAMPLE = re.compile(r"(?:/[a-z]+(?:@\S+)?|@\{bot\})(?: [^\s,.;:)]+)*")  # `/digest 防汛 30d`


@pytest.mark.parametrize("key", sorted(_TEXTS))
def test_english_replies_show_no_chinese_ui_words(key: str) -> None:
    """Chinese in an English reply is the reader's own words or a command's example only."""
    english = _EXAMPLE.sub("", _TEXTS[key][1])
    assert not re.search(_CJK, english), english


@pytest.mark.parametrize("key", sorted(_TEXTS))
def test_chinese_replies_read_as_an_editor_writes(key: str) -> None:
    """文章 not 文档, 本群 or 你 not 本聊天, 简繁 not 字体; full-width brackets around Chinese."""
    zh = _TEXTS[key][0]
    assert not re.search(r"文档|本聊天|字体|[\u4e00-\u9fff]\(|\)[\u4e00-\u9fff]", zh), zh
    assert not re.search(r"[\u4e00-\u9fff] \(|\) [\u4e00-\u9fff]", zh), zh


def test_english_lists_use_english_separators() -> None:
    assert texts.raw("en", "list_sep") == ", " and texts.raw("zh", "list_sep") == "、"
    assert texts.raw("en", "group_heading", name="#政协", n=2) == "#政协 (2)"
    assert texts.raw("zh", "group_heading", name="#政协", n=2) == "#政协（2）"
