"""Meeting names by the settled convention (round 9): the body the sentence gives, never a
deictic, a day word, an alias in brackets or a stray bracket; ceremonies, elections and
compounds whole. Texts written here in the style of the real pages' noise classes."""

from __future__ import annotations

import pytest

from digests.pipeline import analyse, prepare
from tests.digests.test_meeting import facts


@pytest.mark.parametrize(
    ("text", "title", "name"),
    [
        # a body that holds a numbered meeting under its headline: the body is the name's
        (
            "本届大会是在新形势下召开的重要会议。",
            "某党某市委召开第六次代表大会",
            "某党某市委第六次代表大会",
        ),
        # the headline numbers the session the body writes bare
        (
            "某縣議會臨時會七日開議,完成預算案一讀會。",
            "某縣議會第19屆第4、5次臨時會開議",
            "某縣議會第19屆第4、5次臨時會",
        ),
    ],
)
def test_the_headline_gives_the_name(text: str, title: str, name: str) -> None:
    assert facts(text, title, title).name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a deictic is no part of a name, before a school's or a hospital's congress
        ("3月5日，我院隆重召开第九届三次职工代表大会。", "第九届三次职工代表大会"),
        (
            "11月2日,我校五届二次教职工暨工会会员代表大会在报告厅开幕。",
            "五届二次教职工暨工会会员代表大会",
        ),
        # a day word inside the phrase is the date's
        ("某市議會今天定期會開議,議員關注交通。", "某市議會定期會"),
        # what a sentence will call it, in brackets, is no part of it
        (
            "某某联合总会(以下简称“某总”)在某市召开某总第十二届2023年会员代表大会(以下简称“大会”)。",
            "某总第十二届2023年会员代表大会",
        ),
        # a dateline's closing bracket left before the body is dropped
        ("(某地3日讯)某某乡团联谊会日前在某会馆举行职权移交仪式。", "职权移交仪式"),
        # a quoted event's name, cut by the walk inside its quote, starts at the quote
        ("某会代表团出席某联谊会庆三八“国际妇女论坛:同心同行”活动。", "国际妇女论坛"),
        # a ceremony that opens its sentence and that someone chairs is the page's meeting
        ("某某被任命为某会馆会长。就职仪式由主宾某某部长主持。", "就职仪式"),
        # an election held is the event
        (
            "2024年度“某学联—某委员会”执行主席选举日前在某中心顺利举行。",
            "2024年度“某学联—某委员会”执行主席选举",
        ),
        # a compound's second part may be an election
        (
            "某华团联合会日前召开会员代表大会暨新届理事会选举，共60人出席。",
            "会员代表大会暨新届理事会选举",
        ),
        (
            "某僑聯合會舉行第五屆會員大會暨共同主席與理事改選。",
            "某僑聯合會第五屆會員大會暨共同主席與理事改選",
        ),
        # a meeting that examines another's business ends before it
        ("某市議會召開第3屆第9次臨時會審議第4次定期會未完成之議案。", "某市議會第3屆第9次臨時會"),
        # congresses written short: 作代会, 文代会
        ("省作协召开第九次作代会,选举新一届主席团。", "省作协第九次作代会"),
        # an era's first, and how long it lasts, describe a name
        ("新世纪的第一次全国作家代表大会昨日在京开幕。", "全国作家代表大会"),
        ("為期三天的某某協會第八次全國代表大會昨日在京開幕。", "某某協會第八次全國代表大會"),
        # a body's short form in brackets, its characters the body's, is dropped
        (
            "某省同鄉會聯合會(某聯會)“慶祝成立20周年暨第十屆理事會就職典禮”昨晚舉行。",
            "某省同鄉會聯合會“慶祝成立20周年暨第十屆理事會就職典禮”",
        ),
        # a second name in brackets is kept
        ("某市工商联(总商会)六届五次执委会议召开。", "某市工商联(总商会)六届五次执委会议"),
        # an opening ceremony, a celebration and an open day are events held
        (
            "某总会二○二四街坊节开幕礼暨某中心开放日昨日举行。",
            "某总会二○二四街坊节开幕礼暨某中心开放日",
        ),
        ("某会馆日前举行新会所落成暨46周年庆典。", "某会馆新会所落成暨46周年庆典"),
        # the opening of a named meeting is a part of it, not a second meeting
        ("第五届某某论坛开幕式在某市举行。", "第五届某某论坛"),  # (a session's 开幕会 is joined)
        # a city's residents as a group: `在京理事` is no place phrase
        ("某同學會在京理事暨親屬迎春茶話會日前舉行。", "某同學會在京理事暨親屬迎春茶話會"),
        # that day, and business done before closing, follow a name
        ("某会第十次全国会员代表大会当日在京闭幕。", "某会第十次全国会员代表大会"),
        ("省政协十一届二十七次常委会议完成各项议程后闭幕。", "省政协十一届二十七次常委会议"),
        # the meetings a meeting stands for, listed in brackets, are not its name
        (
            "在某中心召开区政府全体(扩大)会议暨项目推进会(某委员会2025年第三次会议、某委员会第四次会议)。",
            "区政府全体(扩大)会议暨项目推进会",
        ),
        # a duration is no name
        ("三天會議期間,代表們審議了報告。", None),
        ("3月2日，某市第七次少代会隆重开幕。", "某市第七次少代会"),  # 少代会, 教代会 written short
        ("某校六届三次教代会在报告厅召开。", "某校六届三次教代会"),
        # a carnival after 暨 is the compound's second part
        (
            "11月17日，第三届世界某某人恳亲大会暨2017某市华人嘉年华在某市开幕。",
            "第三届世界某某人恳亲大会暨2017某市华人嘉年华",
        ),
        # a quoted title right after the meeting word is the event's own name
        (
            "某某会于2月26日晚举行年度晚宴“狮城庆新春2017”，400名嘉宾欢聚一堂。",
            "某某会年度晚宴“狮城庆新春2017”",
        ),
        # what is left of a name when its words are cut is no name
        ("今天的會議,大家暢所欲言。", None),
        ("大家期待已久的我们的年会终于来了。", None),  # whose, not which
        ("會議歷時83小時會議,議員提出多項動議。", None),  # how long
        ("某某華僑聯合總會紐約州分會成立慶典昨日舉行。", "某某華僑聯合總會紐約州分會成立慶典"),
        ("隨著2017年全國兩會首場新聞發布會的召開,某某介紹了會議安排。", None),
        (
            "一連為期三天的某鎮民代表會第十二屆第一次臨時會昨日開議。",
            "某鎮民代表會第十二屆第一次臨時會",
        ),
        ("某某在全国政协十二届三次会议开幕会上向大会报告工作。", "全国政协十二届三次会议开幕会"),
        # an alias in brackets that the name does not go on with keeps the body
        (
            "某某大学社会科学联合会(以下简称社科联)成立暨首届代表大会在某校召开。",
            "某某大学社会科学联合会成立暨首届代表大会",
        ),
        ("某中華會館日前舉行歡送會,歡送即將離任的參贊。", "某中華會館歡送會"),  # receptions held
        ("某華人獅子會年度慈善餐舞會昨晚舉行。", "某華人獅子會年度慈善餐舞會"),
        ("某台山同鄉會春宴暨成立23周年慶會昨日舉行。", "某台山同鄉會春宴暨成立23周年慶會"),
        ("(影音)旅台某縣某同會第2屆第3次會員大會昨日舉行。", "旅台某縣某同會第2屆第3次會員大會"),
        # how it went is no part of it
        ("某華人獅子會昨晚舉辦盛大的慈善餐舞會,逾千人出席。", "慈善餐舞會"),
        # a long compound joined by 暨 stays whole
        (
            "某會昨晚舉行慶祝成立10週年、回歸25週年暨第4屆理監事就職典禮。",
            "某會慶祝成立10週年、回歸25週年暨第4屆理監事就職典禮",
        ),
    ],
)
def test_meeting_names(text: str, name: str | None) -> None:
    assert facts(text).name == name


