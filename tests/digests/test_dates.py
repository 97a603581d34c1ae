"""Dates as real pages write them, and which one is the page's."""

from __future__ import annotations

import datetime as dt

import pytest

from digests import dates
from digests.pipeline import prepare

LEDE_TRAD = "某縣議會第20屆第三次定期會今日開議，議長王大同主持會議，縣長李明德列席施政報告。"
LEDE = "3月5日上午，某区政协十四届五次常委会议在区行政中心召开。区政协主席王建国主持会议。"


def date_of(text: str, address: str = "page.txt") -> str | None:
    return prepare(text.encode(), address).date


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ("發布日期：98-01-15", "2009-01-15"),
        ("發布日期：115-11-20", "2026-11-20"),
        ("日期：民國113年4月19日", "2024-04-19"),
        ("本所(113)年4月19日上午召開區務會議", "2024-04-19"),
    ],
)
def test_taiwans_roc_years(written: str, date: str) -> None:
    assert date_of(f"某縣議會召開第20屆第三次定期會\n{written}\n{LEDE_TRAD}") == date


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ("12.06.2014  10:42", "2014-06-12"),
        ("2026/03/12", "2026-03-12"),
        ("2026年01月28日", "2026-01-28"),
        ("发布时间:Mar 24, 2020", "2020-03-24"),
        ("发布日期: 2026-02-0419:47:55", "2026-02-04"),
    ],
)
def test_dotted_slashed_and_written_forms(written: str, date: str) -> None:
    assert date_of(f"某区政协召开十四届五次常委会议\n{written}\n{LEDE}") == date


def test_a_labelled_publish_date_wins_over_the_lede() -> None:
    text = f"某区政协召开十四届五次常委会议\n发布日期：2024-03-06\n2024年3月5日上午，{LEDE[7:]}"
    assert date_of(text) == "2024-03-06"


def test_a_related_links_date_is_never_the_pages() -> None:
    text = f"{LEDE}\n相关新闻\n某县召开安全生产工作会议 2023-11-02\n2023-10-30 某镇开展消防演练"
    assert date_of(text) is None


def test_a_today_is_masthead_is_not_the_pages_date() -> None:
    text = (
        f"今天是：2026年02月13日 星期五\n某区政协召开十四届五次常委会议\n日期：2026-02-12\n{LEDE}"
    )
    assert date_of(text) == "2026-02-12"


def test_the_address_gives_the_year_of_the_ledes_day() -> None:
    assert date_of(LEDE, "https://example.gov.cn/xwzx/2024/03/06/123.shtml") == "2024-03-05"
    assert date_of(LEDE, "https://example.gov.cn/art/t20240306_5123456.html") == "2024-03-05"


def test_a_bare_day_is_the_nearest_such_day_to_the_address() -> None:
    text = "新华社北京电 全国某会议4日下午将在人民大会堂开幕，会期6天。"
    assert date_of(text, "https://example.cn/news/20250303/1.html") == "2025-03-04"


def test_address_forms() -> None:
    assert dates.from_address("https://a.cn/2025/12/11/1.shtml") == (2025, 12, 11)
    assert dates.from_address("https://a.cn/x/202310/abc.shtml") == (2023, 10, None)
    assert dates.from_address("https://a.cn/c/2015-10-20/601234.shtml") == (2015, 10, 20)
    assert dates.from_address("https://a.cn/2022/12324.html") == (2022, None, None)
    assert dates.from_address("https://a.cn/news/121.html") is None


def test_roc_forms_only_on_taiwanese_pages() -> None:
    assert list(dates.full_dates("98-01-15", roc=True)) == [dt.date(2009, 1, 15)]
    assert list(dates.full_dates("98-01-15")) == []


def test_an_roc_year_in_the_title_dates_the_ledes_day() -> None:
    text = (
        "跳到主要內容區塊\n某區公所召開104年度上半年里長業務聯繫會議\n"
        "某區公所6月12日下午在區公所禮堂召開104年度上半年里長業務聯繫會議,由區長王大明主持。"
    )
    assert date_of(text) == "2015-06-12"


