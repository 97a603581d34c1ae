"""What the lines around a candidate say of it: the article's first paragraph, a byline or
subtitle under it, a kicker above it, a headline broken over two lines or printed again."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from digests.script import CJK
from digests.title_shape import (
    han_count,
    is_headline_shape,
    strip_decoration,
    title_end,
    title_key,
)
from digests.title_words import (
    BYLINE,
    ENUMERATED,
    EVENT,
    HEAD_LINES,
    HELD,
    MAX_TITLE,
    SPEAKS,
    TAIL_LINES,
)

NEAR_ARTICLE = 6  # lines right above the first paragraph looked at, however far down

ECHO_CHARS = 3000  # body characters a candidate's words are looked for in
SUMMARY_KEY = 16  # opening characters of a summary that the article repeats

LABELLED_BONUS = 0.2  # for a line right above a labelled byline (`发布时间：…`)
SUBTITLED_BONUS = 0.3  # for a line with a dashed subtitle under it
FIRST_LINE_BONUS = 0.1  # for the one text line above the first paragraph
SPLIT_HEAD = 6  # ideographs of a headline's first words broken onto a line of their own

_PROSE_MARK = re.compile(r"[。，！？；,]")

_LABELLED_BYLINE = re.compile(r"(?:时间|日期|来源|作者)\s*[:：]")
_BYLINE_UNDER = re.compile(
    r"^\W*(?:(?:发布|更新|发表|稿件|信息|文章)?(?:时间|日期|来源)|作者|发布)\s*[:：]"
)

# A subtitle (副题) under the headline names who came, with no object (`某某出席并讲话`).
_DASHED = re.compile(r"^\s*(?:——|--|—)\s*\S")  # a subtitle's opening dash
_ROLES_ONLY = re.compile(r"(?:出席|主持|讲话|致辞|发言|参加|作报告|并讲话|并致辞)$")
_ROLE_VERB = re.compile(r"出席|主持|讲话|致辞")

_CONTINUATION = re.compile(rf"^[(（][{CJK}]{{1,4}}[)）][{CJK}]{{2,}}(?:[^\s。，]*)$")
REPEATS = 3  # whole-line copies of a sentence that make it a forum thread's headline

_KEY_CHAR = re.compile(f"[{CJK}0-9A-Za-z]")


def has_byline(simplified: Sequence[str], i: int) -> bool:
    """Whether a date or source line follows line `i` (within two lines), or follows the
    headline printed again under it in two parts (`某市长参与某议会` / `…定期大会开幕`)."""
    after = 5 if split_copy(simplified, i) else 3
    return any(BYLINE.search(simplified[j]) for j in range(i + 1, min(i + after, len(simplified))))


def continued_below(simplified: Sequence[str], i: int) -> bool:
    """Whether line `i` is a headline broken before a bracketed word that the next line
    opens with and goes on from (`(扩大)会议精神`; not a lone `(附图)`)."""
    return i + 1 < len(simplified) and bool(_CONTINUATION.match(simplified[i + 1]))


def split_headline(simplified: Sequence[str], i: int, lede: str) -> bool:
    """Whether line `i` is a headline's first words broken off (`共青团某校` / `第一次代表大会
    顺利召开`): a short line stating no event that the lede (its `title_key`) opens with, the next
    line after it."""
    if i + 1 >= len(simplified) or not 2 <= han_count(simplified[i]) <= SPLIT_HEAD:
        return False
    if EVENT.search(simplified[i]) or _PROSE_MARK.search(simplified[i] + simplified[i + 1]):
        return False
    joined = title_key(simplified[i] + simplified[i + 1])
    return len(joined) >= 2 * SPLIT_HEAD and joined[: 2 * SPLIT_HEAD] in lede


def split_copy(simplified: Sequence[str], i: int) -> bool:
    """Whether the two lines under line `i` are it again, cut in two."""
    if i + 2 >= len(simplified) or not simplified[i + 1] or not simplified[i + 2]:
        return False
    return title_key(simplified[i + 1] + simplified[i + 2]) == title_key(simplified[i])


def _first_paragraph(simplified: Sequence[str], content: Sequence[bool]) -> int:
    """Index of the first line of running prose (or past the end)."""
    for i, line in enumerate(simplified):
        long_prose = len(line) > MAX_TITLE and _PROSE_MARK.search(line)
        if content[i] and (long_prose or ("。" in line and han_count(line) >= 20)):
            return i  # a long line without a sentence mark is a ticker or a menu, not prose
    return len(simplified)


def article_start(simplified: Sequence[str], content: Sequence[bool]) -> int:
    """The first paragraph, or past a summary printed above the headline: a first paragraph
    that the article repeats after a few short lines (`…在北京举行。` / headline /
    `新华社北京12月13日电 …在北京举行。`)."""
    start = _first_paragraph(simplified, content)
    opening = title_key(simplified[start])[:SUMMARY_KEY] if start < len(simplified) else ""
    if len(opening) < SUMMARY_KEY:
        return start
    for j in range(start + 2, min(start + NEAR_ARTICLE, len(simplified))):
        if _PROSE_MARK.search(simplified[j - 1]):
            break  # prose between: the repeat is the article's own, not its opening
        if opening in title_key(simplified[j]):
            return j
    return start


def candidate_lines(simplified: Sequence[str], content: Sequence[bool]) -> list[int]:
    start = article_start(simplified, content)
    # the top of the page, and the lines right above the article, past a long menu, and the
    # line above a labelled byline, past widgets between it and the article
    above_byline = {i - 1 for i in range(1, start) if _LABELLED_BYLINE.search(simplified[i])}
    head = sorted(
        {*range(min(start, HEAD_LINES)), *range(max(0, start - NEAR_ARTICLE), start), *above_byline}
    )
    tail = [i for i in range(max(start + 1, len(simplified) - TAIL_LINES), len(simplified))]
    return head + tail


def layout_bonus(simplified: Sequence[str], content: Sequence[bool], i: int, start: int) -> float:
    """What the lines around line `i` say of it: a labelled byline right under it dates a
    headline; the one text line right above the first paragraph opens the article."""
    below = _next_text(simplified, i)
    if below is not None and _BYLINE_UNDER.match(simplified[below]):
        return LABELLED_BONUS
    if below is not None and dashed_subtitle(simplified[below]):
        return SUBTITLED_BONUS  # a headline with its subtitle (`——记某某`) under it
    if i < start and not any(content[:i]) and not any(content[i + 1 : start]):
        return FIRST_LINE_BONUS  # (past furniture between: a view count, `0` / `589`)
    return 0.0


def _next_text(simplified: Sequence[str], i: int) -> int | None:
    """The next line after `i` with a letter or digit (past a lone `|`)."""
    return next((j for j in range(i + 1, len(simplified)) if _KEY_CHAR.search(simplified[j])), None)


def _previous_text(simplified: Sequence[str], i: int) -> int | None:
    """The line before `i` with a letter or digit."""
    return next((j for j in range(i - 1, -1, -1) if _KEY_CHAR.search(simplified[j])), None)


def quote_parts(simplified: Sequence[str], i: int, start: int) -> int | None:
    """Under a kicker that introduces a speech (`某某在某会议上强调`), the headline quotes it,
    often on two lines: 2 when line `i` is its first of two, 1 when its only one, 0 when its
    second; None when line `i` is under no such kicker."""
    above = _previous_text(simplified, i)
    if above is None:
        return None
    if not _speaks(simplified[above]):
        before = _previous_text(simplified, above)
        second = (
            before is not None and _speaks(simplified[before]) and _quote_line(simplified[above])
        )
        return 0 if second and _quote_line(simplified[i]) else None
    if not _quote_line(simplified[i]):
        return None
    below = _next_text(simplified, i)
    return 2 if below is not None and below < start and _quote_line(simplified[below]) else 1


def _speaks(line: str) -> bool:
    return bool(SPEAKS.search(strip_decoration(line[: title_end(line)])))


def _quote_line(line: str) -> bool:
    """A line of a quote headline: headline-shaped, no byline, no list item."""
    return is_headline_shape(line) and not BYLINE.search(line) and not ENUMERATED.match(line)


def dashed_subtitle(line: str) -> bool:
    """`——记某某`: a dash, then no event (`——某某会议在成都召开` under a slogan is the
    headline itself)."""
    return bool(_DASHED.match(line)) and not HELD.search(line)


def is_subtitle(text: str, simplified: Sequence[str], i: int) -> bool:
    """Whether `text` names only who came (`某某出席并讲话`) under a headline that names the
    event (`全国某某会议在京召开`), or opens with a dash under any headline (`——记某某`): a
    subtitle, not the headline."""
    dash = dashed_subtitle(simplified[i])
    if not dash and (not _ROLES_ONLY.search(text) or re.search(r"会|论坛|仪式|典礼", text)):
        return False
    above = _previous_text(simplified, i)
    if above is None:
        return False
    headline = strip_decoration(simplified[above][: title_end(simplified[above])])
    # who chaired and who came, both (`某某主持某某等出席`), is a subtitle under any headline
    both = chaired_and_attended(text) and not _ROLES_ONLY.search(headline)
    return is_headline_shape(headline) and (dash or both or bool(HELD.search(headline)))


def chaired_and_attended(text: str) -> bool:
    """A line of who chaired and who came (`某某主持某某等出席`), no meeting word in it."""
    return len(_ROLE_VERB.findall(text)) >= 2 and bool(_ROLES_ONLY.search(text))


def introduces(text: str, below: str) -> bool:
    """Whether `text` is a kicker on a line of its own (`庆祝某党派成立70周年`): it states no
    event, and the line under it is a headline that does (`某界会员在京座谈 某某出席`)."""
    if EVENT.search(text):
        return False
    headline = strip_decoration(below[: title_end(below)])
    if chaired_and_attended(headline):
        return False  # the line under it says who came: a subtitle, not the headline
    return is_headline_shape(headline) and bool(EVENT.search(headline))


def repeated_lines(simplified: Sequence[str], content: Sequence[bool]) -> list[int]:
    """The first line of each event's sentence the page repeats as a line of its own: a
    forum's copy of a report writes its thread's title again and again through the post."""
    counts = Counter(line for line, keep in zip(simplified, content, strict=True) if keep)
    found = {
        line
        for line, n in counts.items()
        if n >= REPEATS and line.endswith("。") and is_headline_shape(line[:-1])
    }
    found = {line for line in found if EVENT.search(line)}
    return [simplified.index(line) for line in found]


def body_text(simplified: Sequence[str], content: Sequence[bool], start: int) -> str:
    """The body from its first paragraph, as far as a candidate's echo is looked for."""
    out, size = [], 0
    for line, keep in zip(simplified[start:], content[start:], strict=True):
        if keep:
            out.append(line)
            size += len(line)
            if size >= ECHO_CHARS:
                break
    return "".join(out)[:ECHO_CHARS]
