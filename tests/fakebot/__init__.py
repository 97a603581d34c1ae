"""A fake Telegram Bot API over real HTTP, and the pytest fixture that runs it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fakebot.flood import FloodReport
from tests.fakebot.html_check import EntityError, check_text, parse_html
from tests.fakebot.server import TOKEN, FakeBotApi
from tests.fakebot.state import ApiError, Call, SentMessage

__all__ = [
    "TOKEN",
    "ApiError",
    "Call",
    "EntityError",
    "FakeBotApi",
    "FloodReport",
    "SentMessage",
    "check_text",
    "fake_bot",
    "parse_html",
]


@pytest.fixture
def fake_bot() -> Iterator[FakeBotApi]:
    """A started fake Bot API; stopped, every socket and thread closed, after the test."""
    with FakeBotApi() as fake:
        yield fake
