"""Search pages: marked snippets, safe HTML, compact buttons."""

from __future__ import annotations

from bot.handlers.search import PER_PAGE, keyboard, marked, page_html
from bot.store.records import SearchHit, SearchPage
from tests.fakebot import check_text


def hit(
    n: int, snippet: str = "召开<民主生活会>&通报", marks: tuple[tuple[int, int], ...] = ((3, 8),)
) -> SearchHit:
    return SearchHit(
        id=1000 + n,
        title=f"第{n}篇 会议 & <标题>",
        date="2024-05-01",
        source="测试",
        location=f"/x/{n}.txt",
        snippet=snippet,
        marks=marks,
        score=1.0,
    )


def test_marks_are_bold_and_text_is_escaped() -> None:
    assert marked("召开<民主生活会>&通报", ((3, 8),)) == "召开&lt;<b>民主生活会</b>&gt;&amp;通报"
    assert marked("abcdef", ((1, 3), (2, 4), (5, 5))) == "a<b>bc</b>def"  # overlap and empty


def test_page_is_valid_telegram_html_and_numbers_hits_across_pages() -> None:
    results = SearchPage(total=12, hits=[hit(n) for n in range(PER_PAGE)])
    html = page_html("zh", "民主<生活会>", 1, results)
    parsed = check_text(html, "HTML")
    assert (
        "第 2/3 页" in parsed.plain and "6. 第0篇" in parsed.plain and "/doc 1000" in parsed.plain
    )


def test_buttons_fit_in_64_bytes_and_offer_only_existing_pages() -> None:
    first = keyboard("en", "0123456789", 0, SearchPage(total=12, hits=[hit(n) for n in range(5)]))
    rows = first.inline_keyboard
    data = [b.callback_data for row in rows for b in row]
    assert all(len(str(d).encode()) <= 64 for d in data)
    assert data[:5] == [f"doc:{1000 + n}" for n in range(5)]
    assert [b.text for b in rows[-1]] == ["Next ›"]
    last = keyboard("en", "0123456789", 2, SearchPage(total=12, hits=[hit(0), hit(1)]))
    assert [b.text for b in last.inline_keyboard[-1]] == ["‹ Previous"]


CAPPED = SearchPage(total=1000, hits=[hit(n) for n in range(PER_PAGE)], total_is_lower_bound=True)


def test_a_capped_count_reads_as_a_lower_bound() -> None:
    zh = check_text(page_html("zh", "会议", 0, CAPPED), "HTML").plain
    en = check_text(page_html("en", "会议", 0, CAPPED), "HTML").plain
    assert "共 1000+ 条结果" in zh and "第 1/200+ 页" in zh
    assert en.startswith("1000+ results") and "page 1/200+" in en
    exact = check_text(page_html("en", "会议", 0, SearchPage(1000, CAPPED.hits)), "HTML").plain
    assert exact.startswith("1000 results") and "page 1/200:" in exact


def test_paging_goes_on_past_a_capped_count_while_pages_are_full() -> None:
    last_counted = keyboard("en", "0123456789", 199, CAPPED)
    assert [b.text for b in last_counted.inline_keyboard[-1]] == ["‹ Previous", "Next ›"]
    beyond = SearchPage(1003, [hit(0), hit(1), hit(2)], total_is_lower_bound=True)
    assert [b.text for b in keyboard("en", "0123456789", 200, beyond).inline_keyboard[-1]] == [
        "‹ Previous"
    ]
    assert "page 201/201+" in check_text(page_html("en", "q", 200, beyond), "HTML").plain


def test_an_empty_page_says_so_and_offers_the_way_back() -> None:
    empty = SearchPage(1000, [], total_is_lower_bound=True)
    assert "No more results." in check_text(page_html("en", "q", 200, empty), "HTML").plain
    assert [b.text for b in keyboard("en", "0123456789", 200, empty).inline_keyboard[-1]] == [
        "‹ Previous"
    ]
