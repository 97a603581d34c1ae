"""Fourteenth round's page classes for titles, places, chairs and dates, on texts of our own:
a front-matter title with a site's crumb and address, a feed's serial, a template's lone
heading; places chaired at, ended at, attended at, abroad, and what is no place; chairs who
sit together or are named only by the headline; a lede's day in the year its story gives."""

from __future__ import annotations

from digests.decode import decode
from digests.meeting import MeetingFacts
from digests.pipeline import prepare


def facts_of(*lines: str) -> MeetingFacts:
    return prepare("\n".join(lines).encode(), "page.txt").meeting


def title_of(data: str, path: str = "page.txt") -> str:
    return prepare(data.encode(), path).title


def test_a_front_matter_title_loses_the_sites_crumb_its_column_and_its_address() -> None:
    page = (
        "---\ntitle: 某某大学->【学习贯彻】学校纪委召开全委会传达学习会议精神 | moumou.edu.cn\n"
        "date: 2022-11-02\n---\n会议现场\n\n"
        "10月31日，学校纪委召开全委会，传达学习会议精神，纪委书记王某主持会议。\n"
    )
    assert title_of(page, "post.md") == "学校纪委召开全委会传达学习会议精神"


def test_a_headline_whose_first_part_says_who_said_what_is_kept_whole() -> None:
    page = (
        "主席稱某議員非撤回議案　如議員不動議議案不能讓會議繼續辯論\n日期：2025-03-28\n"
        "某議員原本在昨日的立法會會議上動議一項議案，主席今日解釋有關規則。\n"
    )
    assert title_of(page) == "主席稱某議員非撤回議案 如議員不動議議案不能讓會議繼續辯論"


def test_a_templates_one_h3_is_its_headline_and_an_articles_sections_are_not() -> None:
    lede = "<p>8月8日下午，某某监理有限公司召开党委中心组（扩大）学习会议，党委书记李明主持。</p>"
    page = (
        "<html><body><div>首页 新闻中心</div><h3>某某公司召开党委中心组学习会议 学先进强执行</h3>"
        f"<div><span>2017-08-10</span><span>来源：某某公司</span></div>{lede}</body></html>"
    )
    assert decode(page.encode(), "page.html").headings == (
        "某某公司召开党委中心组学习会议 学先进强执行",
    )
    assert title_of(page, "page.html") == "某某公司召开党委中心组学习会议 学先进强执行"
    sections = "".join(f"<h3>第{n}部分</h3><p>内容{n}，说明有关情况。</p>" for n in "一二")
    head = "<head><title>某某公司召开年度工作会议</title></head>"
    page = f"<html>{head}<body>{lede}{sections}</body></html>"
    assert decode(page.encode(), "page.html").headings == ()
    assert title_of(page, "page.html") == "某某公司召开年度工作会议"


def test_where_a_meeting_was_chaired_or_held_is_its_place_and_a_weekday_is_not() -> None:
    lede = "某長官在社交專頁表示，今天在政府總部主持學習某某精神座談會，感謝各界出席。"
    assert facts_of("某長官主持座談會", lede).place == "政府總部"
    lede = "12月24日下午，我校在行健楼C604会议室开展学习贯彻某某精神座谈会，校领导出席。"
    assert facts_of("校妇委会开展座谈会", lede).place == "行健楼C604会议室"
    lede = "某議員表示，某某作為最資深議員，必須在周一繼續主持會議。"
    assert facts_of("議員要求繼續開會", lede).place is None


def test_two_people_who_chair_together_are_both_chairs() -> None:
    lede = "某局局長王大明與某市副市長李小華，在香港共同主持某某口岸專班會議，推進口岸建設。"
    assert facts_of("某某口岸專班會議舉行", lede).chair == "王大明、李小華"


def test_a_feeds_spaced_date_after_a_name_leaves_the_chair_whole() -> None:
    lede = "(某某電台消息) 國務院總理李大強 10月 25日主持召開國務院第六次全體會議，決定任命事項。"
    assert facts_of("國務院全體會議決定任命", lede).chair == "李大強"


def test_the_headlines_chair_when_the_body_never_names_one_by_the_verb() -> None:
    lede = "行政長官王大明在社交專頁表示，今天在政府總部主持學習某某精神座談會。"
    assert facts_of("王大明在政總主持學習某某精神座談會", lede).chair == "王大明"
    # a body that names its own chair keeps it
    lede = "某某座談會今天舉行，會議由副主任李小華主持。"
    assert facts_of("王大明出席某某座談會", lede).chair == "李小華"


def test_a_place_the_body_spells_in_full_later_or_reached_by_going_there() -> None:
    lines = (
        "第4屆第5次臨時會3/6-15於民治議事廳召開",
        "某市議會第4屆第5次臨時會今日上午於新營民治議事廳召開。",
    )
    assert facts_of(*lines).place == "新營民治議事廳"
    lede = "某辦主任王大明到深圳主持座談會，30位工商界人士出席。"
    assert facts_of("王大明主持工商界座談會", lede).place == "深圳"
    lede = "12月24日下午，我校在某楼C604会议室开展“百年奋斗，巾帼新篇”——学习某某精神座谈会。"
    assert facts_of("校妇委会开展座谈会", lede).place == "某楼C604会议室"


