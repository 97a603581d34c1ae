"""Admin commands: only ADMIN_IDS may use them, and they answer in the reader's language."""

from __future__ import annotations

from bot.health import age, is_healthy
from tests.e2e.conftest import ADMIN, Bot

STRANGER = 5101


async def test_a_user_who_is_not_an_admin_is_refused(bot: Bot) -> None:
    for command in ("/stats", "/sources", "/ingest", "/addsource https://example.org/feed"):
        (reply,) = await bot.ask(STRANGER, command)
        assert "仅限机器人管理员" in reply.plain
    locations = [row.location for row in bot.services.store.sources()]
    assert "https://example.org/feed" not in locations  # the refused /addsource stored nothing


async def _first_scan_done(bot: Bot) -> None:
    """The timer's scan 0.1 s after start has run to its end: /ingest meets no scan in
    progress. (The job's next run time moves when the job is handed to the loop, before the
    scan takes its guard: a source's recorded success is the scan's own mark.)"""

    def done() -> bool:
        scanned = any(row.state.last_success_at for row in bot.services.store.sources())
        return scanned and not bot.services.scan_guard.running

    assert await bot.fake.wait_until(done)


async def test_ingest_reports_what_it_found_in_chinese(bot: Bot) -> None:
    await _first_scan_done(bot)
    bot.drop("river")
    replies = await bot.ask(ADMIN, "/ingest", replies=2)
    assert replies[0].plain == "开始抓取…"
    assert replies[1].plain.startswith("抓取完成：新增 1，")
    assert "failed" not in replies[1].plain


async def test_a_page_with_no_text_is_named_in_ingest_and_sources(bot: Bot) -> None:
    await _first_scan_done(bot)
    bot.drop("river")
    bot.drop("buttons", "打印本页 关闭窗口")
    replies = await bot.ask(ADMIN, "/ingest", replies=2)
    assert replies[1].plain.startswith("抓取完成：新增 1，")
    assert "失败 1" in replies[1].plain
    assert "buttons.txt：去掉页面杂项后没有正文" in replies[1].plain
    (listed,) = await bot.ask(ADMIN, "/sources")
    assert "1 篇提取不到正文，最近一篇：" in listed.plain and "buttons.txt" in listed.plain
    (english,) = await bot.ask(ADMIN, "/sources", language_code="en")
    assert "1 page(s) with no text to digest" in english.plain
    again = await bot.ask(ADMIN, "/ingest", replies=2)
    assert "失败 0" in again[1].plain and "buttons.txt" not in again[1].plain


async def test_stats_labels_are_in_the_readers_language(bot: Bot) -> None:
    bot.drop("river")
    await bot.scan()
    (zh,) = await bot.ask(ADMIN, "/stats")
    assert "文章：1" in zh.plain and "articles" not in zh.plain
    (en,) = await bot.ask(ADMIN, "/stats", language_code="en")
    assert "articles: 1" in en.plain


async def test_addsource_checks_the_location_and_sources_lists_it(bot: Bot) -> None:
    """Web addresses are probed first: tests/e2e/test_sites.py, on loopback sites; folders
    from the chat: tests/e2e/test_addsource.py."""
    (bad,) = await bot.ask(ADMIN, "/addsource ftp://example.org/x")
    assert bad.plain.startswith("用法：/addsource")
    await bot.scan()  # the configured folder is a source once scanned
    folder = bot.settings.sources[0]
    (listed,) = await bot.ask(ADMIN, "/sources")
    assert folder in listed.plain and "目录 · 0 篇" in listed.plain


async def test_the_heartbeat_is_written_when_the_bot_starts(bot: Bot) -> None:
    """No wait: the first beat is part of starting, not of the first minute's job."""
    seconds = age(bot.settings.heartbeat_file)
    assert seconds is not None and seconds < 5
    assert is_healthy(bot.settings.heartbeat_file)


async def test_a_long_sources_list_is_cut_where_telegram_accepts_it(bot: Bot) -> None:
    store = bot.services.store
    for n in range(80):  # about 5,000 characters of HTML, an `&amp;` in every line
        store.add_source(f"/srv/news/{n:02d}&meetings&reports&speeches")  # folders: no fetch
    (listed,) = await bot.ask(ADMIN, "/sources")  # the fake refuses HTML Telegram would
    assert listed.plain.endswith("…") and "/srv/news/00&meetings" in listed.plain
    assert len(listed.text) <= 4096
