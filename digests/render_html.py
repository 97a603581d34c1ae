"""The digest as Telegram HTML messages (parse_mode=HTML), each within Telegram's limit.

Every piece of document text goes through `html.escape` before any tag is put around it,
and tags wrap whole escaped runs, so a tag can never land inside an entity (`&amp;`).
Only tags of the Bot API's HTML subset are produced: see
https://core.telegram.org/bots/api#html-style
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import escape

from digests.digest import Digest
from digests.model import Document, Script
from digests.render_text import (
    Segment,
    also_line,
    card,
    group_heading,
    header_parts,
    labels,
)

TELEGRAM_LIMIT = 4096  # characters of one message's text
ALLOWED_TAGS = frozenset({"b", "i", "u", "s", "a", "code", "pre", "blockquote"})
_TOKEN = re.compile(r"<[^>]*>|&#?\w+;|.", re.DOTALL)  # a tag, an entity or one character
_TAG = re.compile(r"<(/?)(\w+)")


def _segments(segments: tuple[Segment, ...]) -> str:
    """A highlight with its keyword runs in bold."""
    return "".join(f"<b>{escape(text)}</b>" if bold else escape(text) for text, bold in segments)


def card_lines(document: Document, script: Script = "original", lang: str = "zh") -> list[str]:
    """One card as HTML lines, each line's tags balanced on its own."""
    shown = card(document, script, lang)
    sep = escape(labels(lang, script)["sep"])
    title = f"<b>{escape(shown.title)}</b>"
    if shown.link:
        title = f'<a href="{escape(shown.link, quote=True)}">{title}</a>'
    lines = [title]
    if shown.byline:
        lines.append(f"<i>{escape(shown.byline)}</i>")
    lines += [f"{escape(label)}{sep}{escape(value)}" for label, value in shown.facts]
    if shown.hashtags:
        lines.append(escape(" ".join(shown.hashtags)))
    lines += ["• " + _segments(segments) for segments in shown.highlights]
    return lines


def render_card_html(document: Document, script: Script = "original", lang: str = "zh") -> str:
    """One document as a Telegram HTML message (for /doc)."""
    return "\n".join(card_lines(document, script, lang))


def _header(digest: Digest, script: Script, lang: str) -> str:
    """The digest's first block: title, period, count and the batch's hashtags."""
    words = labels(lang, script)
    first, tags = header_parts(digest, script, lang)
    lines = [f"<b>{escape(first)}</b>"]
    if tags:
        lines.append(escape(f"{words['keywords']}{words['sep']}{' '.join(tags)}"))
    if not digest.count:
        lines.append(escape(words["empty"]))
    return "\n".join(lines)


def _blocks(digest: Digest, script: Script, lang: str) -> Iterator[str]:
    """Header, then the cards; a group's heading travels with its first card."""
    yield _header(digest, script, lang)
    for group in digest.groups:
        heading = group_heading(group.keyword, len(group.documents), script, lang)
        cards = [_card_with_others(digest, doc, script, lang) for doc in group.documents]
        yield f"<b>{escape(heading)}</b>\n{cards[0]}"
        yield from cards[1:]


def _card_with_others(digest: Digest, document: Document, script: Script, lang: str) -> str:
    """A card, and under it the meeting's other reports."""
    also = also_line(document, digest.others(document), script, lang)
    card_html = render_card_html(document, script, lang)
    return f"{card_html}\n<i>{escape(also)}</i>" if also else card_html


def _closers(opened: list[str]) -> str:
    """The closing tags for the opening tags in force, innermost first."""
    return "".join(f"</{_name(tag)}>" for tag in reversed(opened))


def _name(tag: str) -> str:
    """The element name of an opening or closing tag."""
    match = _TAG.match(tag)
    return match[2] if match else ""


def _after(opened: list[str], token: str) -> list[str]:
    """The opening tags in force once `token` is written."""
    if not token.startswith("<"):
        return opened
    return opened[:-1] if token.startswith("</") else [*opened, token]


def _split_line(line: str, limit: int) -> Iterator[str]:
    """A line too long for one message, cut between characters, tags closed and reopened.

    Invariant: `chunk` plus the closers of its open tags fits in `limit`, so a closing
    tag never forces a cut and no piece ends inside a tag or an entity.
    """
    chunk, opened = "", list[str]()
    for token in _TOKEN.findall(line):
        after = _after(opened, token)
        if chunk != "".join(opened) and len(chunk) + len(token) + len(_closers(after)) > limit:
            yield chunk + _closers(opened)
            chunk = "".join(opened)
        chunk, opened = chunk + token, after
    if chunk != "".join(opened):
        yield chunk + _closers(opened)


def _fit(block: str, limit: int) -> Iterator[str]:
    """The block in pieces of at most `limit` characters, cut at line ends when possible."""
    if len(block) <= limit:
        yield block
        return
    piece = ""
    for line in block.split("\n"):
        for part in _split_line(line, limit) if len(line) > limit else [line]:
            if piece and len(piece) + 1 + len(part) > limit:
                yield piece
                piece = ""
            piece = f"{piece}\n{part}" if piece else part
    if piece:
        yield piece


def cut_html(html: str, limit: int = TELEGRAM_LIMIT, mark: str = "…") -> str:
    """`html` shortened to at most `limit` UTF-16 units (what Telegram counts), `mark` at the
    cut: the one way any HTML of the bot is shortened.

    It is cut between tokens, never inside a tag or an entity (`&amp;`); at the last line
    end that fits when that keeps at least half, else between two characters; tags left
    open are closed, and one opened just before the cut is dropped rather than left empty.
    """
    if _units(html) <= limit:
        return html
    room = limit - _units(mark)
    kept: list[str] = []
    opened: list[str] = []
    size = line_end = 0
    for token in _TOKEN.findall(html):
        after = _after(opened, token)
        if size + _units(token) + _units(_closers(after)) > room:
            break
        if token == "\n" and not opened:
            line_end = len(kept)
        kept.append(token)
        size, opened = size + _units(token), after
    while kept and kept[-1].startswith("<") and not kept[-1].startswith("</"):
        opened = opened[:-1]  # nothing inside it made the cut
        kept.pop()
    if line_end and 2 * line_end >= len(kept):
        return "".join(kept[:line_end]) + "\n" + mark
    return "".join(kept) + _closers(opened) + mark


def _units(text: str) -> int:
    """Length in UTF-16 code units, as Telegram measures a message."""
    return len(text.encode("utf-16-le")) // 2


def pack(blocks: Iterator[str] | list[str], limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Blocks joined by blank lines into as few messages of at most `limit` as they fit."""
    messages: list[str] = []
    current = ""
    for block in blocks:
        for piece in _fit(block, limit):
            if current and len(current) + 2 + len(piece) > limit:
                messages.append(current)
                current = ""
            current = f"{current}\n\n{piece}" if current else piece
    return [*messages, current] if current else messages


def render_html(
    digest: Digest, script: Script = "original", lang: str = "zh", limit: int = TELEGRAM_LIMIT
) -> list[str]:
    """The digest as Telegram HTML messages, split between cards, each ≤ `limit` chars."""
    return pack(_blocks(digest, script, lang), limit)


__all__ = [
    "ALLOWED_TAGS",
    "TELEGRAM_LIMIT",
    "card_lines",
    "cut_html",
    "pack",
    "render_card_html",
    "render_html",
]
