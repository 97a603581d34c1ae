"""Fetching only, no database: folders, web pages and RSS/Atom feeds become Pages."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Literal

from bot.sources.fetch import FetchConfig, Fetcher, FetchError, Response
from bot.sources.folder import fetch_folder
from bot.sources.model import FetchResult, Page, Problem, SourceState
from bot.sources.url import fetch_url

__all__ = [
    "FetchConfig",
    "FetchError",
    "FetchResult",
    "Fetcher",
    "Page",
    "Problem",
    "Response",
    "SourceState",
    "fetch_source",
    "source_kind",
]

# Any "scheme://" makes a URL, so file:// and ftp:// reach the URL guard and are refused there.
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def source_kind(location: str) -> Literal["folder", "url"]:
    """'url' for anything with a scheme, else 'folder'."""
    return "url" if _URL.match(location.strip()) else "folder"


async def fetch_source(
    location: str,
    state: SourceState,
    *,
    fetcher: Fetcher,
    now: datetime,
    seen: Callable[[str], bool],
) -> FetchResult:
    """Fetch one source; problems are reported in the result, never raised."""
    if source_kind(location) == "folder":
        return await fetch_folder(location, state, max_bytes=fetcher.config.max_bytes, now=now)
    return await fetch_url(location.strip(), state, fetcher=fetcher, now=now, seen=seen)
