"""Main text and title of an HTML page."""

from __future__ import annotations

import re

import lxml.html
import trafilatura
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
    """og:title when the page has one (it lacks the site suffix), else <title>."""
    for query in ("//meta[@property='og:title']/@content", "//title/text()"):
        values = tree.xpath(query)
        title = _SPACES.sub(" ", str(values[0])).strip() if values else ""
        if title:
            return title
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


def extract_html(markup: str) -> tuple[str, str | None]:
    """(main text, one paragraph a line; title) of an HTML page."""
    tree = _tree(markup)
    if tree is None:
        return "", None
    title = _title(tree)
    text = trafilatura.extract(
        markup, output_format="txt", include_comments=False, include_tables=True
    )
    return (text or _plain_text(tree)).strip(), title


__all__ = ["extract_html"]
