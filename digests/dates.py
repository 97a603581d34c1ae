"""Dates as pages write them: `2026年01月28日`, `2026/03/12`, `12.06.2014`, `Mar 24, 2020`,
Taiwan's ROC years (`115-11-20`, `民國115年`, `(113)年4月19日`: add 1911), and the dates in a
page's address (`/2025/12/11/`, `t20240315_`, `/202310/`).

Everything here reads simplified text and returns `datetime.date`s; which date is the
page's is decided in `metadata`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

ROC_OFFSET = 1911
SHORT_YEAR_PIVOT = 50  # a two-digit year from 50 up is of the 1900s (`3-5-98`), else the 2000s
_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
_YMD = re.compile(
    r"(?<![\d.])((?:19|20)\d\d)\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})"
    r"(?:日|(?=\d{1,2}:\d\d)|(?![\d.]))"
)
# `12.06.2014`, Hong Kong's and Macau's `23/11/2018`, `23-11-2018` (a month written first
# when the day is)
_DMY = re.compile(r"(?<![\d./\-])(\d{1,2})([./\-])(\d{1,2})\2((?:19|20)\d\d)(?![\d./\-])")
# An English sentence's short date in Hong Kong's day-first order: `… held on 25-6-11`,
# `dated 3/11/18` (a two-digit year; the day comes first, as with four digits).
_DMY_SHORT = re.compile(r"\b(?:on|dated?)\s+(\d{1,2})([/\-])(\d{1,2})\2(\d\d)(?![\d./\-])", re.I)
# `4/2/2010 6:19:41 PM`: a twelve-hour clock after a slashed date is an American stamp
_TWELVE_HOUR = re.compile(r"\s+\d{1,2}:\d\d(?::\d\d)?\s*[AP]M\b", re.I)
_ENGLISH = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?"
    r"\s+((?:19|20)\d\d)\b",
    re.I,
)
# The British order of Hong Kong's English pages: `23 November 2018`, `5 Mar, 2020`,
# `25th of June 2011` (and the American `June 25th, 2011` above).
_ENGLISH_DAY_FIRST = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
    r"\.?,?\s+((?:19|20)\d\d)\b",
    re.I,
)
# ROC years: 民国115年, (113)年, 113年 (three digits), 98-01-15 or 115.11.20 (two or three).
_ROC_YMD = re.compile(
    r"(?:民国\s*|[(（])?(?<![\d.])(\d{2,3})[)）]?\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})"
    r"(?:日|(?![\d.]))"
)
# `7月27日`, and a span's first day: `7月27-28日`, `3月6至8日`
_DAY = re.compile(
    r"(?<![\d/.\-])(?<!\d年)(\d{1,2})月(\d{1,2})(?:\s*[-—–－~～至到]\s*\d{1,2})?[日号]"
)  # (`今年3月8日` is a day of the page's year; `2019年3月8日` a full date, read as one)
# Taiwan's `今日(5/29)`, `於今天(3/2)`: a month and day in parentheses after the day's word.
_DAY_SLASHED = re.compile(r"(?:今日|今天|于)\s*[(（](\d{1,2})/(\d{1,2})[)）]")
# Taiwan's `今(25)日`, `昨（5）日`, Hong Kong's `昨日（22日）`, `今天(5日)`: the day of the
# month in parentheses.
_DAY_PAREN = re.compile(r"(?:[今昨前][日天]?)\s*[(（](\d{1,2})(?:[)）]\s*日|日\s*[)）])")
# An ROC year that dates something (`102年度`, `108年上半年`, `(113)年4月`), not a span of
# years (`经过56年发展`).
_ROC_YEAR = re.compile(
    r"(?<![\d.])[(（]?(\d{2,3})[)）]?\s*年"
    r"(?=度(?![^，,。]{0,6}[预决]算)|[上下]半年|第|\s*\d{1,2}\s*月)"
)  # `106年度总预算` is the budget's year (debated the year before), not the page's
_DAY_ONLY = re.compile(
    r"(?<![\d月/.\-])(\d{1,2})日(?=[上下]?午|晚|电|讯|[，,]|在|召开|举行|举办|开幕|闭幕)"
)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年(?!度)")
# A year written into an event's name without 年 (`2015民间商会高峰论坛`, `2025某会春茗晚宴`),
# not a count
# (`2000余名代表`)
_NAMED_YEAR = re.compile(
    r"(?<![\d.])((?:19|20)\d\d)(?=[^\d\s年度届多余万亿名人个位家元件项次，,。、]"
    r"[^\d，,。；;]{0,16}(?:会|论坛|晚宴|典礼|仪式|嘉年华))"
    # or closing a quoted name (`“狮城庆新春2017”`); a `2022年度…生活会` is a year's
    # meeting held in the next, never the day's year
    r"|[“「][^”」\d]{2,16}((?:19|20)\d\d)[”」]"
)
_YEAR_MONTH = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*(?:[-/.]|年)\s*(\d{1,2})(?![\d.])月?")
_RELATIVE = {"昨天": -1, "昨日": -1, "今天": 0, "今日": 0}
# Dates in addresses: `20240315`/`202310` as one run, `/2025/12/11/`, `/2021-03/23/`,
# `/2019/0529/`, `/2016/12/…`, `detail_2014_10/22/`; a year alone (`/2022/12324.html`)
# still gives the year; a compact year and month's day may be a folder of its own
# (`/a/202412/10/…`).
_URL_COMPACT = re.compile(
    r"(?<!\d)((?:19|20)\d\d)(0[1-9]|1[0-2])(?:(0[1-9]|[12]\d|3[01])|/(0[1-9]|[12]\d|3[01])(?=/))?(?!\d)"
)
_URL_PARTS = re.compile(
    r"(?<!\d)((?:19|20)\d\d)([-/_])(0?[1-9]|1[0-2])(?:(?:\2|[-/])(0?[1-9]|[12]\d|3[01])|(0[1-9]|[12]\d|3[01]))?(?=[/_.\-]|$)"
)
# `/2023/2023012950603.html`, `/20200509095310-29190.html`: an article number or a time
# stamp that opens with its day
_URL_SERIAL = re.compile(
    r"(?<=[/_t=])((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=\d{3,}(?:[._/\-&]|$))"
)
# A year folder, not one followed by a number that no month is (`/1991/17/11/`: a folder's id)
_URL_YEAR = re.compile(r"/((?:19|20)\d\d)[-/](?!(?:1[3-9]|[2-9]\d)(?:\D|$))")


# Dashes and slashes of other widths (`2018‐11‐23`, `2018－11－23`, `2018／11／23`), one for one
_DASHES = str.maketrans("‐‑‒–－—／．", "------/.")
_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0, "O": 0}
_CN_YEAR = re.compile(r"([〇○零一二三四五六七八九]{4})(?=\s*年)")
_FIRST_MONTH = re.compile(r"元月(?=\s*[\d一二三四五六七八九十廿卅])")
_CN_ROC_YEAR = re.compile(r"民国\s*([〇○零一二三四五六七八九十百]{2,5})(?=\s*年)")
_CN_MONTH_DAY = re.compile(
    r"(?<![\d一二三四五六七八九十])([一二三四五六七八九十]{1,2}|1)月([一二三四五六七八九十廿卅]{1,3})日"
)


def _roc_number(text: str) -> int:
    """`一一三` → 113 (digit by digit), `九十八` → 98, `一百一十三` → 113."""
    if "十" not in text and "百" not in text:
        return int("".join(str(_CN_DIGIT[c]) for c in text))
    hundreds, _, rest = text.rpartition("百")
    return (_CN_DIGIT[hundreds] * 100 if hundreds else 0) + (_cn_number(rest) if rest else 0)


def _cn_number(text: str) -> int:
    """`十一` → 11, `二十三` → 23, `廿三` → 23, `卅一` → 31."""
    if text.isdigit():
        return int(text)  # `元月` made `1月` before the day's numerals
    text = text.replace("廿", "二十").replace("卅", "三十")
    tens, _, units = text.rpartition("十")
    if "十" not in text:
        return _CN_DIGIT[text]
    return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[units] if units else 0)


def arabic(text: str) -> str:
    """Dates written in Chinese numerals (`二〇一九年三月五日`, `十一月二十一日`, `元月8日`,
    ROC's `民国一一三年`, `民国九十八年`) in digits."""
    if "元月" in text:  # the first month: `元月8日`, `元月十五日`
        text = _FIRST_MONTH.sub("1月", text)
    if not (_CN_YEAR.search(text) or _CN_MONTH_DAY.search(text) or _CN_ROC_YEAR.search(text)):
        return text
    text = _CN_YEAR.sub(lambda m: "".join(str(_CN_DIGIT[c]) for c in m[1]), text)
    text = _CN_ROC_YEAR.sub(lambda m: f"民国{_roc_number(m[1])}", text)
    return _CN_MONTH_DAY.sub(lambda m: f"{_cn_number(m[1])}月{_cn_number(m[2])}日", text)


def valid(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when the numbers make none (or lie outside 1949–2099)."""
    if not 1949 <= year <= 2099:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def full_dates(text: str, roc: bool = False, events: bool = False) -> Iterator[dt.date]:
    """Every complete date in `text`, in order; ROC forms only on Taiwanese pages (`roc`);
    with `events`, not a tally's last day or a span's first (`截至2023年12月31日`,
    `自2024年1月1日起施行`), which date no sitting."""
    found: list[tuple[int, dt.date]] = []
    text = arabic(text.translate(_DASHES))
    for match in _YMD.finditer(text):
        if events and _tally_end(text, match):
            continue
        if (date := valid(int(match[1]), int(match[2]), int(match[3]))) is not None:
            found.append((match.start(), date))
    for match in _DMY.finditer(text):
        year, first, second = int(match[4]), int(match[1]), int(match[3])
        if _TWELVE_HOUR.match(text, match.end()):
            first, second = second, first  # an English-language stamp writes its month first
        if (date := valid(year, second, first) or valid(year, first, second)) is not None:
            found.append((match.start(), date))
    for match in _DMY_SHORT.finditer(text):
        year = int(match[4]) + (1900 if int(match[4]) >= SHORT_YEAR_PIVOT else 2000)
        if (date := valid(year, int(match[3]), int(match[1]))) is not None:
            found.append((match.start(), date))
    for match in _ENGLISH.finditer(text):
        month = _MONTHS[match[1].lower()[:3]]
        if (date := valid(int(match[3]), month, int(match[2]))) is not None:
            found.append((match.start(), date))
    for match in _ENGLISH_DAY_FIRST.finditer(text):
        month = _MONTHS[match[2].lower()[:3]]
        if (date := valid(int(match[3]), month, int(match[1]))) is not None:
            found.append((match.start(), date))
    if roc or "民国" in text:
        found += _roc_dates(text, events)
    yield from (date for _, date in sorted(found, key=lambda item: item[0]))


def _roc_dates(text: str, events: bool = False) -> list[tuple[int, dt.date]]:
    out = []
    for match in _ROC_YMD.finditer(text):
        if events and _tally_end(text, match):
            continue  # `預計自111年7月1日起施行`, as in Western years
        year = int(match[1])
        if 1 <= year <= 150 and (date := valid(year + ROC_OFFSET, int(match[2]), int(match[3]))):
            out.append((match.start(), date))
    return out


def month_days(text: str) -> Iterator[tuple[int, int]]:
    """(month, day) of each `M月D日` (or `今日(M/D)`) without a year."""
    yield from ((month, day) for _, month, day in month_days_at(arabic(text)))


_MONTH_WORD = re.compile(r"([本上下])月\s*(?=\d{1,2}日)")
_MONTH_SHIFT = {"本": 0, "上": -1, "下": 1}


def named_months(text: str, month: int) -> str:
    """`本月5日`, `上月28日`, `下月2日` written as `M月D日`, the page being of `month`."""
    if "月" not in text or not _MONTH_WORD.search(text):
        return text
    return _MONTH_WORD.sub(lambda m: f"{(month + _MONTH_SHIFT[m[1]] - 1) % 12 + 1}月", text)


def month_days_at(text: str) -> Iterator[tuple[int, int, int]]:
    """(offset, month, day) of each `M月D日` (or `今日(M/D)`) of a text in digits (`arabic`)."""
    found = [*_DAY.finditer(text), *_DAY_SLASHED.finditer(text)]
    for match in sorted(found, key=lambda m: m.start()):
        if not _tally_end(text, match) and not _DATELINE_THEN_DAY.match(text, match.end()):
            yield match.start(), int(match[1]), int(match[2])


# A dateline's day right before the event's (`某网哈尔滨6月26日电 6月21日，…举行`): the day
# the report was filed, not the one it reports.
_DATELINE_THEN_DAY = re.compile(r"\s*[电讯][)）]?\s*[，,]?\s*\d{1,2}月\d{1,2}日")


# A tally's last day (`到10月30日止`, `截至3月5日`) or a span's first (`从10月28号起`): what
# was done by then or since, not a sitting's day.
_UNTIL = re.compile(r"(?:截至|截止(?:到|至)?|到|至|从|自)\s*$")
_STOP = re.compile(r"\s*(?:为)?止")
_SINCE = re.compile(r"\s*(?:起|以来)")


def _tally_end(text: str, match: re.Match[str]) -> bool:
    before = _UNTIL.search(text, max(0, match.start() - 4), match.start())
    if before is None:
        return False
    if before[0][0] in "从自":
        return bool(_SINCE.match(text, match.end()))
    return before[0].startswith("截") or bool(_STOP.match(text, match.end()))


# `今日(十一月二十一日)`, `今天（11月21日）`, `今日(5/29)`: the day the text says is today.
_TODAY = re.compile(r"(?:今日|今天)\s*[(（]\s*([^()（）]{3,12}?)\s*[)）]")


# A meeting held in the clause that a `今日` opens: the day is the meeting's.
_HELD = re.compile(r"[^，,。；;]*?(?:召开|举行|举办|开幕|闭幕|开议|登场)")


def today(text: str) -> tuple[int, int] | None:
    """(month, day) of the day a sentence says is today, in parentheses after 今日/今天, when
    the clause it opens holds a meeting."""
    for match in _TODAY.finditer(text):
        if not _HELD.match(text, match.end()):
            continue
        inside = match[1] if "/" not in match[1] else f"今日({match[1]})"
        if (found := next(month_days(inside), None)) is not None:
            return found
    return None


# A dateline that gives only the day it was filed: `(中央社记者某某彰化26日电)`,
# `(吉隆坡10日讯)`, `新华社北京12日电`, at the opening of the lede.
_DATELINE_DAY = re.compile(
    r"^\W{0,2}[^，,。；;\d()（）]{0,24}?(?<![\d月])(\d{1,2})日(?:专)?[电讯](?=[)）\s/／]|$)"
)


def dateline_day(text: str) -> int | None:
    """The day of the month a lede's opening dateline gives without its month."""
    found = _DATELINE_DAY.match(text)
    return int(found[1]) if found and 1 <= int(found[1]) <= 31 else None


def today_day(text: str) -> int | None:
    """The bare day that opens a clause holding a meeting (`今(26)日召开`, `12日上午在北京举行`)
    when no `M月D日` comes before it: the report's own day, not a later one it announces
    (`…12日举行。会议决定，…于2月26日召开`)."""
    text = arabic(text)
    found = min([*_DAY_ONLY.finditer(text), *_DAY_PAREN.finditer(text)], key=_start, default=None)
    if found is None or not _HELD.match(text, found.end()):
        return None  # `今(20)日，记者获悉，4月16日…召开`: the day of the report, not the meeting's
    first = next(iter(_DAY.finditer(text)), None)
    return int(found[1]) if first is None or first.start() > found.start() else None


def _start(match: re.Match[str]) -> int:
    return match.start()


def days(text: str) -> Iterator[int]:
    """Each bare `D日` that dates an event (`11日，`, `4日上午`, `26日在福州开幕`, `今(25)日`)."""
    found = [*_DAY_ONLY.finditer(text), *_DAY_PAREN.finditer(text)]
    for match in sorted(found, key=lambda m: m.start()):
        yield int(match[1])


def roc_year(text: str) -> int | None:
    """The first ROC year of a Taiwanese text (`102年度上半年`, `(113)年`), as a Western year."""
    for match in _ROC_YEAR.finditer(text):
        if 1 <= int(match[1]) <= 150:
            return int(match[1]) + ROC_OFFSET
    return None


# A year counted from the page's own (`今年3月8日`, `去年12月`): what follows is not in a year
# written before it (`上次党代会是在2008年11月召开的。去年12月…今年3月…3月24日`).
_RELATIVE_YEAR = re.compile(r"[今去明前]年")


# A year a span starts or ends at, not one something was held in: `从2008年开始的…整合`,
# `2010年以来`, `2015年以前` (not `2019年前三季度`, part of a year).
_SPAN_YEAR = re.compile(
    r"(?:开始|以来|起|以前|之前|以后|之后|[前后](?![一二三四五六七八九十\d半]))"
)


def year_before(text: str, end: int | None = None) -> int | None:
    """The last `YYYY年` (not `YYYY年度`) in `text[:end]`, unless a `今年`/`去年` after it
    counts the days that follow from the page's year."""
    text = arabic(text[:end] if end is not None else text)
    years = [year for year in _YEAR.finditer(text) if not _SPAN_YEAR.match(text, year.end())]
    if not years or _RELATIVE_YEAR.search(text, years[-1].end()):
        return None
    return int(years[-1][1])


def counted_from_page(text: str, end: int) -> bool:
    """Whether a `今年`/`去年`/`明年` before `end` (after any `YYYY年`) places what follows in
    the page's own year, which the text then does not write."""
    before = arabic(text[:end])
    last = max((m.end() for m in _YEAR.finditer(before)), default=0)
    return bool(_RELATIVE_YEAR.search(before, last))


# A year's work (`2016年工作要点`, `2015年度重点工作`, `2019年妇联工作`), not a target or
# an anniversary (`到2035年`, `1921年以来`).
_WORK_YEAR = re.compile(
    r"(?<![\d到至])((?:19|20)\d\d)年度?(?:的)?[^，,。；;\d]{0,6}?(?:工作|任务|计划|要点)"
)
_PLANNED = re.compile(r"(?:部署|安排|谋划|计划|要点)")
LATE_MONTH = 11  # a year's work is planned at its start, or in the last weeks of the one before


def work_year(lines: list[str], month: int) -> int | None:
    """The year of a meeting dated `M月D日` only, read from the work years its report
    names (`总结2015年工作，部署2016年工作`): of a year and the next, the next in the first
    half (a year's work planned), the first after (a year reviewed); one year named is the
    meeting's, or the one before when a late meeting plans it (`12月28日…部署2019年工作`)."""
    text = arabic(" ".join(lines))
    found = list(_WORK_YEAR.finditer(text))
    named = sorted({int(match[1]) for match in found})
    if len(named) == 2 and named[1] == named[0] + 1:
        return named[1] if month <= 6 else named[0]
    if len(named) != 1:
        return None
    planned = any(_PLANNED.search(text, max(0, match.start() - 6), match.end()) for match in found)
    return named[0] - 1 if planned and month >= LATE_MONTH else named[0]


def named_year(text: str) -> int | None:
    """The year an event's name carries without 年 (`2015民间商会(自贡)高峰论坛`)."""
    found = _NAMED_YEAR.search(text)
    return int(next(year for year in found.groups() if year)) if found else None


def years(text: str) -> set[int]:
    """Every `YYYY年` of the text that is not a `YYYY年度`."""
    return {int(y) for y in _YEAR.findall(arabic(text))}


def year_month(text: str) -> tuple[int, int] | None:
    """The first year and month written together (`2019-08`, `2019年8月`)."""
    for match in _YEAR_MONTH.finditer(text):
        if 1 <= int(match[2]) <= 12:
            return int(match[1]), int(match[2])
    return None


def relative(text: str) -> int | None:
    """Days from the page's date to the event, when the text says 昨天 or 今天."""
    return next((shift for word, shift in _RELATIVE.items() if word in text), None)


def from_address(address: str) -> tuple[int, int | None, int | None] | None:
    """(year, month or None, day or None) in a page's address: `/2025/12/11/`, `t20240315_`."""
    path = "/" + address.split("://", 1)[-1].partition("/")[2]
    found: tuple[int, int, int | None] | None = None
    for pattern in (_URL_PARTS, _URL_COMPACT, _URL_SERIAL):
        for match in pattern.finditer(path):
            groups = [g for g in match.groups()[1:] if g and g.isdigit()]
            month, day = int(groups[0]), int(groups[1]) if len(groups) > 1 else None
            if valid(int(match[1]), month, day or 1) is None:
                continue
            if day is not None and (found is None or found[:2] == (int(match[1]), month)):
                return int(match[1]), month, day  # a month's folder, then its day's article
            found = found or (int(match[1]), month, day)  # (`/201905/t20190529_1.html`)
    if found is not None:
        return found
    year = _URL_YEAR.search(path)
    return (int(year[1]), None, None) if year else None


NEAR_AHEAD = 92  # days after the first of the known month that a page may look ahead


def in_year(year: int, month: int, day: int, known: tuple[int, int] | None) -> dt.date | None:
    """`month`/`day` placed in `year`, or the year before when it falls after a known
    year-month (a report of 12月28日 published in January)."""
    date = valid(year, month, day)
    if date is None or known is None or (month, day) <= (known[1], 31):
        return date
    # a day soon after the known month is one the page looks ahead to (`10月3日开议`
    # published on 9月26日); only one far after it is last year's
    ahead = date - dt.date(known[0] if known[0] == year else year, known[1], 1)
    return date if ahead.days <= NEAR_AHEAD else valid(year - 1, month, day)


__all__ = [
    "ROC_OFFSET",
    "counted_from_page",
    "dateline_day",
    "days",
    "from_address",
    "full_dates",
    "in_year",
    "month_days",
    "month_days_at",
    "named_months",
    "named_year",
    "relative",
    "roc_year",
    "today",
    "today_day",
    "valid",
    "work_year",
    "year_before",
    "year_month",
    "years",
]
