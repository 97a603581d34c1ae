"""The real Application, polling the fake Bot API over loopback HTTP, with a fresh store."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from telegram import Update

from bot.app import Tuning, build_application
from bot.context import BotApplication, Services
from bot.schedules import scan_now
from bot.scheduling import ScanBusy
from bot.settings import Settings
from tests.e2e.news import PAGES
from tests.fakebot import TOKEN, FakeBotApi, SentMessage

ADMIN = 900001
# No per-chat pause; pages digested in a thread (the worker process has tests of its own).
FAST = Tuning(chat_interval=0, network_backoff=0.05, first_scan=0.1, page_worker=False)


@dataclass
class Bot:
    """One running bot and the fake it talks to; restartable on the same database."""

    fake: FakeBotApi
    settings: Settings
    tuning: Tuning = FAST
    app: BotApplication | None = None

    @property
    def services(self) -> Services:
        assert self.app is not None and self.app.bot_data.services is not None
        return self.app.bot_data.services

    async def start(self) -> None:
        """What run_polling does, without owning the event loop."""
        app = self.app = build_application(self.settings, self.tuning)
        await app.initialize()
        assert app.post_init is not None
        await app.post_init(app)
        assert app.updater is not None
        await app.updater.start_polling(
            poll_interval=0, timeout=1, allowed_updates=Update.ALL_TYPES
        )
        await app.start()

    async def stop(self) -> None:
        """What run_polling does on SIGTERM."""
        app, self.app = self.app, None
        if app is None:
            return
        assert app.updater is not None
        if app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        await app.shutdown()
        if app.post_shutdown is not None:
            await app.post_shutdown(app)

    async def restart(self) -> None:
        await self.stop()
        await self.start()

    def drop(self, name: str, text: str | None = None) -> Path:
        """A new page appears in the source folder."""
        path = Path(self.settings.sources[0]) / f"{name}.txt"
        path.write_text(text if text is not None else PAGES[name], encoding="utf-8")
        return path

    async def ask(
        self, chat_id: int, text: str, replies: int = 1, **kwargs: Any
    ) -> list[SentMessage]:
        """Write to the bot as a user; the bot's new messages in that chat (at least `replies`)."""
        before = len(self.fake.sent(chat_id))
        self.fake.send_text(chat_id, text, **kwargs)
        found = await self.fake.wait_for(before + replies, chat_id)
        return found[before:]

    async def scan(self) -> None:
        """A scan now, as the timer or /ingest would run it (after the timer's, if one runs)."""
        while True:
            try:
                await scan_now(self.services)
                return
            except ScanBusy:
                await asyncio.sleep(0.05)


@pytest.fixture
def fake() -> Iterator[FakeBotApi]:
    with FakeBotApi() as api:
        yield api


@pytest.fixture
def settings(fake: FakeBotApi, tmp_path: Path) -> Settings:
    source = tmp_path / "news"
    source.mkdir()
    return Settings(
        token=TOKEN,
        api_url=fake.base_url,
        database_url=f"sqlite:///{tmp_path / 'bot.db'}",
        sources=(str(source),),
        scan_interval=3600,
        admin_ids=frozenset({ADMIN}),
        heartbeat_file=str(tmp_path / "heartbeat"),
    )


@pytest.fixture
async def bot(fake: FakeBotApi, settings: Settings) -> AsyncIterator[Bot]:
    running = Bot(fake, settings)
    await running.start()
    await fake.wait_polling()
    try:
        yield running
    finally:
        await running.stop()


def with_interval(settings: Settings, seconds: float) -> Settings:
    return replace(settings, scan_interval=seconds)


async def settle(seconds: float = 0.3) -> None:
    """Give the bot time to (wrongly) send more; used before asserting nothing else came."""
    await asyncio.sleep(seconds)
