"""/digest [关键词 …] [Nd]: a digest now, and 更多 under any digest.

Without Nd, what this chat has not been sent yet: of its main topic's keywords, or of the
keywords given (matched as /search matches them). With Nd, everything published in the
last N days (by the page's date, first seen when it has none), sent before or not.
In a group it is a look: nothing is marked sent (see `bot.reading`).
"""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.error import BadRequest
from telegram.ext import CallbackQueryHandler

from bot import reading, texts
from bot.chats import load
from bot.context import BotContext
from bot.delivery import Sent
from bot.handlers.common import (
    asker_of,
    button_data,
    command,
    lang_of,
    note_chat,
    quietly,
    refuse,
    say,
)
from bot.parsing import DigestRequest, parse_digest
from bot.wording import keywords_label


async def digest(update: Update, context: BotContext) -> None:
    """The documents asked for, rendered as a digest (marked sent outside groups)."""
    request = parse_digest(context.args or ())
    asker = asker_of(update)
    chat = await load(context.services, asker)
    await note_chat(update, context)
    outcome = await reading.send(
        context.services, chat, asker, reading.ask_of(request, chat, asker)
    )
    if outcome is None:
        return await _nothing(update, request)
    if outcome.result is Sent.FAILED:
        await say(update, "error")


async def _nothing(update: Update, request: DigestRequest) -> None:
    """Say there is nothing, and how to get more (the week, or a search)."""
    words = keywords_label(lang_of(update), request.keywords)
    if request.days:
        key = "nothing_in_days_matching" if request.keywords else "nothing_in_days"
        return await say(update, key, days=request.days, keywords=words)
    if not request.keywords:
        return await say(update, "nothing_new")
    await say(update, "nothing_new_matching", keywords=words, query=" ".join(request.keywords))


async def more(update: Update, context: BotContext) -> None:
    """更多: the button goes (a second tap finds it gone), the next batch is sent."""
    data = button_data(update)
    if not await _took_button(update):
        return await quietly(update)
    asker = asker_of(update)
    chat = await load(context.services, asker)
    kind, _, rest = data.removeprefix("mo:").partition(":")
    if kind == "t":
        outcome = await reading.send_topic(context.services, chat, asker, int(rest))
    else:
        key, _, offset = rest.partition(":")
        if (encoded := await context.services.queries.get(key)) is None:
            return await refuse(update, "digest_expired")
        ask = reading.Ask.decode(encoded)
        outcome = await reading.send(context.services, chat, asker, ask, int(offset))
    await quietly(update, None if outcome else texts.plain(asker.lang, "nothing_more"))


async def _took_button(update: Update) -> bool:
    """Remove 更多 from the message; False when it was gone already (a double tap)."""
    query = update.callback_query
    assert query is not None and query.message is not None
    markup = getattr(query.message, "reply_markup", None)
    rows = markup.inline_keyboard if markup else ()
    kept = [row for row in rows if not any((b.callback_data or "").startswith("mo:") for b in row)]
    if len(kept) == len(rows):
        return False
    try:
        await query.edit_message_reply_markup(InlineKeyboardMarkup(kept))
    except BadRequest:  # "not modified": another tap took it first
        return False
    return True


HANDLERS = [
    command("digest", digest),
    CallbackQueryHandler(more, pattern=r"^mo:(t:\d{1,12}|q:[0-9a-f]{10}:\d{1,6})$"),
]
