"""The bot's own membership: removed from a chat or blocked, it stops delivering there at once.

Telegram tells the bot with a my_chat_member update. Without it, the next digest would find
out by a 403. Added back, the chat stays quiet until someone sends /subscribe again: being
re-added is not asking for news.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace

from telegram import ChatMember, Update
from telegram.ext import ChatMemberHandler

from bot.context import BotContext
from bot.schedules import schedule

log = logging.getLogger(__name__)
GONE = (ChatMember.LEFT, ChatMember.BANNED)  # "left", "kicked": removed, or blocked in private


async def membership(update: Update, context: BotContext) -> None:
    """Deactivate the chat's subscription (and its digest job) when the bot is out of it."""
    change = update.my_chat_member
    assert change is not None
    status = change.new_chat_member.status
    if status not in GONE:
        return
    store, chat_id = context.services.store, change.chat.id
    sub = await asyncio.to_thread(store.subscription, chat_id)
    if sub is None or not sub.active:
        return
    log.info("bot is %s in chat %s: deactivating", status, chat_id)
    await asyncio.to_thread(store.deactivate, chat_id, f"bot {status} (my_chat_member)")
    if context.job_queue is not None:
        schedule(context.job_queue, replace(sub, active=False))  # removes the job


HANDLERS = [ChatMemberHandler(membership, ChatMemberHandler.MY_CHAT_MEMBER)]
