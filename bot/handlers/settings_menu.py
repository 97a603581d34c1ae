"""/settings and its buttons: schedule pickers, script, pause, time zone, unsubscribe.

What each press changes is `bot.buttons`, the views `bot.menus` (the callback data is
described there); here a press is answered and its message redrawn. Only who may change
the chat presses them.
"""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler

from bot import buttons, menus, texts
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
    """The chat's settings with their buttons (anyone may look)."""
    await show_menu(update, context, menus.settings, offer=_subscribe_all)


def _subscribe_all(lang: str) -> InlineKeyboardMarkup:
    """An unsubscribed chat is offered the one-tap subscription."""
    button = InlineKeyboardButton(texts.raw(lang, "btn_subscribe_all"), callback_data="sub:all")
    return InlineKeyboardMarkup([[button]])


@explains_input_errors
@group_admins_only
async def press(update: Update, context: BotContext) -> None:
    """A button of the settings menu itself (set:…)."""
    action = button_data(update).removeprefix("set:")
    view = await buttons.settings(context.services, context.job_queue, asker_of(update), action)
    await redraw(update, view)


@explains_input_errors
@group_admins_only
async def pick(update: Update, context: BotContext) -> None:
    """A schedule picker's button (sc:…): the next choice, or the schedule set."""
    _, origin, topic_id, step = button_data(update).split(":")
    asker = asker_of(update)
    view = await buttons.schedule(
        context.services, context.job_queue, asker, origin, int(topic_id), step
    )
    await redraw(update, view)


HANDLERS = [
    command("settings", show),
    CallbackQueryHandler(press, pattern=r"^set:(o|s|t|pause|resume|tz|tz:\d{1,2}|unsub!?|back)$"),
    CallbackQueryHandler(pick, pattern=r"^sc:[st]:\d{1,12}:(i|d|d\d{2}|w|w[0-6]|w[0-6]h\d{2})$"),
]
