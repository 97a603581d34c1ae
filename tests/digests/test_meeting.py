"""Meeting facts, on hand-written reports in both scripts and both kinds of punctuation."""

from __future__ import annotations

import pytest

from digests.meeting import CAP, extract_meeting, find_meeting_name
from digests.model import MeetingFacts, Person
from digests.pipeline import prepare
from digests.script import to_simplified
from tests.conftest import seed_path

# A traditional report with ASCII punctuation, as the seed pages write it.
REPORT_TRAD = (
    "3月2日上午,東湖區政協黨外人士座談會在區行政中心第二會議室召開。"
    "區政協黨組書記、主席王建國出席會議並講話,區委常委、統戰部部長李明主持會議。"
    "各民主黨派區委負責人、無黨派代表人士等參加會議。\n"
    "王建國指出,要深入學習貫徹會議精神,凝聚共識。\n"
    "李明在講話中強調,各黨派要加強自身建設。會議強調,要抓好落實。"
)
TITLE_TRAD = "凝心聚力謀發展!東湖區政協召開黨外人士座談會"
# The same kind of report in simplified script with full-width punctuation.
REPORT_SIMP = (
    "11月8日下午，西山县委统战部年度工作推进会在县委党校报告厅举行。"
    "县委副书记张海涛出席会议并讲话，县委统战部部长刘芳主持会议。"
    "县委统战部全体干部列席会议。张海涛强调：要坚持大团结大联合。"
)


def facts(text: str, title: str = "", original_title: str | None = None) -> MeetingFacts:
    return extract_meeting(text, to_simplified(text), to_simplified(title), original_title)


def test_traditional_report_keeps_traditional_values() -> None:
    got = facts(REPORT_TRAD, TITLE_TRAD)
    assert got.name == "東湖區政協黨外人士座談會"
    assert got.place is not None and "區行政中心" in got.place
    assert got.chair == "李明"
    assert got.person("李明") == Person("李明", "區委常委、統戰部部長")
    assert got.attendees == ("王建國",)  # the groups that attended are no people
    assert got.person("王建國").role == "區政協黨組書記、主席"
    assert got.speakers == ("王建國", "李明")


def test_simplified_full_width_report() -> None:
    got = facts(REPORT_SIMP, "西山县召开统战工作推进会")
    assert got.name is not None and got.name.endswith("推进会")
    assert got.place == "县委党校报告厅"
    assert (got.chair, got.person("刘芳").role) == ("刘芳", "县委统战部部长")
    assert got.attendees == ("张海涛",)
    assert got.speakers == ("张海涛",)


def test_name_from_body_when_title_names_no_meeting() -> None:
    got = facts(REPORT_SIMP, "共话发展新篇章")
    assert got.name == "西山县委统战部年度工作推进会"


def test_name_only_in_title_is_taken_from_the_original_title() -> None:
    title = "北嶺市政協召開專題協商會"
    got = facts("與會委員圍繞鄉村振興建言獻策。", title, title)
    assert got.name == "北嶺市政協專題協商會"


def test_quoted_slogan_stays_inside_the_name() -> None:
    text = "7月1日,某市“守初心,擔使命”主題教育動員大會在市會堂召開。"
    assert facts(text).name == "某市“守初心,擔使命”主題教育動員大會"


def test_cited_meetings_are_not_the_meeting_held() -> None:
    text = "大家認真學習黨的二十屆三中全會精神和全國統戰工作會議精神。"
    got = facts(text)
    assert got.name is None
    assert find_meeting_name(to_simplified(text)) is None


def test_speech_yields_no_invented_facts() -> None:
    text = (
        "根据区委统一安排，今天我们来参加某镇领导班子民主生活会，很受教育。"
        "我们要深刻领会重要讲话精神。"
    )
    got = facts(text)
    assert got.name == "某镇领导班子民主生活会"
    assert (got.place, got.chair, got.attendees, got.speakers) == (None, None, (), ())


def test_generic_subjects_are_not_speakers() -> None:
    got = facts("會議指出,要提高站位。大會要求,各單位抓好落實。習近平總書記強調,要團結奮鬥。")
    assert got.speakers == ("習近平",)


def test_values_stay_short_clauses() -> None:
    people = "、".join(f"委員{name}" for name in "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥")
    text = f"區政協副主席周平,{people},各專委會主任等出席會議。會議由區政協秘書長吳強主持。"
    got = facts(text)
    assert (got.chair, got.person("吳強").role) == ("吳強", "區政協秘書長")
    assert got.attendees == ("周平",)  # `委員甲` is no whole name


@pytest.mark.parametrize("punct", [",", "，"])
def test_earlier_people_in_the_sentence_are_kept(punct: str) -> None:
    text = f"會上,市委常委張三{punct}副市長李四、王五{punct}市政協副主席趙六等參加會議。"
    got = facts(text)
    assert got.attendees == ("張三", "李四", "王五", "趙六")
    assert got.person("王五").role == "副市長"  # a bare name shares the role before it


def test_lengths_differ_then_simplified_values() -> None:
    got = extract_meeting("不同長度", "县委统战部部长刘芳主持会议。", "")
    assert (got.chair, got.person("刘芳").role) == ("刘芳", "县委统战部部长")


# --- seeds, through the whole prepare() step ------------------------------------------


@pytest.fixture(scope="module")
def seeds(seed_bytes: dict[int, bytes]) -> dict[int, MeetingFacts]:
    return {n: prepare(data, str(seed_path(n))).meeting for n, data in seed_bytes.items()}


def test_seed_000_democratic_life_meeting(seeds: dict[int, MeetingFacts]) -> None:
    got = seeds[0]
    assert got.name is not None and got.name.endswith("2022年度領導班子民主生活會")
    assert got.place is not None and "民主黨派大廈" in got.place
    assert got.chair is None  # the report names no chair
    assert "錢鋒" in got.speakers
    assert "錢鋒" in got.attendees


