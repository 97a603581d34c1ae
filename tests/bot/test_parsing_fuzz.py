"""Fuzzed command arguments: each parses, or raises the InputError whose reply is the usage.

Nothing else escapes a parser, whatever a reader types: no IsADirectoryError from a zone
folder (`America`), no ValueError from a numeral, no KeyError from a reply without its text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import parsing, texts, zones
from bot.handlers.admin import valid_location
from bot.parsing import InputError
from bot.settings import Settings, SettingsError

# Pieces of what readers type, so the fuzz reaches deep into each grammar, and any text.
_TYPED = (
    "每天 每周 周五 星期日 礼拜天 即时 daily weekly every fri monday "
    "上午 下午 晚上 凌晨 点 时 半 分 "
    "07:30 7.30 ０７：３０ 18 8 十二 二十三 两 〇 99 pm am a.m. "
    "北京 台北 伦敦 UTC+8 utc-3:30 GMT+14 东八区 西十二区 America Asia Etc US Etc/GMT-14 "
    "posix right zone.tab tzdata.zi ../etc /etc/passwd Asia/ America/Argentina "
    "#topic #话题 +座谈会 !足球 -篮球 ＋ ！ 、 ， ； 7d 30天 999d 0d #12 № １２ "
    "\u3000 \x00 \ud800 \u200b 𠀀 ﷽"
)
PIECES = _TYPED.split(" ")
WORD = st.one_of(st.sampled_from(PIECES), st.text(max_size=12), st.text("0123456789:.十点半 "))
ARGS = st.lists(st.one_of(WORD, st.lists(WORD, max_size=3).map("".join)), max_size=6)
FUZZ = settings(
    max_examples=400, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)

PARSERS: dict[str, Callable[[Sequence[str]], Any]] = {
    "schedule": parsing.parse_schedule,
    "timezone": parsing.parse_timezone,
    "keywords": parsing.parse_keywords,
    "topic": parsing.parse_topic,
    "digest": parsing.parse_digest,
    "query": parsing.parse_query,
    "doc": parsing.parse_doc_id,
}


def _answered(error: InputError) -> None:
    """The reply an InputError stands for exists in both languages, its fields filled."""
    for lang in ("zh", "en"):
        assert texts.text(lang, error.key, **error.params)


@pytest.mark.parametrize("name", sorted(PARSERS))
def test_every_argument_parses_or_gets_its_usage_reply(name: str) -> None:
    parser = PARSERS[name]

    @FUZZ
    @given(ARGS)
    def check(args: list[str]) -> None:
        try:
            parser(args)
        except InputError as error:
            _answered(error)

    check()


@FUZZ
@given(st.one_of(st.sampled_from(PIECES), st.text(max_size=80)))
def test_a_zone_name_resolves_or_is_none(name: str) -> None:
    zone = zones.resolve(name)
    assert zone is None or zones.label("zh", zone)


@pytest.mark.parametrize("folder", ["America", "Asia", "Etc", "US", "Asia/", "posix", "right"])
def test_a_folder_of_zones_is_an_unknown_zone(folder: str) -> None:
    with pytest.raises(InputError) as caught:
        parsing.parse_timezone([folder])
    assert caught.value.key == "bad_timezone"  # its reply says what to send instead
    with pytest.raises(SettingsError, match=r"^DEFAULT_TIMEZONE: unknown time zone"):
        Settings.from_env({"DEFAULT_TIMEZONE": folder})


@FUZZ
@given(st.one_of(st.sampled_from(PIECES), st.text(max_size=40)))
def test_default_timezone_is_a_zone_or_a_setting_error(name: str) -> None:
    try:
        Settings.from_env({"DEFAULT_TIMEZONE": name})
    except SettingsError as error:
        assert str(error).startswith("DEFAULT_TIMEZONE: ")


@FUZZ
@given(st.one_of(st.sampled_from(PIECES), st.text(max_size=40), st.just("http://[::1")))
def test_a_source_location_is_valid_or_not_never_an_error(value: str) -> None:
    assert valid_location(value) in (True, False)