def test_taiwans_parenthesised_days() -> None:
    lede = "本公所於今日(5/28)在二樓會議室召開里長業務聯繫會報,由區長王大明主持,各里里長出席。"
    assert date_of(f"本所召開109年度里長業務聯繫會報\n{lede}") == "2020-05-28"
    lede = "某市議會第三屆第一次定期大會今(29)日上午開幕,由議長林大同宣布開議,市長出席。"
    assert date_of(lede, "https://example.tw/news/2019/03/29/1.html") == "2019-03-29"


def test_a_span_of_years_is_no_roc_year() -> None:
    lede = "某同鄉會經過56年發展,2月26日晚舉行春茗聯歡晚宴,會長陳大文致辭,會員三百人出席。"
    assert date_of(f"某同鄉會春茗聯歡\n{lede}") is None


def test_a_labelled_date_between_a_headline_under_the_text_and_its_links() -> None:
    text = (
        f"{LEDE}\n会议要求各委员积极履职尽责。\n某区政协召开十四届五次常委会议\n"
        "来源：发布日期：2024-03-06 打印\n- 上一条：某区召开安全生产会议\n- 下一条：某区开展义诊"
    )
    assert date_of(text) == "2024-03-06"


def test_a_budget_years_roc_year_does_not_date_the_page() -> None:
    # `107年度總預算` is reviewed the year before: it gives the page no year.
    lede = "某市議會第5次定期大會自10月20日起召開,審議107年度地方總預算,議長王大同主持。"
    assert date_of(f"某市議會定期大會開議\n{lede}") is None
    lede = "某區公所10月20日召開107年度下半年里長業務聯繫會議,由區長王大明主持,里長出席。"
    assert date_of(f"某區公所召開里長業務聯繫會議\n{lede}") == "2018-10-20"


def test_an_article_number_opening_with_its_day_dates_the_address() -> None:
    assert dates.from_address("http://example.cn/a/news/2023/2023012950603.html") == (2023, 1, 29)
    # a report of 12月20日 published in January is last year's
    lede = "12月20日上午,某县团委召开学习会议,团县委书记王大明主持,机关全体人员参加会议。"
    assert date_of(lede, "http://example.cn/a/news/2023/2023012950603.html") == "2022-12-20"
    assert dates.from_address("http://example.cn/a/2019123456789.html") is None


def test_a_bracketed_date_under_the_headline_is_no_scramble() -> None:
    text = f"某区政协召开常委会议\n[ 2016-12-02 ] [ 打印 ] [ 关闭 ]\n{LEDE}"
    assert date_of(text) == "2016-12-02"


def test_a_date_alone_on_the_last_line_dates_the_page() -> None:
    text = f"{LEDE}\n会议还研究了其他事项。\n（编辑：李四）\n2020-03-06"
    assert date_of(text) == "2020-03-06"
    # a related story's headline beside the date makes it that story's
    text = f"{LEDE}\n会议还研究了其他事项。\n相关新闻\n某县召开经济工作会议 2019-01-02"
    assert date_of(text) is None


@pytest.mark.parametrize(
    "closing",
    [
        "完\n2018年11月23日(星期五)\n香港時間14時30分",
        "[責任編輯：王五] 2018-11-23",
        "2018年11月23日 10:20",
    ],
)
def test_a_press_releases_closing_date(closing: str) -> None:
    lede = "某區議會今日舉行第十次會議,主席陳大文主持會議,各位議員出席並討論區內事務,通過多項動議。"
    assert date_of(f"{lede}\n{closing}") == "2018-11-23"