def test_seed_001_campaign_roundup(seeds: dict[int, MeetingFacts]) -> None:
    assert seeds[1].name is not None and seeds[1].name.endswith("動員部署大會")


def test_seed_002_forum(seeds: dict[int, MeetingFacts]) -> None:
    got = seeds[2]
    assert got.name == "青浦區政協黨派團體負責人座談會"
    assert got.chair == "張得志"
    assert "區委統戰部部長" in (got.person("張得志").role or "")
    assert got.speakers[0] == "曹衛東"
    assert "顧桂芳" in got.attendees


def test_seed_003_speech_invents_nothing(seeds: dict[int, MeetingFacts]) -> None:
    assert (seeds[3].chair, seeds[3].place, seeds[3].attendees) == (None, None, ())


def test_seed_004_party_work_meeting(seeds: dict[int, MeetingFacts]) -> None:
    got = seeds[4]
    assert got.name is not None and got.name.endswith("述職評議大會")
    assert got.chair == "趙學龍"
    assert "胡勇政" in got.speakers


@pytest.mark.parametrize("n", range(5))
def test_seed_values_are_short_clauses(seeds: dict[int, MeetingFacts], n: int) -> None:
    got = seeds[n]
    values = [got.name, got.place, got.chair, *got.attendees, *got.speakers]
    for value in filter(None, values):
        assert len(value) <= CAP and "。" not in value and "\n" not in value


# --- names in full, on sentences imitating real reports ------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "12月26日上午,縣十五屆人大常委會召開第十二次主任會議,縣人大常委會主任季曉春主持會議。",
            "縣十五屆人大常委會第十二次主任會議",
        ),
        (
            "1月16日,中共某市第九屆紀委召開第三次全體會議,市委書記王強出席會議並講話。",
            "中共某市第九屆紀委第三次全體會議",
        ),
        (
            "十三届全国人大常委会4日上午在人民大会堂举行第二十七次委员长会议。",
            "十三届全国人大常委会第二十七次委员长会议",
        ),
        (
            "新华社电(记者张三)全省统战部长会议12日在某市召开,省委统战部部长李四出席。",
            "全省统战部长会议",
        ),
        (
            "本报讯全省宣传部长会议昨天在我市开幕。",
            "全省宣传部长会议",
        ),
        (
            "3月1日,2024年全市政协工作会议暨表彰大会在市会堂召开。",
            "2024年全市政协工作会议暨表彰大会",
        ),
        (
            "5月29日,区政协党组会议、区政协十四届四十次主席会议召开。",
            "区政协党组会议、区政协十四届四十次主席会议",
        ),
        (
            "4月19日上午召開113年度第一次擴大區務會議暨里長業務會報,會議由區長主持。",
            "113年度第一次擴大區務會議暨里長業務會報",
        ),
        (
            "某縣議會第20屆第三次定期會今日開議,議長王大同主持會議。",
            "某縣議會第20屆第三次定期會",
        ),
        (
            "澳門某同鄉聯誼會昨舉行第二次常務副會長會議,會長陳大文主持。",
            "澳門某同鄉聯誼會第二次常務副會長會議",
        ),
        # a numbered meeting of a body that a congress holds: 主席团 before the number
        (
            "3月5日上午,县十八届人大二次会议举行主席团第二次会议,县委书记赵明主持会议。",
            "县十八届人大二次会议主席团第二次会议",
        ),
        # the council opens the sentence, a clause comes before 召開 (and a dateline before it)
        (
            "(中央社記者林小文某縣十日電)某縣議會應縣府要求,自十五日到十九日召開第九屆第二次臨時會。",
            "某縣議會第九屆第二次臨時會",
        ),
        # Taiwan's `今(25)日` before the verb; 開幕會 joins the session it opens
        ("某市議會第三屆第五次定期大會今(12)日上午開幕。", "某市議會第三屆第五次定期大會"),
        ("全國政協十三屆二次會議開幕會在人民大會堂舉行。", "全國政協十三屆二次會議開幕會"),
        # no verb: a numbered session a clause is about is the meeting reported
        ("某市議會第6次定期大會18日進入最後1天議程,議員出席踴躍。", "某市議會第6次定期大會"),
        ("县政协九届三次会议即将闭幕,委员们认真履职。", "县政协九届三次会议"),
        # a caption's place or a breadcrumb before a slash is no part of the name
        (
            "2024年5月2日某縣/2024年全國地方議會議長第2次聯誼座談會2日在某縣舉行。",
            "2024年全國地方議會議長第2次聯誼座談會",
        ),
        # a theme or an organiser before the name ends it; 本年度 is no part of it
        (
            "以「共謀發展」為主題的二○一二年澳門「僑界社團座談會」,昨午假某酒店舉行。",
            "二○一二年澳門「僑界社團座談會」",
        ),
        ("由某研究中心主辦本年度「齊為家鄉出主意」座談會昨日舉行。", "「齊為家鄉出主意」座談會"),
        ("11月2日,由某学会主办的2023年城市地理学术年会在某大学召开。", "2023年城市地理学术年会"),
        # `今(5)日` between a council and its numbered meeting
        ("某市議會今(5)日舉行第3屆成立大會,成立大會由議長主持。", "某市議會第3屆成立大會"),
        # a congress cited (`…大会会议精神`) inside the name of the meeting held
        (
            "12月23日下午,某团市委召开学习贯彻共青团某省第十五次代表大会会议精神座谈会。",
            "学习贯彻共青团某省第十五次代表大会会议精神座谈会",
        ),
        # meetings named …工作会, …职代会/党代会, …谈话会, …研习会, X届X次常委会
        ("1月9日,某集团2024年工作会暨职代会在综合楼召开。", "某集团2024年工作会暨职代会"),
        ("6月2日,市委召开换届期间县委书记集体谈心谈话会。", "市委换届期间县委书记集体谈心谈话会"),
        ("某區公所今(19)日於某餐廳舉辦114年度里鄰長研習會。", "114年度里鄰長研習會"),
        ("12月22日,某县召开县政协十一届九次常委会,主席李明出席。", "县政协十一届九次常委会"),
        # a day range or a wire's Chinese-numeral day before the verb
        ("共青团某县第二十次代表大会8月30至31日召开。", "共青团某县第二十次代表大会"),
        (
            "某縣議會第六屆第四次定期大會二十一日召開預備會議。",
            "某縣議會第六屆第四次定期大會預備會議",
        ),
        ("某縣議會第十九屆第一次定期大會今(25)日上午10時開幕。", "某縣議會第十九屆第一次定期大會"),
        # a year before a meeting's number; a party committee's 党委会; two meetings in a list
        (
            "12月29日上午,某市中级人民法院审判委员会举行2021年第28次全体会议。",
            "某市中级人民法院审判委员会2021年第28次全体会议",
        ),
        ("3月14日,市局召开党委会传达学习全国两会精神。", "市局党委会"),
        ("6月24日,市纪委监委召开常委会、监委会议,书记张明主持。", "常委会、监委会议"),
        # a court's or a council's committee convened is the meeting when nothing else is
        ("日前,某市法院召开审判委员会,市检察院检察长受邀列席会议。", "审判委员会"),
        # a garbled page's doubled list commas do not cut a name
        ("3月4日,統戰部召開各民主黨派,、工商聯負責人交流會,。", "各民主黨派,、工商聯負責人交流會"),
    ],
)
def test_names_in_full(text: str, name: str) -> None:
    assert facts(text).name == name


