"""Command arguments: what each command accepts and the reply key for what it refuses."""

from __future__ import annotations

import random
from datetime import time

import pytest

from bot import texts, zones
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
    parse_topic,
)

# What people type after /schedule, in both languages, IME full-width forms included.
TYPED_SCHEDULES = [
    ("即时", ScheduleSpec("instant")),
    ("实时", ScheduleSpec("instant")),
    ("即時", ScheduleSpec("instant")),
    ("instant", ScheduleSpec("instant")),
    ("Instant", ScheduleSpec("instant")),
    ("每天 07:30", ScheduleSpec("daily", time(7, 30))),
    ("每天07:30", ScheduleSpec("daily", time(7, 30))),
    ("每天 07：30", ScheduleSpec("daily", time(7, 30))),
    ("每日 ０７：３０", ScheduleSpec("daily", time(7, 30))),
    ("每天 8点", ScheduleSpec("daily", time(8))),
    ("每天 8点半", ScheduleSpec("daily", time(8, 30))),
    ("每天 早上8点", ScheduleSpec("daily", time(8))),
    ("每天 下午6点", ScheduleSpec("daily", time(18))),
    ("每天 晚上9点15分", ScheduleSpec("daily", time(21, 15))),
    ("每天 八点", ScheduleSpec("daily", time(8))),
    ("07:30", ScheduleSpec("daily", time(7, 30))),
    ("daily 07:30", ScheduleSpec("daily", time(7, 30))),
    ("daily 07：30", ScheduleSpec("daily", time(7, 30))),
    ("DAILY 7:05", ScheduleSpec("daily", time(7, 5))),
    ("every day 6pm", ScheduleSpec("daily", time(18))),
    ("每周五 18:00", ScheduleSpec("weekly", time(18), 4)),
    ("每周五18:00", ScheduleSpec("weekly", time(18), 4)),
    ("每周 五 18:00", ScheduleSpec("weekly", time(18), 4)),
    ("每星期一 9:00", ScheduleSpec("weekly", time(9), 0)),
    ("每周日 9点", ScheduleSpec("weekly", time(9), 6)),
    ("周五 18:00", ScheduleSpec("weekly", time(18), 4)),
    ("星期天 21:15", ScheduleSpec("weekly", time(21, 15), 6)),
    ("週五 18:00", ScheduleSpec("weekly", time(18), 4)),
    ("weekly 周五 18:00", ScheduleSpec("weekly", time(18), 4)),
    ("weekly fri 18:00", ScheduleSpec("weekly", time(18), 4)),
    ("weekly Sunday 00:00", ScheduleSpec("weekly", time(0), 6)),
    ("weekly mon 23:59", ScheduleSpec("weekly", time(23, 59), 0)),
    ("every Friday 6pm", ScheduleSpec("weekly", time(18), 4)),
]


@pytest.mark.parametrize(("typed", "expected"), TYPED_SCHEDULES)
def test_schedule_accepts_what_people_type(typed: str, expected: ScheduleSpec) -> None:
    assert parse_schedule(typed.split()) == expected


