"""Admin commands (ADMIN_IDS only): /sources, /addsource, /ingest, /stats."""  # and sources.py

from __future__ import annotations

import asyncio
from datetime import datetime
from functools import wraps
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from telegram import Update

from bot import texts
from bot.context import BotContext
from bot.handlers.common import Handler, command, lang_of, reply, say
from bot.ingest import NAMED, ScanSummary
from bot.schedules import scan_now
from bot.scheduling import ScanBusy
from bot.sources import source_kind
from bot.sources.admit import admitted_folder, url_refusal
from bot.sources.probe import Found, probe
from bot.store.records import SourceRow
from digests.render_html import cut_html


def admin_only(handler: Handler) -> Handler:
    """Refuse users not in ADMIN_IDS, politely."""

    @wraps(handler)
    async def guarded(update: Update, context: BotContext) -> None:
        user = update.effective_user
        if user is None or user.id not in context.services.settings.admin_ids:
            return await say(update, "bot_admins_only")
        await handler(update, context)

    return guarded


def source_line(row: SourceRow, lang: str, zone: str) -> str:
    """`3. https://…` then `栏目页 · 15 篇 · 最近成功 12-01 08:30`, then the last error."""
    shape = row.state.shape or row.kind
    line = texts.text(
        lang,
        "source_line",
        id=row.id,
        location=row.location,
        kind=texts.text(lang, f"kind_{shape}") if texts.key_exists(f"kind_{shape}") else shape,
        n=row.documents,
    )
    at = row.state.last_success_at
    line += (
        texts.text(lang, "source_success", at=_when(at, zone))
        if at
        else texts.text(lang, "source_never")
    )
    if row.state.failures:
        why = texts.reason(lang, row.state.last_error or "")
        line += texts.raw(lang, "source_error", n=row.state.failures, reason=why)
    if row.rejected:
        latest = row.rejected[0]
        line += texts.raw(
            lang,
            "source_rejected",
            n=len(row.rejected),
            location=texts.escape_html(latest.location),
            reason=texts.reason(lang, latest.reason),
        )
    return line


def _when(at: datetime, zone: str) -> str:
    """`12-01 08:30` in the bot's time zone."""
    return at.astimezone(ZoneInfo(zone)).strftime("%m-%d %H:%M")


def valid_location(value: str) -> bool:
    """An http(s) URL with a host, or a path (which folders may be added: bot.sources.admit)."""
    try:
        parts = urlsplit(value)
    except ValueError:  # `http://[::1`: an unclosed IPv6 bracket
        return False
    if parts.scheme in ("http", "https"):
        return bool(parts.hostname)
    return not parts.scheme and source_kind(value) == "folder"


@admin_only
async def sources(update: Update, context: BotContext) -> None:
    """Every source with its document count and failures."""
    rows = await asyncio.to_thread(context.services.store.sources)
    lang, zone = lang_of(update), context.services.settings.timezone
    if not rows:
        return await say(update, "sources_none")
    lines = [texts.text(lang, "sources_head"), *(source_line(r, lang, zone) for r in rows)]
    await reply(update, cut_html("\n".join(lines)))


@admin_only
async def add_source(update: Update, context: BotContext) -> None:
    """/addsource URL: fetched once to say what it is; its articles come with the next scan."""
    args = context.args or []
    if len(args) != 1 or not valid_location(args[0]):
        return await say(update, "addsource_usage")
    location, found = await _checked(update, context, args[0])
    if found.shape is None:
        why = texts.reason(lang_of(update), found.reason or "")
        return await reply(
            update,
            texts.raw(
                lang_of(update),
                "addsource_refused",
                location=texts.escape_html(location),
                reason=why,
            ),
        )
    store = context.services.store
    source_id, new = await asyncio.to_thread(store.add_source, location, shape=found.shape)
    await reply(
        update,
        added_text(lang_of(update), found, source_id, new, context.services.settings.scan_interval),
    )


async def _checked(update: Update, context: BotContext, location: str) -> tuple[str, Found]:
    """The location as it will be stored and what it is; refused at once when the URL guard
    or SOURCES_FOLDER_ROOT says no, before anything is fetched."""
    services = context.services
    if source_kind(location) == "folder":
        folder = admitted_folder(location, services.settings.folder_root)
        if isinstance(folder, str):
            return location, Found(None, reason=folder)
        return str(folder), Found("folder")
    if why := await url_refusal(location, services.fetcher.config):
        return location, Found(None, reason=why)
    await say(update, "addsource_checking", location=location)
    return location, await probe(location, services.fetcher)


def added_text(lang: str, found: Found, source_id: int, new: bool, interval: float) -> str:
    """`栏目页：发现 20 篇文章，已加入（编号 3）。` and when its articles come."""
    lines = [texts.text(lang, f"found_{found.shape}", n=found.count, id=source_id)]
    if not new:
        lines[0] += texts.text(lang, "found_again")
    lines.append(texts.text(lang, "found_next_scan", minutes=max(1, round(interval / 60))))
    return "\n".join(lines)


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
    await reply(update, ingest_text(lang_of(update), summary))


def ingest_text(lang: str, summary: ScanSummary) -> str:
    """The counts, then each failed page or source by name and why (the first NAMED)."""
    lines = [texts.text(lang, "ingest_done", **summary.counts())]
    if summary.failures:
        lines.append(texts.text(lang, "ingest_failed_head"))
    for problem in summary.failures[:NAMED]:
        where, why = texts.escape_html(problem.location), texts.reason(lang, problem.reason)
        lines.append(texts.raw(lang, "failure_line", location=where, reason=why))
    if len(summary.failures) > NAMED:
        lines.append(texts.text(lang, "failures_more", n=len(summary.failures) - NAMED))
    return "\n".join(lines)


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
