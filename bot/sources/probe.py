"""What an address is, found by fetching it once: what /addsource answers before it adds one.

Nothing is digested or stored here; the articles come with the next scan.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from bot.sources.crawl import polite_get, robots
from bot.sources.feeds import InvalidFeed, entry_links, is_feed
from bot.sources.fetch import Fetcher, FetchError, Response
from bot.sources.listing import shape_of
from bot.sources.sitemap import first_entries, is_robots, is_sitemap, newest_first, read_all
from digests.decode import is_html

NEITHER = "the page is neither an article nor a list of articles"


@dataclass(frozen=True, slots=True)
class Found:
    """The shape of a source (None: refused, `reason` says why) and how many articles."""

    shape: str | None
    count: int = 0
    reason: str | None = None


async def probe(location: str, fetcher: Fetcher) -> Found:
    """Fetch `location` and say what it is; never raises for the site's failures."""
    try:
        response = await polite_get(fetcher, location)
        return await _found(response, fetcher)
    except FetchError as error:
        return Found(None, reason=error.reason)
    except InvalidFeed as error:
        return Found(None, reason=str(error))


async def _found(response: Response, fetcher: Fetcher) -> Found:
    if is_robots(response.url) or is_sitemap(response.body):
        return Found("sitemap", await _sitemap_count(response, fetcher))
    if is_feed(response.content_type, response.body):
        links = await asyncio.to_thread(
            entry_links, response.body, response.url, response.content_type
        )
        return Found("feed", len(links))
    if is_html(response.body):
        shape = await shape_of(response)
        if shape.kind == "listing":
            return Found("listing", len(await _allowed(shape.links, fetcher)))
        return Found("article", 1) if shape.kind == "article" else Found(None, reason=NEITHER)
    media = response.content_type.split(";", 1)[0].strip().lower()
    if media in ("text/plain", ""):
        return Found("article", 1)
    return Found(None, reason=f"not a web page ({media})")


async def _allowed(links: tuple[str, ...], fetcher: Fetcher) -> list[str]:
    """The links robots.txt lets us fetch: the articles a scan will bring."""
    if not fetcher.config.obey_robots:
        return list(links)
    return [link for link in links if (await robots(fetcher, link)).allows(link)]


async def _sitemap_count(response: Response, fetcher: Fetcher) -> int:
    first = await asyncio.to_thread(first_entries, response, fetcher.config.max_bytes)
    return len(newest_first(await read_all(first, fetcher), response.url))


__all__ = ["NEITHER", "Found", "probe"]
