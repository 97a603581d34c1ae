"""Content-Encoding over real loopback HTTP: a nested gzip bomb stops at the cap, inside
decompression; too many or unknown layers are refused; a normal gzip page still reads."""

from __future__ import annotations

import gzip
import threading
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bot.sources import FetchConfig, Fetcher, FetchError, SourceState, encoding, fetch_source
from bot.sources.encoding import BadEncoding, CappedDecoder, layers

CAP = 2**20
ZEROS = 256 * 2**20  # what the bomb inflates to: 256 times the cap
PAGE = "<html><body><p>市政协召开党组会议，传达学习全会精神。</p></body></html>".encode()


def zeros_gzipped(size: int) -> bytes:
    """gzip of `size` zero bytes, compressed a megabyte at a time (never held whole)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(2**20)
    parts = [packer.compress(block) for _ in range(size // len(block))]
    return b"".join(parts) + packer.flush()


BOMB = gzip.compress(zeros_gzipped(ZEROS), 9)  # Content-Encoding: gzip, gzip


def answers() -> dict[str, tuple[bytes, str]]:
    """path -> (body, Content-Encoding)."""
    return {
        "/bomb": (BOMB, "gzip, gzip"),
        "/triple": (gzip.compress(gzip.compress(gzip.compress(PAGE))), "gzip, gzip, gzip"),
        "/brotli": (b"\x0b\x02\x80hello\x03", "br"),
        "/page": (gzip.compress(PAGE), "gzip"),
        "/raw-deflate": (zlib.compress(PAGE)[2:-4], "deflate"),
        "/corrupt": (b"not gzip at all", "gzip"),
    }


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    served = answers()

    def do_GET(self) -> None:
        body, coding = self.served[self.path]
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Encoding", coding)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def loopback_fetcher() -> Fetcher:
    config = FetchConfig(max_bytes=CAP, allow_private=True, obey_robots=False, host_interval=0)
    return Fetcher(config)


@pytest.fixture
def produced(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The size of every piece any layer's inflater produced."""
    sizes: list[int] = []
    real = CappedDecoder.feed

    def feed(self: CappedDecoder, chunk: bytes) -> bytes:
        out = real(self, chunk)
        sizes.append(len(out))
        return out

    real_layer = encoding._Layer.feed

    def layer_feed(self: encoding._Layer, data: bytes, room: int) -> bytes:
        out = real_layer(self, data, room)
        sizes.append(len(out))
        return out

    monkeypatch.setattr(CappedDecoder, "feed", feed)
    monkeypatch.setattr(encoding._Layer, "feed", layer_feed)
    return sizes


async def test_a_double_gzip_bomb_is_refused_with_at_most_the_cap_decoded(
    base: str, produced: list[int]
) -> None:
    assert len(BOMB) < 10_000  # a few kilobytes on the wire
    async with loopback_fetcher() as fetcher:
        with pytest.raises(FetchError, match="over the 1 MB cap"):
            await fetcher.get(f"{base}/bomb")
    assert produced  # decompression ran, and stopped early
    assert sum(produced) <= 3 * CAP  # both layers together, against 256 MB inflated


async def test_more_layers_than_allowed_are_refused(base: str) -> None:
    async with loopback_fetcher() as fetcher:
        with pytest.raises(FetchError, match="3 nested content encodings"):
            await fetcher.get(f"{base}/triple")


async def test_an_encoding_we_did_not_ask_for_is_refused(base: str) -> None:
    async with loopback_fetcher() as fetcher:
        with pytest.raises(FetchError, match="unsupported content encoding 'br'"):
            await fetcher.get(f"{base}/brotli")


async def test_a_corrupt_stream_is_refused(base: str) -> None:
    async with loopback_fetcher() as fetcher:
        with pytest.raises(FetchError, match="corrupt gzip stream"):
            await fetcher.get(f"{base}/corrupt")


@pytest.mark.parametrize("path", ["/page", "/raw-deflate"])
async def test_an_ordinary_encoded_page_reads_as_before(base: str, path: str) -> None:
    async with loopback_fetcher() as fetcher:
        response = await fetcher.get(f"{base}{path}")
    assert response.body == PAGE


async def test_memory_error_is_that_sources_problem(
    base: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def exhausted(self: CappedDecoder, chunk: bytes) -> bytes:
        raise MemoryError

    monkeypatch.setattr(CappedDecoder, "feed", exhausted)
    now = datetime(2024, 3, 1, tzinfo=UTC)
    async with loopback_fetcher() as fetcher:
        result = await fetch_source(
            f"{base}/page", SourceState(), fetcher=fetcher, now=now, seen=lambda urls: set()
        )
    assert [problem.reason for problem in result.problems] == ["out of memory reading the answer"]


def test_layers_read_the_header_in_the_order_applied() -> None:
    assert layers("identity") == []
    assert layers("gzip, deflate") == ["gzip", "deflate"]
    with pytest.raises(BadEncoding):
        layers("zstd")


def test_each_layer_stops_inflating_at_the_cap() -> None:
    decoder = CappedDecoder(["gzip"], cap=1000)
    assert decoder.feed(gzip.compress(b"x" * 1000)) == b"x" * 1000
    with pytest.raises(encoding.Oversize):
        CappedDecoder(["gzip"], cap=999).feed(gzip.compress(b"x" * 1000))
