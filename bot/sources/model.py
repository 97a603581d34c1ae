"""The values that fetching hands to ingest: pages, problems and per-source state."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Page:
    """One file or web page to digest."""

    location: str  # absolute file path, or the page URL
    data: bytes
    raw_hash: str  # sha256 hex of data: a folder file "changed" when this differs

    @classmethod
    def of(cls, location: str, data: bytes) -> Page:
        """A page with its hash computed from `data`."""
        return cls(location, data, hashlib.sha256(data).hexdigest())


@dataclass(frozen=True, slots=True)
class Problem:
    """A file or URL that failed; logged and counted, the scan goes on."""

    location: str
    reason: str  # short and human-readable: "HTTP 404", "timed out", "over the 10 MB cap"


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceState:
    """What the store keeps per source between scans."""

    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0  # consecutive
    next_attempt_at: datetime | None = None  # UTC; see backoff.py
    last_error: str | None = None
    last_success_at: datetime | None = None
    shape: str | None = None  # what the address turned out to be: see SHAPES
    links: tuple[str, ...] = ()  # a listing's or sitemap's article links already handled
    pending: tuple[str, ...] = ()  # article links found but not fetched yet (cap, failure)


# What a URL source is, found by fetching it (the chat names each in the reader's language).
SHAPES = ("feed", "listing", "sitemap", "article", "page", "folder")


@dataclass(frozen=True, slots=True)
class FetchResult:
    """The outcome of fetching one source."""

    pages: tuple[Page, ...]
    problems: tuple[Problem, ...]
    state: SourceState  # the new state to persist
    skipped: bool = False  # True when backoff said "not yet"; nothing was fetched


def cap_text(max_bytes: int) -> str:
    """'10 MB' for a cap of 10 MiB, '512 bytes' for small (test) caps."""
    if max_bytes >= 2**20:
        return f"{max_bytes / 2**20:g} MB"
    return f"{max_bytes} bytes"
