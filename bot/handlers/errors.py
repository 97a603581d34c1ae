"""The error handler: log what went wrong, tell the user politely, never crash."""

from __future__ import annotations

import logging
import time

from telegram import Update
from telegram.error import Conflict, TelegramError
from telegram.ext import TypeHandler

from bot import texts
from bot.context import BotContext
from bot.handlers.common import lang_of

log = logging.getLogger(__name__)
NEWCOMER = 60.0  # seconds: a poller this young that meets another one gives way


async def on_error(update: object, context: BotContext) -> None:
    """Log the exception with the update's ids (no message text: it may be private)."""
    if update is None and isinstance(context.error, Conflict):
        return _another_poller(context)
    where = ""
    if isinstance(update, Update):
        chat, user = update.effective_chat, update.effective_user
        where = f" (update {update.update_id}, chat {chat and chat.id}, user {user and user.id})"
    log.error("handler failed%s", where, exc_info=context.error)
    if isinstance(update, Update) and update.effective_message and update.effective_chat:
        try:
            await update.effective_message.reply_text(texts.text(lang_of(update), "error"))
        except TelegramError:
            log.warning("could not tell chat %s about the error", update.effective_chat.id)


def _another_poller(context: BotContext) -> None:
    """getUpdates answered 409: another process (on another database) polls this token.

    Telegram ends the older long poll when a newer one arrives, so the process already
    serving hears of the newcomer first; the newcomer hears of it a second later, when the
    other polls again. A process that has had no update yet and started less than NEWCOMER
    seconds ago is the newcomer: it stops, and the other carries on. (The database lock
    stops a second poller on the same database before it polls at all.)
    """
    from bot.startup import Exit

    data = context.bot_data
    if data.served or time.monotonic() - data.started >= NEWCOMER:
        log.warning("Telegram answered Conflict: another process polls this bot's updates")
        return
    log.error(
        "Telegram answered Conflict: another process polls this bot's updates, and Telegram "
        "allows one poller per token; stopping (run replicas with WEBHOOK_URL)"
    )
    context.bot_data.exit_status = Exit.BUSY
    context.application.stop_running()


async def _served(_update: Update, context: BotContext) -> None:
    context.bot_data.served = True


SERVED_GROUP = -1  # before every other handler; handlers in group 0 still run
SERVED = TypeHandler(Update, _served)
