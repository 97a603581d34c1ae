"""What handlers share: the user's language, replies, the chat's subscription, who may change it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from dataclasses import replace
from datetime import UTC, datetime
from functools import wraps
from typing import TYPE_CHECKING, Any

from telegram import ChatMember, LinkPreviewOptions, Update
from telegram.constants import ChatType
from telegram.ext import CommandHandler, filters

from bot import texts
from bot.parsing import InputError
from bot.schedules import schedule
from bot.store.records import Subscription

if TYPE_CHECKING:
    from bot.context import BotContext

_CHANGERS = (ChatMember.ADMINISTRATOR, ChatMember.OWNER)
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
NEW_POSTS = filters.UpdateType.MESSAGE | filters.UpdateType.CHANNEL_POST  # not edits
Handler = Callable[[Update, "BotContext"], Coroutine[Any, Any, None]]


def command(name: str, callback: Handler) -> CommandHandler[Any, None]:
    """A command answered in private chats, groups (also as /name@Bot) and channels."""
    return CommandHandler(name, explains_input_errors(callback), filters=NEW_POSTS)


def explains_input_errors(handler: Handler) -> Handler:
    """Answer an InputError the handler raises (bad arguments) with its text."""

    @wraps(handler)
    async def explaining(update: Update, context: BotContext) -> None:
        try:
            await handler(update, context)
        except InputError as error:
            await say(update, error.key, **error.params)

    return explaining


def lang_of(update: Update) -> texts.Lang:
    """The language to answer this update in."""
    user = update.effective_user
    return texts.language_of(user.language_code if user else None)


async def reply(update: Update, html: str, **kwargs: Any) -> None:
    """Answer in the chat (and topic) the update came from."""
    message = update.effective_message
    if message is not None:
        await message.reply_html(html, do_quote=False, link_preview_options=NO_PREVIEW, **kwargs)


async def say(update: Update, key: str, **params: object) -> None:
    """Reply with the text `key` in the user's language."""
    await reply(update, texts.text(lang_of(update), key, **params))


async def refuse(update: Update, key: str) -> None:
    """Say `key`: as an alert on a pressed button, else as a reply."""
    query = update.callback_query
    if query is None:
        return await say(update, key)
    await query.answer(texts.text(lang_of(update), key), show_alert=True)


async def may_change(update: Update, context: BotContext) -> bool:
    """Private chats and channels: yes; groups: only their administrators (asks Telegram)."""
    chat, user, message = update.effective_chat, update.effective_user, update.effective_message
    if chat is None or chat.type in (ChatType.PRIVATE, ChatType.CHANNEL):
        return True
    if message is not None and message.sender_chat is not None:
        return message.sender_chat.id == chat.id  # an anonymous admin posts as the group
    if user is None:
        return False
    member = await context.bot.get_chat_member(chat.id, user.id)
    return member.status in _CHANGERS


def group_admins_only(handler: Handler) -> Handler:
    """Refuse group members who may not change the chat's subscription (see `may_change`)."""

    @wraps(handler)
    async def guarded(update: Update, context: BotContext) -> None:
        if not await may_change(update, context):
            return await refuse(update, "admins_only")
        await handler(update, context)

    return guarded


async def active_subscription(update: Update, context: BotContext) -> Subscription | None:
    """The chat's stored subscription, or None when it has none or it was cancelled."""
    chat = update.effective_chat
    assert chat is not None
    sub = await asyncio.to_thread(context.services.store.subscription, chat.id)
    return sub if sub is not None and sub.active else None


async def subscription_of(update: Update, context: BotContext) -> Subscription:
    """The chat's stored subscription, or the default one for a chat that has none yet."""
    chat = update.effective_chat
    assert chat is not None
    settings, store = context.services.settings, context.services.store
    sub = await asyncio.to_thread(store.subscription, chat.id)
    if sub is None:
        sub = Subscription(
            chat_id=chat.id,
            at=settings.digest_time,
            timezone=settings.timezone,
            language=lang_of(update),
            last_digest_at=datetime.now(UTC),
        )
    return replace(sub, thread_id=_thread_of(update) or sub.thread_id)


def _thread_of(update: Update) -> int | None:
    message = update.effective_message
    return message.message_thread_id if message is not None and message.is_topic_message else None


async def note_chat(update: Update, context: BotContext) -> None:
    """Record the chat (deliveries and subscriptions refer to it)."""
    chat = update.effective_chat
    assert chat is not None
    title = chat.title or chat.username
    store = context.services.store
    await asyncio.to_thread(
        store.upsert_chat, chat.id, kind=chat.type, title=title, language=lang_of(update)
    )


async def save(update: Update, context: BotContext, sub: Subscription) -> None:
    """Store the chat and its subscription, and reschedule its digest job."""
    await note_chat(update, context)
    await asyncio.to_thread(context.services.store.save_subscription, sub)
    if context.job_queue is not None:
        schedule(context.job_queue, sub)


def describe(lang: str, sub: Subscription) -> str:
    """ "A digest every day at 08:00 (Asia/Shanghai)." and the like."""
    at = sub.at.strftime("%H:%M")
    if sub.schedule == "instant":
        return texts.text(lang, "when_instant")
    if sub.schedule == "weekly":
        day = texts.weekday_name(lang, sub.weekday or 0)
        return texts.text(lang, "when_weekly", day=day, at=at, tz=sub.timezone)
    return texts.text(lang, "when_daily", at=at, tz=sub.timezone)


def keywords_label(lang: str, keywords: tuple[str, ...]) -> str:
    """The keywords joined, or "all news"."""
    return "、".join(keywords) if keywords else texts.text(lang, "all_news")