def test_a_day_first_slashed_date() -> None:
    assert list(dates.full_dates("23/11/2018")) == [dt.date(2018, 11, 23)]
    assert list(dates.full_dates("11/23/2018")) == [dt.date(2018, 11, 23)]  # day > 12: month first
    assert list(dates.full_dates("12.06.2014")) == [dt.date(2014, 6, 12)]


def test_dates_in_chinese_numerals() -> None:
    assert list(dates.full_dates("二〇一九年三月五日")) == [dt.date(2019, 3, 5)]
    assert list(dates.full_dates("二○一一年十一月二十三日")) == [dt.date(2011, 11, 23)]
    assert list(dates.month_days("南區民政事務處今日(十一月二十一日)舉行座談會")) == [(11, 21)]
    lede = "【本報訊】某某聯誼會昨午假某酒店舉行第三屆會員大會,會長陳大文致辭,會員三百人出席。"
    assert date_of(f"某某聯誼會舉行會員大會\n二○一一年六月二十八日\n{lede}") == "2011-06-28"
    # `十一届` is a session, not a month
    assert list(dates.month_days("十一届三次全会于五日召开")) == []


def test_an_underscored_year_and_month_and_a_time_stamp_date_the_address() -> None:
    assert dates.from_address("http://a.cn/news/detail_2016_05/18/123_0.shtml") == (2016, 5, 18)
    assert dates.from_address("http://a.cn/show/20210714093015-1234-00.html") == (2021, 7, 14)
    lede = "5月17日,某县法院和某县检察院党组联席会议在县法院召开,双方院长出席。"
    assert date_of(lede, "http://a.cn/news/detail_2016_05/18/123_0.shtml") == "2016-05-17"
    # an underscore before a number that is no month dates nothing
    assert dates.from_address("http://a.cn/x_2016_1234.html") is None


@pytest.mark.parametrize("today", ["今日(十一月二十一日)", "今日（11月21日）", "今天(11月21日)"])
def test_the_day_a_sentence_says_is_today_dates_the_page(today: str) -> None:
    lede = f"继11月17日第五场座谈会后,某区民政事务处{today}再举行一场座谈会,约百人出席。"
    assert date_of(lede, "https://example.gov.hk/gia/general/202311/1.htm") == "2023-11-21"
    assert dates.today(lede) == (11, 21)
    assert dates.today("某会议今日举行(附图)") is None


def test_a_day_soon_after_the_known_month_is_looked_ahead_to_not_last_years() -> None:
    assert dates.in_year(2024, 10, 3, (2024, 9)) == dt.date(2024, 10, 3)
    assert dates.in_year(2023, 12, 20, (2023, 1)) == dt.date(2022, 12, 20)
    lede = "某市議會會中決議10月3日至12月11日召開定期會,10月4日由市長進行施政總報告。"
    assert date_of(lede, "https://example.com.tw/2024/09/26/1.html") == "2024-10-03"


def test_todays_bare_day_dates_the_meeting_held_today() -> None:
    lede = "某市議會今(26)日召開程序委員會,會中決議10月3日至12月11日召開定期會。"
    assert date_of(lede, "https://example.com.tw/2024/09/26/1.html") == "2024-09-26"
    # a reporter learning something today reports a meeting of another day
    told = "某某社訊 今(20)日上午,記者從某市公安局獲悉,4月16日下午該局召開專題會議。"
    assert date_of(told, "http://example.cn/a/2018/0420/1.html") == "2018-04-16"
    assert dates.today("某处今日(11月21日),记者获悉,11月17日举行座谈会。") is None


def test_a_year_written_after_the_ledes_day_is_not_its_year() -> None:
    # the address says April 2024; the `2023年` is the year the report looks back on
    lede = "某某促進會於四月二十日下午召開會員大會，會長陳大文主持，理事長作二○二三年會務報告。"
    address = "http://example.org/html/2024-04/22/content_1.htm"
    assert date_of(f"某某促進會召開會員大會\n{lede}", address) == "2024-04-20"
    # with nothing else to go by, the lede's only year still dates it
    assert date_of(f"某某促進會召開會員大會\n{lede}") == "2023-04-20"


