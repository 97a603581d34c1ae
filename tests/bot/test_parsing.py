"""Command arguments: what each command accepts and the reply key for what it refuses."""

from __future__ import annotations

from datetime import time

import pytest

from bot import texts
from bot.parsing import (
    MAX_KEYWORDS,
    MAX_QUERY,
    DigestRequest,
    InputError,
    ScheduleSpec,
    parse_digest,
    parse_doc_id,
    parse_keywords,
    parse_query,
    parse_schedule,
    parse_timezone,
)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["instant"], ScheduleSpec("instant")),
        (["daily", "07:30"], ScheduleSpec("daily", time(7, 30))),
        (["DAILY", "7:05"], ScheduleSpec("daily", time(7, 5))),
        (["weekly", "fri", "18:00"], ScheduleSpec("weekly", time(18), 4)),
        (["weekly", "Sunday", "00:00"], ScheduleSpec("weekly", time(0), 6)),
        (["weekly", "mon", "23:59"], ScheduleSpec("weekly", time(23, 59), 0)),
    ],
)
def test_schedule_accepts(args: list[str], expected: ScheduleSpec) -> None:
    assert parse_schedule(args) == expected


@pytest.mark.parametrize(
    ("args", "key"),
    [
        ([], "schedule_usage"),
        (["daily"], "schedule_usage"),
        (["hourly", "08:00"], "schedule_usage"),
        (["instant", "now"], "schedule_usage"),
        (["daily", "25:99"], "bad_time"),
        (["daily", "24:00"], "bad_time"),
        (["daily", "8"], "bad_time"),
        (["weekly", "someday", "08:00"], "bad_weekday"),
        (["weekly", "mo", "08:00"], "bad_weekday"),
    ],
)
def test_schedule_refuses_with_the_reason(args: list[str], key: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_schedule(args)
    assert caught.value.key == key
    assert texts.key_exists(key)


def test_bad_time_names_the_value() -> None:
    with pytest.raises(InputError) as caught:
        parse_schedule(["daily", "25:99"])
    assert "25:99" in texts.text("en", caught.value.key, **caught.value.params)


def test_timezone_accepts_iana_names() -> None:
    assert parse_timezone(["Europe/Paris"]) == "Europe/Paris"
    assert parse_timezone(["America/Argentina/Buenos_Aires"]) == "America/Argentina/Buenos_Aires"


@pytest.mark.parametrize(
    ("args", "key"),
    [
        ([], "timezone_usage"),
        (["Asia/Shanghai", "Europe/Paris"], "timezone_usage"),
        (["Mars/Base"], "bad_timezone"),
        (["../../etc/passwd"], "bad_timezone"),
        (["/etc/localtime"], "bad_timezone"),
        (["Asia/" + "x" * 100], "bad_timezone"),
    ],
)
def test_timezone_refuses(args: list[str], key: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_timezone(args)
    assert caught.value.key == key


def test_keywords_are_simplified_deduplicated_and_in_order() -> None:
    assert parse_keywords(["會議", "统战,会议", "政协,", "统战"]) == ("会议", "统战", "政协")


def test_keywords_are_bounded() -> None:
    assert parse_keywords(["长" * 100]) == ("长" * 30,)
    with pytest.raises(InputError) as caught:
        parse_keywords([f"词{n}" for n in range(MAX_KEYWORDS + 1)])
    assert caught.value.key == "too_many_keywords"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], DigestRequest()),
        (["7d"], DigestRequest(days=7)),
        (["30天"], DigestRequest(days=30)),
        (["3D"], DigestRequest(days=3)),
        (["民主生活會"], DigestRequest(keywords=("民主生活会",))),
        (["政协", "7d"], DigestRequest(keywords=("政协",), days=7)),
        (["7d", "政協", "统战"], DigestRequest(keywords=("政协", "统战"), days=7)),
    ],
)
def test_digest_arguments(args: list[str], expected: DigestRequest) -> None:
    assert parse_digest(args) == expected


@pytest.mark.parametrize("args", [["0d"], ["9999d"], ["7d", "30d"], ["政协", "1d", "2天"]])
def test_digest_days_out_of_range_or_twice(args: list[str]) -> None:
    with pytest.raises(InputError) as caught:
        parse_digest(args)
    assert caught.value.key == "bad_digest_args"


def test_query_joins_words_and_cuts_long_ones() -> None:
    assert parse_query(["民主", "生活会"]) == ("民主 生活会", False)
    assert parse_query("  统战\n工作 ") == ("统战 工作", False)
    query, cut = parse_query(["党" * 3000])
    assert (len(query), cut) == (MAX_QUERY, True)


@pytest.mark.parametrize("args", [[], [""], "   "])
def test_empty_query_asks_for_words(args: list[str] | str) -> None:
    with pytest.raises(InputError) as caught:
        parse_query(args)
    assert caught.value.key == "search_usage"


def test_doc_id() -> None:
    assert parse_doc_id(["999999"]) == 999999
    for bad in ([], ["abc"], ["-1"], ["１２"], ["1", "2"], ["9" * 40]):
        with pytest.raises(InputError):
            parse_doc_id(bad)
