"""The bot's own membership: removed from a chat or blocked, it stops delivering there at once.

Telegram tells the bot with a my_chat_member update. Without it, the next digest would find
out by a 403. Added back, the chat stays quiet until someone sends /subscribe again: being
re-added is not asking for news. Added to a group, the bot introduces itself and says who
can set it up (the group's administrators).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace

from telegram import ChatMember, Update
from telegram.constants import ChatType
from telegram.ext import ChatMemberHandler

from bot import texts
from bot.context import BotContext
from bot.schedules import schedule_chat

log = logging.getLogger(__name__)
GONE = (ChatMember.LEFT, ChatMember.BANNED)  # "left", "kicked": removed, or blocked in private


async def membership(update: Update, context: BotContext) -> None:
    """Deactivate the chat's subscription (and its jobs) when the bot is out of it."""
    change = update.my_chat_member
    assert change is not None
    status = change.new_chat_member.status
    if status not in GONE:
        return await _introduce(update, context)
    store, chat_id = context.services.store, change.chat.id
    sub = await asyncio.to_thread(store.subscription, chat_id)
    if sub is None or not sub.active:
        return
    log.info("bot is %s in chat %s: deactivating", status, chat_id)
    if context.job_queue is not None and context.services.leading:  # jobs first: none fires
        topics = await asyncio.to_thread(store.topics, chat_id)
        schedule_chat(context.job_queue, replace(sub, active=False), topics)
    await asyncio.to_thread(store.deactivate, chat_id, f"bot {status} (my_chat_member)")


async def _introduce(update: Update, context: BotContext) -> None:
    """Joining a group (not a promotion inside it): say what the bot does and who sets it up."""
    change = update.my_chat_member
    assert change is not None
    joined = change.old_chat_member.status in GONE
    if not joined or change.chat.type not in (ChatType.GROUP, ChatType.SUPERGROUP):
        return
    lang = texts.language_of(change.from_user.language_code if change.from_user else None)
    intro = texts.text(lang, "intro_group", bot=context.bot.username or "bot")
    await context.services.deliverer.send(change.chat.id, intro)


HANDLERS = [ChatMemberHandler(membership, ChatMemberHandler.MY_CHAT_MEMBER)]
