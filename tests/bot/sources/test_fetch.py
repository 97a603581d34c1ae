"""The guarded GET and URL sources that are plain pages."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from datetime import timedelta

import httpx
import pytest

from bot.sources import SourceState, fetch_source
from bot.sources.fetch import Fetcher, FetchError
from tests.bot.sources.conftest import NOW, Web, make_fetcher, never_seen

URL = "https://news.example.cn/zx/20240301.html"
PAGE = (
    "<html><head><title>区政协召开党组会议</title></head><body>"
    "<p>3月1日上午,区政协召开党组会议,传达学习全国两会精神。</p></body></html>"
).encode()


async def fetch(fetcher: Fetcher, state: SourceState | None = None, url: str = URL):
    return await fetch_source(
        url, state or SourceState(), fetcher=fetcher, now=NOW, seen=never_seen
    )


async def test_a_page_is_one_page_with_its_hash(web: Web, fetcher: Fetcher) -> None:
    web.page(URL, PAGE)
    result = await fetch(fetcher)
    (page,) = result.pages
    assert (page.location, page.data) == (URL, PAGE)
    assert page.raw_hash == hashlib.sha256(PAGE).hexdigest()
    assert result.problems == () and result.state.last_success_at == NOW


async def test_the_user_agent_names_the_project(web: Web, fetcher: Fetcher) -> None:
    web.page(URL, PAGE)
    await fetch(fetcher)
    assert web.requests[0].headers["User-Agent"].startswith("digestbot/")


async def test_validators_are_stored_then_sent_and_304_means_nothing_new(
    web: Web, fetcher: Fetcher
) -> None:
    etag, modified = '"v1"', "Fri, 01 Mar 2024 00:00:00 GMT"

    def handler(request: httpx.Request) -> httpx.Response:
        if request.headers.get("If-None-Match") == etag:
            return httpx.Response(304)
        return httpx.Response(200, content=PAGE, headers={"ETag": etag, "Last-Modified": modified})

    web.add(URL, handler)
    first = await fetch(fetcher)
    assert (first.state.etag, first.state.last_modified) == (etag, modified)
    second = await fetch(fetcher, first.state)
    sent = web.requests[1].headers
    assert (sent["If-None-Match"], sent["If-Modified-Since"]) == (etag, modified)
    assert second.pages == () and second.problems == () and not second.skipped
    assert (second.state.etag, second.state.last_modified) == (etag, modified)


@pytest.mark.parametrize("status", [404, 500, 403])
async def test_http_errors_are_problems_with_backoff(
    web: Web, fetcher: Fetcher, status: int
) -> None:
    web.add(URL, lambda _: httpx.Response(status))
    result = await fetch(fetcher)
    assert [p.reason for p in result.problems] == [f"HTTP {status}"]
    assert result.pages == ()
    assert result.state.failures == 1
    assert result.state.next_attempt_at == NOW + timedelta(minutes=10)
    assert result.state.last_error == f"HTTP {status}"


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (httpx.ReadTimeout("slow"), "timed out"),
        (httpx.ConnectTimeout("slow"), "timed out"),
        (httpx.ConnectError("refused"), "connection failed (ConnectError)"),
    ],
)
async def test_transport_errors_are_problems(
    web: Web, fetcher: Fetcher, error: Exception, reason: str
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise error

    web.add(URL, handler)
    result = await fetch(fetcher)
    assert [p.reason for p in result.problems] == [reason]
    assert result.state.failures == 1


async def test_redirects_are_followed_and_the_page_keeps_its_source_url(
    web: Web, fetcher: Fetcher
) -> None:
    web.add(URL, lambda _: httpx.Response(301, headers={"Location": "/zx/new.html"}))
    web.page("https://news.example.cn/zx/new.html", PAGE)
    (page,) = (await fetch(fetcher)).pages
    assert page.location == URL and page.data == PAGE


async def test_a_redirect_loop_stops_after_max_redirects(web: Web) -> None:
    web.add(URL, lambda _: httpx.Response(302, headers={"Location": URL}))
    async with make_fetcher(web, max_redirects=3) as fetcher:
        result = await fetch(fetcher)
    assert [p.reason for p in result.problems] == ["too many redirects"]
    assert len(web.requests) == 4  # the first request and three redirects


@pytest.mark.parametrize(
    ("status", "location"),
    [(302, "http://127.0.0.1:8080/admin"), (307, "http://evil.example.cn/")],
    ids=["a private address", "a host resolving to loopback"],
)
async def test_a_redirect_to_a_private_address_is_never_requested(
    web: Web, fetcher: Fetcher, status: int, location: str
) -> None:
    web.add(URL, lambda _: httpx.Response(status, headers={"Location": location}))
    result = await fetch(fetcher)
    assert result.problems[0].reason == "private address 127.0.0.1"
    assert web.urls() == [URL]


async def test_a_redirect_to_file_is_refused(web: Web, fetcher: Fetcher) -> None:
    web.add(URL, lambda _: httpx.Response(302, headers={"Location": "file:///etc/passwd"}))
    result = await fetch(fetcher)
    assert result.problems[0].reason == "only http and https, not file"


class Endless(httpx.AsyncByteStream):
    """A body that never ends; counts the chunks that were asked for."""

    def __init__(self) -> None:
        self.chunks = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while True:
            self.chunks += 1
            yield "会议精神".encode() * 100


async def test_a_declared_oversize_body_is_refused_before_reading(web: Web) -> None:
    body = Endless()
    web.add(URL, lambda _: httpx.Response(200, headers={"Content-Length": str(2**30)}, stream=body))
    async with make_fetcher(web, max_bytes=10 * 2**20) as fetcher:
        result = await fetch(fetcher)
    assert [p.reason for p in result.problems] == ["over the 10 MB cap"]
    assert body.chunks == 0
    assert result.state.failures == 1


async def test_a_streamed_body_stops_at_the_cap(web: Web) -> None:
    body = Endless()
    web.add(URL, lambda _: httpx.Response(200, stream=body))
    async with make_fetcher(web, max_bytes=5000) as fetcher:
        result = await fetch(fetcher)
    assert [p.reason for p in result.problems] == ["over the 5000 bytes cap"]
    assert body.chunks == 5000 // 1200 + 1  # one chunk past the cap, no further


async def test_a_body_exactly_at_the_cap_is_accepted(web: Web) -> None:
    web.page(URL, b"x" * 5000)
    async with make_fetcher(web, max_bytes=5000) as fetcher:
        assert len((await fetch(fetcher)).pages[0].data) == 5000


async def test_get_raises_fetch_error_with_the_reason(web: Web, fetcher: Fetcher) -> None:
    with pytest.raises(FetchError) as caught:
        await fetcher.get("https://news.example.cn/missing")
    assert caught.value.reason == "HTTP 404"


async def test_an_unresolvable_host_is_a_problem(web: Web, fetcher: Fetcher) -> None:
    result = await fetch(fetcher, url="https://nowhere.example.cn/")
    assert result.problems[0].reason == "cannot resolve nowhere.example.cn"
    assert web.requests == []
