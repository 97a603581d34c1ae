"""/search 关键词: ranked results, 5 a page, with page buttons and a button to open each result."""

from __future__ import annotations

import asyncio
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler

from bot import texts
from bot.context import BotContext
from bot.handlers.common import command, lang_of, refuse, reply
from bot.parsing import MAX_QUERY, parse_query
from bot.store.records import SearchHit, SearchPage

PER_PAGE = 5
PAGE_PREFIX = "sp:"  # sp:<query id>:<page>; the query itself stays in services.queries


def marked(snippet: str, marks: tuple[tuple[int, int], ...]) -> str:
    """The snippet as HTML, each match in <b>."""
    out, at = [], 0
    for start, end in sorted(marks):
        if start < at or end <= start:
            continue  # overlapping or empty marks: keep the text, skip the markup
        out += [
            escape(snippet[at:start], quote=False),
            "<b>",
            escape(snippet[start:end], quote=False),
            "</b>",
        ]
        at = end
    return "".join([*out, escape(snippet[at:], quote=False)])


def page_html(lang: str, query: str, page: int, results: SearchPage) -> str:
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
    hits = [_hit(page * PER_PAGE + n + 1, hit) for n, hit in enumerate(results.hits)]
    return "\n\n".join([head, *(hits or [texts.text(lang, "no_more_results")])])


def _hit(number: int, hit: SearchHit) -> str:
    facts = " · ".join(escape(part, quote=False) for part in (hit.date, hit.source) if part)
    return (
        f"{number}. <b>{escape(hit.title, quote=False)}</b>\n{facts}\n"
        f"{marked(hit.snippet, hit.marks)}\n/doc {hit.id}"
    ).replace("\n\n", "\n")


def keyboard(lang: str, key: str, page: int, results: SearchPage) -> InlineKeyboardMarkup:
    """A button per result to open it, then previous/next page."""
    rows = [
        [
            InlineKeyboardButton(
                f"{page * PER_PAGE + n + 1}. {hit.title[:30]}", callback_data=f"doc:{hit.id}"
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
    key = context.services.queries.put(query)
    await reply(
        update, page_html(lang, query, 0, results), reply_markup=keyboard(lang, key, 0, results)
    )


async def _page(context: BotContext, query: str, page: int) -> SearchPage:
    return await asyncio.to_thread(
        context.services.store.search, query, limit=PER_PAGE, offset=page * PER_PAGE
    )


async def search(update: Update, context: BotContext) -> None:
    """/search 关键词."""
    await run_search(update, context, context.args or [])


async def turn_page(update: Update, context: BotContext) -> None:
    """A previous/next button: redraw the message with that page."""
    query = update.callback_query
    assert query is not None and query.data is not None
    key, number = query.data.removeprefix(PAGE_PREFIX).split(":")
    text, page = context.services.queries.get(key), int(number)
    if text is None:
        return await refuse(update, "search_expired")
    results = await _page(context, text, page)
    await query.answer()
    lang = lang_of(update)
    await query.edit_message_text(
        page_html(lang, text, page, results),
        parse_mode="HTML",
        reply_markup=keyboard(lang, key, page, results),
    )


HANDLERS = [
    command("search", search),
    CallbackQueryHandler(turn_page, pattern=r"^sp:[0-9a-f]{10}:\d{1,6}$"),
]
