"""`digestbot run`: the Telegram bot, long polling, or a webhook when WEBHOOK_URL is set."""

from __future__ import annotations

import argparse
import sys
from typing import Any
from urllib.parse import urlsplit

from bot.settings import Settings

NO_TOKEN = "digestbot run: TELEGRAM_BOT_TOKEN is not set (get one from @BotFather)"


def register(commands: argparse._SubParsersAction[Any]) -> None:
    """Add the `run` subcommand to the `digestbot` parser."""
    parser = commands.add_parser(
        "run",
        help="run the Telegram bot",
        description="Run the bot: long polling, or a webhook when WEBHOOK_URL is set "
        "(listening on 0.0.0.0:$PORT, default 8443).",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Start the bot and serve until interrupted; 2 when the settings cannot be used."""
    settings = Settings.from_env()
    if not settings.token:
        print(NO_TOKEN, file=sys.stderr)
        return 2
    # telegram's import is slow and `digestbot digest` must not pay for it
    from telegram import Update

    from bot.app import build_application
    from bot.logs import configure_logging

    configure_logging(settings.token)
    application = build_application(settings)
    if settings.webhook_url:
        application.run_webhook(
            listen="0.0.0.0",
            port=settings.port,
            webhook_url=settings.webhook_url,
            url_path=urlsplit(settings.webhook_url).path.lstrip("/"),
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        application.run_polling(allowed_updates=Update.ALL_TYPES)
    return 0
