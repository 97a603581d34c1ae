"""`digestbot run`: the Telegram bot, long polling, or a webhook when WEBHOOK_URL is set."""

from __future__ import annotations

import argparse
import asyncio
import logging
from urllib.parse import urlsplit

from bot.cli.arguments import Commands
from bot.settings import Settings
from bot.startup import Exit, StartupError, check_bot_api, check_local

NO_TOKEN = "digestbot run: TELEGRAM_BOT_TOKEN is not set (get one from @BotFather)"
log = logging.getLogger(__name__)


def register(commands: Commands) -> None:
    """Add the `run` subcommand to the `digestbot` parser."""
    parser = commands.add_parser(
        "run",
        help="run the Telegram bot",
        description="Run the bot: long polling, or a webhook when WEBHOOK_URL is set "
        "(listening on 0.0.0.0:$PORT, default 8443). SIGTERM or Ctrl-C stops it.",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Check what the bot needs, then serve until SIGTERM/SIGINT; see `Exit` for the status."""
    settings = Settings.from_env()
    if not settings.token:
        raise StartupError(NO_TOKEN.removeprefix("digestbot run: "), Exit.SETTING)
    # telegram's import is slow and `digestbot digest` must not pay for it
    from telegram import Update

    from bot.app import build_application
    from bot.logs import configure_logging

    configure_logging(settings.token, settings.log_level)
    check_local(settings, heartbeat=True)
    username = asyncio.run(check_bot_api(settings))
    log.info("the Bot API knows this token as @%s", username)
    application = build_application(settings, stop_signals=True)
    if settings.webhook_url:
        application.run_webhook(
            listen="0.0.0.0",
            port=settings.port,
            webhook_url=settings.webhook_url,
            url_path=urlsplit(settings.webhook_url).path.lstrip("/"),
            allowed_updates=Update.ALL_TYPES,
            stop_signals=None,
        )
    else:
        application.run_polling(allowed_updates=Update.ALL_TYPES, stop_signals=None)
    log.info("stopped")
    return application.bot_data.exit_status or Exit.OK
