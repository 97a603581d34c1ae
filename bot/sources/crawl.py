"""The polite GET every web source goes through: robots.txt first, then the host's turn.

robots.txt is read once per host and hour (RFC 9309): a 4xx answer allows everything, a
server error disallows everything for a few minutes, a body is obeyed, Crawl-delay
included. A host that cannot be reached (or may not be: a private address) fails the
request with that reason. Requests to one host are spaced by FetchConfig.host_interval.
"""

from __future__ import annotations

import logging
import time
from urllib.parse import urlsplit

from bot.sources.fetch import Fetcher, FetchError, Response
from bot.sources.polite import Rules, parse_rules

UNREACHABLE_TTL = 300.0  # seconds a host whose robots.txt failed stays off limits
log = logging.getLogger(__name__)


class Disallowed(FetchError):
    """robots.txt forbids the URL: not a failure of the site, and never retried."""

    def __init__(self) -> None:
        super().__init__("robots.txt disallows it", None)

    @property
    def lasting(self) -> bool:
        return True


def host_of(url: str) -> str:
    """The host (and port) requests are paced and robots.txt is kept for."""
    return urlsplit(url).netloc.lower()


async def polite_get(
    fetcher: Fetcher, url: str, *, etag: str | None = None, last_modified: str | None = None
) -> Response:
    """GET `url` if robots.txt allows it, in the host's turn; raises FetchError or Disallowed."""
    if fetcher.config.obey_robots and not (await robots(fetcher, url)).allows(url):
        raise Disallowed()
    async with fetcher.courtesy.turn(host_of(url)):
        return await fetcher.get(url, etag=etag, last_modified=last_modified)


async def robots(fetcher: Fetcher, url: str) -> Rules:
    """The rules of `url`'s host, read when they are not known or have gone stale."""
    host = host_of(url)
    async with fetcher.courtesy.reading(host):
        rules = fetcher.courtesy.rules(host)
        if rules is None:
            rules = await _read(fetcher, url)
            fetcher.courtesy.remember(host, rules)
        return rules


async def _read(fetcher: Fetcher, url: str) -> Rules:
    parts = urlsplit(url)
    address = f"{parts.scheme}://{parts.netloc}/robots.txt"
    ttl = fetcher.config.robots_ttl
    try:
        async with fetcher.courtesy.turn(host_of(url)):
            response = await fetcher.get(address)
    except FetchError as error:
        if error.status is None:  # refused or unreachable: that is the source's problem
            raise
        if error.lasting:  # 404 and the like: no rules at all
            return Rules(None, time.monotonic(), ttl)
        log.warning("%s: %s; nothing fetched from the host for now", address, error.reason)
        return Rules(None, time.monotonic(), min(ttl, UNREACHABLE_TTL), disallow_all=True)
    return parse_rules(response.body.decode("utf-8", "replace"), ttl=ttl)


__all__ = ["Disallowed", "host_of", "polite_get", "robots"]