@pytest.mark.parametrize(
    ("args", "key"),
    [
        ([], "schedule_usage"),
        (["daily"], "schedule_usage"),
        (["每天"], "schedule_usage"),
        (["hourly", "08:00"], "schedule_usage"),
        (["instant", "now"], "schedule_usage"),
        (["daily", "25:99"], "bad_time"),
        (["每天", "25:99"], "bad_time"),
        (["daily", "24:00"], "bad_time"),
        (["daily", "8"], "bad_time"),
        (["每天", "三十点"], "bad_time"),
        (["weekly", "someday", "08:00"], "bad_weekday"),
        (["weekly", "mo", "08:00"], "bad_weekday"),
        (["每周八", "08:00"], "bad_weekday"),
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


# What people type after /timezone → the zone stored, and how each language names it.
TYPED_ZONES = [
    ("北京", "Asia/Shanghai", "北京时间", "Beijing time"),
    ("上海", "Asia/Shanghai", "北京时间", "Beijing time"),
    ("北京时间", "Asia/Shanghai", "北京时间", "Beijing time"),
    ("台北", "Asia/Taipei", "台北时间", "Taipei time"),
    ("臺北", "Asia/Taipei", "台北时间", "Taipei time"),
    ("香港", "Asia/Hong_Kong", "香港时间", "Hong Kong time"),
    ("澳門", "Asia/Macau", "澳门时间", "Macau time"),
    ("新加坡", "Asia/Singapore", "新加坡时间", "Singapore time"),
    ("东京", "Asia/Tokyo", "东京时间", "Tokyo time"),
    ("伦敦", "Europe/London", "伦敦时间", "London time"),
    ("纽约", "America/New_York", "纽约时间", "New York time"),
    ("UTC+8", "Etc/GMT-8", "UTC+8", "UTC+8"),
    ("utc+08:00", "Etc/GMT-8", "UTC+8", "UTC+8"),
    ("GMT-5", "Etc/GMT+5", "UTC-5", "UTC-5"),
    ("UTC", "UTC", "UTC", "UTC"),
    ("东八区", "Etc/GMT-8", "UTC+8", "UTC+8"),
    ("asia/shanghai", "Asia/Shanghai", "北京时间", "Beijing time"),
    ("Europe/Paris", "Europe/Paris", "巴黎时间", "Paris time"),
    ("london", "Europe/London", "伦敦时间", "London time"),
    ("New York", "America/New_York", "纽约时间", "New York time"),
    ("tokyo", "Asia/Tokyo", "东京时间", "Tokyo time"),
    ("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires", None, None),
]


@pytest.mark.parametrize(("typed", "zone", "zh", "en"), TYPED_ZONES)
def test_timezone_accepts_what_people_type(
    typed: str, zone: str, zh: str | None, en: str | None
) -> None:
    assert parse_timezone(typed.split()) == zone
    assert zones.label("zh", zone) == (zh or zone) and zones.label("en", zone) == (en or zone)


@pytest.mark.parametrize(
    ("args", "key"),
    [
        ([], "timezone_usage"),
        (["Mars/Base"], "bad_timezone"),
        (["火星"], "bad_timezone"),
        (["America"], "bad_timezone"),
        (["UTC+15"], "bad_timezone"),
        (["../../etc/passwd"], "bad_timezone"),
        (["/etc/localtime"], "bad_timezone"),
        (["Asia/" + "x" * 100], "bad_timezone"),
    ],
)
def test_timezone_refuses(args: list[str], key: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_timezone(args)
    assert caught.value.key == key


TYPED_KEYWORDS = [
    ("民主生活会，政协", ("民主生活会", "政协")),
    ("民主生活会、政协；统战", ("民主生活会", "政协", "统战")),
    ("民主生活会\u3000政协", ("民主生活会", "政协")),
    ("政协 +座谈会 !足球", ("政协", "+座谈会", "!足球")),
    ("政协 ＋座谈会 ！足球 -篮球", ("政协", "+座谈会", "!足球", "!篮球")),
    ("會議 统战,会议 政协, 统战", ("会议", "统战", "政协")),
    ("COVID-19", ("COVID-19",)),
    ("+ ! -", ()),
]


@pytest.mark.parametrize(("typed", "expected"), TYPED_KEYWORDS)
def test_keywords_split_as_people_type_them(typed: str, expected: tuple[str, ...]) -> None:
    assert parse_keywords(typed.split(" ")) == expected


def test_a_leading_hash_names_a_topic() -> None:
    assert parse_topic(["#纪委", "纪律"]) == ("纪委", ["纪律"])
    assert parse_topic(["＃纪委，纪律", "监察"]) == ("纪委", ["纪律", "监察"])
    assert parse_topic(["纪律"]) == (None, ["纪律"])
    for bad in (["#"], ["#" + "长" * 17], ["#!!"]):
        with pytest.raises(InputError) as caught:
            parse_topic(bad)
        assert caught.value.key == "bad_topic_name"


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
    assert parse_doc_id(["１２"]) == 12 and parse_doc_id(["#12"]) == 12
    for bad in ([], ["abc"], ["-1"], ["1", "2"], ["9" * 40]):
        with pytest.raises(InputError):
            parse_doc_id(bad)


_PIECES = ["每天", "每周", "周", "五", "日", "7", "07", ":", "：", "30", "点", "半", "下午", "pm"]
_PIECES += ["weekly", "daily", "fri", "#", "＃", "+", "!", "！", "-", "，", "、", "\u3000", " "]
_PIECES += ["UTC", "+8", "北京", "台北", "asia/", "shanghai", "十", "二十", "99", "٣", "𠀀", "\x00"]


def test_every_argument_parses_or_gets_its_reply() -> None:
    """Whatever is typed, a parser returns a value or raises an InputError with a text."""
    rng = random.Random(12)
    parsers = (parse_schedule, parse_timezone, parse_keywords, parse_topic, parse_digest)
    for _ in range(3000):
        args = [
            "".join(rng.choices(_PIECES, k=rng.randint(0, 6))) for _ in range(rng.randint(0, 3))
        ]
        for parser in parsers:
            try:
                parser(args)  # type: ignore[operator]
            except InputError as error:
                assert texts.key_exists(error.key)
