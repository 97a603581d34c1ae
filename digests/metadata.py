"""A page's title, date and source, found on its cleaned lines.

Patterns run on the simplified lines; values are sliced from the original lines at the
same offsets, so a traditional page keeps its traditional title and source.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from digests.meeting import find_meeting_name
from digests.model import Metadata
from digests.script import to_simplified

MAX_TITLE = 64
BODY_TITLE = 30  # a title cut from the first sentence stays short

_FULL_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)日?"
)
_YEAR_MONTH = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*(?:[-/.]|年)\s*(\d{1,2})(?![\d.])月?")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年(?!度)")
_DAY = re.compile(r"(?<![\d年/.-])(\d{1,2})月(\d{1,2})日")
_SOURCE = re.compile(r"(?:稿件|信息|文章|新闻)?来源\s*[:：]\s*")
_SOURCE_END = re.compile(
    r"\s{2,}|\s*[|｜【\[(（]|打印|分享|字号|字体|浏览|点击|阅读|发布|时间\s*[:：]|日期\s*[:：]"
    r"|作者|编辑|责任|(?<!\d)(?:19|20)\d\d[-/.年]"
)
# Where a title line's trailing byline starts: a date, a 来源, a label.
_TITLE_END = re.compile(
    r"\s*(?:(?<!\d)(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}"
    r"|(?:稿件|信息|文章)?来源\s*[:：]|发布(?:时间|日期)|作者\s*[:：]|浏览|字号)"
)
_LABEL = re.compile(
    r"^(?:编辑|责任编辑|作者|关键词|来源|发布|浏览|点击|字号|分享|打印|首页|当前位置|您的位置|位置)"
)
_BREADCRUMB = re.compile(r"[>＞»›→]")
_HINT_SPLIT = re.compile(r"\s*[_|｜]\s*|\s+[-–—]\s+")
_BYLINE_LABEL = re.compile(r"(?:发布|时间|日期|更新|发表)$")
_BYLINE_GLUE = " \t\u3000|｜·-—_/"  # what separates a title from the byline it carries
_SENTENCE_END = "。！？!?"
_CLAUSE_END = "，,；;：:、"


def extract_metadata(
    lines: Sequence[str],
    simplified: Sequence[str],
    content: Sequence[bool],
    title_hint: str | None,
) -> Metadata:
    """Title, date (YYYY-MM-DD) and source of a page, and which line holds the title."""
    title, title_line = _title(lines, simplified, content, title_hint)
    header = _header_lines(simplified, content, title_line)
    return Metadata(
        title=title,
        date=_date(simplified, content, header, title_line, title_hint),
        source=_source(lines, simplified, header, title_line),
        title_line=title_line,
    )


# --- title ---------------------------------------------------------------------------


def _title(
    lines: Sequence[str], simplified: Sequence[str], content: Sequence[bool], hint: str | None
) -> tuple[str, int | None]:
    """The headline and its line; else the HTML title; else a title cut from the body."""
    hint_title = _strip_hint(hint)
    found = _hinted_line(simplified, content, hint_title) if hint_title else None
    if found is None:
        found = _headline_line(simplified, content)
    if found is not None:
        return lines[found][: _title_end(simplified[found])].strip(_BYLINE_GLUE), found
    if hint_title:
        return hint_title, None
    return _body_title(lines, simplified, content), None


def _strip_hint(hint: str | None) -> str | None:
    """An HTML <title> without its site name: the longest of its `_`/`|`/` - ` parts."""
    if not hint:
        return None
    parts = [part.strip() for part in _HINT_SPLIT.split(hint) if part.strip()]
    best = max(parts, key=len, default="")
    return best if _han_count(best) >= 4 else None


def _hinted_line(simplified: Sequence[str], content: Sequence[bool], hint: str) -> int | None:
    """The content line that carries the HTML title, compared modulo punctuation and script."""
    key = _key(to_simplified(hint))
    for i, line in enumerate(simplified):
        line_key = _key(line[: _title_end(line)])
        if content[i] and line_key and (line_key == key or (len(key) >= 8 and key in line_key)):
            return i
    return None


def _headline_line(simplified: Sequence[str], content: Sequence[bool]) -> int | None:
    """The first content line before the body that reads as a headline."""
    for i, line in enumerate(simplified):
        if not content[i]:
            continue
        if _is_headline(line[: _title_end(line)].strip()):
            return i
        if _is_paragraph(line):
            return None  # the body has begun: the page has no title line
    return None


def _title_end(line: str) -> int:
    """Where the byline (date, 来源, labels) carried on a title line starts."""
    match = _TITLE_END.search(line)
    return match.start() if match and match.start() > 0 else len(line)


def _is_headline(text: str) -> bool:
    """Short, mostly Chinese, not a sentence, a salutation, a label or a breadcrumb."""
    return (
        _han_count(text) >= 4
        and len(text) <= MAX_TITLE
        and _han_count(text) * 2 >= len(text.replace(" ", ""))
        and text[-1] not in "。；;：:，,、"
        and "。" not in text
        and not _BREADCRUMB.search(text)
        and not _LABEL.match(text)
    )


def _is_paragraph(line: str) -> bool:
    return len(line) > MAX_TITLE or "。" in line


def _body_title(lines: Sequence[str], simplified: Sequence[str], content: Sequence[bool]) -> str:
    """A title from the first paragraph: the meeting it names, else its first clauses."""
    for i, line in enumerate(simplified):
        if content[i] and _is_paragraph(line):
            span = find_meeting_name(line)
            if span is not None:
                return lines[i][span[0] : span[1]]
            return lines[i][: _first_clauses(line)]
    return next((line for line, keep in zip(lines, content, strict=True) if keep), "")


def _first_clauses(line: str) -> int:
    """End of the first sentence, cut at the last clause boundary within BODY_TITLE."""
    end = next((i for i, ch in enumerate(line) if ch in _SENTENCE_END), len(line))
    if end <= BODY_TITLE:
        return end
    cuts = [i for i, ch in enumerate(line[: BODY_TITLE + 1]) if ch in _CLAUSE_END]
    return cuts[-1] if cuts else BODY_TITLE


# --- date ----------------------------------------------------------------------------


def _header_lines(
    simplified: Sequence[str], content: Sequence[bool], title: int | None
) -> list[int]:
    """Where a page's own date and source live: furniture, the title, the lines around it."""
    top = title if title is not None else -1
    if top + 1 < len(simplified) and not _is_paragraph(simplified[top + 1]):
        top += 1  # the byline under a title, whether or not cleaning called it furniture
    return [i for i, keep in enumerate(content) if not keep or i <= top]


