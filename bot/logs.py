"""Logging for every entry point: one format, chatty libraries quieted, the token redacted."""

from __future__ import annotations

import logging

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# httpx logs request URLs, which contain the bot's token; the others log every tick or step
QUIET = ("httpx", "apscheduler", "alembic")


class TokenFilter(logging.Filter):
    """Redact the token from every record a handler emits (defence in depth)."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.token in message:
            record.msg, record.args = message.replace(self.token, "<token>"), None
        if record.exc_info and not record.exc_text:  # the formatter reuses exc_text
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = record.exc_text.replace(self.token, "<token>")
        return True


def configure_logging(token: str | None = None, level: int = logging.INFO) -> None:
    """Log to stderr at `level`; libraries in QUIET only from WARNING up."""
    logging.basicConfig(level=level, format=FORMAT)
    for name in QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)
    if token:
        for handler in logging.getLogger().handlers:
            handler.addFilter(TokenFilter(token))
