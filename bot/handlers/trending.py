"""/trending: the top keywords of the last 7 days."""

from __future__ import annotations

import asyncio

from telegram import Update

from bot import texts
from bot.context import BotContext
from bot.handlers.common import command, lang_of, reply


async def trending(update: Update, context: BotContext) -> None:
    """Keywords ranked by how many of the week's documents carry them."""
    lang = lang_of(update)
    top = await asyncio.to_thread(context.services.store.trending, days=7, limit=10)
    if not top:
        return await reply(update, texts.text(lang, "trending_empty"))
    lines = [f"{n}. #{texts.escape_html(word)} ({count})" for n, (word, count) in enumerate(top, 1)]
    await reply(update, "\n".join([texts.text(lang, "trending_head"), *lines]))


HANDLERS = [command("trending", trending)]
