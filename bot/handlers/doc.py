"""/doc ID and the "open" buttons of search results: one document's full card."""

from __future__ import annotations

import asyncio

from telegram import Update
from telegram.ext import CallbackQueryHandler

from bot.context import BotContext
from bot.delivery import as_script
from bot.handlers.common import command, lang_of, reply, say
from bot.parsing import parse_doc_id
from digests.render import render_card_html
from digests.render_html import pack


async def show_doc(update: Update, context: BotContext, doc_id: int) -> None:
    """Reply with the document's card, in the chat's display script."""
    store = context.services.store
    chat = update.effective_chat
    assert chat is not None
    stored, sub = await asyncio.gather(
        asyncio.to_thread(store.document, doc_id), asyncio.to_thread(store.subscription, chat.id)
    )
    if stored is None:
        return await say(update, "no_doc", id=doc_id)
    script = as_script(sub.script if sub else "original")
    for piece in pack([render_card_html(stored.document, script, lang_of(update))]):
        await reply(update, piece)  # a card over 4096 characters goes in pieces


async def doc(update: Update, context: BotContext) -> None:
    """/doc ID."""
    await show_doc(update, context, parse_doc_id(context.args or ()))


async def open_result(update: Update, context: BotContext) -> None:
    """A search result's button."""
    query = update.callback_query
    assert query is not None and query.data is not None
    await query.answer()
    await show_doc(update, context, int(query.data.removeprefix("doc:")))


HANDLERS = [
    command("doc", doc),
    CallbackQueryHandler(open_result, pattern=r"^doc:\d{1,18}$"),
]
