"""A hostile page does not silence the bot: /start is answered while the worker process
digests a page that holds the CPU (and, in a thread, would hold the GIL) for seconds."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from functools import partial

import pytest

from bot import app
from bot.settings import Settings
from bot.worker import PageWorker
from tests.bot.slowpages import slow_prepare
from tests.e2e.conftest import FAST, Bot
from tests.e2e.news import PAGES
from tests.fakebot import FakeBotApi

USER = 5001


async def until(predicate: object, timeout: float = 120) -> None:
    async with asyncio.timeout(timeout):
        while not predicate():  # type: ignore[operator]
            await asyncio.sleep(0.02)


async def test_start_is_answered_while_a_stalling_page_is_digested(
    fake: FakeBotApi, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app, "PageWorker", partial(PageWorker, prepare=slow_prepare))
    bot = Bot(fake, settings, replace(FAST, page_worker=True, page_budget=120))
    await bot.start()
    try:
        await fake.wait_polling()
        page = bot.drop("stall", PAGES["river"])
        scanning = asyncio.create_task(bot.scan())
        await until(page.with_suffix(".started").exists)
        (reply,) = await bot.ask(USER, "/start")
        assert "/subscribe" in reply.plain
        assert not page.with_suffix(".stalled").exists(), "answered only after the stall"
        assert not scanning.done()
        await scanning
        assert bot.services.store.document_id_for(str(page)) is not None
    finally:
        await bot.stop()
