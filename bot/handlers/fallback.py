"""What no other handler took: unknown commands and non-text get a hint; private text searches;
a button press no pattern knows (an old bot's button, or forged data) is answered."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import CallbackQueryHandler, MessageHandler, filters

from bot import texts
from bot.context import BotContext
from bot.handlers.common import NEW_POSTS, explains_input_errors, lang_of, quietly, say
from bot.handlers.search import run_search


def addressed_to_me(update: Update, username: str | None) -> bool:
    """In private chats always; elsewhere only `/cmd@ThisBot` (others' commands are not ours)."""
    message, chat = update.effective_message, update.effective_chat
    if chat is not None and chat.type == ChatType.PRIVATE:
        return True
    first = (message.text or "").split(maxsplit=1)[0] if message is not None else ""
    _, at, target = first.partition("@")
    return bool(at) and username is not None and target.lower() == username.lower()


async def unknown_command(update: Update, context: BotContext) -> None:
    """A command the bot does not have."""
    if addressed_to_me(update, context.bot.username):
        await say(update, "unknown")


async def not_text(update: Update, context: BotContext) -> None:
    """Stickers, photos, voice…: the bot reads text only."""
    await say(update, "not_text")


async def unknown_button(update: Update, context: BotContext) -> None:
    """Callback data no handler's pattern matches: answered, so the client's spinner stops."""
    await quietly(update, texts.plain(lang_of(update), "button_unknown"))


@explains_input_errors
async def private_text(update: Update, context: BotContext) -> None:
    """Plain text in a private chat is a search."""
    assert update.effective_message is not None and update.effective_message.text is not None
    await run_search(update, context, update.effective_message.text)


_PRIVATE = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
HANDLERS = [
    MessageHandler(NEW_POSTS & filters.COMMAND, unknown_command),
    MessageHandler(_PRIVATE & filters.TEXT & ~filters.VIA_BOT, private_text),
    MessageHandler(_PRIVATE & ~filters.TEXT & ~filters.StatusUpdate.ALL, not_text),
    CallbackQueryHandler(unknown_button),  # last: every pattern of the other modules first
]
