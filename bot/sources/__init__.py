"""Fetching only, no database: folders, web pages and RSS/Atom feeds become Pages."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from bot.sources.fetch import FetchConfig, Fetcher, FetchError, Response
from bot.sources.folder import fetch_folder
from bot.sources.model import FetchResult, Page, Problem, SourceState
from bot.sources.url import fetch_url
from bot.sources.urlguard import Allowance

if TYPE_CHECKING:
    from bot.settings import Settings

__all__ = [
    "FetchConfig",
    "FetchError",
    "FetchResult",
    "Fetcher",
    "Page",
    "Problem",
    "Response",
    "SourceState",
    "fetch_config",
    "fetch_source",
    "source_kind",
]

# Any "scheme://" makes a URL, so file:// and ftp:// reach the URL guard and are refused there.
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def source_kind(location: str) -> Literal["folder", "url"]:
    """'url' for anything with a scheme, else 'folder'."""
    return "url" if _URL.match(location.strip()) else "folder"


def fetch_config(settings: Settings, base: FetchConfig | None = None) -> FetchConfig:
    """`base` with what the settings say: SOURCES_ALLOW_PRIVATE, LISTING_BACKFILL_PAGES."""
    return replace(
        base or FetchConfig(),
        allowance=Allowance.parse(settings.allow_private),
        backfill_pages=settings.listing_backfill_pages,
    )


async def fetch_source(
    location: str,
    state: SourceState,
    *,
    fetcher: Fetcher,
    now: datetime,
    seen: Callable[[Sequence[str]], Collection[str]],
) -> FetchResult:
    """Fetch one source; problems are reported in the result, never raised.

    `seen(links)` says which of a feed's, listing's or sitemap's article links are stored
    already (blocking: it is called off the event loop, once per source).
    """
    if source_kind(location) == "folder":
        return await fetch_folder(location, state, max_bytes=fetcher.config.max_bytes, now=now)
    return await fetch_url(location.strip(), state, fetcher=fetcher, now=now, seen=seen)
