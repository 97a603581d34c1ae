"""The store's values: what its methods return and take, frozen so threads can share them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from typing import Literal

from bot.sources.model import SourceState
from digests.model import Document

Schedule = Literal["instant", "daily", "weekly"]


@dataclass(frozen=True, slots=True)
class Rejection:
    """A page that could not be digested (it cleaned to nothing, say) and why."""

    location: str
    reason: str
    at: datetime  # UTC


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One configured source and what the store remembers about it."""

    id: int
    location: str
    kind: str  # "folder" | "url"
    state: SourceState
    documents: int
    rejected: tuple[Rejection, ...] = ()  # its pages that cleaned to nothing, newest first


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A document as stored: the digest plus the store's bookkeeping."""

    id: int
    document: Document
    source: str  # the location of the source it came from
    first_seen: datetime  # UTC
    raw_hash: str = ""
    duplicate_of: int | None = None  # id of the document this one repeats


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result; `marks` are (start, end) offsets of the matches in `snippet`."""

    id: int
    title: str
    date: str | None
    source: str | None
    location: str
    snippet: str
    marks: tuple[tuple[int, int], ...]
    score: float


@dataclass(frozen=True, slots=True)
class SearchPage:
    """A page of results, best first, and how many documents match (or at least match)."""

    total: int
    hits: list[SearchHit]
    total_is_lower_bound: bool = False  # more match than were counted: show "1000+"


@dataclass(frozen=True, slots=True, kw_only=True)
class Subscription:
    """What a chat asked for as a whole; its topics say which news and when."""

    chat_id: int
    timezone: str = "Asia/Shanghai"
    paused: bool = False  # every topic of the chat paused at once
    script: str = "original"  # original|simplified|traditional display
    thread_id: int | None = None  # forum topic to post into
    active: bool = True  # False after 403 / chat not found / unsubscribe
    language: str = "zh"


@dataclass(frozen=True, slots=True, kw_only=True)
class Topic:
    """One named set of keywords with its own schedule; `name` "" is the chat's main topic.

    Every subscribed chat has a main topic (what /subscribe without `#名称` changes) and
    may have named ones. A document is sent to a chat once, under the first topic due.
    """

    chat_id: int
    id: int = 0  # 0 until stored
    name: str = ""
    keywords: tuple[str, ...] = ()  # simplified, with `+`/`!` rule prefixes; () = all news
    schedule: Schedule = "daily"
    at: time = time(8, 0)  # local time for daily/weekly
    weekday: int | None = None  # 0=mon..6=sun for weekly
    paused: bool = False
    last_digest_at: datetime | None = None  # UTC; for "missed while down -> send once"

    @property
    def is_main(self) -> bool:
        return not self.name


__all__ = [
    "Rejection",
    "SearchHit",
    "SearchPage",
    "SourceRow",
    "StoredDocument",
    "Subscription",
    "Topic",
]
