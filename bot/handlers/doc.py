"""/doc 编号 and the buttons under cards: the full text (paged), subscribing to a keyword.

- `/doc N`, a search result's `doc:N` and a card's `full:N` send the text's first page;
- `fp:N:P` turns to page P in place (a forged P is clamped to the real range);
- `kw:N:I` subscribes the chat to the document's I-th keyword (who may change it only).
"""

from __future__ import annotations

import asyncio

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler

from bot import subscribing
from bot.cards import View, full_text
from bot.chats import load
from bot.context import BotContext
from bot.handlers.common import (
    asker_of,
    button_data,
    command,
    edit,
    explains_input_errors,
    group_admins_only,
    quietly,
    refuse,
    reply,
)
from bot.parsing import InputError, parse_doc_id
from bot.store.records import StoredDocument

MAX_ID = 2**31 - 1


async def _read(update: Update, context: BotContext, doc_id: int) -> tuple[StoredDocument, View]:
    """The document and how this chat reads it; InputError when there is none."""
    if doc_id > MAX_ID:  # past any id the store hands out (PostgreSQL's integer)
        raise InputError("no_doc", id=doc_id)
    asker = asker_of(update)
    stored, chat = await asyncio.gather(
        asyncio.to_thread(context.services.store.document, doc_id), load(context.services, asker)
    )
    if stored is None:
        raise InputError("no_doc", id=doc_id)
    return stored, View(script=chat.sub.script, lang=asker.lang, keywords=chat.main.keywords)


async def doc(update: Update, context: BotContext) -> None:
    """/doc N: the article's full text, first page."""
    await _first_page(update, context, parse_doc_id(context.args or ()))


@explains_input_errors
async def open_text(update: Update, context: BotContext) -> None:
    """doc:N (a search result) and full:N (a card's 全文): the first page, as a new message."""
    await _first_page(update, context, int(button_data(update).partition(":")[2]))


@explains_input_errors
async def turn_page(update: Update, context: BotContext) -> None:
    """fp:N:P: that page of the text, in place."""
    _, doc_id, page = button_data(update).split(":")
    html, markup = await _page(update, context, int(doc_id), int(page))
    await edit(update, html, markup)


async def _first_page(update: Update, context: BotContext, doc_id: int) -> None:
    """The text's first page as a new message: for /doc and for both buttons that open it."""
    html, markup = await _page(update, context, doc_id, 0)
    await reply(update, html, reply_markup=markup)


async def _page(
    update: Update, context: BotContext, doc_id: int, page: int
) -> tuple[str, InlineKeyboardMarkup]:
    """That page of the text and its buttons; a pressed button is answered first."""
    stored, view = await _read(update, context, doc_id)
    await quietly(update)  # nothing to answer for /doc
    html, markup, _ = full_text(stored, view, page)
    return html, markup


@explains_input_errors
@group_admins_only
async def subscribe_word(update: Update, context: BotContext) -> None:
    """kw:N:I: subscribe to the document's I-th keyword; said in a short notice."""
    _, doc_id, index = button_data(update).split(":")
    stored, _ = await _read(update, context, int(doc_id))
    keywords = stored.document.keywords
    if not keywords:
        return await refuse(update, "no_doc", id=doc_id)
    word = keywords[min(int(index), len(keywords) - 1)]
    notice = await subscribing.add_word(context.services, context.job_queue, asker_of(update), word)
    await quietly(update, notice)


HANDLERS = [
    command("doc", doc),
    CallbackQueryHandler(open_text, pattern=r"^(doc|full):\d{1,18}$"),
    CallbackQueryHandler(turn_page, pattern=r"^fp:\d{1,18}:\d{1,6}$"),
    CallbackQueryHandler(subscribe_word, pattern=r"^kw:\d{1,18}:\d{1,3}$"),
]
