"""Annotation removal, normalisation and line classification of a decoded page."""

from __future__ import annotations

from collections.abc import Sequence

from digests.furniture import MENU_HEADINGS, bare, is_bare_furniture
from digests.model import Cleaned
from digests.normalize import normalize
from digests.pinyin import strip_pinyin
from digests.script import to_simplified_lines
from digests.spam import clean_spam, recurring, strip_emoji

# Lines after a site-menu heading are link lists while they stay this short.
TAIL_LINE_MAX = 40
HEAD_LINE_MAX = 64  # a longer line is a paragraph: the page's head has ended


def _is_tail_line(line: str) -> bool:
    """A link or orphan word of a trailing menu, not a sentence of the body."""
    return len(line) <= TAIL_LINE_MAX and "。" not in line


def _classify(lines: Sequence[str], simplified: Sequence[str]) -> tuple[bool, ...]:
    """content[i] for each line, with the tail rule: a menu after the body closes it."""
    content: list[bool] = []
    in_menu = seen_content = False
    for line, line_s in zip(lines, simplified, strict=True):
        text = bare(line_s)  # furniture tests read the simplified line, converted once
        if text in MENU_HEADINGS and seen_content:
            in_menu = True
        elif in_menu and not _is_tail_line(line):
            in_menu = False
        keep = not in_menu and not is_bare_furniture(text)
        content.append(keep)
        seen_content = seen_content or keep
    return tuple(content)


def _head(simplified: Sequence[str]) -> str:
    """The lines above the first paragraph, where the headline is: its words are the topic."""
    head = []
    for line in simplified:
        if len(line) > HEAD_LINE_MAX or "。" in line:
            break
        head.append(line)
    return "\n".join(head)


def _without_spam(lines: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Lines and their simplified forms with injected strings and emoji cut out, empties dropped."""
    lines = [line for line in map(strip_emoji, lines) if line.strip()]
    simplified = to_simplified_lines(lines)
    phrases = recurring(simplified, _head(simplified))
    pairs = [
        clean_spam(line, line_s, phrases) for line, line_s in zip(lines, simplified, strict=True)
    ]
    kept = [(line, line_s) for line, line_s in pairs if line.strip()]
    return tuple(line for line, _ in kept), tuple(line_s for _, line_s in kept)


def clean_simplified(text: str) -> tuple[Cleaned, tuple[str, ...]]:
    """`clean`, with each line's simplified form, which the pipeline needs as well."""
    lines, simplified = _without_spam(normalize(strip_pinyin(text)).split("\n"))
    return Cleaned(lines=lines, content=_classify(lines, simplified)), simplified


def clean(text: str) -> Cleaned:
    """Split a page into non-empty lines, each marked content or furniture."""
    return clean_simplified(text)[0]


__all__ = ["TAIL_LINE_MAX", "clean", "clean_simplified"]
