"""A page's title, date and source, found on its cleaned lines.

Patterns run on the simplified lines; values are sliced from the original lines at the
same offsets, so a traditional page keeps its traditional title and source. The title is
`title.find_title`'s; the date is, in order of trust: a labelled date (`发布时间：…`) above or
below the article, the HTML page's own date, an unlabelled date above the article, a full
date in the lede, the lede's `M月D日` or `D日` placed in the year (and month) that the page,
the title or the page's address gives, then the address's date itself, and last a date
standing alone on the page's last line. Other dates below the article are related links' and
never count unless labelled; a `今天是…` masthead never does.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from digests import dates
from digests.furniture import MENU_HEADINGS, bare
from digests.model import Metadata
from digests.script import CJK, count_cjk
from digests.title import MAX_TITLE, find_title

_SOURCE = re.compile(r"(?:稿件|信息|文章|新闻)?来源\s*[:：]\s*")
_SOURCE_END = re.compile(
    r"\s{2,}|\s*[|｜【\[(（]|打印|分享|字号|字体|浏览|点击|阅读|发布|时间\s*[:：]|日期\s*[:：]"
    r"|作者|编辑|责任|(?<!\d)(?:19|20)\d\d[-/.年]"
)
_FULL_DATE = re.compile(
    r"(?<!\d)(?:19|20)\d\d\s*(?:[-/.‐‑‒–－／．]|年)\s*\d{1,2}\s*(?:[-/.‐‑‒–－／．]|月)\s*\d{1,2}"
)
_BYLINE_LABEL = re.compile(r"(?:发布|时间|日期|更新|发表)$")
_DATE_LABEL = re.compile(
    r"(?:发布|发表|更新|上载|发文|印发|发稿|刊登|刊发|公告)?(?:时间|日期)\s*[:：]|(?:发布|更新)\s*[:：]"
    # a label with no colon, the date right after (`最后修改日期 2020/10/19`, `日期 2020-10-19`)
    r"|(?:发布|发表|更新|修改|上载|刊登|刊出|出版|^|(?<=\s))(?:时间|日期)\s*"
    r"(?=(?:19|20)\d\d\s*[-/.年])"
    r"|(?:发布|发表|更新|刊登|上传)于\s*[:：]?|\b(?:date|posted on|published|updated)\b\s*[:：]?",
    re.I,
)
_CJK = re.compile(f"[{CJK}]")
_FULL_DAY = re.compile(_FULL_DATE.pattern + "日?")
_WEEKDAY = re.compile(r"[(（]?(?:星期|周|礼拜)[一二三四五六日天][)）]?")
_CLOCK = re.compile(
    r"(?:[上下]午\s*)?\d{1,2}[:：]\d{2}(?:[:：]\d{2})?(?:\s*[上下]午)?"
    r"|(?:香港|北京|澳门|台北)?时间\s*\d{1,2}[时点]\d{1,2}分"
)
# The heading of a list of other stories (`相关新闻`, `推荐阅读`, `熱門文章`, `往期回顾`).
_LIST_HEADING = re.compile(
    r"^\W*(?:相关|推荐|延伸|热[点门]|最新|猜你|精彩|更多|其他|往期)[^\W\d]{0,6}\W*$"
)
_ACTIONS = frozenset(["分享", "打印", "收藏", "点赞", "评论", "扫一扫", "上一篇", "下一篇"])
_NEIGHBOUR = re.compile(r"上一[篇条页期版]|下一[篇条页期版]")
_FURNITURE_WORDS = re.compile(r"(?:发布|更新)?(?:时间|日期)\s*[:：]|放大|缩小|默认|打印|关闭|返回")
_CREDIT = re.compile(rf"(?:责任编辑|编辑|责编|审核|编审|作者|记者|来源)\s*[:：]\s*[{CJK}·]{{1,10}}")
# A masthead's clock (`今天是…`, `欢迎访问某某网！今天是2024年3月5日 星期二`): never the page's.
# A forum's footer clock (`GMT+8, 2025-3-28 20:36`) is the hour the copy was served, likewise.
_TODAY = re.compile(
    r"^\W*今日|今天是|今日是|今天[:：]|当前时间|现在时间|现在是|北京时间[:：]|GMT\s*[+\-]\s*\d{1,2}\s*[,，]"
)
# A picture's credit closing its caption: `(记者某某摄)`, `(图/某县政府提供)`, `(某某/摄)`.
_CAPTION = re.compile(r"[(（][^()（）]{0,20}(?:摄|提供)[)）]\s*$")
CAPTION_CHARS = 100  # a caption is a sentence; a long paragraph keeps a credit it ends on
LEAD_LINES = 2  # body lines that may date the report
LINK_HAN = 8  # ideographs beside a date that make a line a related story's link
NEAR_FUTURE = 3  # days after the address's date that a bare `D日` may still mean


@dataclass(frozen=True, slots=True)
class Page:
    """What the date rules read: the lines by role, and where the page came from."""

    head: list[str]  # lines above the body, the title's and the byline under it
    byline: list[str]  # the title's line and the one under it
    tail: list[str]  # furniture below the body (related links, footers)
    lead: list[str]  # the first body lines
    title: str
    address: str
    roc: bool  # a Taiwanese page: ROC years


def extract_metadata(
    lines: Sequence[str],
    simplified: Sequence[str],
    content: Sequence[bool],
    hints: Sequence[str] = (),
    *,
    address: str = "",
    date_hint: str | None = None,
    roc: bool = False,
) -> Metadata:
    """Title, date (YYYY-MM-DD) and source of a page, and which line holds the title."""
    headline = find_title(lines, simplified, content, hints)
    header = _header_lines(simplified, content, headline.line)
    page = _page(simplified, content, header, headline, address, roc)
    return Metadata(
        title=headline.text,
        date=_date(page, date_hint),
        source=_source(lines, simplified, header, headline.line),
        title_line=headline.line,
        headline=headline.source != "body",
    )


def _page(
    simplified: Sequence[str],
    content: Sequence[bool],
    header: list[int],
    headline: object,
    address: str,
    roc: bool,
) -> Page:
    body = [i for i, keep in enumerate(content) if keep and i not in header]
    prose = [i for i in body if _is_paragraph(simplified[i])]
    first = prose[0] if prose else (body[0] if body else -1)
    last = body[-1] if body else -1
    # Below the article: what follows its last line, and any furniture line under its first
    # paragraph (a `发布日期：` between a headline printed under the text and its links).
    below = [i for i in range(first + 1, len(simplified)) if i > last or not content[i]]
    return Page(
        head=_under_title(simplified, header, getattr(headline, "line", None)),
        byline=_byline(simplified, getattr(headline, "line", None)),
        tail=_without_links(
            [simplified[i] for i in below if i not in header and not _TODAY.search(simplified[i])]
        ),
        lead=[simplified[i] for i in (prose or body)[:LEAD_LINES]],
        title=getattr(headline, "text", ""),
        address=address,
        roc=roc,
    )


# --- date ----------------------------------------------------------------------------


def _under_title(simplified: Sequence[str], header: list[int], title: int | None) -> list[str]:
    """The head's lines, those under the headline first: a date above it is more often a
    sidebar's or the site's than the page's. A masthead's clock and lists of links are left
    out; above a headline, a list's first date is as much the list's as the others."""
    below = [i for i in header if title is not None and i > title]
    above = [i for i in header if i not in below]
    kept = [simplified[i] for i in below if not _TODAY.search(simplified[i])]
    others = [simplified[i] for i in above if not _TODAY.search(simplified[i])]
    return _without_links(kept) + _without_links(others, keep_first=False)


def _header_lines(
    simplified: Sequence[str], content: Sequence[bool], title: int | None
) -> list[int]:
    """Lines above the body: furniture before the first paragraph, the title and its byline."""
    first = next(
        (i for i, keep in enumerate(content) if keep and _is_paragraph(simplified[i])), len(content)
    )
    lines = set(range(first))  # a short line flagged as content there is a byline or the
    # lede's first words broken off (`2017年4月13日上午，某镇…召开了`), never the body's prose
    if title is not None:
        lines.add(title)
        if title + 1 < len(simplified) and not _is_paragraph(simplified[title + 1]):
            lines.add(title + 1)  # the byline under a title, furniture or not
        if title < first:
            lines.update(range(title))  # all above the headline is the page's head
    return sorted(lines)


def _byline(simplified: Sequence[str], title: int | None) -> list[str]:
    """The headline's line and the byline under it (not a paragraph), where a page dates
    itself; a date above the headline may be a sidebar's or the site's."""
    if title is None:
        return []
    below = title + 1 < len(simplified) and not _is_paragraph(simplified[title + 1])
    if below and len(_without_links(simplified[title + 1 : title + 3])) < 2:
        below = False  # the first of a list of links printed under the headline
    return [simplified[title], *([simplified[title + 1]] if below else [])]


def _date(page: Page, hint: str | None) -> str | None:
    found = (
        _labelled(page.byline)
        or _first_full(page.byline, page.roc)
        or _labelled(page.head)
        or _labelled(page.tail)
        or _hinted(hint, padded=False)
        or _first_full(page.head, page.roc)
        or _confirmed_address(page)
        or _first_full(page.lead, page.roc, events=True)
        or _in_year(page)  # (`2020年3月…`, then `6月28日下午…召开`: a day in a known year)
        or _hinted(hint, padded=True)
        or _from_address(page)
        or _closing_date(page.tail)
    )
    return found.isoformat() if found else None


def _without_links(texts: Sequence[str], keep_first: bool = True) -> list[str]:
    """The lines without a list of related links: what follows its heading (`相关新闻`), the
    links to the stories before and after (`上一篇：…`), two or more lines that each give
    another story's headline beside its date (`- 某县召开某会议 2024/01/05`), or the same
    label and a date each (`发布时间：…` under every item), or a date alone under each."""
    heading = next((i for i, text in enumerate(texts) if _list_heading(text)), len(texts))
    texts = [text for text in texts[:heading] if not _neighbour(text)]
    items = {i for i, text in enumerate(texts) if _is_link_item(text)}
    if len(items) < 2:
        items = set()
    groups: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        if (shape := _date_shape(text)) is not None:
            groups.setdefault(shape, []).append(i)
    for lines in groups.values():  # dates given alike, each another: a list's
        if len({next(dates.full_dates(texts[i]), None) for i in lines}) >= 2:
            items.update(lines[1:] if keep_first else lines)  # the first may be the page's own
    return [text for i, text in enumerate(texts) if i not in items]


def _date_shape(text: str) -> str | None:
    """How a line gives its date: its label (`发布时间：`), `""` for a date alone on its line,
    None for a line that gives none or says more."""
    if not _FULL_DATE.search(text):
        return None
    if (label := _DATE_LABEL.search(text)) is not None:
        return re.sub(r"\s", "", label[0])
    return "" if not _bare(_FULL_DAY.sub("", text)) else None


def _list_heading(text: str) -> bool:
    """`相关新闻`, `为你推荐`, `即时新闻`: a heading over other stories (not a page action)."""
    if _LIST_HEADING.match(text):
        return True
    word = bare(text)
    return word in MENU_HEADINGS and word not in _ACTIONS


def _neighbour(text: str) -> bool:
    """A link to the story before or after, with its headline (`上一篇：某会议召开 …`), not a
    newspaper's page buttons beside its issue's date (`上一篇 2016年8月5日 放大 缩小`)."""
    if not _NEIGHBOUR.search(text):
        return False
    rest = _FURNITURE_WORDS.sub("", _CLOCK.sub("", _FULL_DAY.sub("", _NEIGHBOUR.sub("", text))))
    return count_cjk(rest) >= LINK_HAN


def _is_link_item(text: str) -> bool:
    """A line that is a headline beside a date, with no label: an item of a list of links."""
    if not _FULL_DATE.search(text) or _DATE_LABEL.search(text) or _SOURCE.search(text):
        return False
    rest = _CLOCK.sub("", _FULL_DAY.sub("", text))
    return count_cjk(rest) >= LINK_HAN


def _labelled(texts: Sequence[str]) -> dt.date | None:
    for text in texts:
        for match in _DATE_LABEL.finditer(text):
            date = next(dates.full_dates(text[match.end() : match.end() + 24]), None)
            if date is not None:
                return date
    return None


def _closing_date(tail: Sequence[str]) -> dt.date | None:
    """The one date below the article when it stands alone at the page's end (`- 2020-03-06`,
    `[责任编辑：王五] 2020-03-06`, a press release's `2018年11月23日(星期五)` over its
    `香港时间14时30分`, a signature's `（某区政协办公室 2019年11月23日）`): a list of related
    links dates each of its lines beside a headline."""
    dated = [i for i, text in enumerate(tail) if _FULL_DATE.search(text)]
    if len(dated) != 1 or any(_bare(text) for text in tail[dated[0] + 1 :]):
        return None
    beside = _FULL_DAY.sub("", tail[dated[0]])
    signed = _SIGNATURE.fullmatch(tail[dated[0]].strip())  # `(2014-01-21 某市委老干部局)`
    if (
        not signed
        and _bare(beside)
        and count_cjk(_CLOCK.sub("", _WEEKDAY.sub("", beside))) >= LINK_HAN
    ):
        return None  # a headline beside the date: a related story's (not a signature's name)
    return next(dates.full_dates(tail[dated[0]]), None)


# A signature in brackets: the date and the office that wrote the page, not a related headline.
_SIGNATURE = re.compile(r"[(（][^()（）]{4,40}[)）]")


def _bare(text: str) -> bool:
    """Whether a closing line says more than a day, a clock time, a credit or `完`."""
    for pattern in (_WEEKDAY, _CLOCK, _CREDIT):
        text = pattern.sub("", text)
    return bool(_CJK.search(text.replace("完", "")))


def _hinted(hint: str | None, padded: bool) -> dt.date | None:
    """The HTML page's date; a first of January only when `padded` is allowed: it is what
    htmldate makes of a bare year (a copyright's), so a date the text writes goes first."""
    date = next(dates.full_dates(hint), None) if hint else None
    if date is not None and (date.month, date.day) == (1, 1) and not padded:
        return None
    return date


def _first_full(texts: Sequence[str], roc: bool, events: bool = False) -> dt.date | None:
    for text in texts:
        date = next(dates.full_dates(text, roc, events), None)
        if date is not None:
            return date
    return None


def _in_year(page: Page) -> dt.date | None:
    """The lede's `M月D日` (or `D日`, or 昨天) placed in the year the page gives."""
    address = dates.from_address(page.address)
    known = _known_year_month(page, address)
    ref = _reference(page, address)
    month = ref[1] if ref is not None else None
    if ref is not None and page.lead and (filed := dates.dateline_day(page.lead[0])):
        return _nearest(ref, filed)  # `(某社记者某某彰化26日电)`: the day the report was filed
    earlier: set[int] = set()  # the years the lede's earlier lines write
    for line in page.lead:
        if ref is not None and (day := dates.today_day(line)):
            return _nearest(ref, day)  # `某议会今(26)日召开…,决议10月3日…`: today's
        # the day a sentence says is today dates the page before any other day it names
        # (`继11月17日第五场座谈会后，某处今日(11月21日)再举行…`)
        text = dates.arabic(line)
        if month is not None:
            text = dates.named_months(text, month)  # `於本月5日`, `上月28日`
        today = dates.today(line)
        pairs = [(len(text), *today)] if today else list(dates.month_days_at(text))
        for at, month, day in pairs:
            relative = dates.counted_from_page(text, at)  # `今年3月8日…3月24日`: not 2008's
            counted = text[max(0, at - 2) : at]
            if counted in ("去年", "明年"):
                continue  # `于明年3月3日召开`: a day of another year, announced or recalled
            this_year = known[0] if counted == "今年" and known is not None else None
            if this_year is not None and (date := dates.valid(this_year, month, day)):
                return date  # `今年3月8日`: the page's year
            year = (
                dates.year_before(text, at)  # a year written after the day is another's
                or (known[0] if known else None)  # (`4月23日…作2023年會務報告`)
                or _title_year(page.title)
                or (_roc_year(page, line) if page.roc else None)
                or (None if relative else dates.year_before(text) or dates.named_year(text))
                # `2020年3月，经…批准…`, then `6月28日下午，…召开`: the story's one year
                or (next(iter(earlier)) if len(earlier) == 1 and not relative else None)
                or (None if relative else dates.work_year(page.lead, month))
            )
            if year is not None and (date := dates.in_year(year, month, day, known)) is not None:
                return date
        earlier |= dates.years(line)
    if ref is not None:
        for line in page.lead:
            for day in dates.days(line):
                if (date := _nearest(ref, day)) is not None:
                    return date
    return None


def _reference(
    page: Page, address: tuple[int, int | None, int | None] | None
) -> tuple[int, int | None, int | None] | None:
    """The year and month (and day) a bare `D日` is read in: the address's, else the year
    and month the head writes (`某某日报 2024年3月`)."""
    if address is not None and address[1] is not None:
        return address
    found = next(filter(None, map(dates.year_month, page.head)), None)
    return (found[0], found[1], None) if found else None


def _nearest(address: tuple[int, int | None, int | None], day: int) -> dt.date | None:
    """A bare `D日` read as the nearest such day to the address's date: a report of the
    28th published on the 2nd is last month's, a preview of the 4th published on the 3rd
    this month's."""
    year, month, url_day = address
    assert month is not None
    if url_day is not None and day > url_day + NEAR_FUTURE:
        month = month - 1 or 12
        year -= month == 12
    return dates.valid(year, month, day)


def _known_year_month(
    page: Page, address: tuple[int, int | None, int | None] | None
) -> tuple[int, int] | None:
    """The page's year and month (for placing a `M月D日`): from its head, else its address."""
    for text in page.head:
        if (found := dates.year_month(text)) is not None:
            return found
    if address is None:
        return None
    return (address[0], address[1] if address[1] is not None else 12)


def _roc_year(page: Page, line: str) -> int | None:
    """A Taiwanese page's ROC year for its lede's day: the lede's, else the title's
    (`區公所召開102年度上半年里長業務聯繫會議`)."""
    return dates.roc_year(line) or dates.roc_year(page.title)


def _title_year(title: str) -> int | None:
    """A title's one year, unless it is a `YYYY年度` (the year under review)."""
    years = dates.years(title)
    return years.pop() if len(years) == 1 and not re.search(r"(?:19|20)\d\d年度", title) else None


def _confirmed_address(page: Page) -> dt.date | None:
    """The address's day when the lede's first `M月D日` is it (`/2021/10/16/`: `…于2021年9月
    24日完成了换届选举。新届理事会于10月16日举行了就职典礼`): the page reports what was held
    that day, and the lede's full date is an earlier step's."""
    address = dates.from_address(page.address)
    if address is None or address[1] is None or address[2] is None:
        return None
    named = next((day for line in page.lead for day in dates.month_days(line)), None)
    if named == (address[1], address[2]):  # the lede's first day (not a later one it announces)
        return dates.valid(address[0], address[1], address[2])
    if named is not None:
        return None
    bare = next((day for line in page.lead for day in dates.days(line)), None)
    if bare == address[2]:  # `某議會19日下午召開…` under `/2021/10/…-19_`
        return dates.valid(address[0], address[1], address[2])
    return None


def _from_address(page: Page) -> dt.date | None:
    address = dates.from_address(page.address)
    if address is None or address[1] is None or address[2] is None:
        return None
    date = dates.valid(address[0], address[1], address[2])
    shift = next(
        (dates.relative(line) for line in page.lead if dates.relative(line) is not None), 0
    )
    return date + dt.timedelta(days=shift) if date and shift else date


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


def _is_paragraph(line: str) -> bool:
    """A line of the article's prose: long or a sentence, and not a picture's caption with
    its credit (`某某出席会议。(记者某某摄)`), which sits between a headline and its byline."""
    if len(line) <= CAPTION_CHARS and _CAPTION.search(line):
        return False
    return len(line) > MAX_TITLE or "。" in line


def _han_count(text: str) -> int:
    return count_cjk(text)
