"""A title cut from the lede when no line reads as a headline: the meeting its first
paragraph names, else its first clauses."""

from __future__ import annotations

import re
from collections.abc import Sequence

from digests.meeting import find_meeting_name
from digests.sentences import BULLETS
from digests.title_shape import (
    han_count,
    is_headline_shape,
    original_slice,
    strip_decoration,
    title_end,
)
from digests.title_words import CAPTION, DAY_AND_TIME, HELD, MAX_TITLE

BODY_TITLE = 30  # a title cut from the first sentence stays short
BODY_SUBJECT = 12  # ideographs a title cut before `在…` needs to keep

# A lede's opening clause that only says when (`9月4日上午，`, `近日，`), left out of a title cut
# from it.
_WHEN = re.compile(
    rf"\s*(?:{DAY_AND_TIME}|\d{{1,2}}日(?:[上中下]午|晚上?|早上?)?|近日|日前|近期|昨天|昨日|今天|今日"
    r"|当天|当日)[，,]\s*"
)  # (`30日晚，` under a wire's dateline, which gives the month)

# A preposition right before a date makes it the sentence's (`某会于2021年9月24日完成…`), not
# a byline glued to a title.
_GOVERNS_DATE = re.compile(r"(?:于|在|自|从|至|截至|是|为|将)\s*$")
# What opens a paragraph before its first words: a forum's edit note (`本帖最后由 某某 于 … 编辑`),
# a byline's date (`date 2025-08-29`), a bracketed dateline or credit (`【本报讯】`, `(某地12日讯)`,
# `〔记者某某／台北报导〕`) or a wire's (`某社北京3月4日电(记者某某)`), a bullet (`■`).
_LEADING = re.compile(
    rf"^(?:\s|[{BULLETS}])*(?:本帖最后由[^。]{{0,40}}?编辑\s*(?:<br\s*/?>\s*)*"
    r"|(?:date|日期|时间|发布时间)\s*[:：]?\s*(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}"
    r"(?:\s+\d{1,2}:\d\d(?::\d\d)?)?\s*"
    r"|[【〔\[(（][^】〕\]()（）]{0,24}(?:讯|电|报导|报道|消息|记者[^】〕\]()（）]*)[】〕\])）]\s*"
    # a wire's dateline and its credit: `中新网北京12月1日电(记者 张三)`, `新华社北京3月4日电`
    r"|[^，,。()（）\s]{2,14}?\d{1,2}月\d{1,2}日[电讯]\s*(?:[(（][^()（）]{0,20}[)）])?\s*"
    r"|(?=\S))",
    re.I,
)

MEETING_TITLE = 4  # ideographs a meeting's name needs to serve as a title (not `联谊会`)

_SENTENCE_END = "。！？!?"
_CLAUSE_END = "，,；;：:、"


def body_title(lines: Sequence[str], simplified: Sequence[str], content: Sequence[bool]) -> str:
    """A title from the first paragraph: the meeting it names, else its first clauses."""
    for i, line in enumerate(simplified):
        # a short caption (`与会嘉宾合影。`), not one that says the news (`某某主持院會，讓…`)
        caption = len(line) <= MAX_TITLE and "，" not in line and CAPTION.search(line)
        paragraph = (len(line) > MAX_TITLE or "。" in line) and not caption
        if content[i] and paragraph and han_count(line) * 3 >= len(line):
            # an edit note, a byline's date or a dateline opening the post is not its first words
            skip = opening.end() if (opening := _LEADING.match(line)) else 0
            whole = find_meeting_name(line)  # (read with its dateline, which may name the body)
            if (when := _WHEN.match(line, skip)) is not None:
                skip = when.end()  # `9月4日，` / `近日，`: the day is shown as the date
            original, line = lines[i][skip:], line[skip:]
            end = title_end(line)  # (a line of image markup is no paragraph)
            glued = end < len(line) and not _GOVERNS_DATE.search(line[:end])
            if glued and is_headline_shape(strip_decoration(line[:end])):
                return original_slice(
                    original, line, strip_decoration(line[:end])
                )  # glued to its byline
            if whole is not None and whole[0] >= skip:
                span: tuple[int, int] | None = (whole[0] - skip, whole[1] - skip)
            else:
                span = find_meeting_name(line)
            if span is not None and han_count(line[span[0] : span[1]]) >= MEETING_TITLE:
                return original[span[0] : span[1]]
            return original[: _first_clauses(line)]
    return next((line for line, keep in zip(lines, content, strict=True) if keep), "")


# Where a clause with no comma says when and where (`…就职典礼前晚在某中心举行`): a title cut
# there keeps its subject whole.
_WHERE = re.compile(
    r"(?:前晚|昨晚|昨日|昨天|今日|今天|日前|近日|[上下]午)?"
    r"(?:(?<![存现正所实好自])在(?!于)|(?<![关对由属位基鉴终至处等善勇忠])于)"
)  # not the 在 of 现在/正在, nor the 于 of 关于/由于/位于


def _before_where(line: str) -> int:
    """BODY_TITLE, or before the last `(前晚)在`/`于` within it that leaves a subject."""
    found = [m.start() for m in _WHERE.finditer(line, 0, BODY_TITLE + 1)]
    found = [at for at in found if han_count(line[:at]) >= BODY_SUBJECT]
    return found[-1] if found else BODY_TITLE


def _first_clauses(line: str) -> int:
    """End of the first sentence, cut at the last clause boundary within BODY_TITLE, and
    before a bracket the cut would leave open (`…於今（29）日` cut as `…於今（`)."""
    end = next((i for i, ch in enumerate(line) if ch in _SENTENCE_END), len(line))
    if end > BODY_TITLE:
        cuts = [i for i, ch in enumerate(line[: BODY_TITLE + 1]) if ch in _CLAUSE_END]
        # the clause that says what was held is the news (`某某在京举行答谢宴，诸多明星…`)
        held = [i for i in cuts if HELD.search(line, 0, i) and han_count(line[:i]) >= 8]
        end = held[0] if held else cuts[-1] if cuts else _before_where(line)
    opened = max(line.rfind("（", 0, end), line.rfind("(", 0, end))
    closed = max(line.rfind("）", 0, end), line.rfind(")", 0, end))
    if opened > closed and han_count(line[:opened]) >= MEETING_TITLE:
        return opened
    return end