def test_a_generic_phrase_is_never_a_name() -> None:
    text = "季曉春指出,這是在關鍵時刻召開的一次十分重要的會議。此次警示教育大會要求大家引以為戒。"
    assert facts(text).name is None


def test_the_title_names_the_meeting_the_body_does_not() -> None:
    got = facts(
        "與會人員圍繞鄉村振興建言獻策。", "某縣召開鄉村振興工作推進會", "某縣召開鄉村振興工作推進會"
    )
    assert got.name == "鄉村振興工作推進會"


def test_a_short_place_is_written_in_full_and_the_text_keeps_its_wording() -> None:
    text = "全国政协十三届四次会议提案交办会18日在京举行。"
    got = facts(text)
    assert (got.name, got.place) == ("全国政协十三届四次会议提案交办会", "北京")


def test_a_meeting_in_a_documents_title_is_not_the_meeting_held() -> None:
    text = (
        "會議審議了《關於召開中共某縣第十屆委員會第五次全體會議的建議》。"
        "1月5日,縣委書記王強主持召開縣委常委會擴大會議。"
    )
    assert facts(text).name == "縣委常委會擴大會議"


def test_an_organ_named_after_a_congress_is_not_its_meeting() -> None:
    text = "中国共产党第十九次全国代表大会新闻中心16日晚在某宾馆举行酒会,500多位记者出席。"
    assert facts(text).name is None


def test_this_years_words_are_no_annual_meeting() -> None:
    text = "王强指出,今年会继续推进改革,明年会更好。"
    assert facts(text).name is None


def test_hong_kong_and_macau_hold_meetings_at_a_place_with_yu() -> None:
    text = "特區政府今日(31日)下午3時於政府總部舉辦「完善社區治理 共創美好家園」研討會。"
    got = facts(text)
    assert (got.name, got.place) == ("「完善社區治理 共創美好家園」研討會", "政府總部")


def test_yu_before_a_time_is_no_place() -> None:
    assert facts("某會員大會於近日召開,會長陳大文主持。").place is None


def test_a_standing_committee_without_a_number_is_a_body_not_a_meeting() -> None:
    assert facts("区人大常委会副主任王明出席会议。").name is None


def test_a_committee_inside_a_documents_title_is_not_convened() -> None:
    text = "會議研究了《關於召開中共某縣第十屆委員會的建議》等事項。"
    assert facts(text).name is None


def test_the_titles_meeting_keeps_the_body_that_held_it() -> None:
    got = facts(
        "8月27日下午,某市工商聯七次常委會在某中心召開。",
        "某市工商聯召開十三屆七次主席會議、七次常委會議",
        "某市工商聯召開十三屆七次主席會議、七次常委會議",
    )
    assert got.name == "某市工商聯十三屆七次主席會議、七次常委會議"


# --- third round: rules from the development pages' misses, on sentences written here ---


def test_an_enlarged_meeting_written_with_its_qualifier_inside() -> None:
    text = "1月6日,县委书记王大明主持召开县委常委(扩大)会,县四大班子主要领导参加会议。"
    assert facts(text).name == "县委常委(扩大)会"
    text = "5月9日,某局党组（扩大）会议召开,党组书记李明主持会议。"
    assert facts(text).name == "某局党组（扩大）会议"


def test_a_meeting_once_held_or_never_is_not_the_one_reported() -> None:
    text = (
        "會議於3月2日上午在某酒店舉行。主任張明出席並致辭。他指出,"
        "沒有舉行過區工商聯工作會議的區縣今年要抓緊召開大會。"
    )
    title = "某市工商聯召開區縣工商聯秘書長工作會議"
    got = facts(text, title, title)
    assert got.name == "區縣工商聯秘書長工作會議"


@pytest.mark.parametrize(
    "text",
    [
        "議員與各區議會議員舉行定期會議,就彼此關注的事宜交換意見。",
        "在本年度會期內,議員與區議會議員舉行了12次會議,會後共進午餐。",
        "市民可就此類會議的安排提出意見,此類會議將於明年舉行。",
    ],
)
def test_how_often_or_what_sort_of_meetings_is_no_name(text: str) -> None:
    assert facts(text).name is None


