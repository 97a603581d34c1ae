"""Tests for digests.html."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from digests.html import Page, _date_near_headline, extract_html

PAGE = Path(__file__).resolve().parent.parent / "fixtures" / "noise" / "menus_footer.html"


def test_main_text_keeps_one_paragraph_a_line() -> None:
    text = extract_html(PAGE.read_text(encoding="utf-8")).text
    lines = text.split("\n")
    assert any(line.startswith("3月14日下午，市政协召开经济界别协商座谈会") for line in lines)
    assert any(line.startswith("市政协主席李某某主持会议并讲话。") for line in lines)
    assert "市政协副主席、秘书长等参加会议。" in lines


def test_menus_footer_and_scripts_are_left_out() -> None:
    text = extract_html(PAGE.read_text(encoding="utf-8")).text
    for noise in ("政协概况", "委员风采", "版权所有", "ICP备", "页面统计脚本", ".nav"):
        assert noise not in text


def test_og_title_is_preferred_to_title() -> None:
    title = extract_html(PAGE.read_text(encoding="utf-8")).title
    assert title == "市政协召开经济界别协商座谈会"


def test_title_tag_is_used_without_og_title() -> None:
    markup = (
        "<html><head><title> 区委召开 全会 </title></head><body><p>会议召开。</p></body></html>"
    )
    page = extract_html(markup)
    assert (page.text, page.title) == ("会议召开。", "区委召开 全会")


def test_tiny_page_falls_back_to_every_block() -> None:
    markup = "<html><body><div>第一段</div><div>第二段</div><script>x()</script></body></html>"
    page = extract_html(markup)
    text, title = page.text, page.title
    assert text.split("\n") == ["第一段", "第二段"]
    assert title is None


def test_empty_markup_gives_no_text() -> None:
    assert extract_html("") == Page("")


def test_a_cms_article_title_is_preferred_to_the_title_tag() -> None:
    markup = (
        '<html><head><meta name="ArticleTitle" content="区政协召开常委会议">'
        "<title>区政协召开常委会议_某区政协网</title></head><body><p>会议召开。</p></body></html>"
    )
    assert extract_html(markup).title == "区政协召开常委会议"


def test_the_bylines_date_under_the_headline_when_no_meta_tag_says_it() -> None:
    markup = (
        "<html><body><div class='nav'>2023-01-01 网站改版公告</div>"
        "<h1>区政协召开常委会议</h1><div class='info'><span>2024-03-06 10:15</span>"
        "<span>来源：区政协办公室</span></div><p>3月5日，区政协召开常委会议。</p>"
        "<ul><li>2022-05-05 旧闻</li></ul></body></html>"
    )
    assert extract_html(markup).date == "2024-03-06"


def test_no_headline_no_byline_date() -> None:
    """The byline rule needs an <h1> to stand under; without one the date is htmldate's."""
    markup = "<html><body><p>2024-03-06 区政协召开常委会议。</p></body></html>"
    assert _date_near_headline(lxml.html.document_fromstring(markup)) is None
