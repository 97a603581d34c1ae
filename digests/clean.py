"""Annotation removal, normalisation and line classification of a decoded page."""

from __future__ import annotations

from collections.abc import Sequence

from digests.furniture import MENU_HEADINGS, bare, is_bare_furniture
from digests.model import Cleaned
from digests.normalize import normalize
from digests.pinyin import strip_pinyin
from digests.script import to_simplified_lines

# Lines after a site-menu heading are link lists while they stay this short.
TAIL_LINE_MAX = 40


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


def clean_simplified(text: str) -> tuple[Cleaned, tuple[str, ...]]:
    """`clean`, with each line's simplified form, which the pipeline needs as well."""
    lines = tuple(line for line in normalize(strip_pinyin(text)).split("\n") if line)
    simplified = to_simplified_lines(lines)
    return Cleaned(lines=lines, content=_classify(lines, simplified)), simplified


def clean(text: str) -> Cleaned:
    """Split a page into non-empty lines, each marked content or furniture."""
    return clean_simplified(text)[0]


__all__ = ["TAIL_LINE_MAX", "clean", "clean_simplified"]
