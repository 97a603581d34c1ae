"""/start and /help: the commands a reader may use; the bot admins' ones only for them."""

from __future__ import annotations

from telegram import Update

from bot import texts
from bot.context import BotContext
from bot.handlers.common import asker_of, command, lang_of, may_change, reply


async def start(update: Update, context: BotContext) -> None:
    """Greet, then show the commands."""
    lang = lang_of(update)
    await reply(update, texts.text(lang, "start") + "\n\n" + await _help(update, context))


async def help_command(update: Update, context: BotContext) -> None:
    """The commands with a line each; in a group, who may change its subscription."""
    await reply(update, await _help(update, context))


async def _help(update: Update, context: BotContext) -> str:
    user = update.effective_user
    admin = user is not None and user.id in context.services.settings.admin_ids
    group = ""
    if asker_of(update).group:
        group = "admin" if await may_change(update, context) else "member"
    bot = context.bot.username or "bot"
    return texts.help_text(lang_of(update), bot, admin=admin, group=group)


HANDLERS = [command("start", start), command("help", help_command)]
