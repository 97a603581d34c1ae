"""Listing sources: a section's list page (`…/xwzx/index.html`) and, on the first visit, its
next pages, read for their article links. The list page itself is never a document."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime

from bot.sources.articles import Seen, charset_of, collect
from bot.sources.crawl import polite_get
from bot.sources.fetch import Fetcher, FetchError, Response
from bot.sources.model import FetchResult, SourceState
from bot.sources.shape import Shape, measure
from digests.decode import markup

log = logging.getLogger(__name__)


async def shape_of(response: Response, prefer: str | None = None) -> Shape:
    """The measured shape of a fetched HTML page (off the event loop: pages can be big)."""
    return await asyncio.to_thread(_measured, response, prefer)


def _measured(response: Response, prefer: str | None) -> Shape:
    """Decode (charset detection can take a while too) and measure."""
    text = markup(response.body, charset_of(response.content_type))
    return measure(text, response.url, prefer=prefer)


def first_visit(state: SourceState) -> bool:
    """Never read as a listing before: its next pages are read too (the backfill)."""
    return state.shape != "listing" or state.last_success_at is None


async def backfill(first: Shape, fetcher: Fetcher) -> list[str]:
    """The article links of the pages after the first, up to LISTING_BACKFILL_PAGES in all."""
    links: list[str] = []
    shape, visited = first, {first.next_page}
    for _ in range(fetcher.config.backfill_pages - 1):
        if shape.next_page is None:
            break
        try:
            response = await polite_get(fetcher, shape.next_page)
        except FetchError as error:  # page one's links still count; the rest is lost to us
            log.warning("%s: %s", shape.next_page, error.reason)
            break
        shape = await shape_of(response, prefer=first.group)
        links += shape.links
        if shape.next_page in visited:
            break
        visited.add(shape.next_page)
    return links


async def fetch_listing(
    state: SourceState,
    response: Response,
    shape: Shape,
    *,
    fetcher: Fetcher,
    now: datetime,
    seen: Seen,
) -> FetchResult:
    """The listing's new articles: page one's, and on the first visit the next pages' too."""
    links = list(shape.links)
    if first_visit(state):
        links += await backfill(shape, fetcher)
    return await collect(
        state, response, links, shape="listing", fetcher=fetcher, now=now, seen=seen
    )


__all__ = ["backfill", "fetch_listing", "first_visit", "shape_of"]