def test_a_cited_plenums_number_does_not_number_the_study_meeting() -> None:
    text = "3月1日下午,院团委召开团十八届二中全会精神专题学习会,院团委书记王芳主持。"
    assert facts(text).name == "团十八届二中全会精神专题学习会"
    # the body's own numbered meeting is still joined to it
    text = "3月1日下午,院团委召开第五次全体委员会议,院团委书记王芳主持。"
    assert facts(text).name == "院团委第五次全体委员会议"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("民进某市委会于3月5日召开七届十次全委会,主委王芳主持。", "民进某市委会七届十次全委会"),
        (
            "某同鄉總會日前假會址舉行第三屆理事會第二次聯席會議,理事長陳大文主持。",
            "某同鄉總會第三屆理事會第二次聯席會議",
        ),
        (
            "某大學於11月5日舉行第112學年度第1次校務會議,由校長林一主持。",
            "某大學第112學年度第1次校務會議",
        ),
    ],
)
def test_the_body_is_joined_past_its_date_and_a_macau_style_place(text: str, name: str) -> None:
    assert facts(text).name == name


def test_a_committee_that_meets_as_itself() -> None:
    text = "12月5日,区委常委会召开会议,区委书记张伟主持会议,区委常委出席。"
    assert facts(text).name == "区委常委会会议"
    text = "12月5日,某区政府召开会议,区长张伟主持会议。"  # a government holds many meetings
    assert facts(text).name is None


def test_a_study_session_named_as_one() -> None:
    text = "2月3日,县委理论学习中心组2024年第一次集体学习会召开,县委书记王军主持并讲话。"
    assert facts(text).name == "县委理论学习中心组2024年第一次集体学习会"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("香港某某區議會今日(3日)舉行第十次會議,主席陳大文主持。", "香港某某區議會第十次會議"),
        (
            "澳門某某總會昨晚假某酒店舉行第十屆會員大會,會長陳大文致辭。",
            "澳門某某總會第十屆會員大會",
        ),
        # the association that holds the ceremony is its organiser, not a meeting
        (
            "某某聯誼會於本月18日舉行第五屆理事會就職典禮,會長王明致辭。",
            "某某聯誼會第五屆理事會就職典禮",
        ),
    ],
)
def test_hong_kong_and_macau_times_between_the_body_and_its_verb(text: str, name: str) -> None:
    assert facts(text).name == name


def test_a_sessions_agenda_is_not_a_meeting_word() -> None:
    text = "某市議會第3屆第6次定期會議程排定,9月1日開幕,市長施政報告。"
    assert facts(text).name == "某市議會第3屆第6次定期會"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("3月5日,某协会召开三届五次理事会,会长王明主持。", "某协会三届五次理事会"),
        ("3月5日,某公司召开董事会,董事长王明主持。", "某公司董事会"),
        ("3月5日,某局召开局务会,局长王明主持。", "某局局务会"),
        ("3月5日,某县政府召开常务会,县长王明主持。", "某县政府常务会"),
        ("某縣政府今(5)日舉辦公聽會,由副縣長王明主持。", "某縣政府公聽會"),
        ("香港某某總商會昨日舉行會董會,會長王明主持。", "香港某某總商會會董會"),
    ],
)
def test_boards_councils_and_a_bureaus_own_meetings(text: str, name: str) -> None:
    assert facts(text).name == name


def test_a_board_that_convenes_meets_as_itself() -> None:
    text = "3月5日,某协会理事会召开会议,研究年度工作,会长王明主持。"
    assert facts(text).name == "某协会理事会会议"  # the board is the body, not the meeting


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("某市議會第4屆第4次定期會 10/3開議,議長王明主持。", "某市議會第4屆第4次定期會"),
        ("某區議會今日舉行首次會議,選出正副主席。", "某區議會首次會議"),  # 首次 numbers it
    ],
)
def test_a_slashed_day_and_a_first_meeting(text: str, name: str) -> None:
    assert facts(text).name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "縣議會第四屆第七次定期會從昨日起展開一連四天的縣政總質詢,議員洪成發首先上場。",
            "縣議會第四屆第七次定期會",
        ),
        (
            "某某同鄉會第十屆理監事就職典禮暨慶祝成立二十周年聯歡晚會昨晚舉行,會長陳大文致辭。",
            "某某同鄉會第十屆理監事就職典禮暨慶祝成立二十周年聯歡晚會",
        ),
    ],
)
def test_a_session_running_from_a_day_and_a_ceremony_with_its_gala(text: str, name: str) -> None:
    assert facts(text).name == name


def test_last_nights_visit_is_no_gala() -> None:
    assert facts("行政長官昨晚會見某某同鄉總會領導一行,雙方交換意見。").name is None


def test_a_numbered_session_written_again_without_its_number_keeps_it() -> None:
    text = (
        "縣議會第二屆第五次定期會從昨日起展開一連三天的縣政總質詢,首日由議員上場。\n"
        "縣議會定期會於昨日展開此次定期會的重頭戲,首先上場質詢的有議員王大明。"
    )
    assert facts(text).name == "縣議會第二屆第五次定期會"


def test_a_name_that_spells_its_own_body_is_not_prefixed_with_the_convener() -> None:
    text = "3月5日上午，团县委在县委党校召开共青团某某县十九届三次全委(扩大)会议。会议回顾了工作。"
    assert facts(text).name == "共青团某某县十九届三次全委(扩大)会议"
    # without a body of its own, the convener still names it
    got = facts("县十七届人大常委会召开第二十三次主任会议，主任李明主持。")
    assert got.name == "县十七届人大常委会第二十三次主任会议"


