"""Fourteenth round's meeting-name classes, on texts of our own: a next meeting announced,
committees called for a weekday or an hour, councils and committees sitting as themselves,
sessions holding their sittings, holders joined or not (the page's own school unnamed), names
quoted in full or broken over lines, feeds' spaced ordinals, and what opens a name and is no
part of it (who co-organised, how many, a year, a clause, a bare kind before a quote)."""

from __future__ import annotations

from digests.meeting import MeetingFacts
from digests.pipeline import prepare


def facts_of(*lines: str) -> MeetingFacts:
    return prepare("\n".join(lines).encode(), "page.txt").meeting


def test_the_next_meeting_announced_is_neither_a_name_nor_a_day_a_place() -> None:
    facts = facts_of(
        "某區議會舉行大會",
        "某區議會今日舉行第五次大會，審議撥款申請。議員發言踴躍。",
        "主席表示，下次會議將於星期五舉行。",
    )
    assert (facts.name, facts.place) == ("某區議會第五次大會", None)
    facts = facts_of("某委員會會議延期", "某委員會原定今日開會，主席宣布下次會議將於星期五舉行。")
    assert facts.name != "主席宣布下次會議" and facts.place is None


def test_a_committee_called_for_a_weekday_keeps_its_name() -> None:
    lede = "某市議會交通委員會本周五召開特別會議，討論調整票價。"
    facts = facts_of("某市議會交通委員會討論票價", lede)
    assert facts.name == "某市議會交通委員會特別會議"


def test_a_meeting_called_for_an_hour_and_then_lost_is_reported() -> None:
    lede = "立法會鐵路事宜小組委員會會議原定下午二時召開，但因不足法定人數流會。"
    assert facts_of("小組委員會流會", lede).name == "立法會鐵路事宜小組委員會會議"


def test_a_councils_committee_that_sits_as_itself_is_the_meeting() -> None:
    lede = "立法會內務委員會今日討論成立小組委員會，研究某某條例草案。議員意見分歧。"
    assert facts_of("委員會討論條例草案", lede).name == "立法會內務委員會"
    # a committee the sentence only mentions does not sit
    assert facts_of("議員批評", "有議員批評立法會內務委員會的安排。").name is None


def test_a_headlines_meeting_held_beats_the_one_whose_speech_it_studies() -> None:
    facts = facts_of(
        "张某某主持召开市人大常委会党组会议 学习贯彻习近平总书记在五中全会上的重要讲话",
        "12月1日，市人大常委会党组书记张某某主持召开党组会议，传达学习习近平总书记在五中全会上的重要讲话精神。",
    )
    assert (facts.name, facts.chair) == ("市人大常委会党组会议", "张某某")


def test_a_headlines_meeting_the_body_quotes_in_full_is_named_by_the_quote() -> None:
    facts = facts_of(
        "各校開學在即 市長在校長會議期許校長帶領師生防疫",
        "市長今（20）日在高、國中、小校長會議中，期勉各校做好防疫工作。",
        "市長表示，今日是「某市108學年度第2學期高中職暨國民中小學校長會議」，各校校長要做好準備。",
    )
    assert facts.name == "某市108學年度第2學期高中職暨國民中小學校長會議"


def test_a_company_that_held_its_meeting_names_it_past_what_describes_it() -> None:
    lede = (
        "二月十一日下午，營運《某某新聞》的某某記者有限公司舉行了註冊後首次會員大會，會員九人出席。"
    )
    assert facts_of("會員大會", lede).name == "某某記者有限公司註冊後首次會員大會"


def test_a_session_that_holds_its_sitting_at_an_hour_or_after_a_comma_names_it() -> None:
    lede = "某省十四屆人大三次會議下午3時在某市人民大會堂舉行閉幕會。大會表決通過多項決議。"
    assert facts_of("某省人大會議舉行閉幕會", lede).name == "某省十四屆人大三次會議閉幕會"
    lede = "某省十四屆人大常委會第十四次會議，上午在某市舉行第一次全體會議。會議聽取了報告。"
    name = facts_of("某某主持常委會首次全體會議", lede).name
    assert name == "某省十四屆人大常委會第十四次會議第一次全體會議"


