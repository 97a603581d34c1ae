"""Only http(s) to public addresses, checked before anything is sent."""

from __future__ import annotations

import ipaddress
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpcore
import httpx
import pytest

from bot.sources import SourceState, fetch_source
from bot.sources.fetch import FetchConfig, Fetcher, FetchError
from bot.sources.urlguard import (
    Allowance,
    BlockedURL,
    PinnedBackend,
    PinnedTransport,
    check_url,
    is_blocked,
)
from tests.bot.sources.conftest import NOW, Web, make_fetcher, never_seen

REFUSED = [
    ("http://10.0.0.1/news", "private address 10.0.0.1"),
    ("http://127.0.0.1:8000/", "private address 127.0.0.1"),
    ("http://[::1]/", "private address ::1"),
    ("http://169.254.169.254/latest/meta-data/", "private address 169.254.169.254"),
    ("http://192.168.1.10/", "private address 192.168.1.10"),
    ("http://[::ffff:127.0.0.1]/", "private address ::ffff:7f00:1"),
    ("http://0.0.0.0/", "private address 0.0.0.0"),
    ("https://evil.example.cn/", "private address 127.0.0.1"),
    ("file:///etc/passwd", "only http and https, not file"),
    ("ftp://news.example.cn/a.txt", "only http and https, not ftp"),
]


@pytest.mark.parametrize(("url", "reason"), REFUSED)
async def test_refused_urls_never_reach_the_transport(
    web: Web, fetcher: Fetcher, url: str, reason: str
) -> None:
    result = await fetch_source(url, SourceState(), fetcher=fetcher, now=NOW, seen=never_seen)
    assert [p.reason for p in result.problems] == [reason]
    assert result.state.failures == 1
    assert web.requests == []


@pytest.mark.parametrize(("url", "reason"), REFUSED)
async def test_check_url_raises_with_the_reason(url: str, reason: str) -> None:
    with pytest.raises(BlockedURL, match=reason.replace("[", r"\[")):
        await check_url(httpx.URL(url))


async def test_a_public_host_passes() -> None:
    await check_url(httpx.URL("https://news.example.cn/zx/"))


async def test_allow_private_lets_loopback_through(web: Web) -> None:
    web.page("http://127.0.0.1:8000/", "本地测试页面".encode())
    async with make_fetcher(web, allow_private=True) as fetcher:
        response = await fetcher.get("http://127.0.0.1:8000/")
    assert response.body == "本地测试页面".encode()


async def test_allow_private_still_refuses_other_schemes() -> None:
    with pytest.raises(BlockedURL):
        await check_url(httpx.URL("file:///etc/passwd"), allow_private=True)


@pytest.mark.parametrize(
    "address",
    [
        "100.64.0.1",  # carrier-grade NAT
        "224.0.0.1",  # multicast, which Python calls global
        "240.0.0.1",  # reserved
        "fe80::1",  # link-local
        "fc00::1",  # unique local
        "ff02::1",  # multicast
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1, which Python calls global
        "2002:7f00:1::1",  # 6to4 of 127.0.0.1
    ],
)
def test_hidden_private_addresses_are_blocked(address: str) -> None:
    assert is_blocked(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"])
def test_public_addresses_are_not_blocked(address: str) -> None:
    assert not is_blocked(ipaddress.ip_address(address))


async def test_one_private_answer_among_public_ones_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    async def resolve(host: str, port: int) -> list[str]:
        return ["93.184.215.14", "10.1.2.3"]

    monkeypatch.setattr("bot.sources.urlguard.resolve", resolve)
    with pytest.raises(BlockedURL, match=r"10\.1\.2\.3"):
        await check_url(httpx.URL("https://mixed.example.cn/"))


class RecordingBackend(httpcore.AsyncNetworkBackend):
    """Stands in for the real network: records where it was asked to connect."""

    def __init__(self) -> None:
        self.hosts: list[str] = []

    async def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):  # type: ignore[no-untyped-def]
        self.hosts.append(host)
        if host == "93.184.215.99":
            raise httpcore.ConnectError("refused")
        return httpcore.AsyncMockStream([])

    async def sleep(self, seconds: float) -> None:
        pass


