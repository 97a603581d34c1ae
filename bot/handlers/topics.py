"""/topics and its buttons: each topic with its keywords and schedule; edit, pause, delete."""

from __future__ import annotations

from dataclasses import replace

from telegram import Update
from telegram.ext import CallbackQueryHandler

from bot import menus, subscribing
from bot.chats import load, save
from bot.context import BotContext
from bot.handlers.common import (
    asker_of,
    command,
    edit,
    explains_input_errors,
    group_admins_only,
    quietly,
    refuse,
    reply,
    say,
)


async def show(update: Update, context: BotContext) -> None:
    """Every topic of the chat, with buttons (anyone may look)."""
    asker = asker_of(update)
    chat = await load(context.services, asker)
    if not chat.subscribed:
        return await say(update, "not_subscribed", who=subscribing.who(asker))
    body, markup = menus.topics(asker.lang, chat)
    await reply(update, body, reply_markup=markup)


@explains_input_errors
@group_admins_only
async def press(update: Update, context: BotContext) -> None:
    """tp:list, tp:ID (its view), tp:ID:pause|resume|del|del!."""
    query = update.callback_query
    assert query is not None and query.data is not None
    asker = asker_of(update)
    chat = await load(context.services, asker)
    if not chat.subscribed:
        return await refuse(update, "not_subscribed", who=subscribing.who(asker))
    _, target, *action = query.data.split(":")
    if target == "list":
        await quietly(update)
        return await edit(update, *menus.topics(asker.lang, chat))
    topic = chat.by_id(int(target))
    if topic is None:
        return await refuse(update, "topic_gone")
    await quietly(update)
    if not action:
        return await edit(update, *menus.topic(asker.lang, chat, topic))
    if action == ["del"] and not topic.is_main:
        return await edit(update, *menus.confirm_delete(asker.lang, topic))
    if action == ["del!"] and not topic.is_main:
        chat = await save(context.services, context.job_queue, chat.without(topic))
        return await edit(update, *menus.topics(asker.lang, chat))
    changed = replace(topic, paused=action == ["pause"])
    chat = await save(context.services, context.job_queue, chat.with_topic(changed), [changed])
    await edit(update, *menus.topics(asker.lang, chat))


HANDLERS = [
    command("topics", show),
    CallbackQueryHandler(press, pattern=r"^tp:(list|\d{1,12}(:(pause|resume|del!?))?)$"),
]
