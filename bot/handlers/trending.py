"""/trending: the week's top keywords as a bar chart, with buttons to search or subscribe.

"The week" is by publish date (first seen for pages without one). The chart is drawn in a
worker thread (`bot.chart`); without a CJK font it is today's numbered list instead.
Buttons: `tr:KEY:s:I` searches the I-th keyword, `tr:KEY:k:I` subscribes to it; KEY
names the list in services.queries, so each button's data stays short.
"""

from __future__ import annotations

import asyncio

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler

from bot import chart, subscribing, texts
from bot.context import BotContext
from bot.handlers.common import (
    asker_of,
    button_data,
    command,
    explains_input_errors,
    lang_of,
    may_change,
    quietly,
    refuse,
    reply,
)
from bot.handlers.search import run_search

TOP = 10


def _buttons(lang: str, key: str, words: list[str]) -> InlineKeyboardMarkup:
    def button(label: str, data: str) -> InlineKeyboardButton:
        return InlineKeyboardButton(label, callback_data=data)

    rows = [
        [
            button(texts.raw(lang, "btn_search_word", word=word[:20]), f"tr:{key}:s:{n}"),
            button(texts.raw(lang, "btn_subscribe_short"), f"tr:{key}:k:{n}"),
        ]
        for n, word in enumerate(words)
    ]
    return InlineKeyboardMarkup(rows)


async def trending(update: Update, context: BotContext) -> None:
    """The chart (or its text) and a search and a subscribe button per keyword."""
    lang = lang_of(update)
    top = await asyncio.to_thread(context.services.store.trending, days=7, limit=TOP)
    if not top:
        return await reply(update, texts.text(lang, "trending_empty"))
    words = [word for word, _ in top]
    markup = _buttons(lang, await context.services.queries.put("\n".join(words)), words)
    title, footer = texts.raw(lang, "trending_title"), texts.raw(lang, "trending_footer")
    png = await asyncio.to_thread(chart.render, title, top, footer)
    message = update.effective_message
    if png is None or message is None:
        lines = [
            texts.text(lang, "trending_line", n=n, word=word, count=count)
            for n, (word, count) in enumerate(top, 1)
        ]
        text = "\n".join([texts.text(lang, "trending_head"), *lines])
        return await reply(update, text, reply_markup=markup)
    caption = texts.text(lang, "trending_caption")
    await message.reply_photo(
        png, caption=caption, parse_mode="HTML", reply_markup=markup, do_quote=False
    )


@explains_input_errors
async def press(update: Update, context: BotContext) -> None:
    """A keyword's button: search it, or subscribe the chat to it."""
    _, key, action, index = button_data(update).split(":")
    remembered = await context.services.queries.get(key)
    if remembered is None:
        return await refuse(update, "trending_expired")
    words = remembered.split("\n")
    word = words[min(int(index), len(words) - 1)]
    if action == "s":
        await quietly(update)
        return await run_search(update, context, word)
    if not await may_change(update, context):
        return await refuse(update, "admins_only")
    notice = await subscribing.add_word(context.services, context.job_queue, asker_of(update), word)
    await quietly(update, notice)


HANDLERS = [
    command("trending", trending),
    CallbackQueryHandler(press, pattern=r"^tr:[0-9a-f]{10}:[sk]:\d{1,2}$"),
]
