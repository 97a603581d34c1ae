"""The bot's handlers, one small module per feature; `register` adds them all in order."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application

from bot.handlers import (
    admin,
    digest,
    doc,
    errors,
    fallback,
    inline,
    membership,
    schedule,
    search,
    settings_menu,
    sources,
    start_help,
    subscribe,
    topics,
    trending,
)

MODULES = (  # the fallback last: within a group the first matching handler wins
    start_help,
    subscribe,
    schedule,
    settings_menu,
    topics,
    digest,
    search,
    doc,
    trending,
    admin,
    sources,
    inline,
    membership,
    fallback,
)


def register(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Add every handler in one group, then the error handler."""
    application.add_handler(errors.SERVED, group=errors.SERVED_GROUP)
    for module in MODULES:
        application.add_handlers(module.HANDLERS)
    application.add_error_handler(errors.on_error)
