"""/settings: the chat's subscription, with buttons for schedule, pause/resume and script."""

from __future__ import annotations

from dataclasses import replace

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler

from bot import texts
from bot.context import BotContext
from bot.handlers.common import (
    active_subscription,
    command,
    describe,
    group_admins_only,
    keywords_label,
    lang_of,
    refuse,
    reply,
    save,
    say,
)
from bot.store.records import Subscription

PREFIX = "set:"
_SCRIPTS = {"o": "original", "s": "simplified", "t": "traditional"}


def render(lang: str, sub: Subscription) -> tuple[str, InlineKeyboardMarkup]:
    """The settings text and its buttons."""
    body = texts.raw(
        lang,
        "settings",
        keywords=texts.escape_html(keywords_label(lang, sub.keywords)),
        when=describe(lang, sub),
        state=texts.text(lang, "state_paused" if sub.paused else "state_active"),
        script=texts.text(lang, f"script_{sub.script}"),
    )
    toggle = ("btn_resume", "resume") if sub.paused else ("btn_pause", "pause")
    rows = [
        [_button(lang, f"btn_{kind}", kind) for kind in ("instant", "daily", "weekly")],
        [_button(lang, *toggle)],
        [
            InlineKeyboardButton(label, callback_data=PREFIX + code)
            for code, label in (("o", "原"), ("s", "简"), ("t", "繁"))
        ],
    ]
    return body, InlineKeyboardMarkup(rows)


def _button(lang: str, key: str, action: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(texts.text(lang, key), callback_data=PREFIX + action)


def apply(sub: Subscription, action: str) -> Subscription:
    """The subscription after pressing the button `action`."""
    if action in ("pause", "resume"):
        return replace(sub, paused=action == "pause")
    if action in ("instant", "daily", "weekly"):
        weekday = (sub.weekday or 0) if action == "weekly" else None
        return replace(sub, schedule=action, weekday=weekday)
    if action in _SCRIPTS:
        return replace(sub, script=_SCRIPTS[action])
    raise ValueError(f"unknown settings action {action!r}")


async def show(update: Update, context: BotContext) -> None:
    """Show the chat's settings with their buttons."""
    sub = await active_subscription(update, context)
    if sub is None:
        return await say(update, "not_subscribed")
    body, markup = render(lang_of(update), sub)
    await reply(update, body, reply_markup=markup)


@group_admins_only
async def press(update: Update, context: BotContext) -> None:
    """A settings button: change the subscription, redraw the menu."""
    query = update.callback_query
    assert query is not None and query.data is not None
    sub = await active_subscription(update, context)
    if sub is None:
        return await refuse(update, "not_subscribed")
    changed = apply(sub, query.data.removeprefix(PREFIX))
    await query.answer()
    if changed == sub:  # Telegram refuses an edit that changes nothing
        return
    await save(update, context, changed)
    body, markup = render(lang_of(update), changed)
    await query.edit_message_text(body, parse_mode="HTML", reply_markup=markup)


HANDLERS = [
    command("settings", show),
    CallbackQueryHandler(press, pattern=r"^set:(pause|resume|instant|daily|weekly|[ost])$"),
]
