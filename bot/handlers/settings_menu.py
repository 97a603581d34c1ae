"""/settings and its buttons: schedule pickers, script, pause, time zone, unsubscribe.

Views are in `bot.menus` (callback data described there); here each press changes the
chat, saves it and redraws the message. Only who may change the chat presses them.
"""

from __future__ import annotations

from dataclasses import replace

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler

from bot import menus, subscribing, texts
from bot.chats import Chat, load, save
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
)
from bot.store.records import Topic


async def show(update: Update, context: BotContext) -> None:
    """The chat's settings with their buttons (anyone may look)."""
    asker = asker_of(update)
    chat = await load(context.services, asker)
    if not chat.subscribed:
        text = texts.text(asker.lang, "not_subscribed", who=subscribing.who(asker))
        button = InlineKeyboardButton(
            texts.raw(asker.lang, "btn_subscribe_all"), callback_data="sub:all"
        )
        return await reply(update, text, reply_markup=InlineKeyboardMarkup([[button]]))
    body, markup = menus.settings(asker.lang, chat)
    await reply(update, body, reply_markup=markup)


async def _loaded(update: Update, context: BotContext) -> Chat | None:
    chat = await load(context.services, asker_of(update))
    if not chat.subscribed:
        await refuse(update, "not_subscribed", who=subscribing.who(asker_of(update)))
        return None
    return chat


@explains_input_errors
@group_admins_only
async def press(update: Update, context: BotContext) -> None:
    """A button of the settings menu itself."""
    query = update.callback_query
    assert query is not None and query.data is not None
    if (chat := await _loaded(update, context)) is None:
        return
    action, lang = query.data.removeprefix("set:"), asker_of(update).lang
    await quietly(update)
    if action == "unsub!":
        done = await subscribing.cancel(context.services, context.job_queue, asker_of(update), chat)
        return await edit(update, done.html)
    views = {"tz": menus.timezones, "unsub": lambda lang, _: menus.confirm_unsubscribe(lang)}
    if action in views:
        return await edit(update, *views[action](lang, chat))
    sub = chat.sub
    if action in menus.SCRIPTS:
        sub = replace(sub, script=menus.SCRIPTS[action])
    elif action in ("pause", "resume"):
        sub = replace(sub, paused=action == "pause")
    elif action.startswith("tz:"):
        sub = replace(sub, timezone=menus.ZONES[min(int(action[3:]), len(menus.ZONES) - 1)])
    if sub != chat.sub:
        chat = await save(context.services, context.job_queue, replace(chat, sub=sub))
    await edit(update, *menus.settings(lang, chat))


@explains_input_errors
@group_admins_only
async def pick(update: Update, context: BotContext) -> None:
    """A schedule picker's button: open the next choice, or set the topic's schedule."""
    query = update.callback_query
    assert query is not None and query.data is not None
    _, origin, topic_id, step = query.data.split(":")
    if (chat := await _loaded(update, context)) is None:
        return
    topic, lang = chat.by_id(int(topic_id)), asker_of(update).lang
    if topic is None:
        return await refuse(update, "topic_gone")
    await quietly(update)
    if step == "w":
        return await edit(update, *menus.weekdays(lang, topic, origin))
    if step == "d" or (len(step) == 2 and step[0] == "w"):  # d, or wD: the hours of that day
        day = None if step == "d" else int(step[1])
        return await edit(update, *menus.hours(lang, chat, topic, origin, day))
    topic = _scheduled(topic, step)
    chat = await save(context.services, context.job_queue, chat.with_topic(topic), [topic])
    stored = chat.by_id(topic.id) or topic
    await edit(
        update, *(menus.settings(lang, chat) if origin == "s" else menus.topic(lang, chat, stored))
    )


def _scheduled(topic: Topic, step: str) -> Topic:
    """The topic after `i`, `dHH` or `wDhHH` (an hour past 23 is taken as 23)."""
    if step == "i":
        return replace(topic, schedule="instant")
    hour = min(int(step[-2:]), 23)
    at = topic.at.replace(hour=hour, minute=0)
    if step.startswith("d"):
        return replace(topic, schedule="daily", at=at, weekday=None)
    return replace(topic, schedule="weekly", at=at, weekday=int(step[1]))


HANDLERS = [
    command("settings", show),
    CallbackQueryHandler(press, pattern=r"^set:(o|s|t|pause|resume|tz|tz:\d{1,2}|unsub!?|back)$"),
    CallbackQueryHandler(pick, pattern=r"^sc:[st]:\d{1,12}:(i|d|d\d{2}|w|w[0-6]|w[0-6]h\d{2})$"),
]
