"""/digest [关键词 | Nd]: a digest now of what this chat has not been sent yet."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from telegram import Update

from bot.context import BotContext
from bot.delivery import Sent
from bot.handlers.common import command, explain, lang_of, note_chat, say, subscription_of
from bot.parsing import InputError, parse_digest


async def digest(update: Update, context: BotContext) -> None:
    """Unseen documents (of the last N days, or matching keywords), rendered and marked sent."""
    try:
        request = parse_digest(context.args or ())
    except InputError as error:
        return await explain(update, error)
    sub = replace(await subscription_of(update, context), language=lang_of(update))
    since = datetime.now(UTC) - timedelta(days=request.days) if request.days else None
    docs = await asyncio.to_thread(
        context.services.store.unseen_documents,
        sub.chat_id,
        keywords=request.keywords or sub.keywords,
        since=since,
    )
    if not docs:
        return await say(update, "nothing_new")
    await note_chat(update, context)
    outcome = await context.services.deliverer.deliver(sub, docs)
    if outcome.result is Sent.FAILED:
        await say(update, "error")


HANDLERS = [command("digest", digest)]