def test_a_bare_day_before_a_later_day_announced_dates_the_meeting() -> None:
    # the meeting of the 12th decides on a session of 26 February: the page is the 12th's
    lede = "某省人大常委会第三十次主任会议12日上午在省会举行。会议决定，第九次会议于2月26日召开。"
    assert date_of(lede, "http://example.cn/gn/news/2007/02-13/1.shtml") == "2007-02-12"


def test_a_span_of_days_and_a_year_in_an_events_name() -> None:
    lede = "7月27-28日，某市商会主办的“2015民营经济(某市)发展论坛”在某市举办。2000余名代表参加。"
    assert date_of(lede) == "2015-07-27"
    assert dates.named_year("2000余名代表参加大会") is None
    assert list(dates.month_days("3月6至8日召开")) == [(3, 6)]


def test_a_slashed_date_with_a_twelve_hour_clock_is_month_first() -> None:
    assert list(dates.full_dates("於 3/9/2012 8:05:12 PM 發表")) == [dt.date(2012, 3, 9)]
    assert list(dates.full_dates("於 3/9/2012 20:05")) == [dt.date(2012, 9, 3)]


def test_a_first_of_january_from_the_html_gives_way_to_the_texts_date() -> None:
    # htmldate pads a bare year (a copyright's) to 1 January
    text = "<html><body><p>" + LEDE.replace("3月5日", "2001年3月5日") + "</p></body></html>"
    page = prepare(text.encode(), "page.html")
    assert page.date == "2001-03-05"


def test_a_year_in_a_receptions_name_dates_the_ledes_day() -> None:
    lede = "某某總會2月26日晚舉行「 2025某某總會春茗聯歡晚宴」，會長陳大文及一眾理監事出席。"
    assert date_of(lede) == "2025-02-26"


@pytest.mark.parametrize(
    ("written", "date"),
    [("民國一一三年四月十九日", "2024-04-19"), ("中華民國九十八年元月十五日", "2009-01-15")],
)
def test_roc_years_in_chinese_numerals(written: str, date: str) -> None:
    assert date_of(f"某縣議會召開第20屆第三次定期會\n{written}\n{LEDE_TRAD}") == date


def test_the_first_month_written_yuan() -> None:
    assert list(dates.month_days("会议将于元月8日开幕")) == [(1, 8)]


@pytest.mark.parametrize(
    ("written", "date"), [("於本月5日", "2024-03-05"), ("於上月28日", "2024-02-28")]
)
def test_this_and_last_months_days_take_the_pages_month(written: str, date: str) -> None:
    lede = f"某區政協十四屆五次常委會議{written}在區行政中心召開，主席王建國主持。"
    assert date_of(f"某區政協召開常委會議\n{lede}", "https://a.mo/html/2024-03/06/c.htm") == date


@pytest.mark.parametrize(
    "above",
    [
        "热门文章\n某县召开统战工作会议 2023-11-01\n某镇召开座谈会 2023-10-20",
        "2023-12-31 星期日",
        "网站更新时间：2024-11-30",
    ],
)
def test_the_byline_under_the_headline_beats_dates_above_it(above: str) -> None:
    text = f"{above}\n某区政协召开十四届五次常委会议\n2024-03-06 来源：某区政协\n{LEDE}"
    assert date_of(text) == "2024-03-06"


def test_a_bare_day_takes_the_year_and_month_the_head_writes() -> None:
    lede = "立法會今(5)日舉行全體會議，主席陳大文主持。會議通過多項法案。"
    assert date_of(f"立法會舉行全體會議\n某某日報 2024年3月\n{lede}") == "2024-03-05"


