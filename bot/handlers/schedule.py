"""/schedule [#主题] 每天 HH:MM | 每周一…日 HH:MM | 即时, and /timezone 城市 | UTC±N | IANA."""

from __future__ import annotations

from telegram import Update

from bot import subscribing
from bot.context import BotContext
from bot.handlers.common import answer, asker_of, command, may_change, refuse


async def set_schedule(update: Update, context: BotContext) -> None:
    """A topic's schedule; without arguments, the current one and how to change it."""
    await _changing(update, context, subscribing.set_schedule)


async def set_timezone(update: Update, context: BotContext) -> None:
    """The chat's time zone; without arguments, the current one and how to change it."""
    await _changing(update, context, subscribing.set_timezone)


async def _changing(update: Update, context: BotContext, change: subscribing.Change) -> None:
    """Anyone may read the current value; only who may change the chat changes it."""
    if context.args and not await may_change(update, context):
        return await refuse(update, "admins_only")
    found = await change(context.services, context.job_queue, asker_of(update), context.args or ())
    await answer(update, found)


HANDLERS = [command("schedule", set_schedule), command("timezone", set_timezone)]
