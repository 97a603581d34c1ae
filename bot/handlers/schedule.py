"""/schedule instant | daily HH:MM | weekly mon..sun HH:MM, and /timezone Area/City."""

from __future__ import annotations

from dataclasses import replace

from telegram import Update

from bot import texts
from bot.context import BotContext
from bot.handlers.common import (
    command,
    describe,
    group_admins_only,
    lang_of,
    reply,
    save,
    subscription_of,
)
from bot.parsing import parse_schedule, parse_timezone


@group_admins_only
async def set_schedule(update: Update, context: BotContext) -> None:
    """Instant pushes, or a digest daily or weekly at a local time."""
    spec = parse_schedule(context.args or ())
    lang = lang_of(update)
    sub = await subscription_of(update, context)
    sub = replace(
        sub, schedule=spec.kind, at=spec.at or sub.at, weekday=spec.weekday, language=lang
    )
    await save(update, context, sub)
    await reply(update, texts.raw(lang, "schedule_set", when=describe(lang, sub)))


@group_admins_only
async def set_timezone(update: Update, context: BotContext) -> None:
    """The IANA time zone digest times are read in."""
    zone = parse_timezone(context.args or ())
    sub = replace(await subscription_of(update, context), timezone=zone)
    await save(update, context, sub)
    lang = lang_of(update)
    await reply(
        update,
        texts.raw(lang, "timezone_set", tz=texts.escape_html(zone), when=describe(lang, sub)),
    )


HANDLERS = [command("schedule", set_schedule), command("timezone", set_timezone)]
