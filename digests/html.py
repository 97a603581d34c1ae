"""Main text and title of an HTML page."""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section")
_DROP = ("head", "script", "style", "noscript", "template")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")


def _tree(markup: str) -> etree._Element | None:
    """The parsed page, or None when lxml finds no element in it."""
    try:
        return lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return None


def _title(tree: etree._Element) -> str | None:
    """A CMS's ArticleTitle or og:title when the page has one (they lack the site suffix),
    else <title>."""
    for query in (_ARTICLE_TITLE, "//meta[@property='og:title']/@content", "//title/text()"):
        values = tree.xpath(query)
        title = _SPACES.sub(" ", str(values[0])).strip() if values else ""
        if title:
            return title
    return None


_ARTICLE_TITLE = "//meta[@name='ArticleTitle' or @name='articletitle']/@content"
_FULL_DATE = re.compile(
    r"(?<!\d)(?:19|20)\d\d\s*(?:[-/.]|年)\s*\d{1,2}\s*(?:[-/.]|月)\s*\d{1,2}日?"
)
NEAR_HEADLINE = 12  # text pieces after the <h1> where the byline's date is looked for
_DATE_META = (
    "//meta[@property='article:published_time']/@content",
    "//meta[@name='PubDate' or @name='pubdate' or @name='publishdate']/@content",
    "//meta[@name='PublishDate']/@content",
    "//meta[@name='publish_time' or @name='pubtime' or @itemprop='datePublished']/@content",
)


def _headings(tree: etree._Element) -> tuple[str, ...]:
    """The page's <h1> texts: one of them is usually the headline, one the site's name."""
    found = (_SPACES.sub(" ", h.text_content()).strip() for h in tree.iter("h1"))
    return tuple(text for text in found if text)[:3]


def _date(tree: etree._Element) -> str | None:
    """The publication date a page declares in its meta tags, else the one its byline
    prints just under the <h1> (`2014-08-24 21:30 来源：…`), as written."""
    for query in _DATE_META:
        values = tree.xpath(query)
        if values and str(values[0]).strip():
            return str(values[0]).strip()
    return _date_near_headline(tree)


def _date_near_headline(tree: etree._Element) -> str | None:
    """The first full date in the few texts that follow the page's first <h1>."""
    headline = next(tree.iter("h1"), None)
    if headline is None:
        return None
    texts = headline.xpath("following::text()[normalize-space()]")[:NEAR_HEADLINE]
    for text in texts:
        if (match := _FULL_DATE.search(str(text))) is not None:
            return match.group()
    return None


def _plain_text(tree: etree._Element) -> str:
    """Every text of the page, one block a line: the fallback when trafilatura gives up."""
    for element in tree.iter(*_DROP):
        element.drop_tree()
    for element in tree.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    text = tree.text_content()
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


@dataclass(frozen=True, slots=True)
class Page:
    """What an HTML page gives the pipeline: its main text and its title evidence."""

    text: str  # one paragraph a line
    title: str | None = None
    headings: tuple[str, ...] = ()
    date: str | None = None


def extract_html(markup: str) -> Page:
    """Main text, title, <h1>s and declared date of an HTML page."""
    tree = _tree(markup)
    if tree is None:
        return Page("")
    title, headings, date = _title(tree), _headings(tree), _date(tree)
    import trafilatura  # lazily: it and its dependencies weigh 20 MB, and most pages are text

    text = trafilatura.extract(
        markup, output_format="txt", include_comments=False, include_tables=True
    )
    return Page((text or _plain_text(tree)).strip(), title, headings, date)


__all__ = ["Page", "extract_html"]
