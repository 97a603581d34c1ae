"""A minimal HTTP/1.1 server on its own event loop, in its own thread.

One thread serving every keep-alive connection: python-telegram-bot opens up to 256 of them,
and a thread each (http.server) halves the throughput on a loaded two-core machine.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
from collections.abc import Callable

from tests.fakebot.objects import JSON

# A JSON answer; raw bytes sent as they are (a garbled answer); None: hang up unanswered
Answer = JSON | bytes | None
Handle = Callable[[str, str, bytes], tuple[int, Answer]]
_REASONS = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden"}
_REASONS |= {404: "Not Found", 409: "Conflict", 429: "Too Many Requests"}


class LoopServer:
    """Serves `handle(path, content_type, body)` on 127.0.0.1; `blocking(path)` ones in threads."""

    def __init__(self, handle: Handle, blocking: Callable[[str], bool], port: int = 0) -> None:
        self.handle = handle
        self.blocking = blocking
        self.loop = asyncio.new_event_loop()
        self.connections: dict[asyncio.Task[None], asyncio.StreamWriter] = {}
        self.busy: set[asyncio.Task[None]] = set()  # between reading a request and answering
        self.stopping = False
        self.port = port
        self._ready = threading.Event()
        self._error: OSError | None = None
        self._thread = threading.Thread(target=self._run, name="fake-bot-api")

    def start(self) -> int:
        """Listen on an ephemeral port; returns it once connections are accepted."""
        self._thread.start()
        self._ready.wait()
        if self._error is not None:
            self._thread.join()
            raise self._error
        return self.port

    def stop(self) -> None:
        """Close the listener and every connection, join the thread, close the loop."""
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join()

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        try:
            server = self.loop.run_until_complete(
                asyncio.start_server(self._serve, "127.0.0.1", self.port)
            )
        except OSError as error:  # the port is taken: start() raises it, nobody waits forever
            self._error = error
            self._ready.set()
            self.loop.close()
            return
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        self.loop.run_forever()
        server.close()
        self.stopping = True
        # Closing (not cancelling: Python 3.11 streams log cancelled handlers) ends an idle
        # connection's read with EOF; a busy one answers first (long polls are already woken).
        for task, writer in self.connections.items():
            if task not in self.busy:
                writer.close()
        pending = asyncio.gather(*self.connections, return_exceptions=True)
        self.loop.run_until_complete(pending)
        self.loop.run_until_complete(server.wait_closed())
        self.loop.run_until_complete(self.loop.shutdown_default_executor())
        self.loop.close()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task
        self.connections[task] = writer
        try:
            while not self.stopping and await self._one(reader, writer, task):
                pass
        except (asyncio.IncompleteReadError, ConnectionError):
            pass  # the client hung up, or stop() closed the connection
        finally:
            del self.connections[task]
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    async def _one(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, task: asyncio.Task[None]
    ) -> bool:
        """Answer one request; False when the client wants the connection closed."""
        head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1")
        self.busy.add(task)
        try:
            await self._answer(head, reader, writer)
        finally:
            self.busy.discard(task)
        return "connection: close" not in head.lower()

    async def _answer(
        self, head: str, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        """Read the body, let the fake answer, write the response."""
        request_line, *lines = head.rstrip("\r\n").split("\r\n")
        headers = {k.strip().lower(): v.strip() for k, _, v in (x.partition(":") for x in lines)}
        body = await reader.readexactly(int(headers.get("content-length") or 0))
        path = request_line.split(" ")[1]
        args = (path, headers.get("content-type", ""), body)
        if self.blocking(path):
            status, answer = await self.loop.run_in_executor(None, self.handle, *args)
        else:
            status, answer = self.handle(*args)
        if answer is None:  # hang up: the request was read and carried out, never answered
            raise ConnectionResetError("hung up on purpose")
        writer.write(_response(status, answer))
        await writer.drain()


def _response(status: int, answer: JSON | bytes) -> bytes:
    """Status line, headers and body in one buffer: one send, no Nagle delay."""
    if isinstance(answer, bytes):
        data, kind = answer, "text/html"
    else:
        data, kind = json.dumps(answer, ensure_ascii=False).encode(), "application/json"
    head = f"HTTP/1.1 {status} {_REASONS.get(status, 'Error')}\r\n"
    head += f"Content-Type: {kind}\r\nContent-Length: {len(data)}\r\n\r\n"
    return head.encode() + data
