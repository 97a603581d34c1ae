"""Admins manage the sources from the chat: /removesource N, and an OPML file sent to the bot."""

from __future__ import annotations

import asyncio

from telegram import Update
from telegram.ext import MessageHandler, filters

from bot import texts
from bot.catalog import Imported, import_opml
from bot.context import BotContext
from bot.handlers.admin import admin_only
from bot.handlers.common import command, lang_of, reply, say
from bot.sources.model import cap_text
from bot.sources.opml import InvalidOPML

MAX_OPML = 2**20  # an OPML file of a thousand sources is about 150 KB
SHOWN_REFUSALS = 5
OPML_FILES = filters.Document.FileExtension("opml") | filters.Document.MimeType("text/x-opml")


@admin_only
async def remove_source(update: Update, context: BotContext) -> None:
    """/removesource N: no longer scanned; what it brought stays stored and searchable."""
    args = context.args or []
    if len(args) != 1 or not args[0].isdigit():
        return await say(update, "removesource_usage")
    row = await asyncio.to_thread(context.services.store.remove_source, int(args[0]))
    if row is None:
        return await say(update, "no_source", id=args[0])
    await say(update, "source_removed", id=row.id, location=row.location, n=row.documents)


@admin_only
async def opml_file(update: Update, context: BotContext) -> None:
    """An OPML file from an admin: every source it names is added."""
    message = update.effective_message
    if message is None or message.document is None:
        return
    if (message.document.file_size or 0) > MAX_OPML:
        return await say(update, "opml_too_big", limit=cap_text(MAX_OPML))
    data = bytes(await (await message.document.get_file()).download_as_bytearray())
    try:
        done = await asyncio.to_thread(import_opml, context.services.store, data)
    except InvalidOPML as error:
        return await say(update, "opml_invalid", reason=str(error))
    await reply(update, imported_text(lang_of(update), done))


def imported_text(lang: str, done: Imported) -> str:
    """The summary line, and the first few refusals with their reasons."""
    counts = {"added": len(done.added), "known": len(done.known), "refused": len(done.refused)}
    lines = [texts.text(lang, "opml_imported", **counts)]
    for location, why in done.refused[:SHOWN_REFUSALS]:
        reason = texts.reason(lang, why)
        lines.append(
            texts.raw(
                lang, "opml_refused_line", location=texts.escape_html(location), reason=reason
            )
        )
    return "\n".join(lines)


HANDLERS = [
    command("removesource", remove_source),
    MessageHandler(OPML_FILES & filters.UpdateType.MESSAGE, opml_file),
]
