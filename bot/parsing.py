"""Command arguments → typed values. Pure: an InputError raised here is answered by its text.

Input is read as people type it: the full-width forms an IME gives (`07：30`, `，`, `！`,
`＃`, full-width spaces and digits) are folded by NFKC first; Chinese and English words
both work (`每天 07:30`, `daily 7:30`, `每周五 18:00`, `weekly fri 18:00`, `即时`).
Nothing here raises anything but InputError, whatever the input.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import time
from typing import Literal

from bot import zones
from bot.rules import EXCLUDED, REQUIRED
from bot.store.terms import MAX_QUERY  # longer queries are cut, not refused
from digests.script import to_simplified

MAX_KEYWORDS = 20  # per topic
MAX_KEYWORD = 30  # characters per keyword
MAX_TOPIC = 16  # characters of a topic's name
MAX_DAYS = 366
_DAYS = re.compile(r"^(\d{1,4})\s*(d|天|日)$", re.IGNORECASE)
_SEPARATORS = re.compile(r"[\s,;、|]+")  # after NFKC: ， ； full-width space are ASCII


class InputError(ValueError):
    """Arguments the bot cannot use; `key` names the reply in bot.texts, `params` fill it."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True, slots=True)
class ScheduleSpec:
    kind: Literal["instant", "daily", "weekly"]
    at: time | None = None
    weekday: int | None = None  # 0 = Monday


@dataclass(frozen=True, slots=True)
class DigestRequest:
    keywords: tuple[str, ...] = ()
    days: int | None = None


def readable(text: str) -> str:
    """`text` without lone surrogates: JSON may carry one (`\\ud800`), no encoder takes it."""
    return text if text.isascii() else text.encode("utf-8", "ignore").decode("utf-8")


def _readable(args: Sequence[str]) -> list[str]:
    return [readable(arg) for arg in args]


def normal(text: str) -> str:
    """NFKC (full-width forms to ASCII), simplified, lower case, single spaces."""
    return " ".join(to_simplified(unicodedata.normalize("NFKC", readable(text))).lower().split())


# -- /schedule ---------------------------------------------------------------------------------

