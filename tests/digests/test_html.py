"""Tests for digests.html."""

from __future__ import annotations

from pathlib import Path

from digests.html import Page, extract_html

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
