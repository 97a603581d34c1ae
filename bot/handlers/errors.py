"""The error handler: log what went wrong, tell the user politely, never crash."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError

from bot import texts
from bot.context import BotContext
from bot.handlers.common import lang_of

log = logging.getLogger(__name__)


async def on_error(update: object, context: BotContext) -> None:
    """Log the exception with the update's ids (no message text: it may be private)."""
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
