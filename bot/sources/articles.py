"""The article links of a listing or sitemap: which are new, fetched politely, each once.

A source remembers the links it has handled (`SourceState.links`, bounded by what the
listing or sitemap shows now) and the ones still to fetch (`pending`: over the per-scan cap,
or a failure worth retrying). A link is handled when its page was handed on as an article,
turned out not to be one (a section page, a PDF), was refused for good (404, robots.txt),
or is stored already. So each article is fetched once, and a listing that loses its
articles for a while (an error page) loses nothing: the links come back as they were.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from bot.sources.backoff import after_success
from bot.sources.crawl import Disallowed, polite_get
from bot.sources.fetch import Fetcher, FetchError, Response
from bot.sources.model import FetchResult, Page, Problem, SourceState
from bot.sources.shape import SHORT_PROSE, measure
from digests.decode import is_html, markup

ARTICLE_CONCURRENCY = 8  # pages in flight at once; each host is still paced on its own
MAX_PENDING = 1000
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
log = logging.getLogger(__name__)

Seen = Callable[[Sequence[str]], Collection[str]]


@dataclass(frozen=True, slots=True)
class Harvest:
    """What fetching a batch of article links gave."""

    pages: tuple[Page, ...] = ()
    problems: tuple[Problem, ...] = ()
    handled: frozenset[str] = frozenset()  # done with: never fetched again from this source
    retry: tuple[str, ...] = ()  # failed in a way that may pass: fetched again next scan


def charset_of(content_type: str) -> str | None:
    """The charset a Content-Type header declares."""
    match = _CHARSET.search(content_type)
    return match[1] if match else None


def with_charset(body: bytes, content_type: str) -> bytes:
    """An HTML body whose server-declared charset leads the page, so the pipeline reads the
    charset from the headers first, then the page's own <meta>, then detection."""
    declared = charset_of(content_type)
    if not declared or not is_html(body):
        return body
    own = _META_CHARSET.search(body[:4096])
    page = own[1].decode("ascii", "replace").lower() if own is not None else None
    if page == declared.lower() or (page is None and declared.lower() in ("utf-8", "utf8")):
        return body  # nothing to add: the page says it already, or detection finds UTF-8
    return f'<meta charset="{declared}">'.encode("ascii", "replace") + body


def is_article(response: Response) -> bool:
    """A page worth digesting: HTML with running prose, or plain text; not a section page."""
    if is_html(response.body):
        text = markup(response.body, charset_of(response.content_type))
        return measure(text, response.url).prose >= SHORT_PROSE
    return response.content_type.split(";", 1)[0].strip().lower() in ("text/plain", "")


@dataclass(frozen=True, slots=True)
class _Failed:
    link: str
    reason: str
    lasting: bool  # a 404 stays a 404: not fetched again


async def _one(link: str, fetcher: Fetcher) -> Page | _Failed | str:
    """The link's Page, a failure, or the link itself when it is no article."""
    try:
        response = await polite_get(fetcher, link)
    except Disallowed:
        log.info("%s: robots.txt disallows it", link)
        return link
    except FetchError as error:
        log.warning("%s: %s", link, error.reason)
        return _Failed(link, error.reason, error.lasting)
    if not await asyncio.to_thread(is_article, response):
        log.info("%s: not an article (no running text)", link)
        return link
    return Page.of(link, with_charset(response.body, response.content_type))


async def harvest(links: Sequence[str], fetcher: Fetcher) -> Harvest:
    """Fetch `links`; results in their order, each host paced."""
    gate = asyncio.Semaphore(ARTICLE_CONCURRENCY)

    async def one(link: str) -> Page | _Failed | str:
        async with gate:
            return await _one(link, fetcher)

    outcomes = await asyncio.gather(*(one(link) for link in links))
    pages = tuple(x for x in outcomes if isinstance(x, Page))
    failed = [x for x in outcomes if isinstance(x, _Failed)]
    problems = tuple(Problem(x.link, x.reason) for x in failed)
    retry = tuple(x.link for x in failed if not x.lasting)
    handled = frozenset(links) - set(retry)
    return Harvest(pages, problems, handled, retry)


async def collect(
    state: SourceState,
    response: Response,
    links: Sequence[str],
    *,
    shape: str,
    fetcher: Fetcher,
    now: datetime,
    seen: Seen,
    first_limit: int | None = None,
) -> FetchResult:
    """Fetch the new ones of `links` (the listing's or sitemap's, newest first).

    `first_limit`: on a first visit, only that many newest links are fetched and the rest
    are taken as old (a sitemap of ten thousand articles brings its newest, not all).
    """
    current = list(dict.fromkeys(links))
    known = set(state.links)
    unknown = [link for link in current if link not in known]
    stored = set(await asyncio.to_thread(seen, unknown)) if unknown else set()
    fresh = [link for link in unknown if link not in stored]
    old: list[str] = []
    if first_limit is not None and state.shape != shape:
        fresh, old = fresh[:first_limit], fresh[first_limit:]
    queue = list(dict.fromkeys([*state.pending, *fresh]))
    cap = fetcher.config.max_entries
    got = await harvest(queue[:cap], fetcher)
    handled = known | stored | got.handled | set(old)
    return FetchResult(
        got.pages,
        got.problems,
        replace(
            succeeded(state, now, response),
            shape=shape,
            links=tuple(link for link in current if link in handled),
            pending=tuple(dict.fromkeys([*got.retry, *queue[cap:]]))[:MAX_PENDING],
        ),
    )


def succeeded(state: SourceState, now: datetime, response: Response) -> SourceState:
    """Success: keep the old validators when a 304 does not repeat them."""
    return after_success(
        state,
        now,
        etag=response.etag or state.etag,
        last_modified=response.last_modified or state.last_modified,
    )


__all__ = ["Harvest", "charset_of", "collect", "harvest", "is_article", "succeeded", "with_charset"]
