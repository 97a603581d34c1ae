"""/search 关键词: ranked results, 5 a page, with page buttons and a button to open each result."""

from __future__ import annotations

import asyncio
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler

from bot import texts
from bot.cards import as_script
from bot.context import BotContext
from bot.handlers.common import button_data, command, edit, lang_of, quietly, refuse, reply
from bot.parsing import MAX_QUERY, parse_query
from bot.store.records import SearchHit, SearchPage
from digests.model import Script
from digests.script import convert

PER_PAGE = 5
PAGE_PREFIX = "sp:"  # sp:<query id>:<page>; the query itself stays in services.queries


def marked(snippet: str, marks: tuple[tuple[int, int], ...], script: Script = "original") -> str:
    """The snippet as HTML in `script`, each match in <b> (pieces converted one by one)."""
    out, at = [], 0

    def shown(piece: str) -> str:
        return escape(convert(piece, script), quote=False)

    for start, end in sorted(marks):
        if start < at or end <= start:
            continue  # overlapping or empty marks: keep the text, skip the markup
        out += [shown(snippet[at:start]), "<b>", shown(snippet[start:end]), "</b>"]
        at = end
    return "".join([*out, shown(snippet[at:])])


def page_html(
    lang: str, query: str, page: int, results: SearchPage, script: Script = "original"
) -> str:
    """A page of results: a header line, then each hit with its snippet and /doc ID."""
    pages = max(1, page + 1, -(-results.total // PER_PAGE))
    more = "+" if results.total_is_lower_bound else ""  # the store counted no further
    head = texts.text(
        lang,
        "results_head",
        query=query,
        total=f"{results.total}{more}",
        page=page + 1,
        pages=f"{pages}{more}",
    )
    hits = [_hit(page * PER_PAGE + n + 1, hit, script) for n, hit in enumerate(results.hits)]
    return "\n\n".join([head, *(hits or [texts.text(lang, "no_more_results")])])


def _hit(number: int, hit: SearchHit, script: Script) -> str:
    facts = " · ".join(
        escape(convert(part, script), quote=False) for part in (hit.date, hit.source) if part
    )
    return (
        f"{number}. <b>{escape(convert(hit.title, script), quote=False)}</b>\n{facts}\n"
        f"{marked(hit.snippet, hit.marks, script)}\n/doc {hit.id}"
    ).replace("\n\n", "\n")


def keyboard(
    lang: str, key: str, page: int, results: SearchPage, script: Script = "original"
) -> InlineKeyboardMarkup:
    """A button per result to open it, then previous/next page."""
    rows = [
        [
            InlineKeyboardButton(
                f"{page * PER_PAGE + n + 1}. {convert(hit.title, script)[:30]}",
                callback_data=f"doc:{hit.id}",
            )
        ]
        for n, hit in enumerate(results.hits)
    ]
    nav = []
    if page > 0:
        nav.append(_nav(lang, "btn_prev", key, page - 1))
    if has_next(page, results):
        nav.append(_nav(lang, "btn_next", key, page + 1))
    return InlineKeyboardMarkup([*rows, nav] if nav else rows)


def has_next(page: int, results: SearchPage) -> bool:
    """A next page exists: counted, or likely (the count stopped and this page is full)."""
    if (page + 1) * PER_PAGE < results.total:
        return True
    return results.total_is_lower_bound and len(results.hits) == PER_PAGE


def _nav(lang: str, label: str, key: str, page: int) -> InlineKeyboardButton:
    return InlineKeyboardButton(texts.text(lang, label), callback_data=f"{PAGE_PREFIX}{key}:{page}")


async def run_search(update: Update, context: BotContext, words: list[str] | str) -> None:
    """Search and reply with the first page (shared by /search and plain private text)."""
    lang = lang_of(update)
    query, cut = parse_query(words)
    if cut:
        await reply(update, texts.text(lang, "query_too_long", limit=MAX_QUERY))
    results = await _page(context, query, 0)
    if not results.total:
        return await reply(update, texts.text(lang, "no_results", query=query))
    key = await context.services.queries.put(query)
    script = await _script(update, context)
    await reply(
        update,
        page_html(lang, query, 0, results, script),
        reply_markup=keyboard(lang, key, 0, results, script),
    )


async def _script(update: Update, context: BotContext) -> Script:
    """The script the chat chose in /settings (original when it has no subscription)."""
    chat = update.effective_chat
    assert chat is not None
    sub = await asyncio.to_thread(context.services.store.subscription, chat.id)
    return as_script(sub.script if sub else "original")


async def _page(context: BotContext, query: str, page: int) -> SearchPage:
    return await asyncio.to_thread(
        context.services.store.search, query, limit=PER_PAGE, offset=page * PER_PAGE
    )


async def search(update: Update, context: BotContext) -> None:
    """/search 关键词."""
    await run_search(update, context, context.args or [])


async def turn_page(update: Update, context: BotContext) -> None:
    """A previous/next button: redraw the message with that page."""
    key, number = button_data(update).removeprefix(PAGE_PREFIX).split(":")
    text, page = await context.services.queries.get(key), int(number)
    if text is None:
        return await refuse(update, "search_expired")
    results = await _page(context, text, page)
    if page > 0 and not results.hits:  # a forged or stale page: the last one there is
        counted = await _page(context, text, 0)
        page = min(page, max(0, -(-counted.total // PER_PAGE) - 1))
        results = await _page(context, text, page) if page else counted
    await quietly(update)
    lang, script = lang_of(update), await _script(update, context)
    await edit(
        update,
        page_html(lang, text, page, results, script),
        keyboard(lang, key, page, results, script),
    )


HANDLERS = [
    command("search", search),
    CallbackQueryHandler(turn_page, pattern=r"^sp:[0-9a-f]{10}:\d{1,6}$"),
]
