"""The guarded GET: timeouts, manual redirects re-checked by the URL guard, a size cap."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from types import TracebackType

import httpx

from bot.sources.encoding import ACCEPT_ENCODING, BadEncoding, CappedDecoder, Oversize, layers
from bot.sources.model import cap_text
from bot.sources.polite import Courtesy
from bot.sources.urlguard import NOTHING_PRIVATE, Allowance, BlockedURL, check_url, pinned_transport

ACCEPT = (
    "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
    "application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5"
)


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchConfig:
    """How patient and how trusting the fetcher is."""

    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    total_timeout: float = 60.0  # a server dripping bytes never trips the read timeout
    max_redirects: int = 5
    max_bytes: int = 10 * 2**20
    max_entries: int = 50  # feed entries fetched per scan; the rest wait for the next one
    user_agent: str = "digestbot/0.1 (+https://github.com/digestbot/digestbot)"
    allow_private: bool = False  # tests with loopback servers set True
    allowance: Allowance = NOTHING_PRIVATE  # SOURCES_ALLOW_PRIVATE: private hosts allowed
    host_interval: float = 1.0  # seconds between two requests to one host (robots may ask more)
    obey_robots: bool = True  # robots.txt read and obeyed (tests of other things turn it off)
    robots_ttl: float = 3600.0  # seconds a host's robots.txt is trusted before it is read again
    backfill_pages: int = 3  # LISTING_BACKFILL_PAGES: listing pages read on the first visit
    parallel_sources: int = 32  # sources fetched at once (each host still one request a second)


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched resource: 200 with a body, or 304 without one."""

    url: str  # after redirects
    status: int
    content_type: str
    body: bytes
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        """True for a 304 answer to a conditional GET."""
        return self.status == 304


class FetchError(Exception):
    """A fetch that failed; `reason` is the short text of the Problem."""

    def __init__(self, reason: str, status: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status  # the HTTP status of an answer that was not a success

    @property
    def lasting(self) -> bool:
        """True for an answer that trying again will not change (404, 410, 403…, not 429)."""
        return self.status is not None and 400 <= self.status < 500 and self.status != 429


class Fetcher:
    """Owns one httpx.AsyncClient; use as `async with Fetcher(config) as fetcher`."""

    def __init__(
        self,
        config: FetchConfig | None = None,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.config = config or FetchConfig()
        if transport is None and not self.config.allow_private:
            transport = pinned_transport(self.config.allowance)
        self.courtesy = Courtesy(self.config.host_interval)  # shared by every source's fetches
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(self.config.read_timeout, connect=self.config.connect_timeout),
            follow_redirects=False,  # each hop goes through the URL guard first
            headers={
                "User-Agent": self.config.user_agent,
                "Accept": ACCEPT,
                "Accept-Encoding": ACCEPT_ENCODING,
            },
            transport=transport,
        )

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self._client.aclose()

    async def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> Response:
        """GET `url` (conditionally when validators are given); raises FetchError."""
        headers = _conditional_headers(etag, last_modified)
        try:
            async with asyncio.timeout(self.config.total_timeout):
                return await self._follow(httpx.URL(url), headers)
        except (TimeoutError, httpx.TimeoutException):
            raise FetchError("timed out") from None
        except BlockedURL as error:
            raise FetchError(str(error)) from None
        except httpx.InvalidURL:
            raise FetchError("invalid URL") from None
        except httpx.DecodingError:
            raise FetchError("undecodable content encoding") from None
        except BadEncoding as error:
            raise FetchError(str(error)) from None
        except MemoryError:  # this source's problem: the scan and the other sources go on
            raise FetchError("out of memory reading the answer") from None
        except httpx.HTTPError as error:
            raise FetchError(f"connection failed ({type(error).__name__})") from None

    async def _follow(self, url: httpx.URL, headers: dict[str, str]) -> Response:
        """Follow up to max_redirects redirects, checking every hop before connecting."""
        for _ in range(self.config.max_redirects + 1):
            await check_url(
                url, allow_private=self.config.allow_private, allowance=self.config.allowance
            )
            async with self._client.stream("GET", url, headers=headers) as response:
                if not response.has_redirect_location:
                    return await self._read(response)
                url = response.url.join(response.headers["Location"])
        raise FetchError("too many redirects")

    async def _read(self, response: httpx.Response) -> Response:
        """The body of a 2xx answer up to the cap; 304 has none; anything else fails."""
        if response.status_code == 304:
            return _response(response, b"")
        if not response.is_success:
            raise FetchError(f"HTTP {response.status_code}", response.status_code)
        return _response(response, await self._capped_body(response))

    async def _capped_body(self, response: httpx.Response) -> bytes:
        """Read at most max_bytes, raw and decoded; refuse early when Content-Length already
        says more. Decoded here, not by httpx, so the cap stops decompression itself."""
        cap = self.config.max_bytes
        over = FetchError(f"over the {cap_text(cap)} cap")
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > cap:
            raise over
        chunks: list[bytes] = []
        size = 0
        try:
            async for chunk in _decoded(response, cap):
                size += len(chunk)
                if size > cap:
                    raise over
                chunks.append(chunk)
        except Oversize:
            raise over from None
        return b"".join(chunks)


async def _decoded(response: httpx.Response, cap: int) -> AsyncIterator[bytes]:
    """The body's chunks with its Content-Encoding undone under `cap` (see encoding.py).

    An answer built in memory (httpx.MockTransport's, in tests) has no raw stream left and
    is decoded already."""
    if response.is_stream_consumed:
        async for chunk in response.aiter_bytes():
            yield chunk
        return
    decoder = CappedDecoder(layers(response.headers.get("Content-Encoding", "")), cap)
    raw = 0
    async for chunk in response.aiter_raw():
        raw += len(chunk)
        if raw > cap:
            raise Oversize
        yield decoder.feed(chunk)


def _conditional_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    """If-None-Match / If-Modified-Since from the validators of the last fetch."""
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _response(response: httpx.Response, body: bytes) -> Response:
    """Our value for an httpx response whose body has been read."""
    return Response(
        url=str(response.url),
        status=response.status_code,
        content_type=response.headers.get("Content-Type", ""),
        body=body,
        etag=response.headers.get("ETag"),
        last_modified=response.headers.get("Last-Modified"),
    )
