"""Main text, title evidence and publish date of an HTML page.

The main text is GeneralNewsExtractor's (gne, built for Chinese news pages), else
trafilatura's when gne finds little, else every block of the page; the date is the page's
meta tags', else htmldate's. Measured on gne's own 62 test pages (bench/eval_extractors.py):
body F1 0.91 for gne then trafilatura, 0.87 for gne alone, 0.81 for trafilatura alone;
htmldate dates 17 of 19 pages right, our own text rules 11.

gne's time grows with the square of the element count (10,000 tiny tags: 1.2 s, 20,000:
4 s, a million: minutes), so the extractors only see pages of a few thousand elements, as
real articles are; bigger pages get the linear every-block text, and pages of a size no
article has are refused before lxml builds them (see `elements`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

from digests.model import DigestError
from digests.script import CJK

_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section")
_DROP = ("head", "script", "style", "noscript", "template")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
_START_TAG = re.compile(r"<[A-Za-z]")
EXTRACTOR_ELEMENTS = 10_000  # gne, trafilatura and htmldate read pages up to this size
MAX_ELEMENTS = 200_000  # bigger pages are refused: no article is made of so many elements


class TooManyElements(DigestError):
    """An HTML page of more elements than any article: refused before it is parsed."""


def elements(markup: str) -> int:
    """The page's start tags, counted without parsing (a regex scan: 10 MB in 0.1 s).

    It counts tags inside comments and scripts too: an upper bound, which is what a bound
    wants. lxml itself keeps trees 255 elements deep at most, so depth needs no check.
    """
    return sum(1 for _ in _START_TAG.finditer(markup))


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
    """The page's <h1> texts: one of them is usually the headline, one the site's name; on a
    page with no <h1>, a template's one <h2> or <h3> (several are the article's sections)."""
    found = (_SPACES.sub(" ", h.text_content()).strip() for h in _top_headings(tree))
    return tuple(text for text in found if text)[:3]


def _top_headings(tree: etree._Element) -> list[etree._Element]:
    """The <h1>s and the page's only <h2> (under a section's name in <h1>: `学院新闻`); with
    no <h1>, the page's only <h2>, else its only <h3>."""
    if h1 := list(tree.iter("h1")):
        h2 = list(tree.iter("h2"))
        return h1 + h2 if len(h2) == 1 else h1
    for tag in ("h2", "h3"):
        if found := list(tree.iter(tag)):
            return found if len(found) == 1 else []
    return []


def _date(tree: etree._Element) -> str | None:
    """The publication date a page declares in its meta tags, else the one its byline
    prints just under the <h1> (`2014-08-24 21:30 来源：…`), as written."""
    for query in _DATE_META:
        values = tree.xpath(query)
        if values and str(values[0]).strip():
            return str(values[0]).strip()
    return _date_near_headline(tree)


def _date_near_headline(tree: etree._Element) -> str | None:
    """The first full date in the few texts that follow the page's first headline."""
    headline = next(iter(_top_headings(tree)), None)
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


ENOUGH = 200  # ideographs, letters and digits of a main text worth keeping
PLENTY = 2 * ENOUGH  # a main text that no second extractor is asked to better
_COUNTED = re.compile(f"[{CJK}A-Za-z0-9]")


def _gne(markup: str) -> str:
    """gne's main text (one paragraph a line), or "" when it cannot read the page."""
    from gne import GeneralNewsExtractor  # lazily, like trafilatura: most pages are text

    try:
        found = GeneralNewsExtractor().extract(markup, with_body_html=False)
    except Exception:  # gne raises on pages it cannot walk (no body, odd trees)
        return ""
    return str(found.get("content") or "")


def _trafilatura(markup: str) -> str:
    import trafilatura  # lazily: it and its dependencies weigh 20 MB, and most pages are text

    text = trafilatura.extract(
        markup, output_format="txt", include_comments=False, include_tables=True
    )
    return text or ""


def main_text(markup: str) -> str:
    """gne's text when it has plenty, else the longer of gne's and trafilatura's: a short
    text from gne may be a block beside the article (a platform's disclaimer under a post of
    one phrase a paragraph, which gne's density score passes over).

    Only for pages of at most EXTRACTOR_ELEMENTS elements: gne is quadratic.
    """
    first = _gne(markup)
    if len(_COUNTED.findall(first)) >= PLENTY:
        return first
    second = _trafilatura(markup)
    return second if len(_COUNTED.findall(second)) >= len(_COUNTED.findall(first)) else first


def _found_date(markup: str) -> str | None:
    """htmldate's publish date (the original, not the last update), without network."""
    import htmldate

    try:
        return htmldate.find_date(markup, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # a page htmldate cannot parse has no date for it
        return None


def extract_html(markup: str) -> Page:
    """Main text, title, <h1>s and declared date of an HTML page; raises TooManyElements
    for a page over MAX_ELEMENTS."""
    count = elements(markup)
    if count > MAX_ELEMENTS:
        raise TooManyElements(f"HTML page of {count:,} elements (over {MAX_ELEMENTS:,})")
    tree = _tree(markup)
    if tree is None:
        return Page("")
    title, headings, date = _title(tree), _headings(tree), _date(tree)
    if count > EXTRACTOR_ELEMENTS:  # every block's text: linear, where gne is quadratic
        return Page(_plain_text(tree).strip(), title, headings, date)
    text = main_text(markup).strip() or _plain_text(tree).strip()
    return Page(text, title, headings, date or _found_date(markup))


__all__ = [
    "EXTRACTOR_ELEMENTS",
    "MAX_ELEMENTS",
    "Page",
    "TooManyElements",
    "elements",
    "extract_html",
    "main_text",
]
