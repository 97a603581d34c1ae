"""Title, date and source, on hand-written line tuples and on the seed pages."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from digests.metadata import extract_metadata
from digests.model import Metadata
from digests.pipeline import Prepared, prepare
from digests.script import to_simplified
from digests.title import BODY_TITLE
from tests.conftest import seed_path

LEAD_TRAD = "12月25日上午,東湖區政協委員座談會在區行政中心召開。區政協主席王建國出席會議並講話。"
LEAD_SIMP = "1月5日上午，西山县统战工作会议在县委党校召开。县委副书记张海涛出席会议并讲话。"


def meta(
    lines: Sequence[str], content: Sequence[bool] | None = None, hint: str | None = None
) -> Metadata:
    """Run extract_metadata as the pipeline does: simplified lines beside the original."""
    flags = tuple(content) if content is not None else (True,) * len(lines)
    hints = (hint,) if hint else ()
    return extract_metadata(tuple(lines), tuple(map(to_simplified, lines)), flags, hints)


def test_title_then_byline_with_department() -> None:
    got = meta(["東湖區政協召開委員座談會", "統戰部 2023-12-26 打印 分享", LEAD_TRAD], [1, 0, 1])
    assert got == Metadata("東湖區政協召開委員座談會", "2023-12-26", "統戰部", 0)


def test_byline_flagged_as_content_still_gives_date_and_department() -> None:
    got = meta(["東湖區政協召開委員座談會", "統戰部 2023-12-26 打印 分享", LEAD_TRAD])
    assert (got.date, got.source, got.title_line) == ("2023-12-26", "統戰部", 0)


@pytest.mark.parametrize(
    ("line", "title"),
    [
        (
            "凝聚共識,砥礪前行!北嶺縣政協召開委員座談會 2024-03-05 來源:北嶺縣融媒體中心",
            "凝聚共識,砥礪前行!北嶺縣政協召開委員座談會",
        ),
        (
            "凝聚共識，砥礪前行！北嶺縣政協召開委員座談會 2024-03-05 來源：北嶺縣融媒體中心 打印",
            "凝聚共識，砥礪前行！北嶺縣政協召開委員座談會",
        ),
    ],
)
def test_title_line_carrying_date_and_source(line: str, title: str) -> None:
    got = meta([line, "字號:", LEAD_TRAD], [1, 0, 1])
    assert got == Metadata(title, "2024-03-05", "北嶺縣融媒體中心", 0)


def test_title_keeps_no_separator_before_its_byline() -> None:
    got = meta(["西山县召开统战工作会议 | 发布时间：2024-01-06 | 来源：西山统战", LEAD_SIMP])
    assert (got.title, got.date, got.source) == ("西山县召开统战工作会议", "2024-01-06", "西山统战")


def test_full_width_source_line_with_trailing_furniture() -> None:
    got = meta(
        ["西山县召开统战工作会议", "2024-01-06 09:30:00 來源： 西山統戰  字號：大 中 小", LEAD_SIMP]
    )
    assert (got.date, got.source) == ("2024-01-06", "西山統戰")


@pytest.mark.parametrize("label", ["稿件来源：", "信息来源:", "文章來源:"])
def test_labelled_sources(label: str) -> None:
    got = meta(["西山县召开统战工作会议", LEAD_SIMP, f"{label}县委统战部 打印本页"], [1, 1, 0])
    assert got.source == "县委统战部"


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("发布时间：2023年12月26日 浏览次数：35", "2023-12-26"),
        ("发布日期:2023/12/26", "2023-12-26"),
        ("浏览量:226 | 发布时间:2023-12-26", "2023-12-26"),
        ("2023-04-19 16:15:00", "2023-04-19"),
        ("更新于 2023.1.9", "2023-01-09"),
    ],
)
def test_page_date_formats(line: str, date: str) -> None:
    assert meta(["西山县召开统战工作会议", line, LEAD_SIMP], [1, 0, 1]).date == date


def test_invalid_date_is_refused() -> None:
    lines = ["西山县召开统战工作会议", "发布时间：2023-13-45", "会议指出，要抓好落实。"]
    assert meta(lines, [1, 0, 1]).date is None


def test_invalid_date_gives_way_to_a_valid_one() -> None:
    lines = ["西山县召开统战工作会议", "发布时间：2023-02-30", "2023年3月1日", LEAD_SIMP]
    assert meta(lines, [1, 0, 0, 1]).date == "2023-03-01"


@pytest.mark.parametrize(("page", "date"), [("2024年1月", "2024-01-05"), ("2024-02", "2024-01-05")])
def test_body_date_completed_with_the_page_year(page: str, date: str) -> None:
    got = meta(["西山县召开统战工作会议", f"时间：{page}", LEAD_SIMP], [1, 0, 1])
    assert got.date == date


def test_body_date_before_the_page_month_is_last_year() -> None:
    got = meta(["東湖區政協召開委員座談會", "2024年1月", LEAD_TRAD], [1, 0, 1])
    assert got.date == "2023-12-25"


def test_body_date_completed_with_the_title_year() -> None:
    assert meta(["2023年東湖區政協委員座談會召開", LEAD_TRAD]).date == "2023-12-25"


def test_year_under_review_does_not_date_the_meeting() -> None:
    # A 2023年度 meeting held on 12月25日 could be in 2023 or 2024: no date beats a wrong one.
    assert meta(["東湖區政協召開2023年度委員座談會", LEAD_TRAD]).date is None


@pytest.mark.parametrize("flag", [True, False])
def test_breadcrumb_before_the_real_title(flag: bool) -> None:
    lines = ["首頁 > 新聞中心 > 工作動態", "東湖區政協召開委員座談會", LEAD_TRAD]
    got = meta(lines, [flag, True, True])
    assert (got.title, got.title_line) == ("東湖區政協召開委員座談會", 1)


def test_furniture_is_never_the_title() -> None:
    lines = ["歡迎訪問東湖區人民政府網站", "東湖區政協召開委員座談會", LEAD_TRAD]
    assert meta(lines, [False, True, True]).title_line == 1


def test_speech_takes_its_title_from_the_meeting_in_the_body() -> None:
    lines = [
        "浏览量:88 | 发布时间:2023-12-26",
        "同志们：",
        "今天，我们召开全区统战工作会议，主要任务是总结工作。",
    ]
    got = meta(lines, [False, True, True])
    assert got == Metadata("全区统战工作会议", "2023-12-26", None, None, headline=False)


def test_speech_without_a_meeting_takes_its_first_clauses() -> None:
    first = "根据区委的统一安排，今天我们一起交流学习体会，认真查找差距和不足，明确下一步努力方向。"
    got = meta(["同志们:", first, "谢谢大家!"])
    assert got.title_line is None and got.title != "同志们:"
    assert first.startswith(got.title) and 0 < len(got.title) <= BODY_TITLE
    assert got.title[-1] not in "，,"


def test_html_title_without_site_name_finds_its_line() -> None:
    lines = ["首頁", "東湖區政協召開委員座談會", LEAD_TRAD]
    got = meta(lines, [False, True, True], "东湖区政协召开委员座谈会_東湖區人民政府")
    assert (got.title, got.title_line) == ("東湖區政協召開委員座談會", 1)


def test_html_title_used_when_the_text_has_no_title_line() -> None:
    got = meta([LEAD_SIMP], hint="西山县召开统战工作会议 - 新闻中心")
    assert got == Metadata("西山县召开统战工作会议", None, None, None)


# --- seeds, through the whole prepare() step ------------------------------------------

WIDE = str.maketrans("，：；！？", ",:;!?")
SEED_TITLES = {
    0: "九三學社上海市委召開2022年度領導班子民主生活會",
    1: "18個社省級組織傳達學習部署“不忘合作初心,繼續攜手前進”主題教育工作",
    2: "進一步凝聚合力,貢獻智慧力量!青浦區政協召開黨派團體負責人座談會",
    4: "2023年市委統戰部機關黨的工作暨2022年黨支部書記抓黨建述職評議大會召開",
}
SEED_FACTS = {
    0: (None, None),
    1: ("2019-08-11", "宣傳部"),
    2: ("2024-10-29", "青浦區人民政府"),
    3: ("2023-12-26", None),
    4: ("2023-04-19", "武漢統戰"),
}


@pytest.fixture(scope="module")
def seeds(seed_bytes: dict[int, bytes]) -> dict[int, Prepared]:
    return {n: prepare(data, str(seed_path(n))) for n, data in seed_bytes.items()}


@pytest.mark.parametrize("n", sorted(SEED_TITLES))
def test_seed_titles(seeds: dict[int, Prepared], n: int) -> None:
    assert seeds[n].title.translate(WIDE) == SEED_TITLES[n]
    assert not seeds[n].text.translate(WIDE).startswith(SEED_TITLES[n])  # the title left the body


@pytest.mark.parametrize("n", sorted(SEED_FACTS))
def test_seed_dates_and_sources(seeds: dict[int, Prepared], n: int) -> None:
    assert (seeds[n].date, seeds[n].source) == SEED_FACTS[n]


def test_speech_seed_title_is_a_body_phrase(seeds: dict[int, Prepared]) -> None:
    title = seeds[3].title
    assert "同志们" not in title and "发布时间" not in title and "浏览量" not in title
    assert 4 <= len(title) <= 30 and title in seeds[3].text
