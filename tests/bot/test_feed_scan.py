"""A big feed's scan: its 10,000 entries looked up in one store call, none one by one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bot.ingest import scan
from bot.sources import FetchConfig, Fetcher
from bot.store import Store, open_store

FEED_URL = "http://feeds.example.cn/rss.xml"
ENTRIES = 10_000


def big_feed(entries: int) -> bytes:
    items = "".join(
        f"<item><title>第{n}次会议</title><link>http://feeds.example.cn/a/{n}.html</link></item>"
        for n in range(entries)
    )
    channel = f"<channel><title>t</title>{items}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'.encode()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'bot.db'}")
    yield opened
    opened.close()


async def test_a_big_feed_is_looked_up_in_one_call(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = {"stored_locations": 0, "document_id_for": 0}
    for name in calls:
        real = getattr(store, name)

        def counted(*args: object, _real: object = real, _name: str = name) -> object:
            calls[_name] += 1
            return _real(*args)  # type: ignore[operator]

        monkeypatch.setattr(store, name, counted)
    body = big_feed(ENTRIES)

    def handler(request: httpx.Request) -> httpx.Response:
        if str(request.url) == FEED_URL:
            return httpx.Response(
                200, content=body, headers={"Content-Type": "application/rss+xml"}
            )
        return httpx.Response(404)

    config = FetchConfig(allow_private=True, host_interval=0, obey_robots=False, max_entries=5)
    async with Fetcher(config, transport=httpx.MockTransport(handler)) as fetcher:
        summary = await scan(store, [FEED_URL], fetcher=fetcher)
    assert summary.failed == 5  # the five entries fetched this scan answered 404
    assert calls == {"stored_locations": 1, "document_id_for": 0}
