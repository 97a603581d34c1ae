"""Listings and sitemaps of real (fixture) sites over loopback HTTP, scanned into a store."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from bot.ingest import ScanSummary, scan
from bot.settings import Settings
from bot.sources import FetchConfig, Fetcher, fetch_config
from bot.store import Store, open_store
from tests.bot.sources.conftest import NOW
from tests.sites.pages import GBK, SIMPLIFIED, STYLES, TRADITIONAL, Site, Style
from tests.sites.server import Served, serve

LOOPBACK = Settings(allow_private=("127.0.0.1",))  # SOURCES_ALLOW_PRIVATE=127.0.0.1
FAST = FetchConfig(host_interval=0.0)  # politeness is measured in test_crawl.py


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'bot.db'}")
    yield opened
    opened.close()


@pytest.fixture
async def fetcher() -> AsyncIterator[Fetcher]:
    async with Fetcher(fetch_config(LOOPBACK, FAST)) as opened:
        yield opened


@pytest.fixture(params=STYLES, ids=[s.name for s in STYLES])
def served(request: pytest.FixtureRequest) -> Iterator[Served]:
    with serve(Site(request.param)) as running:
        yield running


def site(style: Style) -> Iterator[Served]:
    with serve(Site(style)) as running:
        yield running


@pytest.fixture
def gbk() -> Iterator[Served]:
    yield from site(GBK)


def stored(store: Store) -> set[str]:
    return {hit.location for hit in store.search("召开", limit=100).hits}


def urls(served: Served, articles: list) -> set[str]:
    return {served.site.url(served.site.article_path(a)) for a in articles}


async def test_a_listing_gives_its_articles_and_only_them(
    served: Served, store: Store, fetcher: Fetcher
) -> None:
    source = served.site.listing_url
    summary = await scan(store, [source], fetcher=fetcher, now=NOW)
    newest = served.site.newest()[:15]  # three listing pages of five: LISTING_BACKFILL_PAGES
    assert (summary.new, summary.failed) == (15, 0)
    assert stored(store) == urls(served, newest)
    assert store.stats()["documents"] == 15  # no listing page, sidebar story or info page
    paths = served.paths()
    assert served.site.listing_path(3) not in paths  # the fourth page is past the backfill
    assert not any(p.startswith(("/tzgg/", "/about/", "/xwzx/internal/")) for p in paths)
    assert len(paths) == len(set(paths))  # each page asked for once
    (row,) = store.sources()
    assert (row.state.shape, row.documents) == ("listing", 15)


async def test_a_second_scan_asks_for_page_one_and_adds_nothing(
    served: Served, store: Store, fetcher: Fetcher
) -> None:
    await scan(store, [served.site.listing_url], fetcher=fetcher, now=NOW)
    served.forget()
    again = await scan(store, [served.site.listing_url], fetcher=fetcher, now=NOW)
    assert (again.new, again.updated, again.failed) == (0, 0, 0)
    assert served.paths() == [served.site.listing_path()]
    assert served.statuses() == [304]  # conditional GET: the list has not changed


async def test_after_an_update_exactly_the_new_articles_arrive(
    served: Served, store: Store, fetcher: Fetcher
) -> None:
    await scan(store, [served.site.listing_url], fetcher=fetcher, now=NOW)
    new = served.site.update(2)
    served.forget()
    summary = await scan(store, [served.site.listing_url], fetcher=fetcher, now=NOW)
    assert (summary.new, summary.failed) == (2, 0)
    assert set(served.paths()) == {
        served.site.listing_path(),
        *(served.site.article_path(a) for a in new),
    }
    assert urls(served, new) <= stored(store)
    assert store.stats()["documents"] == 17


async def test_each_article_is_a_document_linked_to_its_own_address(
    gbk: Served, store: Store, fetcher: Fetcher
) -> None:
    await scan(store, [gbk.site.listing_url], fetcher=fetcher, now=NOW)
    newest = gbk.site.newest()[0]
    hits = store.search(newest.title, limit=1).hits
    assert hits[0].location == gbk.site.url(gbk.site.article_path(newest))
    document = store.document(hits[0].id)
    assert document is not None and document.document.title == newest.title  # GBK read right
    assert document.document.date == newest.date


async def test_a_sitemap_gives_its_articles_newest_first(
    gbk: Served, store: Store, fetcher: Fetcher
) -> None:
    summary = await scan(store, [gbk.site.url("/sitemap.xml")], fetcher=fetcher, now=NOW)
    assert (summary.new, summary.failed) == (16, 0)  # all of them: fewer than the first cap
    assert stored(store) == urls(gbk, gbk.site.published)
    assert "/about/contact.html" in gbk.paths()  # listed, fetched, not an article: not stored
    assert store.sources()[0].state.shape == "sitemap"
    new = gbk.site.update(1)
    gbk.forget()
    again = await scan(store, [gbk.site.url("/sitemap.xml")], fetcher=fetcher, now=NOW)
    assert again.new == 1 and gbk.site.article_path(new[0]) in gbk.paths()
    assert "/about/contact.html" not in gbk.paths()  # handled once, remembered


async def test_robots_txt_names_the_sitemap(gbk: Served, store: Store, fetcher: Fetcher) -> None:
    summary = await scan(store, [gbk.site.url("/robots.txt")], fetcher=fetcher, now=NOW)
    assert summary.new == 16


async def test_a_first_sitemap_visit_takes_only_the_newest(gbk: Served, store: Store) -> None:
    async with Fetcher(replace(fetch_config(LOOPBACK, FAST), max_entries=5)) as few:
        summary = await scan(store, [gbk.site.url("/sitemap.xml")], fetcher=few, now=NOW)
        assert summary.new == 5
        assert stored(store) == urls(gbk, gbk.site.newest()[:5])
        gbk.site.update(1)
        again = await scan(store, [gbk.site.url("/sitemap.xml")], fetcher=few, now=NOW)
    assert again.new == 1  # the new one, not the old ones left out at first


async def test_robots_txt_disallow_is_obeyed(store: Store, fetcher: Fetcher) -> None:
    with serve(Site(SIMPLIFIED)) as served:
        await scan(store, [served.site.listing_url], fetcher=fetcher, now=NOW)
        assert "/robots.txt" in served.paths()
        assert not any(p.startswith("/xwzx/internal/") for p in served.paths())
        refused = await scan(
            store, [served.site.url("/xwzx/internal/t20240101_9999.html")], fetcher=fetcher, now=NOW
        )
    assert refused.failed == 1
    row = next(r for r in store.sources() if "internal" in r.location)
    assert row.state.last_error == "robots.txt disallows it"


async def test_a_listing_turned_error_page_backs_off_and_loses_nothing(
    store: Store, fetcher: Fetcher
) -> None:
    with serve(Site(TRADITIONAL)) as served:
        source = served.site.listing_url
        await scan(store, [source], fetcher=fetcher, now=NOW)
        served.site.broken_listing = True
        served.site.update(2)
        broken = await scan(store, [source], fetcher=fetcher, now=NOW)
        assert (broken.new, broken.failed) == (0, 1)
        state = store.sources()[0].state
        assert state.failures == 1 and state.next_attempt_at is not None
        assert state.last_error == "the listing shows no articles"
        served.forget()
        await scan(store, [source], fetcher=fetcher, now=NOW)  # too early: not even asked
        assert served.paths() == []
        served.site.broken_listing = False
        mended: ScanSummary = await scan(
            store, [source], fetcher=fetcher, now=NOW + timedelta(hours=1)
        )
    assert (mended.new, mended.failed) == (2, 0)  # the two published while it was broken
    assert store.stats()["documents"] == 17
    assert store.sources()[0].state.failures == 0


async def test_private_addresses_need_sources_allow_private(store: Store) -> None:
    with serve(Site(SIMPLIFIED)) as served:
        async with Fetcher(fetch_config(Settings(), FAST)) as strict:
            refused = await scan(store, [served.site.listing_url], fetcher=strict, now=NOW)
        async with Fetcher(fetch_config(Settings(allow_private=("10.0.0.0/8",)), FAST)) as other:
            still = await scan(
                store, [served.site.listing_url], fetcher=other, now=NOW + timedelta(days=2)
            )
        assert served.paths() == []  # refused before connecting
        async with Fetcher(fetch_config(Settings(allow_private=("127.0.0.0/8",)), FAST)) as allowed:
            fine = await scan(
                store, [served.site.listing_url], fetcher=allowed, now=NOW + timedelta(days=4)
            )
    assert (refused.failed, still.failed, fine.new) == (1, 1, 15)
    assert store.sources()[0].state.last_error is None