_INSTANT = {"即时", "实时", "立即", "马上", "instant", "instantly", "realtime", "now"}
_DAILY = r"每天|每日|天天|daily|every ?day|everyday"
_WEEKLY = r"每周|每星期|每礼拜|weekly|every week|every"
_ZH_DAYS = "一二三四五六日"
_EN_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_EN_FULL = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY = re.compile(
    r"^(?:(?:周|星期|礼拜)\s*(?P<zh>[一二三四五六日天七1-7])"
    r"|(?P<bare>[一二三四五六日天])(?=\s|[0-9零〇一二两三四五六七八九十]|上|下|早|晚|中|凌|$)"
    r"|(?P<en>monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun))\.?\s*"
)
_ZH_NUMBER = {c: n for n, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_CLOCK = re.compile(
    r"^(?P<pre>凌晨|早上|早晨|上午|早|中午|下午|傍晚|晚上|晚)?\s*"
    r"(?P<h>[0-9]{1,2}|[零〇一二两三四五六七八九十]{1,3})\s*"
    r"(?:[:.](?P<m>[0-9]{2})|(?P<dot>点|时)\s*(?:(?P<half>半)|(?P<m2>[0-9]{1,2}|[零〇一二三四五六七八九十]{1,3})\s*分?)?)?"
    r"\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)?$"
)


def parse_schedule(args: Sequence[str]) -> ScheduleSpec:
    """`即时` | `每天 07:30` | `每周五 18:00` | `周五 8点半`, and the English forms."""
    text = normal(" ".join(args))
    if text in _INSTANT:
        return ScheduleSpec("instant")
    if match := re.match(rf"^(?:{_DAILY})\s*", text):
        return ScheduleSpec("daily", _time(text[match.end() :]))
    if match := re.match(rf"^(?:{_WEEKLY})\s*", text):
        return _weekly(text[match.end() :], strict=True)
    clock = _CLOCK.match(text)
    if _DAY.match(text) and not clock:
        return _weekly(text, strict=False)
    if clock and (clock["m"] or clock["dot"] or clock["ampm"]):
        return ScheduleSpec("daily", _time(text))
    raise InputError("schedule_usage")


def _weekly(rest: str, *, strict: bool) -> ScheduleSpec:
    """`五 18:00` or `fri 18:00` once the 每周/weekly is read."""
    match = _DAY.match(rest)
    if match is None:
        word = rest.split(" ", 1)[0]
        raise InputError("bad_weekday" if word and strict else "schedule_usage", value=word[:20])
    return ScheduleSpec("weekly", _time(rest[match.end() :]), _weekday(match))


def _weekday(match: re.Match[str]) -> int:
    zh = match["zh"] or match["bare"]
    if zh:
        return 6 if zh in "日天七7" else (_ZH_DAYS.index(zh) if not zh.isdigit() else int(zh) - 1)
    return next(n for n, short in enumerate(_EN_DAYS) if match["en"].startswith(short))


def _time(value: str) -> time:
    """`07:30`, `7.30`, `8点`, `8点半`, `下午6点`, `6pm`, `八点一刻`-less Chinese numerals."""
    value = value.strip()
    match = _CLOCK.match(value)
    if not value:
        raise InputError("schedule_usage")
    if match is None or not (match["m"] or match["dot"] or match["ampm"]):
        raise InputError("bad_time", value=value[:20])
    hour = _number(match["h"])
    minute = 30 if match["half"] else _number(match["m"] or match["m2"] or "0")
    evening = match["pre"] in ("下午", "傍晚", "晚上", "晚") or (match["ampm"] or "")[:1] == "p"
    if (evening or (match["pre"] == "中午" and hour < 3)) and hour < 12:
        hour += 12
    if (match["ampm"] or "")[:1] == "a" and hour == 12:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise InputError("bad_time", value=value[:20])
    return time(hour, minute)


def _number(text: str) -> int:
    """`18`, `八`, `十`, `十二`, `二十三`; anything else 99 (an invalid hour or minute)."""
    if text.isascii():
        return int(text) if text.isdigit() else 99
    if "十" not in text:
        return _ZH_NUMBER.get(text, 99) if len(text) == 1 else 99
    tens, _, ones = text.partition("十")
    value = (_ZH_NUMBER.get(tens, 99) if tens else 1) * 10
    value += _ZH_NUMBER.get(ones, 99) if ones else 0
    return value if value < 99 else 99


# -- /timezone ---------------------------------------------------------------------------------


def parse_timezone(args: Sequence[str]) -> str:
    """A city or region (`北京`, `台北`, `伦敦`), `UTC+8`, or an IANA name in any case."""
    name = " ".join(_readable(args)).strip()
    if not name:
        raise InputError("timezone_usage")
    zone = zones.resolve(name)
    if zone is None:
        raise InputError("bad_timezone", value=name[:64])
    return zone


# -- keywords, topics, /digest, /search, /doc ----------------------------------------------------


def parse_keywords(args: Sequence[str]) -> tuple[str, ...]:
    """Keywords in simplified script, deduplicated, in order; each cut to MAX_KEYWORD chars.

    Split on spaces and on ， 、 ； as well as , ;. `+词` must also appear, `!词` (or `-词`)
    excludes; the prefix is kept on the stored keyword.
    """
    seen: dict[str, None] = {}
    text = to_simplified(unicodedata.normalize("NFKC", " ".join(_readable(args))))
    for word in _SEPARATORS.split(text):
        prefix = ""
        if word[:1] in (REQUIRED, EXCLUDED, "-"):
            prefix, word = (EXCLUDED if word[0] == "-" else word[0]), word[1:].lstrip("+!-")
        if word:
            seen.setdefault(prefix + word[:MAX_KEYWORD], None)
    if len(seen) > MAX_KEYWORDS:
        raise InputError("too_many_keywords", limit=MAX_KEYWORDS)
    return tuple(seen)


def parse_topic(args: Sequence[str]) -> tuple[str | None, list[str]]:
    """A leading `#名称` names a topic: (its name, the other arguments); else (None, args)."""
    words = _readable(args)
    if not words:
        return None, words
    first = unicodedata.normalize("NFKC", words[0])
    if not first.startswith("#"):
        return None, words
    name, *rest = _SEPARATORS.split(first.lstrip("#"), maxsplit=1)
    if not name or len(name) > MAX_TOPIC or not re.search(r"\w", name):
        raise InputError("bad_topic_name", limit=MAX_TOPIC)
    return name, [*filter(None, rest), *words[1:]]


def parse_digest(args: Sequence[str]) -> DigestRequest:
    """`/digest [关键词 …] [Nd]`: keywords to match, and a window of N days (any position)."""
    words = [unicodedata.normalize("NFKC", arg) for arg in _readable(args)]
    days = [match for arg in words if (match := _DAYS.match(arg))]
    if len(days) > 1:
        raise InputError("bad_digest_args")
    if not days:
        return DigestRequest(keywords=parse_keywords(words))
    count = int(days[0][1])
    if not 1 <= count <= MAX_DAYS:
        raise InputError("bad_digest_args")
    rest = [arg for arg in words if not _DAYS.match(arg)]
    return DigestRequest(keywords=parse_keywords(rest), days=count)


def parse_query(args: Sequence[str] | str) -> tuple[str, bool]:
    """The search query and whether it was cut to MAX_QUERY; empty raises InputError."""
    query = readable(" ".join(args.split() if isinstance(args, str) else args)).strip()
    if not query:
        raise InputError("search_usage")
    return query[:MAX_QUERY], len(query) > MAX_QUERY


def parse_doc_id(args: Sequence[str]) -> int:
    """`/doc 12` (or `/doc １２`, `/doc #12`) → 12; anything else raises InputError."""
    value = unicodedata.normalize("NFKC", " ".join(args)).strip().lstrip("#№").strip()
    if not value.isascii() or not value.isdigit() or len(value) > 18:
        raise InputError("doc_usage")
    return int(value)