def _date(
    simplified: Sequence[str],
    content: Sequence[bool],
    header: list[int],
    title_line: int | None,
    hint: str | None,
) -> str | None:
    """The page's date; else a body date in its first lines, its year taken from the page."""
    header_texts = [simplified[i] for i in header]
    lead = [simplified[i] for i, keep in enumerate(content) if keep and i != title_line][:2]
    page = _full_date(header_texts) or _full_date(lead)
    if page is not None:
        return page.isoformat()
    title = simplified[title_line] if title_line is not None else (hint or "")
    for line in lead:
        for match in _DAY.finditer(line):
            month, day = int(match[1]), int(match[2])
            year = _page_year(header_texts, title, month)
            if year is not None and (date := _valid(year, month, day)) is not None:
                return date.isoformat()
    return None


def _full_date(texts: Sequence[str]) -> dt.date | None:
    for text in texts:
        for match in _FULL_DATE.finditer(text):
            date = _valid(int(match[1]), int(match[2]), int(match[3]))
            if date is not None:
                return date
    return None


def _page_year(header: Sequence[str], title: str, month: int) -> int | None:
    """The year a body's `M月D日` belongs to: from a year-month on the page, or the title.

    A title year counts only when it is the title's one year and not a `YYYY年度`, which
    names the year under review (a 2022年度 meeting is held in 2023).
    """
    for text in header:
        for match in _YEAR_MONTH.finditer(text):
            year, page_month = int(match[1]), int(match[2])
            if 1 <= page_month <= 12:
                return year - 1 if month > page_month else year
    years = {int(y) for y in _YEAR.findall(title)}
    if len(years) == 1 and not re.search(r"(?:19|20)\d\d年度", title):
        return years.pop()
    return None


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# --- source --------------------------------------------------------------------------


def _source(
    lines: Sequence[str], simplified: Sequence[str], header: list[int], title_line: int | None
) -> str | None:
    """`来源:…` anywhere (header lines first), else the department leading a byline."""
    seen = set(header)
    order = header + [i for i in range(len(lines)) if i not in seen]
    for i in order:
        for match in _SOURCE.finditer(simplified[i]):
            value = _source_value(lines[i], simplified[i], match.end())
            if value:
                return value
    return _byline_source(lines, simplified, [i for i in header if i != title_line])


def _source_value(line: str, simplified: str, start: int) -> str | None:
    end_match = _SOURCE_END.search(simplified, start)
    end = end_match.start() if end_match else len(simplified)
    value = line[start:end].strip(" \t\u3000,，;；:：。")
    return value if 2 <= len(value) <= 30 and _han_count(value) + len(value) > 2 else None


def _byline_source(
    lines: Sequence[str], simplified: Sequence[str], candidates: list[int]
) -> str | None:
    """`宣传部 2019-08-11 打印 分享` → `宣传部`: a short name right before the date."""
    for i in candidates:
        match = _FULL_DATE.search(simplified[i])
        if match is None:
            continue
        prefix = simplified[i][: match.start()].strip()
        is_name = 2 <= len(prefix) <= 12 and _han_count(prefix) == len(prefix)
        if is_name and not _BYLINE_LABEL.search(prefix):
            return lines[i][: match.start()].strip()
    return None


# --- helpers -------------------------------------------------------------------------


def _han_count(text: str) -> int:
    return sum("\u4e00" <= ch <= "\u9fff" for ch in text)


def _key(text: str) -> str:
    """Text without punctuation or spaces, to compare titles written differently."""
    return "".join(ch for ch in text if ch.isalnum())
