"""What the buttons of /settings, its pickers and /topics change, and what they show next.

Each function takes the pressed button's parts, changes and saves the chat when the button
says so, and returns the view to redraw the message with (see `bot.menus` for the callback
data). A button of a chat that is not subscribed, or of a topic that is gone (or another
chat's: a forged one), raises InputError: the presser sees why in an alert.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from bot import menus, subscribing
from bot.chats import Asker, Chat, load, save
from bot.parsing import InputError
from bot.store.records import Topic

if TYPE_CHECKING:
    from telegram.ext import JobQueue

    from bot.context import Services

View = tuple[str, Any]  # HTML and the buttons (None: none)


async def _subscribed(services: Services, asker: Asker) -> Chat:
    chat = await load(services, asker)
    if not chat.subscribed:
        raise InputError("not_subscribed", who=subscribing.who(asker))
    return chat


def _topic(chat: Chat, topic_id: int) -> Topic:
    topic = chat.by_id(topic_id)
    if topic is None:
        raise InputError("topic_gone")
    return topic


async def settings(
    services: Services, jobs: JobQueue[Any] | None, asker: Asker, action: str
) -> View:
    """`set:…`: a script, pause or resume, a time zone, the unsubscribe question and answer."""
    chat, lang = await _subscribed(services, asker), asker.lang
    if action == "unsub!":
        return (await subscribing.cancel(services, jobs, asker, chat)).html, None
    if action == "unsub":
        return menus.confirm_unsubscribe(lang)
    if action == "tz":
        return menus.timezones(lang, chat)
    sub = chat.sub
    if action in menus.SCRIPTS:
        sub = replace(sub, script=menus.SCRIPTS[action])
    elif action in ("pause", "resume"):
        sub = replace(sub, paused=action == "pause")
    elif action.startswith("tz:"):
        sub = replace(sub, timezone=menus.ZONES[min(int(action[3:]), len(menus.ZONES) - 1)])
    if sub != chat.sub:
        chat = await save(services, jobs, replace(chat, sub=sub))
    return menus.settings(lang, chat)


async def schedule(
    services: Services,
    jobs: JobQueue[Any] | None,
    asker: Asker,
    origin: str,
    topic_id: int,
    step: str,
) -> View:
    """`sc:…`: open the weekdays or the hours, or set the topic's schedule and go back."""
    chat, lang = await _subscribed(services, asker), asker.lang
    topic = _topic(chat, topic_id)
    if step == "w":
        return menus.weekdays(lang, topic, origin)
    if step == "d" or (len(step) == 2 and step[0] == "w"):  # d, or wD: the hours of that day
        return menus.hours(lang, chat, topic, origin, None if step == "d" else int(step[1]))
    topic = scheduled(topic, step)
    chat = await save(services, jobs, chat.with_topic(topic), [topic])
    if origin == "s":
        return menus.settings(lang, chat)
    return menus.topic(lang, chat, chat.by_id(topic.id) or topic)


def scheduled(topic: Topic, step: str) -> Topic:
    """The topic after `i`, `dHH` or `wDhHH` (an hour past 23 is taken as 23)."""
    if step == "i":
        return replace(topic, schedule="instant")
    hour = min(int(step[-2:]), 23)
    at = topic.at.replace(hour=hour, minute=0)
    if step.startswith("d"):
        return replace(topic, schedule="daily", at=at, weekday=None)
    return replace(topic, schedule="weekly", at=at, weekday=int(step[1]))


async def topics(
    services: Services, jobs: JobQueue[Any] | None, asker: Asker, target: str, action: str
) -> View:
    """`tp:…`: the list, a topic's view, pause or resume it, ask before deleting, delete."""
    chat, lang = await _subscribed(services, asker), asker.lang
    if target == "list":
        return menus.topics(lang, chat)
    topic = _topic(chat, int(target))
    if not action:
        return menus.topic(lang, chat, topic)
    if action == "del" and not topic.is_main:
        return menus.confirm_delete(lang, topic)
    if action == "del!" and not topic.is_main:
        return menus.topics(lang, await save(services, jobs, chat.without(topic)))
    changed = replace(topic, paused=action == "pause")
    chat = await save(services, jobs, chat.with_topic(changed), [changed])
    return menus.topics(lang, chat)


__all__ = ["schedule", "scheduled", "settings", "topics"]
