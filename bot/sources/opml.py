"""OPML, the list format feed readers trade subscriptions in: read every source an OPML file
names, and write ours so that reading it back gives every source again.

Feeds are `<outline type="rss" xmlUrl=…>`; listings, sitemaps, articles and folders, which a
feed reader has no word for, are `<outline type="link" url=…>` with our kind in `category`.
Parsed with lxml without entities or network access: an OPML file is input from outside.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


class InvalidOPML(ValueError):
    """Bytes that are not an OPML document."""


@dataclass(frozen=True, slots=True)
class Outline:
    """One source as OPML carries it."""

    location: str
    title: str = ""
    shape: str | None = None  # ours, in `category`; a feed reader's file has none


def read_opml(data: bytes) -> list[Outline]:
    """Every outline with an address, nested ones included, in file order, without repeats."""
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        raise InvalidOPML(f"not XML: {error}") from None
    if root is None or etree.QName(root).localname.lower() != "opml":
        raise InvalidOPML("not an OPML document")
    found: dict[str, Outline] = {}
    for node in root.iter("{*}outline", "outline"):
        location = (node.get("xmlUrl") or node.get("url") or "").strip()
        if location and location not in found:
            title = node.get("title") or node.get("text") or ""
            found[location] = Outline(location, title, node.get("category") or None)
    return list(found.values())


def write_opml(outlines: Iterable[Outline], title: str = "digestbot sources") -> bytes:
    """An OPML 2.0 document of `outlines`."""
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = title
    body = etree.SubElement(root, "body")
    for outline in outlines:
        attributes = {"text": outline.title or outline.location}
        if outline.shape == "feed":
            attributes.update(type="rss", xmlUrl=outline.location)
        else:
            attributes.update(type="link", url=outline.location)
        if outline.shape:
            attributes["category"] = outline.shape
        etree.SubElement(body, "outline", attributes)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


__all__ = ["InvalidOPML", "Outline", "read_opml", "write_opml"]
