"""Command arguments → typed values. Pure: an InputError raised here is answered by its text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import time
from typing import Literal

from bot.settings import SettingsError, is_timezone, parse_hhmm
from digests.script import to_simplified

MAX_QUERY = 200  # characters searched; longer queries are cut, not refused
MAX_KEYWORDS = 20  # per subscription
MAX_KEYWORD = 30  # characters per keyword
MAX_DAYS = 366
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_FULL_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAYS = re.compile(r"^(\d{1,4})\s*(d|天|日)$", re.IGNORECASE)


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


def parse_schedule(args: Sequence[str]) -> ScheduleSpec:
    """`instant` | `daily HH:MM` | `weekly mon..sun HH:MM` (case-insensitive)."""
    words = [a.lower() for a in args]
    match words:
        case ["instant"]:
            return ScheduleSpec("instant")
        case ["daily", hhmm]:
            return ScheduleSpec("daily", _time(hhmm))
        case ["weekly", day, hhmm]:
            return ScheduleSpec("weekly", _time(hhmm), _weekday(day))
    raise InputError("schedule_usage")


def _time(value: str) -> time:
    try:
        return parse_hhmm(value)
    except SettingsError:
        raise InputError("bad_time", value=value[:20]) from None


def _weekday(value: str) -> int:
    for number, (short, full) in enumerate(zip(WEEKDAYS, _FULL_DAYS, strict=True)):
        if value in (short, full):
            return number
    raise InputError("bad_weekday", value=value[:20])


def parse_timezone(args: Sequence[str]) -> str:
    """One IANA time zone name, checked against the zone database."""
    if len(args) != 1:
        raise InputError("timezone_usage")
    name = args[0]
    if not re.fullmatch(r"[A-Za-z0-9_+\-]+(/[A-Za-z0-9_+\-]+)*", name) or len(name) > 64:
        raise InputError("bad_timezone", value=name[:64])
    if not is_timezone(name):  # 'America' is a folder of zones, not one
        raise InputError("bad_timezone", value=name)
    return name


def parse_keywords(args: Sequence[str]) -> tuple[str, ...]:
    """Keywords in simplified script, deduplicated, in order; each cut to MAX_KEYWORD chars."""
    seen: dict[str, None] = {}
    for word in " ".join(args).replace(",", " ").replace(",", " ").split():
        seen.setdefault(to_simplified(word[:MAX_KEYWORD]), None)
    if len(seen) > MAX_KEYWORDS:
        raise InputError("too_many_keywords", limit=MAX_KEYWORDS)
    return tuple(seen)


def parse_digest(args: Sequence[str]) -> DigestRequest:
    """`/digest [关键词 …] [Nd]`: keywords to match, and a window of N days (any position)."""
    days = [match for arg in args if (match := _DAYS.match(arg))]
    if len(days) > 1:
        raise InputError("bad_digest_args")
    if not days:
        return DigestRequest(keywords=parse_keywords(args))
    count = int(days[0][1])
    if not 1 <= count <= MAX_DAYS:
        raise InputError("bad_digest_args")
    rest = [arg for arg in args if not _DAYS.match(arg)]
    return DigestRequest(keywords=parse_keywords(rest), days=count)


def parse_query(args: Sequence[str] | str) -> tuple[str, bool]:
    """The search query and whether it was cut to MAX_QUERY; empty raises InputError."""
    query = " ".join(args.split() if isinstance(args, str) else args).strip()
    if not query:
        raise InputError("search_usage")
    return query[:MAX_QUERY], len(query) > MAX_QUERY


def parse_doc_id(args: Sequence[str]) -> int:
    """`/doc 12` → 12; anything else raises InputError."""
    if len(args) != 1 or not args[0].isascii() or not args[0].isdigit() or len(args[0]) > 18:
        raise InputError("doc_usage")
    return int(args[0])
