"""Tenth round's page classes, on texts of our own: an old-browser warning and a column of
menu items above the article, a slogan and its event on one dashed headline, a hacked
site's porn string after a bar in the headline, a forum's footer clock, a folder number
after a year in the address."""

from __future__ import annotations

from digests.pipeline import prepare
from digests.spam import clean_spam

LEDE = "4月1日下午,市四届人大五次会议主席团举行第一次会议,主席团全体成员参加会议。"
BODY = "会议由主席团成员王大明主持。会议推选了大会执行主席,通过了大会议程。"


def page(*lines: str, address: str = "page.txt") -> tuple[str, str | None]:
    prepared = prepare("\n".join(lines).encode(), address)
    return prepared.title, prepared.date


def test_an_old_browser_warning_is_no_title_nor_lede() -> None:
    title, _ = page(
        "請更新您的瀏覽器",
        "",
        "您使用的瀏覽器版本較舊,已不再受支援。建議您更新瀏覽器版本,以獲得最佳使用體驗。",
        "",
        "新聞",
        "",
        "某市長主持「某某委員會」第三次會議",
        "某市長今日主持「某某委員會」第三次會議,聽取各工作組匯報。會議由市府秘書長列席。",
    )
    assert title == "某市長主持「某某委員會」第三次會議"


def test_a_column_of_menu_items_gives_no_title() -> None:
    title, _ = page("常委会组成人员", "|", "人大要闻", "|", "会议中心", "|", "立法工作", LEDE, BODY)
    assert "会议中心" not in title
    assert title.startswith("市四届人大五次会议主席团")


def test_a_slogan_and_its_event_on_one_dashed_headline_stay_whole() -> None:
    headline = "同心庆双节 奋进建新功——某学院党委召开中秋国庆座谈会"
    lede = "9月20日,某学院党委召开中秋国庆座谈会,学院党委书记王大明主持会议。"
    title, _ = page(headline, "发布时间:2024-09-21", lede, BODY)
    assert title == headline


def test_a_porn_string_after_a_bar_is_cut_and_the_headline_kept() -> None:
    line = "某特首主持“某某发展委员会”首次工作会议|日本熟妇人妻"
    assert clean_spam(line, line) == ("某特首主持“某某发展委员会”首次工作会议",) * 2
    stuffed = "1. 4399在线观看免费高清电视剧"
    assert clean_spam(stuffed, stuffed) == ("", "")
    lottery = "某市体育彩票工作会议召开|新闻中心"
    assert clean_spam(lottery, lottery) == (lottery, lottery)


def test_a_forums_footer_clock_is_not_the_pages_date() -> None:
    _, date = page(LEDE, "GMT+8, 2025-3-28 20:36", BODY)
    assert date is None
    _, date = page(LEDE + BODY, "GMT+8, 2025-3-28 20:36 , Processed in 0.05 second(s)")
    assert date is None


def test_a_folder_number_after_a_year_is_no_month() -> None:
    address = "http://www.example.cn/DocHtml/1991/17/11/00183887.html"
    _, date = page(LEDE, BODY, address=address)
    assert date is None
    _, dated = page(LEDE, BODY, address="http://www.example.cn/2019/04/02/1.html")
    assert dated == "2019-04-01"


def test_a_headlines_first_words_broken_onto_their_own_line_are_joined() -> None:
    lede = "11月26日,共青團某某第一次代表大會在風雨操場召開。186名團員代表參加了會議。"
    title, _ = page("共青團某某", "第一次代表大會順利召開", lede, BODY)
    assert title == "共青團某某第一次代表大會順利召開"
