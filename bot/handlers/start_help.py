"""/start and /help."""

from __future__ import annotations

from telegram import Update

from bot import texts
from bot.context import BotContext
from bot.handlers.common import command, lang_of, reply


async def start(update: Update, context: BotContext) -> None:
    """Greet, then show every command."""
    lang = lang_of(update)
    await reply(update, texts.text(lang, "start") + "\n\n" + _help(lang, context))


async def help_command(update: Update, context: BotContext) -> None:
    """Every command with a line each."""
    await reply(update, _help(lang_of(update), context))


def _help(lang: str, context: BotContext) -> str:
    return texts.help_text(lang, context.bot.username or "bot")


HANDLERS = [command("start", start), command("help", help_command)]
