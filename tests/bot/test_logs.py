"""Log lines: one line per record below DEBUG, and never the token."""

from __future__ import annotations

import logging
import sys

import pytest

from bot.logs import Formatter, redact

TOKEN = "123456:AAHsecretSecretSecret"


def record_with_error(message: str) -> logging.LogRecord:
    try:
        raise ConnectionError(f"refused at /bot{TOKEN}/getMe")
    except ConnectionError:
        return logging.LogRecord("x", logging.ERROR, __file__, 1, message, None, sys.exc_info())


@pytest.mark.parametrize("tracebacks", [False, True])
def test_the_token_is_redacted_from_message_and_exception(tracebacks: bool) -> None:
    line = Formatter(TOKEN, tracebacks=tracebacks).format(record_with_error(f"url {TOKEN}"))
    assert TOKEN not in line and TOKEN.partition(":")[2] not in line
    assert "url <token>" in line and "refused at /bot<token>/getMe" in line


def test_without_tracebacks_an_error_is_one_line_naming_the_exception() -> None:
    line = Formatter(TOKEN).format(record_with_error("sending failed"))
    assert "\n" not in line
    assert line.endswith("sending failed (ConnectionError: refused at /bot<token>/getMe)")


def test_with_tracebacks_the_traceback_is_kept() -> None:
    text = Formatter(TOKEN, tracebacks=True).format(record_with_error("sending failed"))
    assert "Traceback (most recent call last)" in text and "record_with_error" in text


def test_redact_leaves_text_alone_without_a_token() -> None:
    assert redact("nothing secret", None) == "nothing secret"
    assert redact(f"half: {TOKEN.partition(':')[2]}", TOKEN) == "half: <token>"