@pytest.mark.parametrize(
    ("text", "title", "name"),
    [
        (
            "某某市議會第三屆第一次定期大會今(29)日上午開幕,由議長王大同敲下議事槌。",
            "李市長參與某某市議會第三屆第一次定期大會開幕",
            "某某市議會第三屆第一次定期大會",
        ),
        (
            "6月6日下午，县政协主席王明主持召开政协某某县十届十六次常委会议。",
            "政协某某县十届十六次常委会召开",
            "政协某某县十届十六次常委会议",
        ),
    ],
)
def test_a_headlines_meeting_without_the_person_and_as_the_body_spells_it(
    text: str, title: str, name: str
) -> None:
    assert facts(text, title).name == name


def test_a_study_groups_meeting_is_named_with_the_group() -> None:
    text = (
        "10月28日下午，学校党委理论学习中心组在2号楼会议室召开集中学习会。党委书记李明主持学习会。"
    )
    assert facts(text).name == "学校党委理论学习中心组集中学习会"


def test_a_compound_through_ji_to_a_lecture_is_whole() -> None:
    text = "某镇召开村(社区)书记抓基层党建述职评议会暨首届乡村振兴发展讲堂，镇党委书记王明出席。"
    assert facts(text).name == "村(社区)书记抓基层党建述职评议会暨首届乡村振兴发展讲堂"


def test_the_body_launching_a_series_is_no_part_of_its_name() -> None:
    text = "某某商会第30届会董会推出「团结奋进」系列座谈会，首场座谈会昨日举行。"
    assert facts(text).name == "首场座谈会"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("某某同鄉會2月26日晚舉行新春茶會,會長陳大文致詞。", "某某同鄉會新春茶會"),
        ("某某总会昨晚举行春茗联欢晚宴，会长李明致辞。", "某某总会春茗联欢晚宴"),
        ("某某联谊会昨日举行乙巳年春节团拜茶聚，会长李明致辞。", "某某联谊会乙巳年春节团拜茶聚"),
    ],
)
def test_receptions_held_are_meetings(text: str, name: str) -> None:
    assert facts(text).name == name


def test_a_quoted_name_with_a_space_inside_its_opening_quote() -> None:
    got = facts("某某總會2月26日晚舉行「 2025某某與各界春茗聯歡晚宴」,會長劉大明出席。")
    assert got.name == "2025某某與各界春茗聯歡晚宴"


def test_an_association_holding_a_reception_at_a_place_is_its_organiser() -> None:
    text = "【本報消息】某某之友聯誼會昨日假某某酒家舉行“乙巳年春節團拜茶聚”。會長陳大文致辭。"
    assert facts(text).name == "乙巳年春節團拜茶聚"


def test_this_offices_meeting_without_this_office() -> None:
    text = "本公所於今日(5/29)在二樓會議室召開108年度上半年里長業務聯繫會報,由區長王大明主持。"
    assert facts(text, "本所108年度上半年里長業務聯繫會報").name == "108年度上半年里長業務聯繫會報"
    assert facts("我校召开党委常委(扩大)会议，党委书记李明主持。").name == "党委常委(扩大)会议"


def test_an_association_visited_is_no_meeting() -> None:
    text = "行政長官今(26)日上午在政府總部會見某某聯誼會會長王大明一行,雙方交換意見。"
    assert facts(text, "行政長官會見某某聯誼會").name is None


def test_a_meeting_previewed_yields_to_the_one_held_for_it() -> None:
    text = (
        "某某区第一届人民代表大会第一次会议将于元月8日开幕,为做好大会安保工作,"
        "区公安局党委于1月6日晚召开了“两会”安保工作会议,对安保工作进行部署。"
    )
    assert facts(text).name == "区公安局党委“两会”安保工作会议"  # with its holder
    # a preview alone names the meeting it previews
    alone = "某某区第一届人民代表大会第一次会议将于元月8日开幕,会期三天。"
    assert facts(alone).name == "某某区第一届人民代表大会第一次会议"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("5月8日，某某村召开村民议事会，村党支部书记王明主持。", "村民议事会"),
        ("某县防汛办昨日召开防汛会商会，副县长李明主持。", "某县防汛办防汛会商会"),
        ("某某局召开规划编制专家咨询会，局长张华主持会议。", "某某局规划编制专家咨询会"),
        ("某某镇召开项目攻坚誓师会，镇党委书记王明讲话。", "项目攻坚誓师会"),
    ],
)
def test_councils_consultations_and_rallies_are_meetings(text: str, name: str) -> None:
    assert facts(text).name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("4月23日上午，某大学在行政楼召开党委常委会，党委书记王明主持。", "某大学党委常委会"),
        ("某县委召开县委常委会，传达学习全会精神。", "县委常委会"),
        ("经县委常委会研究决定，任命王明为某局局长。", None),
        ("县人大常委会主任王明出席会议。", None),
    ],
)
def test_a_party_committees_standing_committee_meeting_held(text: str, name: str | None) -> None:
    assert facts(text).name == name


