"""/digest [关键词 …] [Nd]: a digest now.

Without Nd, what this chat has not been sent yet: of its subscription's keywords, or of the
keywords given (matched as /search matches them). With Nd, everything first seen in the
last N days, sent before or not: a reader asking for the week wants the week.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from telegram import Update

from bot.context import BotContext
from bot.delivery import Sent
from bot.handlers.common import (
    command,
    keywords_label,
    lang_of,
    note_chat,
    say,
    subscription_of,
)
from bot.parsing import DigestRequest, parse_digest


async def digest(update: Update, context: BotContext) -> None:
    """The documents asked for, rendered as a digest and marked sent."""
    request = parse_digest(context.args or ())
    sub = replace(await subscription_of(update, context), language=lang_of(update))
    keywords = request.keywords or sub.keywords
    since = datetime.now(UTC) - timedelta(days=request.days) if request.days else None
    docs = await asyncio.to_thread(
        context.services.store.digest_documents,
        sub.chat_id,
        keywords=keywords,
        since=since,
        unseen=request.days is None,
    )
    if not docs:
        return await _nothing(update, request)
    await note_chat(update, context)
    outcome = await context.services.deliverer.deliver(sub, docs)
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


HANDLERS = [command("digest", digest)]
