"""Titles by evidence, on pages of our own that imitate each kind of furniture real sites add."""

from __future__ import annotations

import pytest

from digests.pipeline import prepare
from digests.title import echo, strip_decoration

LEDE = (
    "3月5日上午，某区政协十四届五次常委会议在区行政中心召开。区政协主席王建国主持会议。"
    "会议听取了区政协各专委会关于年度协商计划的汇报，审议通过了有关人事事项。"
)
TITLE = "某区政协召开十四届五次常委会议"
BYLINE = "2024-03-05 来源：某区政协"


def title_of(*head: str, body: str = LEDE, name: str = "page.txt") -> str:
    return prepare("\n".join([*head, body]).encode(), name).title


FURNITURE = {
    "skip links": ["跳過導航", "按Enter到主內容區", ":::", "跳到主要內容區塊", "無障礙"],
    "breadcrumbs": ["网站首页 / 新闻中心 / 工作动态", "新闻中心", "综合新闻"],
    "widgets": ["放大+ 缩小- 默认", "[ 设为首页 ] [ 加入收藏 ]", "无障碍版 长者模式 登录"],
    "browser warning": ["Your browser does not support JavaScript, please upgrade"],
    "masthead and slogan": ["某区人民政府门户网站", "凝心聚力 奋进新时代"],
}


@pytest.mark.parametrize("kind", sorted(FURNITURE))
def test_furniture_above_the_headline_is_never_the_title(kind: str) -> None:
    assert title_of(*FURNITURE[kind], TITLE, BYLINE) == TITLE


def test_a_related_story_below_the_article_is_not_the_headline() -> None:
    related = ["相关新闻", "某县召开安全生产工作会议 2024-03-01", "某镇开展消防演练 2024-02-28"]
    assert title_of(TITLE, BYLINE, body=LEDE + "\n" + "\n".join(related)) == TITLE


def test_a_kicker_gives_way_to_the_headline_it_introduces() -> None:
    assert title_of("凝心聚力谋发展 实干担当开新局", TITLE, BYLINE) == TITLE


@pytest.mark.parametrize(
    "prefixed", ["原创 " + TITLE, "完整版[视频]" + TITLE, "【政协动态】" + TITLE]
)
def test_prefixes_are_stripped(prefixed: str) -> None:
    assert title_of(prefixed, BYLINE) == TITLE


def test_spam_inside_the_headline_is_cut_out() -> None:
    assert title_of("某某娱乐平台·(中国)官方网站" + TITLE, BYLINE) == TITLE


def test_a_site_name_suffix_is_dropped() -> None:
    assert strip_decoration(TITLE + "_某区人民政府") == TITLE
    assert strip_decoration(TITLE + "--时政--某某网") == TITLE


def test_html_headline_is_checked_against_the_body() -> None:
    page = (
        "<html><head><title>新闻动态--某区政协官网</title>"
        f'<meta property="og:title" content="{TITLE}"></head>'
        f"<body><h1>某区政协官网</h1><div><p>{LEDE}</p></div></body></html>"
    )
    assert prepare(page.encode(), "page.html").title == TITLE


def test_without_a_headline_the_title_is_cut_from_the_lede() -> None:
    page = prepare(LEDE.encode(), "page.txt")
    assert page.title == "某区政协十四届五次常委会议"


def test_echo_measures_the_headline_words_the_body_repeats() -> None:
    assert echo(TITLE, LEDE) > 0.6 > echo("凝心聚力奋进新时代", LEDE)
