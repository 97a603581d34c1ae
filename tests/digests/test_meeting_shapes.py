"""Meeting names by the shape of their sentence (round 7): what opens, bounds or follows a
name, written here in the style of the real pages' noise classes."""

from __future__ import annotations

import pytest

from tests.digests.test_meeting import facts


@pytest.mark.parametrize(
    ("text", "title", "name"),
    [
        # a weekday in brackets is the date's, never the name's
        ("某縣議會定於3月4日(星期一)召開第5屆第2次定期會。", "", "某縣議會第5屆第2次定期會"),
        (
            "立法院定於2月17日(星期五)舉行第10屆第7會期第1次會議。",
            "",
            "立法院第10屆第7會期第1次會議",
        ),
        # a column's tag opening a line is no part of the name
        (
            "《駐滬專電》全國統戰部長會議召開，某某出席\n全國統戰部長會議5日在京召開。",
            "全國統戰部長會議召開",
            "全國統戰部長會議",
        ),
        ("[图文]某市政协党外人士座谈会召开", "", "某市政协党外人士座谈会"),
        ("〔本报专讯〕某市政协党外人士座谈会昨日召开。", "", "某市政协党外人士座谈会"),
        ("◎某某商會第三屆會員大會昨日舉行。", "", "某某商會第三屆會員大會"),  # a bullet
        # the first meeting since an event, before a name in full, is not its number
        ("1月7日召开了换届后的首次全市政法工作会议，某某出席。", "", "全市政法工作会议"),
        # how it was held follows the name: `以…形式召开`
        ("近日，某省统战部长会议以视频会议形式召开，某某讲话。", "", "某省统战部长会议"),
    ],
)
def test_what_bounds_a_name(text: str, title: str, name: str | None) -> None:
    assert facts(text, title, title or None).name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a task about a meeting refers to it; it is not held
        ("要做好省第十二次党代会宣传，营造浓厚氛围。", None),
        (
            "为充分发挥教职工代表大会在校务中的作用，8月25日，某镇中心学校举行教职工代表大会。",
            "某镇中心学校教职工代表大会",
        ),
        ("为确保全市经济工作会议顺利召开，某局召开安保工作部署会。", "某局安保工作部署会"),
        # unless the task opens a name held: a verb right after the verb of holding
        ("某县召开确保安全度汛工作会议。", "确保安全度汛工作会议"),
        ("12月30日，某社区举办迎接新年联欢晚会。", "迎接新年联欢晚会"),
        (
            "11月4日,市十五届人大常委会第二十次会议举行列席代表座谈会。",
            "市十五届人大常委会第二十次会议列席代表座谈会",
        ),
        # a meeting said to be convened later is not the one reported
        (
            "某縣議會第20屆第6次臨時會從12月18日至22日審查完畢,議會指28日將召開"
            "第20屆第6次程序委員會。",
            "某縣議會第20屆第6次臨時會",
        ),
        # the standing body of a congress, and its rules of procedure, are no meeting
        ("某某代表大會常務委員會議事規則(全文)\n第一條 委員長會議可以提出議案。", None),
        # a year's gathering of those living in a city: `在京` is no place phrase
        ("某机构13日在北京某会馆举办2013年在京台胞中秋茶话会。", "2013年在京台胞中秋茶话会"),
    ],
)
def test_held_or_referred_to(text: str, name: str | None) -> None:
    assert facts(text).name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a council's sittings and procedure committee, in traditional script
        ("某某今日分工主持院會，讓法案先三讀通過。", "院會"),
        (
            "某市議會14日下午召開本屆第6次臨時會第1次程序委員會,確定議程。",
            "某市議會本屆第6次臨時會第1次程序委員會",
        ),
        (
            "某市議會三日召開第四屆第十次臨時會第一次程委會，通過召開臨時會。",
            "某市議會第四屆第十次臨時會第一次程委會",
        ),
        # the sitting acting that day (`三讀通過`, `表決通過`)
        ("立法院今（21）日院會三讀通過某法修正草案。", "院會"),
        ("院會今天表決通過某法案，朝野協商破局。", "院會"),
        # a council's sitting named by its council, as a plenary is
        ("某縣議會昨天召開臨時會，審查墊付案。", "某縣議會臨時會"),
        ("某鄉民代表會今日召開定期大會，審議預算。", "某鄉民代表會定期大會"),
        # a bare meeting word opening its line: the subject, or the meeting one is at
        ("行政会日前完成讨论某法规草案。", "行政会"),
        ("某某一行到某地學習交流。\n座談會上,某某介紹了做法。", "座談會"),
        # receptions attended, organised by a body, or spoken at
        (
            "某会长说,该会积极履行职责。\n他今午出席该会主办的新春团拜致词时说,大家要团结。",
            "新春团拜",
        ),
        (
            "他今午在某会访问团与某会属会交流聚餐会上致词时，如此表示。",
            "某会访问团与某会属会交流聚餐会",
        ),
    ],
)
def test_kinds_of_meeting(text: str, name: str) -> None:
    assert facts(text).name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the subject of a line's sentence about what it does today
        ("(某社記者某某台北21日電)立法院會今天繼續處理修法,表決通過提案。", "立法院會"),
        # a clan association (会馆) holds its numbered meeting
        ("新加坡某会馆日前举行第55届会员大会,选出新一届理事。", "新加坡某会馆第55届会员大会"),
        # a lede after its dateline says what happened at a meeting: the one reported
        (
            "(某地29日讯)某商会在第九届某某社团联谊大会上,获颁荣誉。\n"
            "该会会长应邀出席在某地举行的某会五届一次理事大会和第九届某某社团联谊大会。",
            "第九届某某社团联谊大会",
        ),
        # a meeting held later that studies the first one: the page reports the study
        (
            "12月20日上午，某省第十五次代表大会在某市闭幕。\n"
            "12月23日下午，某县团委召开学习贯彻某省第十五次代表大会精神座谈会。",
            "学习贯彻某省第十五次代表大会精神座谈会",
        ),
    ],
)
def test_the_meeting_the_page_reports(text: str, name: str) -> None:
    assert facts(text).name == name


