"""Politeness over loopback: robots.txt read once and obeyed, a request a second per host,
hosts in parallel."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from itertools import pairwise

import pytest

from bot.settings import Settings
from bot.sources import FetchConfig, Fetcher, fetch_config
from bot.sources.crawl import Disallowed, polite_get
from tests.sites.pages import SIMPLIFIED, Site
from tests.sites.server import Served, serve

INTERVAL = 0.3


def fetcher(**fields: object) -> Fetcher:
    base = FetchConfig(host_interval=INTERVAL, **fields)  # type: ignore[arg-type]
    return Fetcher(fetch_config(Settings(allow_private=("127.0.0.0/8",)), base))


@pytest.fixture
def served() -> Iterator[Served]:
    with serve(Site(SIMPLIFIED)) as running:
        yield running


def gaps(served: Served) -> list[float]:
    times = [at for at, _, _ in served.requests]
    return [b - a for a, b in pairwise(times)]


async def test_one_host_is_asked_once_per_interval(served: Served) -> None:
    paths = [served.site.article_path(a) for a in served.site.published[:4]]
    async with fetcher() as polite:
        await asyncio.gather(*(polite_get(polite, served.site.url(p)) for p in paths))
    assert served.paths()[0] == "/robots.txt"  # first, and once
    assert sorted(served.paths()[1:]) == sorted(paths)
    assert all(gap >= INTERVAL * 0.9 for gap in gaps(served))


async def test_hosts_are_asked_in_parallel() -> None:
    with serve(Site(SIMPLIFIED), "127.0.0.1") as one, serve(Site(SIMPLIFIED), "127.0.0.2") as two:
        links = [
            s.site.url(s.site.article_path(a)) for s in (one, two) for a in s.site.published[:3]
        ]
        async with fetcher() as polite:
            started = time.monotonic()
            await asyncio.gather(*(polite_get(polite, link) for link in links))
            took = time.monotonic() - started
    # each host: robots.txt and three pages, three intervals apart; both hosts at once
    assert 3 * INTERVAL * 0.9 <= took < 5 * INTERVAL


async def test_a_disallowed_path_is_never_requested(served: Served) -> None:
    async with fetcher() as polite:
        with pytest.raises(Disallowed):
            await polite_get(polite, served.site.url("/xwzx/internal/t20240101_9999.html"))
    assert served.paths() == ["/robots.txt"]


async def test_robots_txt_off_is_never_read(served: Served) -> None:
    async with fetcher(obey_robots=False) as rude:
        await polite_get(rude, served.site.url("/xwzx/internal/t20240101_9999.html"))
    assert served.paths() == ["/xwzx/internal/t20240101_9999.html"]