@pytest.mark.parametrize(
    ("text", "title", "name"),
    [
        # a session's 議員 are its councillors, its 議事日程 its agenda: no `大會議`
        (
            "今(5)日是某縣議會第十屆第二次定期大會議員報到的日子,議員一早排隊。",
            "今(5)日是某縣議會第十屆第二次定期大會議員報到的日子",
            "某縣議會第十屆第二次定期大會",
        ),
        (
            "某縣議會第十屆第二次定期大會三月五日起開議,會期四十天。",
            "",
            "某縣議會第十屆第二次定期大會",
        ),
        (
            "【本報訊】某縣甲鄉民代表會第七屆第五次定期大會議事日程已經排定,代表報到。"
            "【本報記者某某報導】乙鄉民代表會已敲定五日至十六日召開第七屆第五次定期大會。",
            "甲、乙鄉代會定期會15日開議",
            "某縣甲鄉民代表會第七屆第五次定期大會",
        ),
        # the agenda discussed is no part of the name: the procedure committee convened
        # to set it is the meeting held; a phrase opening `作为…` no body
        (
            "某市議會今(26)日召開程序委員會,討論第4屆第4次定期會議事日程。",
            "某市議會第4屆第4次定期會 10/3開議",
            "某市議會程序委員會",
        ),
        (
            "作为首场发声的全国政协某届某次会议新闻发布会，吸引目光。\n"
            "3月3日，全国政协十四届四次会议新闻发布会在北京举行。",
            "",
            "全国政协十四届四次会议新闻发布会",
        ),
        # `總結會務` sums up an association's affairs: the body's meeting is the name
        (
            "某促進會於四月二十三日下午在某中心禮堂召開本年度會員大會平常會議,七十人出席。",
            "某促會總結會務續多元化",
            "會員大會平常會議",
        ),
    ],
)
def test_a_sessions_councillors_agenda_and_affairs(text: str, title: str, name: str) -> None:
    assert facts(text, title, title).name == name


@pytest.mark.parametrize(
    ("text", "title", "name"),
    [
        # a compound name is held as a whole, after its full date too
        (
            "某网讯 昨天上午，某地区商会合作与交流机制第十三次会议暨某市总商会成立百年纪念活动"
            "在某园举行。",
            "某市总商会成立百年纪念活动盛大举行",
            "某地区商会合作与交流机制第十三次会议暨某市总商会成立百年纪念活动",
        ),
        (
            "某某讯 以“实干 创新”为主题的中国某学会第十次全国会员代表大会暨2013年综合学术年会"
            "2013年10月11日在北京某宾馆召开。",
            "某某代表科协祝贺某学会大会召开讲话",
            "中国某学会第十次全国会员代表大会暨2013年综合学术年会",
        ),
        # an organiser `主办的` a meeting is no compound with it
        (
            "由某某同胞联谊会主办的第三届海外社团座谈会在某地举行。",
            "",
            "第三届海外社团座谈会",
        ),
    ],
)
def test_a_compound_name_held_as_a_whole(text: str, title: str, name: str) -> None:
    assert facts(text, title).name == name


def test_a_previewed_compound_yields_to_the_meeting_held_for_it() -> None:
    text = (
        "某区第一届人民代表大会第一次会议和政协某区第一届第一次会议将于元月8日和9日相继开幕，"
        "为做好安保工作，某区公安局专门召开了“两会”安保工作会议。"
    )
    assert facts(text).name == "某区公安局“两会”安保工作会议"


def test_a_headline_left_in_the_text_yields_to_the_ledes_fuller_name() -> None:
    text = (
        "首页 > 科学\n某某联谊会理事会换届会议召开\n原标题：某某联谊会 理事会换届会议召开\n"
        "本报北京12月8日讯(记者王明)某某联谊会理事会换届暨工作委员会第一次会议今天在某院召开。"
    )
    assert facts(text, "免费软件在线观看").name == "某某联谊会理事会换届暨工作委员会第一次会议"
    # a headline naming its meeting in full keeps it
    plain = "某县政协召开党外人士座谈会\n3月2日，座谈会在县行政中心召开。"
    assert facts(plain).name == "某县政协党外人士座谈会"


def test_a_title_cut_on_its_verb_runs_on_into_the_body() -> None:
    title = "2017年4月13日上午,某某鎮在鎮二樓會議廳召開了"
    text = "全鎮村(社區)“兩委”換屆選舉工作會議。會議由王明鎮長主持。"
    got = facts(text, title, title)
    assert (got.name, got.place) == ("全鎮村(社區)“兩委”換屆選舉工作會議", "鎮二樓會議廳")
    assert got.chair == "王明"
    # a headline ending on its verb is whole: nothing runs on
    headline = "某某會理事會換屆會議召開"
    assert facts("會議選舉產生新一屆理事會。", headline, headline).name == "某某會理事會換屆會議"


def test_a_numbered_meeting_at_which_something_was_done() -> None:
    # `全县的大会` says whose, not which; the numbered plenum the report is about names it
    text = (
        "某某县在县纪委十四届七次全会上大胆创新，对以往全会议程进行改革。"
        "村民监督委员会能够代表村民参加全县的大会。"
    )
    assert facts(text, "某某纪委:会议制度改革取得新亮点").name == "县纪委十四届七次全会"


# A page that breaks its sentences at a fixed width, as some papers' web copies do.
WRAPPED = (
    "某鄉代會定期會開議 鄉長施政報告\n"
    "【本報記者某某報導】某某鄉民代表會第七屆\n"
    "第一次定期大會全體代表於廿一日上午完成報到後隨即\n"
    "下午召開預備會議,二十二日上午正式開議,由代表會\n"
    "主席王大明主持,副主席李小華及全體代表全員到齊,\n"
    "準時在代表會議事廳開議,鄉長張志強率同秘書及課室\n"
    "主管出席備詢,並就鄉政建設提出施政報告及工作說明\n"
    "審查鄉公所年度預算時,請諸位代表多盡責看緊荷包。"
)


def test_a_hard_wrapped_session_named_in_full_for_its_abbreviated_headline() -> None:
    title = "某鄉代會定期會開議 鄉長施政報告"
    got = facts(WRAPPED, title, title)
    assert got.name == "某某鄉民代表會第七屆第一次定期大會"
    assert got.chair == "王大明"


def test_an_abbreviated_headline_takes_the_bodys_numbered_session() -> None:
    text = "某某鄉民代表會第七屆第一次定期大會今日開議,主席王大明主持。"
    title = "某鄉代會定期會開議"
    assert facts(text, title, title).name == "某某鄉民代表會第七屆第一次定期大會"


