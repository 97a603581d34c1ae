"""Webhook mode, as `digestbot run` starts it when WEBHOOK_URL is set: Telegram POSTs updates."""

from __future__ import annotations

import json
import socket
from urllib.parse import urlsplit

import httpx
from telegram import Update

from bot.app import build_application
from bot.settings import Settings
from tests.e2e.conftest import FAST
from tests.fakebot import FakeBotApi

USER = 7401


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_an_update_posted_to_the_webhook_is_answered(
    fake: FakeBotApi, settings: Settings
) -> None:
    url = f"http://127.0.0.1:{free_port()}/telegram/hook"
    app = build_application(settings, FAST)
    async with app:  # what run_webhook does, without owning the event loop
        assert app.post_init is not None and app.post_shutdown is not None
        assert app.updater is not None
        await app.post_init(app)
        await app.start()
        await app.updater.start_webhook(
            listen="127.0.0.1",
            port=urlsplit(url).port or 0,
            url_path=urlsplit(url).path.lstrip("/"),  # as bot/cli/run.py derives it
            webhook_url=url,
            allowed_updates=Update.ALL_TYPES,
        )
        try:
            update = fake.send_text(USER, "/start")  # queued too, but nobody polls
            async with httpx.AsyncClient() as client:
                wrong = await client.post(url + "x", json=update)
                answered = await client.post(url, json=update)
            (reply,) = await fake.wait_for(1, USER)
        finally:
            await app.updater.stop()
            await app.stop()
            await app.post_shutdown(app)
    assert (wrong.status_code, answered.status_code) == (404, 200)
    assert "订阅" in reply.plain
    (call,) = fake.calls("setWebhook")
    assert call.params["url"] == url == fake.webhook["url"]
    allowed = call.params["allowed_updates"]
    assert "my_chat_member" in (json.loads(allowed) if isinstance(allowed, str) else allowed)
    assert not fake.calls("getUpdates")  # webhook only: never polled
