"""Sitemap sources: a `sitemap.xml`, a sitemap index, or a `robots.txt` whose `Sitemap:`
lines name them. Parsed by ultimate-sitemap-parser (from the bytes we fetched: it never
fetches anything itself); the article URLs go newest `<lastmod>` first."""

from __future__ import annotations

import asyncio
import logging
import re
import zlib
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from urllib.parse import urlsplit

from usp.objects.sitemap import AbstractIndexSitemap
from usp.tree import sitemap_from_str

from bot.sources.articles import Seen, collect
from bot.sources.crawl import polite_get
from bot.sources.fetch import Fetcher, FetchError, Response
from bot.sources.model import FetchResult, SourceState
from bot.sources.polite import parse_rules
from bot.sources.sameness import same_site

MAX_SITEMAPS = 20  # sitemaps of an index read per scan
MAX_URLS = 2000  # newest article URLs of a sitemap considered (and remembered)
_SNIFF = re.compile(rb"<(?:[\w-]+:)?(urlset|sitemapindex)[\s>]", re.I)
_GZIP = b"\x1f\x8b"
log = logging.getLogger(__name__)
_OLDEST = datetime.min.replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Entries:
    """What one sitemap file lists: pages (URL, lastmod) and further sitemaps."""

    pages: tuple[tuple[str, datetime | None], ...] = ()
    sitemaps: tuple[str, ...] = ()


def is_sitemap(body: bytes) -> bool:
    """A `<urlset>` or `<sitemapindex>` in the first bytes (gzip is opened first)."""
    return _SNIFF.search(_gunzip(body[:65536], 4096)[:2048]) is not None


def is_robots(url: str) -> bool:
    return urlsplit(url).path == "/robots.txt"


def _gunzip(body: bytes, limit: int) -> bytes:
    """A gzipped sitemap opened up to `limit` bytes (the size cap holds inside the gzip too)."""
    if not body.startswith(_GZIP):
        return body
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(body, limit)
    except zlib.error:
        return b""


def read_entries(body: bytes, limit: int) -> Entries:
    """Parse one sitemap file's bytes."""
    parsed = sitemap_from_str(_gunzip(body, limit).decode("utf-8", "replace"))
    pages = tuple((page.url, _aware(page.last_modified)) for page in parsed.all_pages())
    subs = parsed.sub_sitemaps if isinstance(parsed, AbstractIndexSitemap) else []
    return Entries(pages, tuple(sub.url for sub in subs))


def _aware(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def newest_first(pages: list[tuple[str, datetime | None]], site: str) -> list[str]:
    """Same-site URLs by lastmod, newest first; undated ones after, in file order."""
    dated = sorted(
        (p for p in pages if same_site(p[0], site)), key=lambda p: p[1] or _OLDEST, reverse=True
    )
    return list(dict.fromkeys(url for url, _ in dated))[:MAX_URLS]


def first_entries(response: Response, limit: int) -> Entries:
    """The entries of a fetched sitemap, or the sitemaps a robots.txt names."""
    if is_robots(response.url):
        rules = parse_rules(response.body.decode("utf-8", "replace"), ttl=0)
        return Entries((), tuple(rules.sitemaps()))
    return read_entries(response.body, limit)


async def read_all(first: Entries, fetcher: Fetcher) -> list[tuple[str, datetime | None]]:
    """The pages of `first` and of the sitemaps it names (indexes of indexes too)."""
    pages, queue, read = list(first.pages), list(first.sitemaps), set[str]()
    limit = fetcher.config.max_bytes
    while queue and len(read) < MAX_SITEMAPS:
        address = queue.pop(0)
        if address in read:
            continue
        read.add(address)
        try:
            response = await polite_get(fetcher, address)
        except FetchError as error:
            log.warning("%s: %s", address, error.reason)
            continue
        entries = await asyncio.to_thread(read_entries, response.body, limit)
        pages += entries.pages
        queue += entries.sitemaps
    return pages


async def fetch_sitemap(
    state: SourceState,
    response: Response,
    *,
    fetcher: Fetcher,
    now: datetime,
    seen: Seen,
) -> FetchResult:
    """The sitemap's new articles, newest first; a first visit takes only the newest."""
    first = await asyncio.to_thread(first_entries, response, fetcher.config.max_bytes)
    links = newest_first(await read_all(first, fetcher), response.url)
    result = await collect(
        state,
        response,
        links,
        shape="sitemap",
        fetcher=fetcher,
        now=now,
        seen=seen,
        first_limit=fetcher.config.max_entries,
    )
    if first.sitemaps:
        # An index (or robots.txt) can stay the same while the sitemaps it names change:
        # it is read whole each time, never answered "304 Not Modified".
        return replace(result, state=replace(result.state, etag=None, last_modified=None))
    return result


__all__ = [
    "Entries",
    "fetch_sitemap",
    "first_entries",
    "is_robots",
    "is_sitemap",
    "newest_first",
    "read_all",
    "read_entries",
]
