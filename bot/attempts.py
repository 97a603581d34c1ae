"""What a send that failed without a Telegram answer tells: did the message go out?

python-telegram-bot turns every transport failure into a `NetworkError` (`TimedOut` for
timeouts) raised *from* httpx's exception, and an answer it cannot parse into a bare
`TelegramError`. The httpx cause says how far the request got: a connection never made
cannot have delivered anything, so it is safe to send again; once the request was written,
a lost or unreadable answer leaves the message maybe delivered, so sending again may show
the reader a copy.
"""

from __future__ import annotations

import enum

import httpx
from telegram.error import NetworkError, TelegramError

# the request never left: no connection, or none free in the pool
_UNSENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)


class Attempt(enum.Enum):
    UNSENT = "unsent"  # never reached Telegram: send again freely
    REFUSED = "refused"  # Telegram (or its gateway) answered an HTTP error: nothing was sent
    UNSURE = "unsure"  # written, then no readable answer: the message may have arrived


def attempt_of(error: TelegramError) -> Attempt:
    """How far the failed request got, from PTB's exception and httpx's cause of it."""
    cause = error.__cause__
    if isinstance(cause, _UNSENT):
        return Attempt.UNSENT
    if isinstance(error, NetworkError) and (cause is None or isinstance(cause, TelegramError)):
        return Attempt.REFUSED  # a 5xx answer: PTB raises it from nothing, or from the
        # TelegramError of a body that was not JSON
    return Attempt.UNSURE  # read timeout, closed after the request, or an unreadable 2xx


__all__ = ["Attempt", "attempt_of"]
