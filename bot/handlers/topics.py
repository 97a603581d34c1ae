"""/topics and its buttons: each topic with its keywords and schedule; edit, pause, delete."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler

from bot import buttons, menus
from bot.context import BotContext
from bot.handlers.common import (
    asker_of,
    button_data,
    command,
    explains_input_errors,
    group_admins_only,
    redraw,
    show_menu,
)


async def show(update: Update, context: BotContext) -> None:
    """Every topic of the chat, with buttons (anyone may look)."""
    await show_menu(update, context, menus.topics)


@explains_input_errors
@group_admins_only
async def press(update: Update, context: BotContext) -> None:
    """tp:list, tp:ID (its view), tp:ID:pause|resume|del|del!."""
    _, target, *action = button_data(update).split(":")
    asker = asker_of(update)
    view = await buttons.topics(context.services, context.job_queue, asker, target, "".join(action))
    await redraw(update, view)


HANDLERS = [
    command("topics", show),
    CallbackQueryHandler(press, pattern=r"^tp:(list|\d{1,12}(:(pause|resume|del!?))?)$"),
]