def test_a_headline_meeting_not_held_nor_in_the_body_yields_to_the_bodys() -> None:
    title = "某局早已表示事宜不符合區議會職能某某論壇"
    text = "十七區區議會聯合舉行特別大會。\n各區議會今日舉行聯合特別大會,討論有關事宜。"
    assert facts(text, title, title).name == "特別大會"
    # a headline's meeting that the body names only in part keeps the headline's
    title = "某市政協十三屆二次會議"
    assert facts("二次會議在某會堂召開。", title, title).name == "某市政協十三屆二次會議"


@pytest.mark.parametrize(
    "text",
    [
        "某某城市交流論壇籌備委員會工作小組今日返港,小組昨日與有關單位舉行會議。",
        "某某运动大会组委会秘书长王明介绍筹备情况。",
    ],
)
def test_a_body_preparing_a_meeting_is_no_meeting(text: str) -> None:
    title = "某某城市交流論壇籌備委員會工作小組返港"
    assert facts(text, title, title).name is None


def test_a_visit_over_a_meeting_only_previewed_reports_none() -> None:
    title = "某長官會見某同鄉總會領導"
    text = "某長官今日會見某同鄉總會訪問團。會長介紹,今年某某聯誼會將於本月中在某地舉辦。"
    assert facts(text, title, title).name is None
    # a visit page whose body holds a meeting keeps it
    held = "某長官今日會見某同鄉總會訪問團,雙方隨後舉行座談會。"
    assert facts(held, title, title).name == "座談會"


def test_a_numbered_session_is_the_report_when_no_meeting_is_held() -> None:
    text = (
        "某縣議會第二十屆第六次定期會縣政總質詢議程昨(五)日正式結束,縣長感謝議員。\n"
        "本次縣議會定期會縣政總質詢議程,五日由八位議員聯合質詢壓軸。"
    )
    assert facts(text).name == "某縣議會第二十屆第六次定期會"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "6月2日下午，市委召开换届期间县(区)委书记、县(区)长集体谈心谈话会。",
            "市委换届期间县(区)委书记、县(区)长集体谈心谈话会",
        ),
        (
            "县政协召开各联络组、活动组、专委会组长会议，主席王明主持。",
            "各联络组、活动组、专委会组长会议",
        ),
        # a list with no holding verb before it is no part of the name
        ("市委书记王明、市长李华出席座谈会并讲话。", "座谈会"),
    ],
)
def test_a_list_inside_a_held_meetings_name(text: str, name: str) -> None:
    assert facts(text).name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "某镇召集各村书记共60余人召开整域推进乡村振兴战略上劲会。会议学习了文件。",
            "整域推进乡村振兴战略上劲会",
        ),
        ("某县召开了防汛备汛再加压会，部署汛期工作。", "防汛备汛再加压会"),
        ("校友们召开同乡联合会，推举会长。", None),
    ],
)
def test_what_a_body_convenes_is_a_meeting_of_any_kind(text: str, name: str | None) -> None:
    assert facts(text).name == name


def test_a_series_listing_its_quoted_events_is_the_meeting_held() -> None:
    text = (
        "7月27日，由某省商会主办的某商会成立百年系列活动——“某商会投资推介会”"
        "“某商会成立百年纪念大会”“2015民间商会高峰论坛”在某市成功举办。"
    )
    got = facts(text)
    assert (got.name, got.place) == ("某商会成立百年系列活动", "某市")


def test_a_rule_of_meeting_is_no_meeting_and_a_convened_committee_is_the_report() -> None:
    title = "法院審委會會議"
    text = (
        "某某網12月12日電 檢察長列席法院審委會會議制度,是司法制度的重要體現。"
        "日前,某某市法院召開審判委員會,某某市檢察院檢察長王明受邀列席。"
    )
    assert facts(text, title, title).name == "審判委員會"


def test_a_headline_session_the_body_writes_with_another_body() -> None:
    title = "某县总医院党委召开成立后第一次会议"
    text = (
        "某县7月25日召开医共体建设启动会，成立了总医院党委。"
        "7月31日上午，总医院党委第一次会议在县卫生健康局四楼会议室召开。"
    )
    assert facts(text, title).name == "总医院党委第一次会议"


def test_a_headline_meeting_the_body_spells_another_way() -> None:
    title = "集团召开2023年第三次董事会"
    text = "8月11日下午，集团召开2023年董事会第三次会议，董事长王明主持会议。"
    assert facts(text, title).name == "集团2023年董事会第三次会议"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("立法會今日(5日)舉行全體會議,審議多項法案,主席某某主持會議。", "立法會全體會議"),
        ("澳門立法會昨日舉行全體會議,由主席某某主持,表決通過法案。", "澳門立法會全體會議"),
        ("某立法會昨日下午舉行大會,議員就動議進行辯論。", "某立法會大會"),
        ("立法會今日舉行會議,審議撥款申請。", "立法會會議"),
        ("立法會內務委員會今日舉行特別會議。", "立法會內務委員會特別會議"),
        # a kind that names itself keeps no body
        ("某某社團昨日舉行全體會議。", "全體會議"),
    ],
)
def test_a_council_sitting_is_named_with_its_council(text: str, name: str) -> None:
    assert facts(text).name == name


def test_a_headline_previewing_a_meeting_yields_to_the_press_conference_held() -> None:
    title = "第十次全國某某代表大會將於8月29日在京召開"
    text = (
        "新華社北京8月24日電(記者王明)記者24日從某某聯合會舉行的新聞發布會上獲悉,"
        "第十次全國某某代表大會將於8月29日至9月1日在京召開。"
    )
    assert facts(text, title, title).name == "新聞發布會"
    # a preview with nothing held keeps the meeting previewed
    alone = "第十次全國某某代表大會將於8月29日至9月1日在京召開,會期四天。"
    assert facts(alone, title, title).name == "第十次全國某某代表大會"