def test_a_compact_year_and_month_then_the_day_as_a_folder() -> None:
    assert dates.from_address("https://a.com/a/202412/10/AB12cd34.html") == (2024, 12, 10)
    assert dates.from_address("https://a.com/a/202412/1234/x.html") == (2024, 12, None)
    lede = "(記者某某)某區議會主席近日接受訪問時表示,議會一直做好監督工作。"
    assert date_of(lede, "https://a.com/a/202412/10/AB12cd34.html") == "2024-12-10"


@pytest.mark.parametrize("tally", ["到10月30日止", "截至10月30日", "截止到10月30日"])
def test_a_tallys_last_day_is_no_sittings_day(tally: str) -> None:
    lede = f"{tally},全市各乡镇人代会都已闭幕。昨天上午,某镇人民代表大会第七次会议举行选举。"
    assert date_of(lede, "http://a.cn/html/news/2005/1101/47.html") == "2005-10-31"
    assert list(dates.month_days("会期从10月28日到10月30日")) == [(10, 28), (10, 30)]


@pytest.mark.parametrize("credit", ["(記者某某攝)", "(圖/某市議會提供)", "(某某/攝)"])
def test_a_caption_between_the_headline_and_its_date_is_no_paragraph(credit: str) -> None:
    page = [
        "某市議會定期大會開議 市長將施政報告",
        f"市長王大同明日將到議會進行施政報告。{credit}",
        "2023/04/12 12:09",
        "〔記者某某/某市報導〕某市議會今(12)日開議,市長王大同將於13、14日進行施政報告,接受議員質詢。",
        "相關新聞",
        "某縣議會臨時會下週開議 2023/04/10 18:20",
    ]
    assert date_of("\n".join(page)) == "2023-04-12"


def test_a_datelines_day_gives_way_to_the_event_day_right_after_it() -> None:
    lede = "某某网哈尔滨6月26日电 6月21日,某民主党派省委会在某剧场举行艺术团成立仪式。"
    assert date_of(lede, "http://a.cn/c/2019-06-26/12345.shtml") == "2019-06-21"
    same = "新华社北京12月15日电 某会主席王建国15日下午主持召开主席会议。"
    assert date_of(same, "http://a.cn/2017-12/15/c_1.htm") == "2017-12-15"


def test_a_long_paragraph_ending_on_a_credit_is_still_the_lede() -> None:
    lede = (
        "3月5日上午,某区政协十四届五次常委会议在区行政中心召开,区政协主席王建国主持会议,"
        "会议听取了各专委会关于年度协商计划的汇报,审议通过了有关人事事项和委员履职考核办法,"
        "并对下一阶段的调研视察工作作出安排。(王五 摄)"
    )
    assert date_of(lede, "http://a.cn/2024/0306/1.html") == "2024-03-05"


# --- round 7 -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lede", "address", "date"),
    [
        (
            "(某社记者张三彰化26日电)某县议会临时会22日结束，明年1月2日至12日再开。",
            "/202312/1.html",
            "2023-12-26",
        ),
        (
            "(吉隆坡10日讯)某总会昨日在北京举行第十届联谊大会，本会代表出席。",
            "/2023/05/x.html",
            "2023-05-10",
        ),
    ],
)
def test_a_datelines_day_in_the_month_of_the_address(lede: str, address: str, date: str) -> None:
    page = prepare(f"某县议会盼勿臆测\n{lede}".encode(), f"https://a.example{address}")
    assert page.date == date
    assert dates.dateline_day(lede) == int(date[-2:])


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ("23-11-2018", "2018-11-23"),
        ("23 November 2018", "2018-11-23"),
        ("5 Mar, 2020", "2020-03-05"),
    ],
)
def test_day_first_forms_of_hong_kong_pages(written: str, date: str) -> None:
    assert next(dates.full_dates(written)).isoformat() == date
    assert date_of(f"某区议会召开第三次会议\n{written}\n{LEDE}") == date


