"""Admin commands (ADMIN_IDS only): /sources, /addsource, /ingest, /stats."""

from __future__ import annotations

import asyncio
from dataclasses import asdict
from functools import wraps
from pathlib import Path
from urllib.parse import urlsplit

from telegram import Update

from bot import texts
from bot.context import BotContext
from bot.handlers.common import Handler, command, lang_of, reply, say
from bot.schedules import scan_now
from bot.scheduling import ScanBusy
from bot.store.records import SourceRow


def admin_only(handler: Handler) -> Handler:
    """Refuse users not in ADMIN_IDS, politely."""

    @wraps(handler)
    async def guarded(update: Update, context: BotContext) -> None:
        user = update.effective_user
        if user is None or user.id not in context.services.settings.admin_ids:
            return await say(update, "bot_admins_only")
        await handler(update, context)

    return guarded


def source_line(row: SourceRow) -> str:
    """`3. https://… (url) · 12 documents · 2 failures: HTTP 404`."""
    line = f"{row.id}. {texts.escape_html(row.location)} ({row.kind}) · {row.documents}"
    if row.state.failures:
        line += f" · ⚠ {row.state.failures}: {texts.escape_html(row.state.last_error or '')}"
    return line


def valid_location(value: str) -> bool:
    """An http(s) URL with a host, or a folder on this machine."""
    parts = urlsplit(value)
    if parts.scheme in ("http", "https"):
        return bool(parts.hostname)
    return not parts.scheme and Path(value).is_dir()


@admin_only
async def sources(update: Update, context: BotContext) -> None:
    """Every source with its document count and failures."""
    rows = await asyncio.to_thread(context.services.store.sources)
    lines = [texts.text(lang_of(update), "sources_head"), *map(source_line, rows)]
    await reply(update, "\n".join(lines)[:4000])


@admin_only
async def add_source(update: Update, context: BotContext) -> None:
    """/addsource URL: scanned from the next scan on."""
    args = context.args or []
    if len(args) != 1 or not valid_location(args[0]):
        return await say(update, "addsource_usage")
    source_id = await asyncio.to_thread(context.services.store.ensure_source, args[0])
    await say(update, "source_added", location=args[0], id=source_id)


@admin_only
async def ingest(update: Update, context: BotContext) -> None:
    """Scan now and say what was found."""
    if context.services.scan_guard.running:
        return await say(update, "ingest_busy")
    await say(update, "ingest_started")
    try:
        summary = await scan_now(context.services)
    except ScanBusy:
        return await say(update, "ingest_busy")
    await say(update, "ingest_done", **asdict(summary))


@admin_only
async def stats(update: Update, context: BotContext) -> None:
    """The store's counters."""
    counts = await asyncio.to_thread(context.services.store.stats)
    lang = lang_of(update)
    lines = [
        texts.raw(lang, "stat_line", label=_stat_label(lang, k), n=v) for k, v in counts.items()
    ]
    await reply(update, "\n".join([texts.text(lang, "stats_head"), *lines]))


def _stat_label(lang: str, name: str) -> str:
    """The counter's name in the reader's language (the raw name for a counter added later)."""
    key = f"stat_{name}"
    return texts.text(lang, key) if texts.key_exists(key) else texts.escape_html(name)


HANDLERS = [
    command("sources", sources),
    command("addsource", add_source),
    command("ingest", ingest),
    command("stats", stats),
]
