"""A fake web for the source tests: MockTransport routes and a fake resolver, no real network."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx
import pytest

from bot.sources import urlguard
from bot.sources.fetch import FetchConfig, Fetcher

NOW = datetime(2024, 3, 1, 8, 0, tzinfo=UTC)
PUBLIC = "93.184.215.14"  # never contacted: every request goes to the MockTransport
HOSTS = {"news.example.cn": PUBLIC, "feeds.example.cn": PUBLIC, "evil.example.cn": "127.0.0.1"}

Handler = Callable[[httpx.Request], httpx.Response]


@pytest.fixture(autouse=True)
def fake_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Resolve the test hosts from HOSTS; any other name fails, so no real DNS query is made."""

    async def resolve(host: str, port: int) -> list[str]:
        if host not in HOSTS:
            raise OSError(f"unknown test host {host}")
        return [HOSTS[host]]

    monkeypatch.setattr(urlguard, "resolve", resolve)


@dataclass
class Web:
    """Routes by URL; records every request that reached the transport."""

    routes: dict[str, Handler] = field(default_factory=dict)
    requests: list[httpx.Request] = field(default_factory=list)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        handler = self.routes.get(str(request.url))
        return handler(request) if handler else httpx.Response(404)

    def add(self, url: str, handler: Handler) -> None:
        self.routes[url] = handler

    def page(self, url: str, body: bytes, content_type: str = "text/html; charset=utf-8") -> None:
        self.add(
            url, lambda _: httpx.Response(200, content=body, headers={"Content-Type": content_type})
        )

    def urls(self) -> list[str]:
        return [str(r.url) for r in self.requests]


@pytest.fixture
def web() -> Web:
    return Web()


# Politeness has tests of its own (test_crawl.py); here it would add robots.txt requests and
# a second between requests to every test.
IMPOLITE = {"host_interval": 0.0, "obey_robots": False}


@pytest.fixture
async def fetcher(web: Web) -> AsyncIterator[Fetcher]:
    async with make_fetcher(web) as f:
        yield f


def make_fetcher(web: Web, **config: object) -> Fetcher:
    """A Fetcher over `web` with some FetchConfig fields changed."""
    fields = {**IMPOLITE, **config}
    return Fetcher(FetchConfig(**fields), transport=httpx.MockTransport(web.handle))  # type: ignore[arg-type]


def never_seen(urls: object) -> set[str]:
    return set()