def test_a_list_of_related_links_above_the_article_never_dates_it() -> None:
    links = ["- 某市召开老龄工作会议 2024/01/05", "- 某县举行新春团拜会 2024/01/04"]
    text = "\n".join([*links, "某区政协召开十四届五次常委会议", LEDE])
    assert date_of(text, "https://a.example/2023/x.html") == "2023-03-05"


@pytest.mark.parametrize(
    "links",
    [
        ["相关新闻", "某市召开老龄工作会议", "发布时间：2024-01-05", "某县举行新春团拜会"],
        ["上一篇：某市召开老龄工作会议 发布时间：2024-01-05"],
    ],
)
def test_labelled_dates_of_related_links_under_the_article_never_date_it(links: list[str]) -> None:
    text = "\n".join(["某区政协召开十四届五次常委会议", LEDE, *links])
    assert date_of(text, "https://a.example/2023/x.html") == "2023-03-05"


@pytest.mark.parametrize(
    ("address", "found"),
    [
        ("https://a.cn/201905/t20190529_1.html", (2019, 5, 29)),  # a month's folder, its day's file
        ("https://a.cn/news_2019_05_29_1.html", (2019, 5, 29)),
        ("https://a.cn/show.asp?id=20190529123", (2019, 5, 29)),
        ("https://a.cn/202312/202312262268459.html", (2023, 12, 26)),
    ],
)
def test_the_most_specific_date_of_an_address(address: str, found: tuple[int, ...]) -> None:
    assert dates.from_address(address) == found


@pytest.mark.parametrize("written", ["2018‐11‐23", "2018－11－23", "2018／11／23"])
def test_dashes_and_slashes_of_other_widths(written: str) -> None:
    assert date_of(f"某区议会召开第三次会议\n{written}\n{LEDE}") == "2018-11-23"


def test_a_mastheads_clock_anywhere_on_its_line_never_dates_the_page() -> None:
    text = "\n".join(
        ["欢迎访问某某网！今天是2024年3月9日 星期六", "某区政协召开十四届五次常委会议", LEDE]
    )
    assert date_of(text, "https://a.example/2023/x.html") == "2023-03-05"


def test_a_date_under_the_headline_before_a_sidebars_above_it() -> None:
    text = "\n".join(
        [
            "网站更新 2024-01-05",
            "某区政协召开十四届五次常委会议",
            "某区政协办公室",
            "2023-03-06",
            LEDE,
        ]
    )
    assert date_of(text) == "2023-03-06"


@pytest.mark.parametrize("label", ["发布于：", "發表於 ", "刊登日期：", "Posted on ", "Date: "])
def test_more_ways_to_label_the_publish_date(label: str) -> None:
    text = "\n".join(
        ["网站更新 2024-01-05", "某区政协召开十四届五次常委会议", LEDE, f"{label}2023-03-06"]
    )
    assert date_of(text) == "2023-03-06"


@pytest.mark.parametrize(
    ("lede", "date"),
    [
        ("立法會昨日（22日）召開會議，審議多項議案，議員們踴躍發言。", "2018-11-22"),
        ("區議會今天(5日)舉行第三次會議，議員們踴躍發言。", "2018-11-05"),
    ],
)
def test_hong_kongs_day_in_parentheses_after_yesterday_or_today(lede: str, date: str) -> None:
    assert date_of(f"某區議會召開會議\n{lede}", "https://a.example/201811/x.html") == date


def test_a_day_written_with_hao() -> None:
    lede = "3月5号上午，某社区召开居民代表会议，社区书记王建国主持会议。"
    assert (
        date_of(f"某社区召开居民代表会议\n{lede}", "https://a.example/2023/x.html") == "2023-03-05"
    )


def test_the_first_day_of_a_span_is_no_sittings_day() -> None:
    lede = "据了解，从10月28号起，各镇人代会陆续召开。昨天上午，某镇人代会举行选举。"
    assert (
        date_of(f"某镇人代会举行选举\n{lede}", "https://a.example/2005/11/01/x.html")
        == "2005-10-31"
    )


