"""Annotation removal, normalisation and line classification of a decoded page."""

from __future__ import annotations

from digests.furniture import is_furniture, is_menu_heading
from digests.model import Cleaned
from digests.normalize import normalize
from digests.pinyin import strip_pinyin

# Lines after a site-menu heading are link lists while they stay this short.
TAIL_LINE_MAX = 40


def _is_tail_line(line: str) -> bool:
    """A link or orphan word of a trailing menu, not a sentence of the body."""
    return len(line) <= TAIL_LINE_MAX and "。" not in line


def _classify(lines: list[str]) -> tuple[bool, ...]:
    """content[i] for each line, with the tail rule: a menu after the body closes it."""
    content: list[bool] = []
    in_menu = False
    for line in lines:
        if is_menu_heading(line) and any(content):
            in_menu = True
        elif in_menu and not _is_tail_line(line):
            in_menu = False
        content.append(not in_menu and not is_furniture(line))
    return tuple(content)


def clean(text: str) -> Cleaned:
    """Split a page into non-empty lines, each marked content or furniture."""
    lines = [line for line in normalize(strip_pinyin(text)).split("\n") if line]
    return Cleaned(lines=tuple(lines), content=_classify(lines))


__all__ = ["TAIL_LINE_MAX", "clean"]
