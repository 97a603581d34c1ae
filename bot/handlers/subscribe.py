"""/subscribe [#主题] [关键词 …], /unsubscribe [#主题] [关键词 …], and the answer buttons.

A bare /subscribe in a chat that has keywords asks (全部新闻 / 保留关键词) instead of
replacing them; `sub:all` and `sub:keep` are those buttons.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler

from bot import subscribing
from bot.context import BotContext
from bot.handlers.common import (
    answer,
    asker_of,
    button_data,
    command,
    edit,
    explains_input_errors,
    group_admins_only,
    note_chat,
    quietly,
)


@group_admins_only
async def subscribe(update: Update, context: BotContext) -> None:
    """All news, keywords, or a named topic's keywords."""
    await note_chat(update, context)
    args = context.args or ()
    found = await subscribing.subscribe(context.services, context.job_queue, asker_of(update), args)
    await answer(update, found)


@group_admins_only
async def unsubscribe(update: Update, context: BotContext) -> None:
    """Drop keywords, a named topic, or everything."""
    args = context.args or ()
    found = await subscribing.unsubscribe(
        context.services, context.job_queue, asker_of(update), args
    )
    await answer(update, found)


@explains_input_errors
@group_admins_only
async def choose(update: Update, context: BotContext) -> None:
    """全部新闻 / 保留关键词 under a bare /subscribe: the question becomes the answer."""
    data = button_data(update)
    await quietly(update)
    keep = data == "sub:keep"
    found = await subscribing.choose_all(
        context.services, context.job_queue, asker_of(update), keep
    )
    await edit(update, found.html)


HANDLERS = [
    command("subscribe", subscribe),
    command("unsubscribe", unsubscribe),
    CallbackQueryHandler(choose, pattern=r"^sub:(all|keep)$"),
]