@pytest.mark.parametrize(
    "text",
    [
        "大会选举产生了新一届理事会。",  # an election the meeting held, not a second part
        "这是一次承前启后的重要会议。",  # what a meeting was, not which
    ],
)
def test_no_name_from_what_a_meeting_did_or_was(text: str) -> None:
    assert facts(text).name is None


@pytest.mark.parametrize(
    ("text", "chair", "role"),
    [
        # a sitting that puts a councillor in its chair; a councillor's title after the name
        ("會中,推派林美玉議員擔任主席,經討論,大會做成決議。", "林美玉", "議員"),
        ("會議由王大明擔任主席。", "王大明", None),
        # a ceremony's chair named by the office before a speech
        ("開幕典禮主席陳為民致詞全文", "陳為民", "典禮主席"),
        # a body's committee is no person: `龙湖区委` before 副书记
        (
            "某湖区委副书记、区长黄晓欢主持召开区政府党组(扩大)会议。",
            "黄晓欢",
            "某湖区委副书记、区长",
        ),
        # titles written one after another are one title; an adverb before 主持
        ("及后，廖慧敏助理校长随即主持家长教师会会员大会。", "廖慧敏", "助理校长"),
        # a surname the tables lacked
        ("茶话会由某某同学会秘书长杭元祥主持。", "杭元祥", "某某同学会秘书长"),
        # a Tibetan name's parts joined by a bullet dot, not the middle dot
        ("会议由嘉木样•洛桑久美•图丹却吉尼玛主持。", "嘉木样•洛桑久美•图丹却吉尼玛", None),
    ],
)
def test_chairs_and_their_roles(text: str, chair: str, role: str | None) -> None:
    got = facts(text)
    assert got.chair == chair
    assert dict(got.roles).get(chair) == role


@pytest.mark.parametrize(
    "text",
    [
        "他曾擔任主席多年,熟悉會務。",  # no one named
        "李四先生担任主席团成员。",  # a presidium, not its chair
    ],
)
def test_no_chair_from_an_office_without_a_name(text: str) -> None:
    assert facts(text).chair is None