def test_a_councillor_moving_a_motion_at_a_sitting_attends_it() -> None:
    lede = "某黨議員某某原本在昨日的立法會大會會議上，動議一項有關長者津貼的議案。"
    facts = facts_of("主席稱某某非撤回議案 不動議則不能讓會議繼續", lede)
    assert facts.name == "立法會大會會議"


def test_a_council_or_its_executive_that_sits_as_itself_after_a_stations_credit() -> None:
    lede = "(某某電台消息) 立法會第二常設委員會繼續討論食品安全法案，政府代表列席會議。"
    assert facts_of("立會小組關注食品安全", lede).name == "立法會第二常設委員會"
    lede = "(某某電台消息) 行政會完成討論修改某某法法案，建議調整有關上限。"
    assert facts_of("某某法修改建議", lede).name == "行政會"
    assert facts_of("立法會辯論預算案", "立法會恢復二讀辯論撥款條例草案。").name == "立法會"


def test_a_plenary_committee_that_meets_names_its_meeting() -> None:
    lede = "10月28日，学校纪委全委会召开会议传达学习贯彻全会精神，纪委书记王某主持会议。"
    assert facts_of("学校纪委全委会召开会议传达学习全会精神", lede).name == "学校纪委全委会会议"


def test_a_blogs_excerpt_marker_inside_a_word_is_no_break_in_it() -> None:
    page = (
        "---\ntitle: 某校召开座谈会\n---\n某校召开座谈会，传达了十九届中央纪律检查委员会"
        "向中国共产党第二十次全国代表大会的工作报\n<!--more-->\n告精神。\n"
    )
    prepared = prepare(page.encode(), "post.md")
    assert "工作报告精神" in prepared.text and "<!--" not in prepared.text


def test_a_slogan_broken_over_two_lines_before_a_bodys_own_name_is_one_name() -> None:
    lede = (
        "3月2日，学校团委召开“奋进新征程\n青春勇担当”某某大学2023年度共青团工作"
        "总结暨团支部书记述职评议会。学校党委副书记出席会议。"
    )
    slogan = "“奋进新征程 青春勇担当”"
    expected = f"{slogan}某某大学2023年度共青团工作总结暨团支部书记述职评议会"
    assert facts_of("学校团委召开述职评议会", lede).name == expected


def test_a_feeds_spaced_ordinal_is_read_as_one_number() -> None:
    lede = "(某某電台消息) 第 25屆某某地區廣播聯盟年會在某地舉行，某某台代表出席。"
    assert facts_of("某台出席廣播聯盟年會", lede).name == "第25屆某某地區廣播聯盟年會"
    lede = "(某某電台消息) 某某經濟工作組在某地舉行第 6次會議，雙方交流經濟形勢。"
    assert facts_of("某某經濟工作組舉行會議", lede).name == "某某經濟工作組第6次會議"


def test_a_signing_ceremony_is_a_meeting_held() -> None:
    lede = "6月12日下午，某某集团与某银行某分行银企战略合作签约仪式在某学院隆重举行。"
    facts = facts_of("某某集团与某银行签署战略合作协议", lede)
    assert (facts.name, facts.place) == ("某某集团与某银行某分行银企战略合作签约仪式", "某学院")


def test_the_pages_own_school_or_company_unnamed_is_no_holder_and_a_slogan_no_subject() -> None:
    lede = "6月9日下午，学校在行健楼B301会议室召开民主党派负责人联席会议，通报重点工作。"
    assert facts_of("学校召开民主党派负责人联席会议", lede).name == "民主党派负责人联席会议"
    headline = "新征程 再出发——集团公司召开某某学院转设工作表彰大会"
    lede = "为表彰先进，6月28日下午，集团公司在某某学院第一会议室召开表彰大会。"
    assert facts_of(headline, lede).name == "某某学院转设工作表彰大会"
    # a named school still holds its meeting
    lede = "6月9日下午，某某大学在图书馆召开民主党派负责人联席会议。"
    assert facts_of("某某大学召开联席会议", lede).name == "某某大学民主党派负责人联席会议"


def test_who_organised_a_meeting_or_how_many_there_were_is_no_part_of_its_name() -> None:
    lede = "某局和某學院合辦世界某某日研討會，逾百名醫生出席。"
    assert facts_of("某某日研討會舉行", lede).name == "世界某某日研討會"
    lede = "2024年某某周今日展開，舉行一系列活動和會議。同日進行的校園某某研討會為活動揭開序幕。"
    assert facts_of("某某周展開", lede).name != "一系列活動和會議"


