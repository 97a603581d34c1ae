"""What handlers share: the user's language, replies and edits, who asked, who may change things."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from functools import wraps
from typing import TYPE_CHECKING, Any

from telegram import ChatMember, InlineKeyboardMarkup, LinkPreviewOptions, Update
from telegram.constants import ChatType
from telegram.error import BadRequest
from telegram.ext import CommandHandler, filters

from bot import subscribing, texts
from bot.chats import Asker, Chat, load
from bot.parsing import InputError
from bot.subscribing import Reply

if TYPE_CHECKING:
    from bot.context import BotContext

log = logging.getLogger(__name__)
_CHANGERS = (ChatMember.ADMINISTRATOR, ChatMember.OWNER)
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
NEW_POSTS = filters.UpdateType.MESSAGE | filters.UpdateType.CHANNEL_POST  # not edits
Handler = Callable[[Update, "BotContext"], Coroutine[Any, Any, None]]
Menu = Callable[[str, Chat], tuple[str, InlineKeyboardMarkup]]  # a view of bot.menus


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
            await refuse(update, error.key, **error.params)

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


async def refuse(update: Update, key: str, **params: object) -> None:
    """Say `key`: as an alert on a pressed button, else as a reply."""
    query = update.callback_query
    if query is None:
        return await say(update, key, **params)
    await query.answer(texts.plain(lang_of(update), key, **params)[:200], show_alert=True)


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


def asker_of(update: Update) -> Asker:
    """Who asked and where: the chat, the reader's language, a group or not, the forum topic."""
    chat = update.effective_chat
    assert chat is not None
    group = chat.type in (ChatType.GROUP, ChatType.SUPERGROUP)
    return Asker(chat.id, lang_of(update), group, _thread_of(update))


def button_data(update: Update) -> str:
    """The pressed button's callback data (the handler's pattern has already matched it)."""
    query = update.callback_query
    assert query is not None and query.data is not None
    return query.data


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


async def show_menu(
    update: Update,
    context: BotContext,
    menu: Menu,
    *,
    offer: Callable[[str], InlineKeyboardMarkup] | None = None,
) -> None:
    """The chat's `menu` (anyone may look); else "not subscribed", with `offer`'s buttons."""
    asker = asker_of(update)
    chat = await load(context.services, asker)
    if chat.subscribed:
        body, markup = menu(asker.lang, chat)
        return await reply(update, body, reply_markup=markup)
    text = texts.text(asker.lang, "not_subscribed", who=subscribing.who(asker))
    await _send(update, text, offer(asker.lang) if offer else None)


async def answer(update: Update, reply: Reply) -> None:
    """Send a service's reply with its buttons."""
    await _send(update, reply.html, reply.markup)


async def _send(update: Update, html: str, markup: InlineKeyboardMarkup | None) -> None:
    if markup is not None:
        await reply(update, html, reply_markup=markup)
    else:
        await reply(update, html)


async def edit(update: Update, html: str, markup: InlineKeyboardMarkup | None = None) -> None:
    """Redraw the pressed button's message; an edit that changes nothing is no error.

    A double tap sends the same edit twice: Telegram answers "message is not modified",
    which only means the message already shows what was asked.
    """
    query = update.callback_query
    assert query is not None
    try:
        await query.edit_message_text(
            html, parse_mode="HTML", reply_markup=markup, link_preview_options=NO_PREVIEW
        )
    except BadRequest as error:
        if "not modified" not in error.message.lower():
            raise


async def redraw(update: Update, view: tuple[str, InlineKeyboardMarkup | None]) -> None:
    """Answer the press, then show `view` (HTML, buttons) in the pressed button's message."""
    await quietly(update)
    await edit(update, *view)


async def quietly(update: Update, text: str | None = None) -> None:
    """Answer a button press (once), with a short notice or nothing."""
    query = update.callback_query
    if query is None:
        return
    try:
        await query.answer(text)
    except BadRequest as error:  # answered already, or too late: the press is handled anyway
        log.info("callback answer refused: %s", error.message)