def test_dates_alone_under_each_related_headline_never_date_the_page() -> None:
    links = ["某市召开老龄工作会议", "2024-01-05", "某县举行新春团拜会", "2024-01-04"]
    text = "\n".join([*links, "某区政协召开十四届五次常委会议", LEDE])
    assert date_of(text, "https://a.example/2023/x.html") == "2023-03-05"


def test_a_list_of_links_right_under_the_headline_is_no_byline() -> None:
    links = ["- 某市召开老龄工作会议 2024/01/05", "- 某县举行新春团拜会 2024/01/04"]
    text = "\n".join(["某区政协召开十四届五次常委会议", *links, LEDE])
    assert date_of(text, "https://a.example/2023/x.html") == "2023-03-05"


@pytest.mark.parametrize("bound", ["截至2023年12月31日", "自2024年1月1日起"])
def test_a_full_date_bounding_a_span_in_the_lede_is_no_sittings_day(bound: str) -> None:
    lede = f"{bound}，全县共办理提案120件。2024年1月5日，县政协召开提案工作会议，王建国主持。"
    assert date_of(f"县政协召开提案工作会议\n{lede}") == "2024-01-05"
    assert [d.isoformat() for d in dates.full_dates(lede, events=True)] == ["2024-01-05"]


@pytest.mark.parametrize("colon", ["︰", "﹕"])
def test_hong_kongs_colons_label_a_date(colon: str) -> None:
    lede = "立法會今日召開會議，審議多項議案，議員們踴躍發言並通過動議。"
    text = "\n".join(
        ["網站更新 2024-01-05", "某區議會召開會議", lede, f"發佈日期{colon}2018年11月23日"]
    )
    assert date_of(text) == "2018-11-23"


def test_a_menus_heading_opens_a_list_that_never_dates_the_page() -> None:
    links = ["为你推荐", "某市召开老龄工作会议", "发布时间：2024-01-05"]
    text = "\n".join(["某区政协召开十四届五次常委会议", LEDE, *links])
    assert date_of(text, "https://a.example/2023/x.html") == "2023-03-05"


def test_a_closing_signature_beside_its_date_dates_the_page() -> None:
    lede = (
        "近日，区政协召开十四届五次常委会议，区政协主席王建国主持会议。会议听取了各专委会工作汇报。"
    )
    text = "\n".join(["区政协召开十四届五次常委会议", lede, "（某区政协办公室 2019年11月23日）"])
    assert date_of(text) == "2019-11-23"


@pytest.mark.parametrize("verb", ["举办", "闭幕"])
def test_a_bare_day_opening_a_clause_that_holds_or_closes_a_meeting(verb: str) -> None:
    lede = f"某县第十届职工代表大会23日{verb}，县总工会主席王建国出席并讲话。"
    assert date_of(f"某县职代会{verb}\n{lede}", "https://a.example/202311/x.html") == "2023-11-23"


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ("The inaugural ceremony was held on 14-7-12 at the new hall.", dt.date(2012, 7, 14)),
        ("Minutes dated 3/11/98, adopted unanimously.", dt.date(1998, 11, 3)),
    ],
)
def test_an_english_sentences_short_date_is_day_first(written: str, date: dt.date) -> None:
    assert list(dates.full_dates(written)) == [date]


def test_a_short_date_outside_an_english_sentence_is_none() -> None:
    assert list(dates.full_dates("第25-6-11号文件")) == []


def test_a_labelled_date_without_a_colon_and_its_afternoon_clock() -> None:
    page = "\n".join(
        [
            "某市議會第2次定期會3日起市政總質詢",
            "某市議會第2次定期會3日起進入市政總質詢議程，歡迎市民透過電視轉播或網路收看，即時掌握議事動態。",
            "每位議員質詢時間30分鐘，自由發言時間則每人10分鐘，敬請市民踴躍收看。",
            "最後修改日期 2019/11/05 下午 03:20:41",
            "延伸閱讀",
        ]
    )
    assert date_of(page) == "2019-11-05"


