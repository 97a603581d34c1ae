"""A real HTTP server on loopback for each fixture site: conditional GET (ETag and
Last-Modified), the site's charset, and a log of every request with its time."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.sites.pages import Site

STARTED = formatdate(time.time() - 86400, usegmt=True)


@dataclass
class Served:
    """A running site: its pages, its address and what was asked of it."""

    site: Site
    requests: list[tuple[float, str, int]] = field(default_factory=list)  # (time, path, status)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def paths(self) -> list[str]:
        with self.lock:
            return [path for _, path, _ in self.requests]

    def statuses(self) -> list[int]:
        with self.lock:
            return [status for _, _, status in self.requests]

    def forget(self) -> None:
        with self.lock:
            self.requests.clear()

    def body(self, path: str) -> tuple[bytes, str] | None:
        found = self.site.files().get(path)
        if found is None:
            return None
        text, media = found
        charset = self.site.style.charset
        return text.encode(charset, "xmlcharrefreplace"), f"{media}; charset={charset}"


def _handler(served: Served) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            found = served.body(self.path)
            status = 404 if found is None else 200
            body, media = found if found is not None else (b"not found", "text/plain")
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if found is not None and self.headers.get("If-None-Match") == etag:
                status, body = 304, b""
            with served.lock:
                served.requests.append((time.monotonic(), self.path, status))
            self.send_response(status)
            self.send_header("Content-Type", media)
            self.send_header("Content-Length", str(len(body)))
            if found is not None:
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", STARTED)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass  # quiet: the test reads `served.requests`

    return Handler


@contextmanager
def serve(site: Site, host: str = "127.0.0.1") -> Iterator[Served]:
    """Serve `site` on a free port of `host` until the block ends."""
    served = Served(site)
    server = ThreadingHTTPServer((host, 0), _handler(served))
    server.daemon_threads = True
    site.base = f"http://{host}:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield served
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