def test_a_delegates_seat_and_a_meeting_recalled_as_background_are_not_reported() -> None:
    lede = "决定给予某某开除党籍处分，终止其中共某市第五次代表大会代表资格。"
    assert facts_of("某某被开除党籍", lede).name is None
    lede = "局長今日與某市代表團舉行會議。兩地在上月舉行的某某合作會議第六次會議上簽署備忘錄。"
    facts = facts_of("局長晤某市代表團", lede)
    assert (facts.name, facts.place) == (None, None)


def test_a_body_named_before_a_comma_and_its_day_holds_its_meeting() -> None:
    lede = "某市議會某某專案調查小組，今（13）日上午召開會議，召集人某某轉述3點爭議。"
    assert facts_of("某市議會調查某某案", lede).name == "某市議會某某專案調查小組會議"


def test_a_committee_that_decided_at_its_meeting_held_it() -> None:
    lede = "某某諮詢委員會今日在會議上按條例審議並決定有條件通過某某報告。"
    assert facts_of("某某會有條件通過報告", lede).name == "某某諮詢委員會會議"


def test_a_bare_kind_the_body_later_names_in_quotes_is_named_by_the_quote() -> None:
    lede = "某司長今日在某地出席交流會，推廣商機。「某某地區經貿合作交流會」由某某政府主辦。"
    assert facts_of("某司長推廣商機", lede).name == "某某地區經貿合作交流會"


def test_a_names_count_clause_year_and_kind_before_a_quote_are_cut() -> None:
    assert (
        facts_of("某行召开会议", "某银行今年全行行务会议于19日举行。").name == "某银行全行行务会议"
    )
    lede = "日本政府在某地举办了一个面向各国机构投资者的研讨会。"
    assert facts_of("首相出席研讨会", lede).name == "面向各国机构投资者的研讨会"
    lede = "今年由日本担任主席国的某某组织部长理事会会议在巴黎召开。"
    assert facts_of("部长理事会会议召开", lede).name == "某某组织部长理事会会议"
    lede = "首相在东京出席了国际会议“某某峰会”，并发表演讲。"
    assert facts_of("首相发表演讲", lede).name == "“某某峰会”"


def test_a_meeting_called_off_or_quoted_as_this_one_is_not_reported() -> None:
    lines = (
        "某某移工諮詢會議延期 擬討論引進行業",
        "原本諮詢會議敲定下週一舉行，因故延期。部長回應，「這次第2次的諮詢會我們也有邀請相關部會」。",
    )
    assert facts_of(*lines).name is None
    lede = "主辦方今日宣布，原訂明日舉行的某某會議取消。"
    assert facts_of("某某會議宣布取消", lede).name is None


def test_the_pages_own_university_numbered_or_that_ones_meeting_holds_no_name() -> None:
    lede = "9月17日，校长某某主持召开了本年度第12次校长办公会议。"
    assert facts_of("大学召开2012年第12次校长办公会议", lede).name == "2012年第12次校长办公会议"
    lede = "日前，某某大学与某电视台联合举行了该项目的总结交流会。"
    assert facts_of("某电视台与某大学合作项目结项", lede).name == "总结交流会"


def test_a_posts_bracketed_tag_before_a_sessions_name_is_no_part_of_it() -> None:
    lede = "臨時會開始時間：2015/01/13，代表就預算提出質詢。"
    assert facts_of("201501 (鎮代)第一次臨時會", lede).name == "第一次臨時會"
    # a media tag still goes, and a bracket inside a name stays
    lede = "某區政協召開常委（扩大）會議，審議工作報告。"
    assert facts_of("某區政協召開常委（扩大）會議", lede).name == "某區政協常委（扩大）會議"


def test_a_teachers_lesson_planning_and_a_policy_briefing_are_meetings() -> None:
    lede = "1月9日，以某某为主题的北京高校思政课教师学习实践暨集体备课会在某酒店举办。"
    assert facts_of("某学院承办集体备课会", lede).name == "北京高校思政课教师学习实践暨集体备课会"
    lede = "3月5日，2019届毕业生就业相关政策解读会在某报告厅举行。"
    assert facts_of("就业政策解读", lede).name == "2019届毕业生就业相关政策解读会"