def test_what_a_broadcast_is_about_is_no_place() -> None:
    lede = "市議會援例於地方有線電視公用頻道針對開閉幕、專案報告進行轉播。"
    assert facts_of("市議會定期會將轉播", lede).place is None


def date_of(data: str, path: str = "page.txt") -> str | None:
    return prepare(data.encode(), path).date


def test_a_day_of_the_lede_takes_the_one_year_its_earlier_lines_write() -> None:
    page = (
        "某集团召开某学院转设工作表彰大会\n"
        "2020年3月，经教育部批准，某某学院成功转设，正式更名为某某理工学院。\n"
        "为表彰先进，6月28日下午，某集团在某学院第一会议室召开表彰大会。\n"
    )
    assert date_of(page) == "2020-06-28"
    # two years written before leave the day's year unknown from them
    page = page.replace("2020年3月，", "2019年提出申请，2020年3月，")
    assert date_of(page) is None


def test_places_abroad_and_where_a_meeting_ended_or_was_attended() -> None:
    lede = "某某部长会议4月29日在意大利城市都灵拉开帷幕，各国部长出席。"
    assert facts_of("某某部长会议开幕", lede).place == "意大利城市都灵"
    lede = "某某部长理事会会议5月3日晚在法国巴黎结束了为期两天的日程。"
    assert facts_of("某某部长理事会会议闭幕", lede).place == "法国巴黎"
    lede = "某司長今日在法國巴黎出席交流會，向工商界推廣商機。"
    assert facts_of("某司長推廣商機", lede).place == "法國巴黎"
    lede = "某部長在會議地點義大利北部斯特里薩告訴記者，各國應團結。某某財長會議今天召開。"
    assert facts_of("某某財長會議召開", lede).place == "義大利北部斯特里薩"


def test_a_speech_a_month_a_summoning_or_a_video_link_is_no_place() -> None:
    lede = "某司長在研討會致開幕辭時表示，某地是超級聯繫人。"
    assert facts_of("某司長推廣法律服務", lede).place is None
    lede = "首相表示将在下个月举行会议。"
    assert facts_of("首相谈会议", lede).place is None
    lede = "某长官5月13日在召集全国干部举行的会议上，指示采取措施。"
    assert facts_of("某长官指示采取措施", lede).place is None
    lede = "某主任在北京以視頻連線方式出席活動開幕典禮。"
    assert facts_of("某主任出席開幕典禮", lede).place is None
    lede = "某县5月20日在某知事等人出席的会议上，汇总了计划草案。"
    assert facts_of("某县汇总计划草案", lede).place is None


def test_a_feeds_serial_after_the_headline_and_a_plan_before_it_are_read_right() -> None:
    dated = "\n日期：2024-05-23\n"
    page = f"[政治] 主持上任後首次院會 某某：逐步完成政見 - 240523-21{dated}某某今天主持院會。\n"
    assert title_of(page) == "主持上任後首次院會 某某：逐步完成政見"
    page = f"某公司擬在某地建度假村 召開環評會議鄰近里民未獲通知{dated}某公司近日舉辦環評會議。\n"
    assert title_of(page) == "某公司擬在某地建度假村 召開環評會議鄰近里民未獲通知"


def test_a_headline_with_media_in_a_name_under_a_sections_h1_is_the_headline() -> None:
    lede = "<p>3月12日，正值植树节之际，新媒体学院学生会在体育馆门前设立摊位，宣传环保知识。</p>"
    page = (
        "<html><head><title>学院新闻</title></head><body><h1>学院新闻</h1>"
        "<h2>新媒体学院植树节特别活动顺利举行</h2><p>来源单位：新媒体学院 发布时间：2015-03-13</p>"
        f"{lede}</body></html>"
    )
    assert title_of(page, "page.html") == "新媒体学院植树节特别活动顺利举行"


def test_a_hexo_post_without_an_opening_rule_keeps_its_title_stamp_and_drops_its_css() -> None:
    post = (
        "title: 20170509 第四次定期會\ndate: 2017-05-09 00:00:00\ntags:\n    - 代表會\n---\n\n"
        "<style>\n.hint {\n    color: #BBB;\n}\n</style>\n\n**逐字稿待補完**\n\n"
        "某市民代表會 2017 年 5 月份第四次定期會今日開議，代表提出質詢。\n"
        "<table><tr><td>日期</td></tr></table>\n"
    )
    prepared = prepare(post.encode(), "source/_posts/2017/sitting.md")
    assert prepared.title == "20170509 第四次定期會"
    assert prepared.date == "2017-05-09"
    assert "color" not in prepared.text and "title:" not in prepared.text
    assert prepared.meeting.name == "某市民代表會第四次定期會"