def test_a_body_before_a_date_in_chinese_numerals_holds_its_session() -> None:
    text = "某某街坊會聯合總會於十二月五日在會址召開第二十屆第二次會員大會。"
    assert facts(text).name == "某某街坊會聯合總會第二十屆第二次會員大會"


def test_a_meeting_already_held() -> None:
    assert facts("某某會週年會員大會已於日前順利舉行。").name == "某某會週年會員大會"


def test_a_headline_with_a_comma_ending_on_its_verb_does_not_run_on() -> None:
    title = "凝心聚力，某县政协常委会议召开"
    text = "会议由主席王明主持。3月5日，某县政协十届五次常委会议在县行政中心召开。"
    assert facts(text, title).name == "某县政协十届五次常委会议"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("主席某某今日(8日)在會期結束前舉行年結記者會,回應議員的提問。", "年結記者會"),
        ("某某局昨日下午召开记者会,通报防汛工作。", "某某局记者会"),
        ("某某立法会早上召开会议,审议多项法案。", "某某立法会会议"),
        ("某县人大常委会今天早上召开会议,研究有关事项。", "某县人大常委会会议"),
        ("立法會今早舉行會議,審議撥款申請。", "立法會會議"),
        ("某議會昨晨召開會議,討論預算。", "某議會會議"),
        ("某区人大常委会傍晚召开会议。", "某区人大常委会会议"),
    ],
)
def test_a_press_conference_and_a_morning_sitting(text: str, name: str) -> None:
    assert facts(text).name == name


def test_a_briefing_before_the_opening_reports_the_session() -> None:
    text = (
        "某省政協今天舉行開幕前記者會。發言人某某宣布,"
        "某省政協十三屆四次會議5日上午將在某某會堂開幕,會期5天。"
    )
    assert facts(text).name == "某省政協十三屆四次會議"


def test_a_headline_meeting_decided_on_is_not_the_one_reported() -> None:
    title = "某某主持召開某省政協第十二次主席會議 決定下月召開某省政協五屆常委會第八次會議"
    text = "某某日前主持召開某省政協第十二次主席會議。會議決定下月召開常委會會議。"
    assert facts(text, title, title).name == "某省政協第十二次主席會議"


def test_a_meeting_that_opened_decides_on_another() -> None:
    text = (
        "今天上午在某市開幕的政協某市委員會常務委員會第九次會議決定,"
        "政協某市五屆三次會議於三月五日在某市召開。"
    )
    assert facts(text).name == "政協某市委員會常務委員會第九次會議"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("历时三天的共青团某市第九次代表大会今天闭幕。", "共青团某市第九次代表大会"),
        ("各条战线的260名共青团某市第九次代表大会代表出席。", "共青团某市第九次代表大会"),
        ("中國大陸十四屆政協三次會議昨上午閉幕。", "十四屆政協三次會議"),
        ("▲大陸全國政協十四屆二次會議10日上午在北京舉行閉幕會。", "全國政協十四屆二次會議閉幕會"),
        # an attribute that names a meeting is the name's
        ("市人代會五次會議代表中的中共黨員會議昨日舉行。", "市人代會五次會議代表中的中共黨員會議"),
        ("學習黨的十八屆六中全會精神動員會昨日召開。", "學習黨的十八屆六中全會精神動員會"),
        # an attribute before a name with no body of its own stays
        ("联系单位的提案协商督办会昨日召开。", "联系单位的提案协商督办会"),
    ],
)
def test_an_attribute_before_a_name_with_its_own_body(text: str, name: str) -> None:
    assert facts(text).name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("(记者 王明)5月8日,某街道某社区开展党建联席会,辖区单位参加会议。", "党建联席会"),
        ("某村党支部开展了主题党日座谈会。", "主题党日座谈会"),
    ],
)
def test_a_meeting_carried_out(text: str, name: str) -> None:
    assert facts(text).name == name


def test_a_count_of_meetings_names_none() -> None:
    title = "三常會五次會議完成審議某某法案"
    text = "立法會第三常設委員會僅以5次會議完成對某某法案的細則性審議,並簽署意見書。"
    assert facts(text, title, title).name == "三常會五次會議"
    assert facts("委員會經過三次會議,完成了審議。").name is None


def test_meetings_held_each_on_its_own_day_are_named_by_the_first() -> None:
    text = (
        "某市政协常务委员会第九次会议第一次全体会议和第二次全体会议分别于5日上午和7日下午"
        "在某市举行。7日下午举行的第二次全体会议通过了决议。"
    )
    assert facts(text).name == "某市政协常务委员会第九次会议第一次全体会议"
    lede = text[: text.index("和")]  # a title cut from the lede
    assert facts(text, lede, lede).name == "某市政协常务委员会第九次会议第一次全体会议"


def test_a_compound_does_not_run_into_a_document_title() -> None:
    text = "5月8日,某省人大常委会第九次会议审议了《某省人民代表大会议事规则(修正草案)》。"
    assert facts(text).name == "某省人大常委会第九次会议"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("●某县防汛工作会议在县政府召开。", "某县防汛工作会议"),
        ("■某某商會第五屆理事會就職典禮昨日舉行。", "某某商會第五屆理事會就職典禮"),
        ("二○二一年某某社團座談會昨日舉行。", "二○二一年某某社團座談會"),  # ○ is a zero
    ],
)
def test_a_bullet_opens_no_name(text: str, name: str) -> None:
    assert facts(text).name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("某县防汛形势研判会在县应急局召开。", "某县防汛形势研判会"),
        ("某市政府新闻办昨日举行政策吹风会。", "某市政府新闻办政策吹风会"),
        ("某区纪委监委举行集体约谈会,区委书记某某主持。", "某区纪委监委集体约谈会"),
        ("某某项目签约会在某宾馆举行。", "某某项目签约会"),
    ],
)
def test_more_kinds_of_meeting(text: str, name: str) -> None:
    assert facts(text).name == name
