"""/subscribe [关键词 …] and /unsubscribe [关键词 …]."""

from __future__ import annotations

from dataclasses import replace

from telegram import Update

from bot import texts
from bot.context import BotContext
from bot.handlers.common import (
    active_subscription,
    command,
    describe,
    group_admins_only,
    keywords_label,
    lang_of,
    reply,
    save,
    say,
    subscription_of,
)
from bot.parsing import MAX_KEYWORDS, InputError, parse_keywords


@group_admins_only
async def subscribe(update: Update, context: BotContext) -> None:
    """All news, or add keywords to the chat's list."""
    words = parse_keywords(context.args or ())
    sub = await subscription_of(update, context)
    merged = tuple(dict.fromkeys((*sub.keywords, *words))) if words and sub.active else words
    if len(merged) > MAX_KEYWORDS:
        raise InputError("too_many_keywords", limit=MAX_KEYWORDS)
    lang = lang_of(update)
    sub = replace(sub, keywords=merged, active=True, language=lang)
    await save(update, context, sub)
    key = "subscribed_keywords" if merged else "subscribed_all"
    label = texts.escape_html(keywords_label(lang, merged))
    await reply(update, texts.raw(lang, key, keywords=label, when=describe(lang, sub)))


@group_admins_only
async def unsubscribe(update: Update, context: BotContext) -> None:
    """Drop the given keywords, or the whole subscription."""
    sub = await active_subscription(update, context)
    if sub is None:
        return await say(update, "not_subscribed")
    words = set(parse_keywords(context.args or ()))
    left = tuple(k for k in sub.keywords if k not in words)
    if not words or (sub.keywords and not left):
        await save(update, context, replace(sub, active=False))
        return await say(update, "unsubscribed_all")
    await save(update, context, replace(sub, keywords=left))
    lang = lang_of(update)
    await say(update, "unsubscribed_keywords", keywords=keywords_label(lang, left))


HANDLERS = [command("subscribe", subscribe), command("unsubscribe", unsubscribe)]
