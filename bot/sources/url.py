"""URL sources: a conditional GET under backoff; a feed fans out to its entries' pages."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime

from bot.sources.backoff import after_failure, after_success, is_due
from bot.sources.feeds import InvalidFeed, entry_links, is_feed
from bot.sources.fetch import Fetcher, FetchError, Response
from bot.sources.model import FetchResult, Page, Problem, SourceState

ENTRY_CONCURRENCY = 4  # polite to one site, yet a 50-entry feed is not fetched one by one
log = logging.getLogger(__name__)


async def fetch_url(
    location: str,
    state: SourceState,
    *,
    fetcher: Fetcher,
    now: datetime,
    seen: Callable[[str], bool],
) -> FetchResult:
    """Fetch a page or a feed unless backoff says not yet; failures push the next attempt back."""
    if not is_due(state, now):
        return FetchResult((), (), state, skipped=True)
    try:
        response = await fetcher.get(location, etag=state.etag, last_modified=state.last_modified)
        if response.not_modified:
            return FetchResult((), (), _succeeded(state, now, response))
        if is_feed(response.content_type, response.body):
            return await _fetch_feed(location, state, response, fetcher=fetcher, now=now, seen=seen)
    except (FetchError, InvalidFeed) as error:
        reason = error.reason if isinstance(error, FetchError) else str(error)
        log.warning("%s: %s", location, reason)
        return FetchResult((), (Problem(location, reason),), after_failure(state, now, reason))
    return FetchResult((Page.of(location, response.body),), (), _succeeded(state, now, response))


async def _fetch_feed(
    location: str,
    state: SourceState,
    response: Response,
    *,
    fetcher: Fetcher,
    now: datetime,
    seen: Callable[[str], bool],
) -> FetchResult:
    """One Page per new entry; a failing entry is a Problem of its own."""
    links = [
        link
        for link in entry_links(response.body, response.url, response.content_type)
        if not seen(link)
    ]
    outcomes = await _fetch_entries(links[: fetcher.config.max_entries], fetcher)
    pages = tuple(x for x in outcomes if isinstance(x, Page))
    problems = tuple(x for x in outcomes if isinstance(x, Problem))
    done = _succeeded(state, now, response)
    if problems:
        # Forget the validators so the next scan gets the feed again and retries those entries
        # instead of hearing "304 Not Modified".
        done = after_success(state, now, etag=None, last_modified=None)
    return FetchResult(pages, problems, done)


async def _fetch_entries(links: list[str], fetcher: Fetcher) -> list[Page | Problem]:
    """Fetch entry pages a few at a time; results in feed order."""
    gate = asyncio.Semaphore(ENTRY_CONCURRENCY)

    async def one(link: str) -> Page | Problem:
        async with gate:
            try:
                return Page.of(link, (await fetcher.get(link)).body)
            except FetchError as error:
                log.warning("%s: %s", link, error.reason)
                return Problem(link, error.reason)

    return list(await asyncio.gather(*(one(link) for link in links)))


def _succeeded(state: SourceState, now: datetime, response: Response) -> SourceState:
    """Success: keep the old validators when a 304 does not repeat them."""
    return after_success(
        state,
        now,
        etag=response.etag or state.etag,
        last_modified=response.last_modified or state.last_modified,
    )
