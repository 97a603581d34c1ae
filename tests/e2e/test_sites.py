"""Sites followed from the chat: /addsource answers what it found, instant readers hear of
each new article once, /sources and /removesource, an OPML file sent by an admin."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import replace

import pytest

from bot.settings import Settings
from bot.sources import FetchConfig
from tests.e2e.chat import press
from tests.e2e.conftest import ADMIN, FAST, Bot, settle
from tests.fakebot import FakeBotApi
from tests.sites.pages import GBK, SIMPLIFIED, TRADITIONAL, Site
from tests.sites.server import Served, serve

READER = 5301


@pytest.fixture
def site() -> Iterator[Served]:
    with serve(Site(SIMPLIFIED)) as served:
        yield served


@pytest.fixture
async def bot(fake: FakeBotApi, settings: Settings) -> AsyncIterator[Bot]:
    """The bot, allowed to fetch the loopback sites (SOURCES_ALLOW_PRIVATE), paced fast."""
    allowed = replace(settings, sources=(), allow_private=("127.0.0.1",))
    running = Bot(fake, allowed, replace(FAST, fetch=FetchConfig(host_interval=0.0)))
    await running.start()
    await fake.wait_polling()
    try:
        yield running
    finally:
        await running.stop()


def delivered(bot: Bot) -> int:
    return bot.services.store.stats()["deliveries"]


def unsent(bot: Bot) -> int:
    return len(bot.services.store.unseen_documents(READER))


async def test_addsource_says_what_it_found_and_instant_readers_get_each_article_once(
    bot: Bot, site: Served
) -> None:
    await bot.ask(READER, "/subscribe")
    await bot.ask(READER, "/schedule instant")
    replies = await bot.ask(ADMIN, f"/addsource {site.site.listing_url}", replies=2)
    assert replies[1].plain.startswith(
        "栏目页：发现 5 篇文章，已加入（编号 1）。"
    )  # robots.txt: not 6
    await bot.scan()
    digest = (await bot.fake.wait_for(3, READER))[2]
    assert "15 篇" in digest.plain  # one compact digest: ten lines, then 更多
    await settle()
    assert delivered(bot) + unsent(bot) == 15 and unsent(bot) > 0
    await press(bot, READER, digest, "更多")  # the other five
    await settle()
    assert delivered(bot) == 15 and unsent(bot) == 0
    sent = len(bot.fake.sent(READER))
    new = site.site.update(2)
    await bot.scan()
    (later,) = (await bot.fake.wait_for(sent + 1, READER))[sent:]
    assert "2 篇" in later.plain
    assert all(a.title in later.plain for a in new)  # exactly the new ones
    assert not any(a.title in later.plain for a in site.site.newest()[2:])
    assert delivered(bot) == 17
    await bot.scan()
    await settle()
    assert len(bot.fake.sent(READER)) == sent + 1 and delivered(bot) == 17


async def test_addsource_names_each_kind_in_the_readers_language(bot: Bot) -> None:
    with serve(Site(GBK)) as gbk, serve(Site(TRADITIONAL)) as tw:
        sitemap = await bot.ask(ADMIN, f"/addsource {gbk.site.url('/sitemap.xml')}", replies=2)
        assert sitemap[1].plain.startswith(
            "站点地图：17 篇，已加入"
        )  # contact page too: sitemaps list pages
        article = tw.site.url(tw.site.article_path(tw.site.published[0]))
        page = await bot.ask(ADMIN, f"/addsource {article}", replies=2, language_code="en")
        assert page[1].plain.startswith("Article page, added (id 2).")
        listing = await bot.ask(ADMIN, f"/addsource {tw.site.listing_url}", replies=2)
        assert listing[1].plain.startswith("栏目页：发现 5 篇文章，已加入（编号 3）。")
        info = await bot.ask(ADMIN, f"/addsource {tw.site.url('/about/contact.html')}", replies=2)
        assert "既不是文章页也不是栏目页" in info[1].plain
        refused = await bot.ask(
            ADMIN, f"/addsource {gbk.site.url('/xwzx/internal/x.html')}", replies=2
        )
        assert "robots.txt 不允许抓取" in refused[1].plain
    (private,) = await bot.ask(ADMIN, "/addsource http://10.1.2.3/news/")  # refused at once
    assert "内网地址 10.1.2.3" in private.plain
    assert [row.id for row in bot.services.store.sources()] == [1, 2, 3]


async def test_sources_and_removesource(bot: Bot, site: Served) -> None:
    await bot.ask(ADMIN, f"/addsource {site.site.listing_url}", replies=2)
    (before,) = await bot.ask(ADMIN, "/sources")
    assert "栏目页 · 0 篇 · 尚未抓取" in before.plain
    await bot.scan()
    (listed,) = await bot.ask(ADMIN, "/sources")
    assert "栏目页 · 15 篇 · 最近成功" in listed.plain
    (english,) = await bot.ask(ADMIN, "/sources", language_code="en")
    assert "listing page · 15 articles · last success" in english.plain
    site.site.broken_listing = True
    site.site.update(1)
    await bot.scan()
    (failing,) = await bot.ask(ADMIN, "/sources")
    assert "连续失败 1 次：栏目页上没有文章" in failing.plain
    (removed,) = await bot.ask(ADMIN, "/removesource 1")
    assert "已停止抓取来源 1" in removed.plain and "15 篇文章保留" in removed.plain
    site.forget()
    await bot.scan()
    assert site.paths() == []  # not scanned any more
    assert bot.services.store.stats()["documents"] == 15  # and nothing it brought is lost
    (gone,) = await bot.ask(ADMIN, "/removesource 1")
    assert "没有编号为 1 的来源" in gone.plain


async def test_an_opml_file_from_an_admin_is_imported(bot: Bot, site: Served) -> None:
    opml = (
        '<?xml version="1.0"?><opml version="2.0"><body>'
        '<outline text="RSSHub" type="rss" xmlUrl="https://rsshub.example.org/gov/cn/news/gwyzzjg"/>'
        f'<outline text="listing" type="link" url="{site.site.listing_url}"/>'
        '<outline text="bad" type="rss" xmlUrl="ftp://example.org/feed"/></body></opml>'
    ).encode()
    before = len(bot.fake.sent(ADMIN))
    bot.fake.send_document(ADMIN, "feeds.opml", opml, user_id=ADMIN)
    (summary,) = (await bot.fake.wait_for(before + 1, ADMIN))[before:]
    assert summary.plain.startswith("OPML 导入完成：新增 2 个来源，已有 0 个，无法添加 1 个。")
    assert "ftp://example.org/feed：既不是 http(s) 网址" in summary.plain
    assert len(bot.services.store.sources()) == 2
