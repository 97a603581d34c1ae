"""People as people: whole names with roles, never a fragment or a word."""

from __future__ import annotations

import pytest

from digests.model import Person
from digests.people import extract_people, is_name
from digests.script import to_simplified


def people(text: str) -> dict[str, list[Person]]:
    got = extract_people(text, to_simplified(text))
    return {
        "chair": list(got.chair),
        "attendees": list(got.attendees),
        "speakers": list(got.speakers),
    }


def test_a_speaker_is_never_cut_from_the_sentence_around_him() -> None:
    text = (
        "王建国强调，要抓好落实。赵明在讲话中指出，要加强自身建设。按照会议要求，各单位抓好落实。"
    )
    assert [p.name for p in people(text)["speakers"]] == ["王建国", "赵明"]


def test_the_chair_with_the_role_written_before_the_name() -> None:
    text = "市委常委、统战部部长胡勇政主持会议。"
    assert people(text)["chair"] == [Person("胡勇政", "市委常委、统战部部长")]


@pytest.mark.parametrize(
    ("text", "chair"),
    [
        ("會議由郑南贵主持。", Person("郑南贵", None)),
        ("會議由許宏綺區長主持。", Person("許宏綺", "區長")),
        ("大会由工会主席王敏捷同志主持。", Person("王敏捷", "工会主席")),
        (
            "受县委书记委托,县委副书记、县长王代强主持召开常委会会议。",
            Person("王代强", "县委副书记、县长"),
        ),
    ],
)
def test_chairs_as_reports_write_them(text: str, chair: Person) -> None:
    assert people(text)["chair"] == [chair]


def test_attendees_are_people_not_lists_of_people_with_titles() -> None:
    text = "县人大常委会主任王晋成,副主任郭宝花、许孝新及各专委会负责人出席会议。"
    assert people(text)["attendees"] == [
        Person("王晋成", "县人大常委会主任"),
        Person("郭宝花", "副主任"),
        Person("许孝新", "副主任"),
    ]


@pytest.mark.parametrize("word", ["赵明在", "按照", "同志们", "会议", "大家", "委員甲"])
def test_a_fragment_or_a_word_is_no_name(word: str) -> None:
    assert not is_name(to_simplified(word))


@pytest.mark.parametrize(
    "text",
    [
        "全國政協主席王建國22日下午主持召開政協常委會議。",
        "市政协主席王建国在北京主持召开主席会议。",
        "县人大常委会主任王建国昨日上午在县委小礼堂主持会议。",
    ],
)
def test_the_chair_before_the_day_or_place_of_the_sitting(text: str) -> None:
    assert [p.name for p in people(text)["chair"]] == ["王建國" if "國" in text else "王建国"]


def test_a_name_before_the_standing_committees_chairman() -> None:
    text = "某市人大常委會在市民中心舉行第十二次委員長會議。鄭大同委員長主持會議。"
    assert people(text)["chair"] == [Person("鄭大同", "委員長")]


@pytest.mark.parametrize(
    ("text", "chair"),
    [
        ("会议由督导专员韩立新主持。", Person("韩立新", "督导专员")),
        ("活动由指导老师陈雪主持。", Person("陈雪", "指导老师")),
        ("大会由主席团成员赵敏主持。", Person("赵敏", "主席团成员")),
    ],
)
def test_a_name_after_a_title_the_list_lacks(text: str, chair: Person) -> None:
    assert people(text)["chair"] == [chair]


def test_a_chair_who_attended_and_chaired() -> None:
    text = "3月12日上午,学校党委理论学习中心组会议召开,党委书记王建国出席并主持会议。"
    assert people(text)["chair"] == [Person("王建国", "党委书记")]


@pytest.mark.parametrize(
    ("text", "chair"),
    [
        ("开幕式由某省地理学会副理事长、东山大学地理学院韩立新教授主持。", "韩立新"),
        ("报告会由西山市第一中学陈雪校长主持。", "陈雪"),
    ],
)
def test_a_name_between_its_institution_and_its_title(text: str, chair: str) -> None:
    assert [p.name for p in people(text)["chair"]] == [chair]


def test_leading_a_toast_chairs_nothing() -> None:
    text = "某聯誼會昨晚假某酒樓舉行春茗,席間,常務副會長陳大文主持祝酒。"
    assert people(text)["chair"] == []


def test_a_board_members_title_is_no_name() -> None:
    text = "某集團召開董事會會議。某集團黨組副書記、董事、總經理王建國主持會議。"
    assert [p.name for p in people(text)["chair"]] == ["王建國"]


@pytest.mark.parametrize(
    "text", ["会议在县委书记王五主持下召开。", "会议在县委书记王五的主持下召开。"]
)
def test_a_meeting_held_under_its_chair(text: str) -> None:
    assert [p.name for p in people(text)["chair"]] == ["王五"]


def test_chairs_taking_turns() -> None:
    text = "大会执行主席王五、李四、赵六轮流主持会议。"
    assert [p.name for p in people(text)["chair"]] == ["王五", "李四", "赵六"]


@pytest.mark.parametrize(
    ("text", "name"), [("會議由議長 王大同 主持。", "王大同"), ("县委书记 王五 主持会议。", "王五")]
)
def test_a_chair_set_off_by_spaces(text: str, name: str) -> None:
    assert [p.name for p in people(text)["chair"]] == [name]
    # a credit before the space is no part of the chair's list
    assert [p.name for p in people("记者 张三 报道 王五主持会议。")["chair"]] == ["王五"]


def test_chairs_together_across_a_comma() -> None:
    text = "会议由县委副书记、县长王五，县委副书记李四共同主持。"
    assert [p.name for p in people(text)["chair"]] == ["王五", "李四"]
    alone = "王五讲话，会议由县委副书记李四主持。"
    assert [p.name for p in people(alone)["chair"]] == ["李四"]


@pytest.mark.parametrize(
    ("text", "chair"),
    [
        # the weekday and its bracketed date between the name and 主持 are the day's
        ("据报道,陈文海星期一(10月31日)主持召开全体会议。", "陈文海"),
        # how several share the chair: `分工主持`
        ("江啟明分工主持院會,讓法案先三讀通過。", "江啟明"),
        # a title on each side of the name (Taiwan's `召集人某某議長`)
        ("程序委員會由召集人郭信安議長主持,委員出席。", "郭信安"),
        # a title that ends as titles do, not in the list (`督学`)
        ("该镇责任督学唐大山主持会议。", "唐大山"),
        # a surname the segmenter's list lacks
        ("副市長、市公安局局長路平主持會議。", "路平"),
        # a notice's field, with an honorific after the name
        ("三、现场会议主持人:公司董事长苗东升先生\n四、会议方式:现场投票", "苗东升"),
    ],
)
def test_chairs_written_around_the_name(text: str, chair: str) -> None:
    assert [p.name for p in people(text)["chair"]] == [chair]