def test_a_year_counted_from_the_page_is_not_an_earlier_year_written_before() -> None:
    # `2009年10月` dates the last congress; `今年2月5日…3月2日` are this year's, unknown
    page = (
        "4月20日下午，中国共产党某学院第一次代表大会在图书馆报告厅举行预备会议，学院党委书记王大同主持会议。\n"
        "学院党委副书记介绍大会筹备情况。学院上次党代会是在2009年10月召开的。今年2月5日，学院党委向"
        "上级党委呈报了召开大会的请示。3月2日，收到批复后，学院党委立即启动了各项筹备工作。"
    )
    assert date_of(page) is None
    assert dates.year_before("是在2009年10月召开的。今年2月5日，呈报。3月2日") is None
    assert dates.year_before("是在2009年10月召开的。3月2日") == 2009


def test_the_addresss_day_beats_an_earlier_steps_full_date_in_the_lede() -> None:
    lede = (
        "某某同乡会于2019年8月30日完成了第九届理事会换届选举，王大同当选为会长。"
        "新届理事会于9月21日举行了就职典礼，各界嘉宾到场祝贺。"
    )
    assert date_of(lede, "https://example.org/2019/09/21/post/") == "2019-09-21"
    # a later day the lede announces after its first one is another's: the full date stays
    later = lede.replace("新届理事会于9月21日举行了", "9月15日理事会决定于9月21日举行")
    assert date_of(later, "https://example.org/2019/09/21/post/") == "2019-08-30"


@pytest.mark.parametrize(
    "written",
    ["on June 25th, 2011", "on the 25th of June 2011", "25th June, 2011", "Jun 25th 2011"],
)
def test_english_dates_with_an_ordinal_day(written: str) -> None:
    assert list(dates.full_dates(written)) == [dt.date(2011, 6, 25)]


@pytest.mark.parametrize("label", ["日期 ", "發佈日期　", "刊出日期 ", "最後更新時間 "])
def test_a_label_without_its_colon_under_the_article_dates_the_page(label: str) -> None:
    # the lede's full date is the sitting's; the labelled one at the foot is the page's
    lede = "某縣議會第20屆第三次定期會於2024年4月18日開議，議長王大同主持會議，縣長李明德列席。"
    page = f"某縣議會第三次定期會開議\n{lede}\n{label}2024-04-19 下午 03:20\n延伸閱讀"
    assert date_of(page) == "2024-04-19"


def test_a_day_of_this_year_is_placed_in_the_addresss_year() -> None:
    lede = "今年3月8日，某区政协十四届五次常委会议在区行政中心召开。区政协主席王建国主持会议。"
    assert date_of(lede, "https://example.org/2024/03/10/a.html") == "2024-03-08"


def test_a_day_of_next_year_announced_is_not_the_pages() -> None:
    lede = (
        "某区政协主席会议日前召开，会议建议区政协第五次会议于明年1月6日召开。"
        "区政协主席王建国主持会议。"
    )
    assert date_of(lede, "https://example.org/2024/12/20/a.html") == "2024-12-20"


@pytest.mark.parametrize(
    ("lede", "date"),
    [
        # the year a quoted event's name closes with, or a carnival's, dates the day
        ("某某会于2月26日晚举行年度晚宴“狮城庆新春2017”,400名嘉宾欢聚一堂。", "2017-02-26"),
        ("11月17日,第三届世界某某人恳亲大会暨2017某市华人嘉年华在某市开幕。", "2017-11-17"),
        # a year's meeting (`2022年度民主生活会`) is held in the next: it dates nothing
        ("2月21日,某某通报了2022年度民主生活会征求意见情况。", None),
    ],
)
def test_a_year_named_in_an_event(lede: str, date: str | None) -> None:
    assert prepare(lede.encode(), "named.txt").date == date
