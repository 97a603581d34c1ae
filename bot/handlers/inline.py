"""Inline mode: `@bot 关键词` offers matching documents to share into any chat."""

from __future__ import annotations

import asyncio

from telegram import InlineQueryResultArticle, InputTextMessageContent, Update
from telegram.constants import ParseMode
from telegram.ext import InlineQueryHandler

from bot.cards import View, as_script, card_html
from bot.context import BotContext
from bot.handlers.common import NO_PREVIEW, lang_of
from bot.parsing import InputError, parse_query
from digests.render_html import pack
from digests.script import convert

LIMIT = 10


async def inline_query(update: Update, context: BotContext) -> None:
    """One article per matching document; its message is the card, in the user's script."""
    query = update.inline_query
    assert query is not None
    try:
        words, _ = parse_query(query.query)
    except InputError:
        await query.answer([], cache_time=10)
        return
    store = context.services.store
    page = await asyncio.to_thread(store.search, words, limit=LIMIT)
    docs = await asyncio.gather(*(asyncio.to_thread(store.document, hit.id) for hit in page.hits))
    mine = await asyncio.to_thread(store.subscription, query.from_user.id)  # the private chat's
    view = View(script=mine.script if mine else "original", lang=lang_of(update))
    script = as_script(view.script)
    results = [
        InlineQueryResultArticle(
            id=str(hit.id),
            title=convert(hit.title, script)[:100],
            description=convert(hit.snippet, script)[:100],
            input_message_content=InputTextMessageContent(
                pack([card_html(stored, view)])[0],
                parse_mode=ParseMode.HTML,
                link_preview_options=NO_PREVIEW,
            ),
        )
        for hit, stored in zip(page.hits, docs, strict=True)
        if stored is not None
    ]
    await query.answer(results, cache_time=30)


HANDLERS = [InlineQueryHandler(inline_query)]
