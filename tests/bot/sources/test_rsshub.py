"""A feed as RSSHub writes it (`/gov/cn/news/gwyzzjg`, the State Council's executive
meetings), from a fixture of ours, followed like any feed: each entry's page, once."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from pathlib import Path

import pytest

from bot.ingest import scan
from bot.settings import Settings
from bot.sources import FetchConfig, Fetcher, fetch_config
from bot.store import Store, open_store
from tests.bot.sources.conftest import NOW
from tests.sites.content import Article
from tests.sites.pages import SIMPLIFIED, Site
from tests.sites.server import Served, serve

ROUTE = "/gov/cn/news/gwyzzjg"


def rsshub(site: Site, articles: list[Article]) -> str:
    """RSSHub's RSS 2.0: CDATA titles, the article's HTML as description, guid = link."""

    def html(a: Article) -> str:
        return "".join(f"<p>{escape(p)}</p>" for p in a.paragraphs)

    items = "".join(
        "<item>"
        f"<title><![CDATA[{a.title}]]></title>"
        f"<description><![CDATA[{html(a)}]]></description>"
        f"<pubDate>{format_datetime(datetime.fromisoformat(a.date).replace(tzinfo=UTC))}</pubDate>"
        f'<guid isPermaLink="false">{site.url(site.article_path(a))}</guid>'
        f"<link>{site.url(site.article_path(a))}</link>"
        "</item>"
        for a in articles
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<rss xmlns:atom="http://www.w3.org/2005/Atom" version="2.0"><channel>'
        "<title><![CDATA[国务院常务会议 - 中国政府网]]></title>"
        f"<link>{site.listing_url}</link>"
        f'<atom:link href="{site.url(ROUTE)}" rel="self" type="application/rss+xml"/>'
        "<description><![CDATA[国务院常务会议 - Powered by RSSHub]]></description>"
        "<generator>RSSHub</generator><webMaster>contact@rsshub.app (RSSHub)</webMaster>"
        "<language>zh-cn</language><ttl>5</ttl>"
        f"{items}</channel></rss>"
    )


@pytest.fixture
def served() -> Iterator[Served]:
    site = Site(SIMPLIFIED)
    with serve(site) as running:
        site.extra[ROUTE] = (rsshub(site, site.newest()[:8]), "application/rss+xml")
        yield running


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'bot.db'}")
    yield opened
    opened.close()


@pytest.fixture
async def fetcher() -> AsyncIterator[Fetcher]:
    settings = Settings(allow_private=("127.0.0.1",))
    async with Fetcher(fetch_config(settings, FetchConfig(host_interval=0.0))) as opened:
        yield opened


async def test_an_rsshub_route_is_followed_like_a_feed(
    served: Served, store: Store, fetcher: Fetcher
) -> None:
    source = served.site.url(ROUTE)
    first = await scan(store, [source], fetcher=fetcher, now=NOW)
    assert (first.new, first.failed) == (8, 0)
    newest = served.site.newest()[0]
    (hit,) = store.search(newest.title, limit=1).hits
    assert hit.location == served.site.url(served.site.article_path(newest))
    assert store.sources()[0].state.shape == "feed"
    served.forget()
    again = await scan(store, [source], fetcher=fetcher, now=NOW)
    assert again.new == 0 and served.statuses() == [304]