@pytest.mark.parametrize(
    "text",
    [
        "某社团于今午5时举行会员大会。",  # an hour, not a place
        "黨團同意在選舉後再召開臨時會。",  # after an event: a time
        "某會在民進黨政府執政後舉行年會。",
        "某中华总商会2日在线举办以“百年商会”为主题的庆典。",  # online: no place
        "如未能安排合适时间于该年度举行会员大会，经干事同意可延期。",  # a year, not a place
        "某某表示,本立法年度已舉行多次會議。",
        "某某在全国政协十二届三次会议召开期间接受采访。",
        "会议即将召开。",
    ],
)
def test_no_place(text: str) -> None:
    assert facts(text).place is None


def test_a_numbered_sitting_of_the_headlines_organ_is_the_name() -> None:
    title = "某会常务理事会拟定“九大”10月召开"
    text = "某会常务理事会拟定“九大”10月召开\n9月8日，某会第八届常务理事会第六次会议在北京召开。"
    assert facts(text, title, title).name == "某会第八届常务理事会第六次会议"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("會議在這裡舉行,各界代表出席。", None),  # where, said without saying
        ("活动于指定地点举行。", None),
        ("某鄉事委員會就職典禮在新建成的鄉議局舉行。", "鄉議局"),  # the hall, not when built
        (
            "某縣農會於本日上午10時假該會大禮堂舉行104年度會員代表大會。",
            "大禮堂",
        ),  # that body's own
        ("某院第3次院會在本院議場舉行。", "本院議場"),  # a page naming its own hall keeps it
        (
            "某會於日前假澳門某渡假城二樓宴會廳舉行就職典禮。",
            "澳門某渡假城二樓宴會廳",
        ),  # 渡假 is no 假
        ("第五届某某论坛在美丽的珠海开幕。", "珠海"),  # the place, not its praise
        ('某协会峰会在享有"湖北中南海"美誉的东湖宾馆举行。', "东湖宾馆"),
        ("某會在過去一年舉行多次會議。", None),  # a time
    ],
)
def test_places(text: str, place: str | None) -> None:
    assert facts(text).place == place


def test_an_agenda_items_letter_is_no_part_of_a_highlight() -> None:
    page = (
        "某區議會第一次會議\n議程 |\nI |\n某區民政事務專員致歡迎辭\n|\n"
        "(a) 成立某區議會屬下各個常務委員會 |\n"
        "(b) 確定會議時間表及舉行聯合會議以推選各委員會主席 |\n"
    )
    docs, _ = analyse([("agenda.txt", page.encode())])
    assert docs[0].highlights
    assert not any(line.startswith(("(a)", "(b)")) for line in docs[0].highlights)


@pytest.mark.parametrize(
    ("text", "chair"),
    [
        ("会议由王艳老师主持。", "王艳"),  # a courtesy title after the name
        ("常务副主席怀进鹏主持会议。", "怀进鹏"),  # 常务 is no name
        (
            "大會籌備會議昨日舉行,由僑聯簡漢生理事長主持,通過活動日程表。",
            "簡漢生",
        ),  # body, name, title
        ("尊敬的大会主席庄启义理事长、各位贵宾,大家好。", "庄启义"),  # the chair saluted by office
    ],
)
def test_chairs(text: str, chair: str) -> None:
    assert facts(text).chair == chair


@pytest.mark.parametrize(
    ("page", "furniture"),
    [
        # a speech's salutation
        (
            "大會主席團、總主席、各位先進、各位好朋友、大家好！\n"
            "今天很高興在這裡向各位報告本會一年來的會務。本會在全體理監事的努力下,會務推展順利。",
            "大家好",
        ),
        # a bracketed byline
        (
            "(某某網/記者某某某報導)\n"
            "臺灣某醫學會年會今日在台北舉行,逾千名醫師參加,會中並頒發多項學術獎項,表揚優秀研究。",
            "記者",
        ),
    ],
)
def test_a_line_that_is_no_headline_is_never_the_title(page: str, furniture: str) -> None:
    assert furniture not in prepare(page.encode(), "page.txt").title


def test_a_headlines_compound_is_whole() -> None:
    title = "某華聯舉行新春聯歡晚會暨換屆典禮"
    text = "某華聯日前在某酒家歡聚一堂,會長致詞感謝各界支持。"
    assert facts(text, title, title).name == "某華聯新春聯歡晚會暨換屆典禮"


def test_a_meeting_opening_a_sentence_about_what_was_said_at_it_is_held() -> None:
    text = "某會領導一行到訪某宗親總會。座談交流會上某某理事長首先致辭,對各位到來表示歡迎。"
    assert facts(text).name == "座談交流會"


def test_a_clergy_title_after_a_name() -> None:
    got = facts("會議由高明牧師主持。")
    assert (got.chair, dict(got.roles).get("高明")) == ("高明", "牧師")


def test_a_long_gap_without_a_joining_word_ends_the_name() -> None:
    title = "臺灣某醫學會年會每年針對重要醫療政策"
    text = "臺灣某醫學會年會每年針對重要醫療政策、國內熱門社會議題以「高峰論壇」形式,邀請專家討論。"
    assert facts(text, title, title).name == "臺灣某醫學會年會"