@pytest.mark.parametrize(
    ("text", "title", "name"),
    [
        # the headline's council joins a session the body writes without it, or bare
        (
            "第四屆第十次臨時會今天開議，市長列席。",
            "某市議會臨時會開議",
            "某市議會第四屆第十次臨時會",
        ),
        (
            "議會三日下午召開第十次臨時會第一次程序委員會，通過議程。",
            "某市議會臨時會 十日開議",
            "某市議會第十次臨時會第一次程序委員會",
        ),
        # a 代表会议 is a meeting, not a council (`…台湾同胞代表会议`)
        (
            "8日,第十次某省台湾同胞代表会议在杭开幕。",
            "第十次省台湾同胞代表会议召开",
            "第十次某省台湾同胞代表会议",
        ),
    ],
)
def test_the_headlines_council_joins_the_session(text: str, title: str, name: str) -> None:
    assert facts(text, title, title).name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a meeting's papers are not a meeting: the meeting is the one they are for
        (
            "某某股份有限公司2025年第二次临时股东大会会议材料\n一、关于修订公司章程的议案",
            "某某股份有限公司2025年第二次临时股东大会",
        ),
        ("某县第十次党代会会议文件汇编\n目录", "某县第十次党代会"),
    ],
)
def test_a_meetings_papers_name_the_meeting(text: str, name: str) -> None:
    assert facts(text).name == name


def test_the_headline_gives_the_place_the_body_does_not() -> None:
    got = facts("全国宣传部长会议5日召开。会议要求，各地要抓好落实。", "全国宣传部长会议在京召开")
    assert (got.name, got.place) == ("全国宣传部长会议", "北京")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a byline's name alone in brackets before the name
        ("(王某梅)第十次全国某某代表大会昨天在京开幕。", "第十次全国某某代表大会"),
        # a clause's subject is no part of a name, and what it hopes for was not held
        ("某某联会迎春宴会昨晚举行。他期望新届会董会团结会员。", "某某联会迎春宴会"),
        # who organised it and how often it is held are not its name
        ("由某某中心和某某总会联办的一年一度的新春团拜昨日举行。", "新春团拜"),
        # a named feast is a reception held; one given is not
        ("某某公所昨晚假某酒家举行一年一度大闸蟹宴，筵开六十席。", "大闸蟹宴"),
        # a body's ceremony
        ("某某會館第三屆「傑出青年獎」頒獎典禮昨日舉行。", "某某會館第三屆「傑出青年獎」頒獎典禮"),
    ],
)
def test_receptions_and_ceremonies(text: str, name: str) -> None:
    assert facts(text).name == name


def test_a_feast_given_is_no_meeting() -> None:
    assert facts("市长设宴款待来宾，宾主交谈甚欢。").name is None


def test_a_name_ends_where_its_sentence_goes_on() -> None:
    text = "6日上午，某某鎮第十八屆人民代表大會第一次會議圓滿完成大會各項議程，勝利閉幕。"
    assert facts(text).name == "某某鎮第十八屆人民代表大會第一次會議"