async def test_the_pinned_backend_connects_to_the_checked_address() -> None:
    inner = RecordingBackend()
    await PinnedBackend(inner).connect_tcp("news.example.cn", 443)
    assert inner.hosts == ["93.184.215.14"]


async def test_the_pinned_backend_refuses_a_rebound_name(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter([["93.184.215.14"], ["127.0.0.1"]])  # public for the check, then loopback

    async def rebinding(host: str, port: int) -> list[str]:
        return next(answers)

    monkeypatch.setattr("bot.sources.urlguard.resolve", rebinding)
    await check_url(httpx.URL("https://rebind.example.cn/"))
    inner = RecordingBackend()
    with pytest.raises(BlockedURL, match=r"127\.0\.0\.1"):
        await PinnedBackend(inner).connect_tcp("rebind.example.cn", 443)
    assert inner.hosts == []


async def test_the_pinned_backend_tries_the_next_address(monkeypatch: pytest.MonkeyPatch) -> None:
    async def two(host: str, port: int) -> list[str]:
        return ["93.184.215.99", "93.184.215.14"]

    monkeypatch.setattr("bot.sources.urlguard.resolve", two)
    inner = RecordingBackend()
    await PinnedBackend(inner).connect_tcp("two.example.cn", 80)
    assert inner.hosts == ["93.184.215.99", "93.184.215.14"]


@pytest.fixture
def loopback() -> Iterator[tuple[int, list[str]]]:
    """A real HTTP server on 127.0.0.1: its port and the paths it was asked for."""
    asked: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            body = "内网页面".encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield server.server_address[1], asked
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


async def test_the_default_fetcher_refuses_a_name_rebound_after_the_check(
    monkeypatch: pytest.MonkeyPatch, loopback: tuple[int, list[str]]
) -> None:
    port, asked = loopback
    answers = iter([["93.184.215.14"], ["127.0.0.1"]])  # public for the check, then loopback

    async def rebinding(host: str, port: int) -> list[str]:
        return next(answers)

    monkeypatch.setattr("bot.sources.urlguard.resolve", rebinding)
    async with Fetcher(FetchConfig(obey_robots=False, host_interval=0)) as fetcher:
        with pytest.raises(FetchError, match=r"private address 127\.0\.0\.1"):
            await fetcher.get(f"http://rebind.example.cn:{port}/news")
    assert asked == []  # the connection was never made


async def test_the_pinned_transport_fetches_through_the_checked_address(
    monkeypatch: pytest.MonkeyPatch, loopback: tuple[int, list[str]]
) -> None:
    port, asked = loopback

    async def intranet(host: str, port: int) -> list[str]:
        return ["127.0.0.1"]

    monkeypatch.setattr("bot.sources.urlguard.resolve", intranet)
    allowance = Allowance.parse(["127.0.0.1"])
    async with httpx.AsyncClient(transport=PinnedTransport(allowance)) as client:
        response = await client.get(f"http://intranet.example.cn:{port}/page")
    assert (response.status_code, response.text, asked) == (200, "内网页面", ["/page"])
    async with httpx.AsyncClient(transport=PinnedTransport()) as client:
        with pytest.raises(BlockedURL, match=r"127\.0\.0\.1"):
            await client.get(f"http://intranet.example.cn:{port}/page")
    assert asked == ["/page"]


async def test_the_pinned_transport_raises_httpx_errors() -> None:
    async with httpx.AsyncClient(transport=PinnedTransport(backend=RefusingBackend())) as client:
        with pytest.raises(httpx.ConnectError, match="refused"):
            await client.get("http://news.example.cn/")


class RefusingBackend(RecordingBackend):
    async def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):  # type: ignore[no-untyped-def]
        raise httpcore.ConnectError("refused")
