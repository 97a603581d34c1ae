"""The fake Bot API over real HTTP on loopback, in a thread of its own."""

from __future__ import annotations

import asyncio
import email.parser
import email.policy
import json
import re
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from tests.fakebot.inject import Injecting
from tests.fakebot.methods import METHODS
from tests.fakebot.objects import BOT_ID, JSON
from tests.fakebot.state import ApiError, Call, SentMessage
from tests.fakebot.transport import Answer, LoopServer

TOKEN = f"{BOT_ID}:AAFakeTokenForTheDigestBotTests_0123"
_PATH = re.compile(r"/bot([^/]+)/([A-Za-z]+)")
_FILE = re.compile(r"/file/bot([^/]+)/documents/([\w-]+)")
# python-telegram-bot sends strings as they are and everything else JSON-encoded; these
# parameters are always strings, so "123" or "true" in them must stay text.
_STRINGS = {"text", "caption", "parse_mode", "callback_query_id", "inline_query_id", "url"}
_STRINGS |= {"secret_token", "action", "next_offset", "language_code", "inline_message_id"}


class FakeBotApi(Injecting):
    """A Telegram Bot API server for tests: start it, point the bot's base_url at it."""

    def __init__(
        self, token: str = TOKEN, username: str = "DigestTestBot", *, port: int = 0
    ) -> None:
        super().__init__(token, username)
        self._server: LoopServer | None = None
        self._port = port  # 0: any free port

    def _blocks(self, path: str) -> bool:
        """Long polls, and any call while a Fault may delay it, are answered in a thread."""
        return path.lower().endswith("/getupdates") or any(f.times > 0 for f in self.faults)

    @property
    def base_url(self) -> str:
        """What ApplicationBuilder().base_url() takes; python-telegram-bot appends the token."""
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        """What ApplicationBuilder().base_file_url() takes."""
        return f"http://127.0.0.1:{self.port}/file/bot"

    @property
    def port(self) -> int:
        assert self._server, "the fake Bot API is not started"
        return self._server.port

    def start(self) -> FakeBotApi:
        """Listen on an ephemeral loopback port and serve in a background thread."""
        self._server = LoopServer(self.handle, self._blocks, port=self._port)
        self._server.start()
        return self

    def stop(self) -> None:
        """Wake the long polls, close every connection, join every thread."""
        with self.cond:
            self.closed = True
            self.cond.notify_all()
        if self._server:
            self._server.stop()
        self._server = None

    def __enter__(self) -> FakeBotApi:
        return self.start()

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.stop()

    def handle(self, path: str, content_type: str, body: bytes) -> tuple[int, Answer]:
        """Answer one HTTP request: (status, JSON body)."""
        url = urlsplit(path)
        download = _FILE.fullmatch(unquote(url.path))  # PTB quotes the token's ":"
        if download is not None and download.group(1) == self.token:
            with self.cond:
                found = self.files.get(download.group(2))
            return (200, found) if found is not None else (404, ApiError(404, "Not Found").body())
        match = _PATH.fullmatch(url.path)
        if not match or match.group(2).lower() not in METHODS:
            return 404, ApiError(404, "Not Found").body()
        if match.group(1) != self.token:
            return 401, ApiError(401, "Unauthorized").body()
        params = {k: _decode(k, v) for k, v in parse_qsl(url.query)}
        params.update(parse_body(content_type, body))
        return self.call(match.group(2), params)

    def call(self, method: str, params: JSON) -> tuple[int, Answer]:
        """Run one Bot API method, record it, wake the waiters; then misbehave if asked to."""
        at = time.monotonic()
        with self.cond:
            fault = self.take_fault(method, params)
            self.arrived.append(Call(method, params, at, 0))
            self.cond.notify_all()
        if fault is not None and fault.delay:
            time.sleep(fault.delay)  # in a thread of the server's: see _blocks
        status, answer = self._carry_out(method, params, at)
        if fault is not None and fault.answer == "garbage":
            return 200, b"<html><body>502 Bad Gateway</body></html>"
        if fault is not None and fault.answer == "hangup":
            return 200, None
        return status, answer

    def _carry_out(self, method: str, params: JSON, at: float) -> tuple[int, JSON]:
        with self.cond:
            try:
                self.raise_injected(method, params)
                status, answer = 200, {"ok": True, "result": METHODS[method.lower()](self, params)}
            except ApiError as error:
                status, answer = error.status, error.body()
            self.calls_made.append(Call(method, params, at, status))
            self.cond.notify_all()
        return status, answer

    # -- waiting, for tests -------------------------------------------------------------------

    def wait_for_messages(
        self, n: int = 1, chat_id: int | str | None = None, timeout: float = 10
    ) -> list[SentMessage]:
        """Block this thread until at least `n` messages were sent (to `chat_id`)."""
        with self.cond:
            self.cond.wait_for(lambda: len(self.sent(chat_id)) >= n, timeout)
            return self._enough(self.sent(chat_id), n, f"messages to {chat_id}")

    async def wait_for(
        self, n: int = 1, chat_id: int | str | None = None, timeout: float = 10
    ) -> list[SentMessage]:
        """Without blocking the event loop, wait until at least `n` messages were sent."""
        await self.wait_until(lambda: len(self.sent(chat_id)) >= n, timeout)
        return self._enough(self.sent(chat_id), n, f"messages to {chat_id}")

    async def wait_for_calls(self, method: str, n: int = 1, timeout: float = 10) -> list[Call]:
        """Without blocking the event loop, wait until `method` was called `n` times."""
        await self.wait_until(lambda: len(self.calls(method)) >= n, timeout)
        return self._enough(self.calls(method), n, f"calls of {method}")

    async def wait_polling(self, timeout: float = 10) -> None:
        """Wait until a getUpdates long poll is blocked here, waiting for updates."""
        assert await self.wait_until(lambda: self.polls_waiting > 0, timeout), "nobody polls"

    async def wait_consumed(self, timeout: float = 10) -> None:
        """Wait until the bot has fetched every injected update."""
        await self.wait_until(lambda: self.pending_updates() == 0, timeout)
        assert self.pending_updates() == 0, "the bot did not fetch every update"

    async def wait_until(self, predicate: Callable[[], bool], timeout: float = 10) -> bool:
        """Poll `predicate` every 10 ms, yielding to the event loop, until true or timeout."""
        deadline = time.monotonic() + timeout
        while not predicate() and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
        return predicate()

    def _enough(self, found: list[Any], n: int, what: str) -> list[Any]:
        if len(found) < n:
            got = [getattr(f, "plain", getattr(f, "method", f)) for f in found]
            raise AssertionError(f"expected {n} {what}, got {len(found)}: {got!r}")
        return found


def parse_body(content_type: str, body: bytes) -> JSON:
    """Parameters of a JSON, urlencoded or multipart body; uploaded files as bytes."""
    kind = content_type.split(";")[0].strip().lower()
    if not body:
        return {}
    if kind == "application/json":
        return dict(json.loads(body))
    if kind == "multipart/form-data":
        return _multipart(content_type, body)
    return {k: _decode(k, v) for k, v in parse_qsl(body.decode(), keep_blank_values=True)}


def _multipart(content_type: str, body: bytes) -> JSON:
    head = f"Content-Type: {content_type}\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    found: JSON = {}
    for part in message.iter_parts():
        name = str(part.get_param("name", header="content-disposition"))
        payload = bytes(part.get_payload(decode=True))
        found[name] = payload if part.get_filename() else _decode(name, payload.decode())
    return found


def _decode(name: str, value: str) -> Any:
    """Undo python-telegram-bot's encoding: JSON for everything but plain strings."""
    if name in _STRINGS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value
