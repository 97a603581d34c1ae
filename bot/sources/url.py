"""URL sources: a conditional GET under backoff, then by what the page is: a feed or a
sitemap fans out to its entries, a listing to its new articles, an article is one page."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from datetime import datetime

from bot.sources.articles import Seen, collect, with_charset
from bot.sources.articles import succeeded as _succeeded
from bot.sources.backoff import after_failure, after_success, is_due
from bot.sources.crawl import polite_get
from bot.sources.feeds import InvalidFeed, entry_links, is_feed
from bot.sources.fetch import Fetcher, FetchError, Response
from bot.sources.listing import fetch_listing, shape_of
from bot.sources.model import FetchResult, Page, Problem, SourceState
from bot.sources.sitemap import fetch_sitemap, is_robots, is_sitemap
from digests.decode import is_html

ENTRY_CONCURRENCY = 4  # polite to one site, yet a 50-entry feed is not fetched one by one
NO_ARTICLES = "the listing shows no articles"  # a listing turned into an error page
log = logging.getLogger(__name__)


async def fetch_url(
    location: str,
    state: SourceState,
    *,
    fetcher: Fetcher,
    now: datetime,
    seen: Seen,
) -> FetchResult:
    """Fetch a page or a feed unless backoff says not yet; failures push the next attempt back."""
    if not is_due(state, now):
        return FetchResult((), (), state, skipped=True)
    try:
        response = await polite_get(
            fetcher, location, etag=state.etag, last_modified=state.last_modified
        )
        return await _by_shape(location, state, response, fetcher=fetcher, now=now, seen=seen)
    except (FetchError, InvalidFeed) as error:
        return _failed(
            location, state, now, error.reason if isinstance(error, FetchError) else str(error)
        )


def _failed(location: str, state: SourceState, now: datetime, reason: str) -> FetchResult:
    """The source failed: backoff; its links, pending articles and validators are kept."""
    log.warning("%s: %s", location, reason)
    return FetchResult((), (Problem(location, reason),), after_failure(state, now, reason))


async def _by_shape(
    location: str,
    state: SourceState,
    response: Response,
    *,
    fetcher: Fetcher,
    now: datetime,
    seen: Seen,
) -> FetchResult:
    """Hand the response to the reader of its kind."""
    if response.not_modified:  # nothing new listed; articles left over from before still come
        if state.pending and state.shape in ("listing", "sitemap"):
            return await collect(
                state, response, state.links, shape=state.shape, fetcher=fetcher, now=now, seen=seen
            )
        return FetchResult((), (), _succeeded(state, now, response))
    if is_robots(location) or is_sitemap(response.body):
        return await fetch_sitemap(state, response, fetcher=fetcher, now=now, seen=seen)
    if is_feed(response.content_type, response.body):
        return await _fetch_feed(location, state, response, fetcher=fetcher, now=now, seen=seen)
    if is_html(response.body) and state.shape != "article":
        shape = await shape_of(response)
        if shape.kind == "listing":
            return await fetch_listing(state, response, shape, fetcher=fetcher, now=now, seen=seen)
        if state.shape == "listing":  # an error page in its place: try again later
            return _failed(location, state, now, NO_ARTICLES)
        kind = "article" if shape.kind == "article" else "page"
    else:
        kind = state.shape or "article"
    page = Page.of(location, with_charset(response.body, response.content_type))
    return FetchResult((page,), (), replace(_succeeded(state, now, response), shape=kind))


async def _fetch_feed(
    location: str,
    state: SourceState,
    response: Response,
    *,
    fetcher: Fetcher,
    now: datetime,
    seen: Seen,
) -> FetchResult:
    """One Page per new entry; a failing entry is a Problem of its own."""
    links = await asyncio.to_thread(entry_links, response.body, response.url, response.content_type)
    known = await asyncio.to_thread(seen, links)
    links = [link for link in links if link not in known]
    outcomes = await _fetch_entries(links[: fetcher.config.max_entries], fetcher)
    pages = tuple(x for x in outcomes if isinstance(x, Page))
    problems = tuple(x for x in outcomes if isinstance(x, Problem))
    done = _succeeded(state, now, response)
    if problems:
        # Forget the validators so the next scan gets the feed again and retries those entries
        # instead of hearing "304 Not Modified".
        done = after_success(state, now, etag=None, last_modified=None)
    return FetchResult(pages, problems, replace(done, shape="feed"))


async def _fetch_entries(links: list[str], fetcher: Fetcher) -> list[Page | Problem]:
    """Fetch entry pages a few at a time; results in feed order."""
    gate = asyncio.Semaphore(ENTRY_CONCURRENCY)

    async def one(link: str) -> Page | Problem:
        async with gate:
            try:
                response = await polite_get(fetcher, link)
                return Page.of(link, with_charset(response.body, response.content_type))
            except FetchError as error:
                log.warning("%s: %s", link, error.reason)
                return Problem(link, error.reason)

    return list(await asyncio.gather(*(one(link) for link in links)))
