"""Logging for every entry point: one format, chatty libraries quieted, the token redacted."""

from __future__ import annotations

import logging

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# httpx logs request URLs, which contain the bot's token; the others log every tick or step
QUIET = ("httpx", "httpcore", "apscheduler", "alembic")
REDACTED = "<token>"


def redact(text: str, token: str | None) -> str:
    """`text` without the token (and without its secret half, which is what identifies it)."""
    if not token:
        return text
    text = text.replace(token, REDACTED)
    secret = token.partition(":")[2]
    return text.replace(secret, REDACTED) if len(secret) >= 8 else text


class Formatter(logging.Formatter):
    """One line per record, the token redacted from all of it (message, arguments, exception).

    Without `tracebacks` an exception is named after the message and its traceback left out:
    operators read these lines in `docker logs`; a traceback is for LOG_LEVEL=DEBUG.
    """

    def __init__(self, token: str | None = None, *, tracebacks: bool = False) -> None:
        super().__init__(FORMAT)
        self.token = token
        self.tracebacks = tracebacks

    def format(self, record: logging.LogRecord) -> str:
        error = record.exc_info[1] if record.exc_info else None
        if error is not None and not self.tracebacks:
            record = logging.makeLogRecord(record.__dict__)
            record.msg = f"{record.getMessage()} ({type(error).__name__}: {error})"
            record.args, record.exc_info, record.exc_text = None, None, None
        return redact(super().format(record), self.token)


def configure_logging(token: str | None = None, level: int | str = logging.INFO) -> None:
    """Log to stderr at `level`; libraries in QUIET only from WARNING up; tracebacks at DEBUG."""
    numeric = logging.getLevelName(level) if isinstance(level, str) else level
    logging.basicConfig(level=numeric, format=FORMAT)
    root = logging.getLogger()
    root.setLevel(numeric)
    for name in QUIET:
        logging.getLogger(name).setLevel(max(logging.WARNING, numeric))
    for handler in root.handlers:
        handler.setFormatter(Formatter(token, tracebacks=numeric <= logging.DEBUG))
