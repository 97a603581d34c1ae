"""Measuring a page's shape stays linear: huge pages are not walked, containers not reread."""

from __future__ import annotations

import lxml.html
import pytest

from bot.sources import shape
from bot.sources.shape import SHAPE_ELEMENTS, measure

LINK = '<a href="/t20240301_{n}.html">市政协召开党组会议{n}</a>'
URL = "http://example.org/list/index.html"


def test_a_page_over_the_bound_is_an_article_unparsed(monkeypatch: pytest.MonkeyPatch) -> None:
    def never(markup: str) -> None:
        raise AssertionError("a tag bomb reached lxml")

    monkeypatch.setattr(shape, "_tree", never)
    page = "<html><body>" + "<i>" * (SHAPE_ELEMENTS + 1) + "</body></html>"
    assert measure(page, URL).kind == "article"


def test_links_in_one_big_container_read_their_own_tail_not_the_container(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    links = "".join(LINK.format(n=n) + " 2024-03-01<br>" for n in range(2_500))
    page = f"<html><body><div class='list'>{links}</div></body></html>"
    reads: list[int] = []  # the children of each element whose text was read
    real_text = lxml.html.HtmlElement.text_content

    def counted(self: lxml.html.HtmlElement) -> str:
        reads.append(len(self))
        return real_text(self)

    monkeypatch.setattr(lxml.html.HtmlElement, "text_content", counted)
    found = measure(page, URL)
    assert found.kind == "listing" and len(found.links) == 2_500
    assert not [n for n in reads if n > shape.ITEM_CHILDREN], "the container was read per link"
