"""What a chat reads: digests, cards and full texts as Telegram HTML, with their buttons.

Composed from the pieces `digests` renders (`card`, `build_digest`, its labels), with what
only a chat has: the document's number, the chat's keywords it matched, its topic, and
buttons to read the whole text, open the original and subscribe to a keyword.

- One document: its full card; buttons 全文, 原文链接, 订阅「词」.
- Several: one compact message, a line per document (title, source) with its highlights
  folded in an expandable blockquote, a 全文 button each, and 更多 when it was cut: the
  documents not shown stay unsent, for 更多 or the next digest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import rules, texts
from bot.store.records import StoredDocument
from digests.digest import build_digest
from digests.model import Script
from digests.render_html import pack
from digests.render_text import Card, Segment, also_line, card, labels, shorten
from digests.script import convert

LIMIT = 4096  # characters of a message (the HTML is longer than what Telegram counts)
COMPACT_MAX = 10  # documents in one compact digest
QUOTE_MAX = 500  # characters folded under one document of a compact digest
PAGE = 3600  # characters of text a page of a full text holds (its header and footer fit too)


@dataclass(frozen=True, slots=True)
class View:
    """How a chat reads a digest: its script and language, the topic's keywords and name."""

    script: str = "original"
    lang: str = "zh"
    keywords: tuple[str, ...] = ()  # the topic's, with rule prefixes
    topic: str = ""  # a named topic's name; "" for the main topic or a request
    more: str = ""  # 更多's callback_data, "{offset}" filled in; "" for no button
    offset: int = 0  # documents shown before this batch, for numbering and `more`
    note: str = ""  # a last line (HTML), e.g. that a group's /digest marks nothing


@dataclass(frozen=True, slots=True)
class Planned:
    """One message of a digest, the documents it carries, and its buttons."""

    html: str
    doc_ids: tuple[int, ...]
    markup: InlineKeyboardMarkup | None = None


def as_script(value: str) -> Script:
    return value if value in ("simplified", "traditional") else "original"  # type: ignore[return-value]


def plan(docs: Sequence[StoredDocument], view: View) -> list[Planned]:
    """The messages a digest of `docs` is sent as: one card, or a compact list of them.

    Several reports of one meeting are one card (`digests.reports`): the best report's,
    the others named under it and delivered with it.
    """
    if not docs:
        return []
    digest = build_digest([d.document for d in docs])
    by_doc = {id(d.document): d for d in docs}
    if len(digest.documents) == 1:
        (best,) = digest.documents
        return single(by_doc[id(best)], view, [by_doc[id(d)] for d in digest.others(best)])
    return [compact(docs, view)]


def ui(view: View, key: str, /, **params: object) -> str:
    """A label in the view's language and script (a traditional chat reads 編號), plain text."""
    return convert(texts.raw(view.lang, key, **params), as_script(view.script))


# -- one document --------------------------------------------------------------------------------


def _bold(segments: Sequence[Segment], limit: int = 10_000) -> str:
    """Highlight segments as HTML, keywords bold, cut after `limit` characters."""
    out, left = [], limit
    for text, bold in segments:
        piece = text if len(text) <= left else text[: max(left - 1, 0)] + "…"
        left -= len(piece)
        out.append(f"<b>{escape(piece)}</b>" if bold else escape(piece))
        if left <= 0:
            break
    return "".join(out)


def _title(shown: Card) -> str:
    title = f"<b>{escape(shown.title)}</b>"
    return f'<a href="{escape(shown.link, quote=True)}">{title}</a>' if shown.link else title


def _meta(stored: StoredDocument, view: View, shown: Card, *, byline: bool) -> str:
    """`2024-03-12 · 东湖区融媒体中心 · 编号 3 · 命中：河湖`."""
    parts = [shown.byline] if byline and shown.byline else []
    if not byline and stored.document.date:
        parts.append(stored.document.date)
    parts.append(ui(view, "card_number", id=stored.id))
    if found := rules.matched(view.keywords, stored.document.simplified):
        words = labels(view.lang)["list"].join(found)
        parts.append(ui(view, "card_matched", words=convert(words, as_script(view.script))))
    return escape(" · ".join(parts))


def _also(stored: StoredDocument, others: Sequence[StoredDocument], view: View) -> str:
    """`另有 2 篇报道：东方网、青浦区政协` (plain text), or ""."""
    reports = tuple(d.document for d in others)
    return also_line(stored.document, reports, as_script(view.script), view.lang)


def card_html(stored: StoredDocument, view: View, others: Sequence[StoredDocument] = ()) -> str:
    """One document's card: topic, title (linked), byline and number, facts, highlights."""
    shown = card(stored.document, as_script(view.script), view.lang)
    sep = labels(view.lang)["sep"]
    lines = [f"<b>{escape(ui(view, 'topic_head', name=view.topic))}</b>"] if view.topic else []
    lines += [_title(shown), f"<i>{_meta(stored, view, shown, byline=True)}</i>"]
    lines += [f"{escape(label)}{escape(sep)}{escape(value)}" for label, value in shown.facts]
    if shown.hashtags:
        lines.append(escape(" ".join(shown.hashtags)))
    lines += ["• " + _bold(segments) for segments in shown.highlights]
    if also := _also(stored, others, view):
        lines.append(f"<i>{escape(also)}</i>")
    return "\n".join(lines + ([view.note] if view.note else []))


def single(
    stored: StoredDocument, view: View, others: Sequence[StoredDocument] = ()
) -> list[Planned]:
    """A digest of one card: in pieces if long, the buttons under the last; `others` are
    the meeting's other reports, named on the card and delivered with it."""
    pieces = pack([card_html(stored, view, others)], LIMIT)
    markup = InlineKeyboardMarkup(card_buttons(stored, view))
    ids = (stored.id, *(d.id for d in others))
    return [*(Planned(piece, ()) for piece in pieces[:-1]), Planned(pieces[-1], ids, markup)]


def subscribe_word(stored: StoredDocument, view: View) -> int | None:
    """The index of the document's first keyword the chat does not follow yet."""
    followed = {rules.bare(k) for k in view.keywords}
    return next((i for i, k in enumerate(stored.document.keywords) if k not in followed), None)


def card_buttons(
    stored: StoredDocument, view: View, *, full: bool = True
) -> list[list[InlineKeyboardButton]]:
    """全文 and 原文链接 on a row, 订阅「词」 under them."""
    row = [InlineKeyboardButton(ui(view, "btn_full"), callback_data=f"full:{stored.id}")]
    rows = [row] if full else [[]]
    link = stored.document.path
    if link.startswith(("http://", "https://")):
        rows[0].append(InlineKeyboardButton(ui(view, "btn_link"), url=link))
    if (index := subscribe_word(stored, view)) is not None:
        word = convert(stored.document.keywords[index], as_script(view.script))
        data = f"kw:{stored.id}:{index}"
        rows.append(
            [
                InlineKeyboardButton(
                    ui(view, "btn_subscribe_word", word=word[:20]), callback_data=data
                )
            ]
        )
    return [r for r in rows if r]


# -- several documents ---------------------------------------------------------------------------


def _entry(
    number: int, stored: StoredDocument, view: View, others: Sequence[StoredDocument] = ()
) -> str:
    """`3. 标题 · 来源`, then the date, number, facts, highlights and other reports folded."""
    shown = card(stored.document, as_script(view.script), view.lang)
    source = shorten(convert(stored.document.source or "", as_script(view.script)), 40)
    head = f"{number}. {_title(shown)}" + (f" · {escape(source)}" if source else "")
    sep = labels(view.lang)["sep"]
    folded = [_meta(stored, view, shown, byline=False)]
    folded += [
        f"{escape(label)}{escape(sep)}{escape(shorten(value, 120))}"
        for label, value in shown.facts[:2]
    ]
    left = QUOTE_MAX
    for segments in shown.highlights:
        if left <= 40:
            break
        text = _bold(segments, left)
        left -= sum(len(t) for t, _ in segments)
        folded.append("• " + text)
    if also := _also(stored, others, view):
        folded.append(escape(shorten(also, 200)))
    return f"{head}\n<blockquote expandable>{chr(10).join(folded)}</blockquote>"


def _heading(keyword: str | None, size: int, view: View) -> str:
    """`#河湖（2）` in Chinese, `#河湖 (2)` in English."""
    script = as_script(view.script)
    name = f"#{convert(keyword, script)}" if keyword else labels(view.lang, script)["other"]
    return f"<b>{escape(ui(view, 'group_heading', name=name, n=size))}</b>"


def compact(docs: Sequence[StoredDocument], view: View) -> Planned:
    """Several documents in one message: the newest that fit (COMPACT_MAX cards at most).

    What is shown is always a prefix of `docs` (newest first), so the rest is where the
    next batch (更多) starts; it stays unsent until then, or until the next digest.
    """
    whole = build_digest([d.document for d in docs])
    count = ui(view, "digest_count_one" if whole.count == 1 else "digest_count", n=whole.count)
    words = labels(view.lang, as_script(view.script))
    title = " · ".join(p for p in (words["digest"], view.topic) if p)
    head = f"<b>{escape(title)}</b>\n" + escape(" · ".join(p for p in (whole.period, count) if p))
    size, html, cards = 0, head, list[StoredDocument]()
    for size in range(min(len(docs), COMPACT_MAX), 0, -1):
        body, cards = _entries(docs[:size], view)
        html = "\n\n".join([head, *body, *([view.note] if view.note else [])])
        if len(html) <= LIMIT - 100 or size == 1:  # room for Telegram's own count of 更多
            break
    markup = _compact_buttons(cards, size, len(docs) - size, view)
    return Planned(html, tuple(d.id for d in docs[:size]), markup)


def _entries(docs: Sequence[StoredDocument], view: View) -> tuple[list[str], list[StoredDocument]]:
    """The blocks of a compact digest (a group's heading with its first entry), its cards."""
    digest = build_digest([d.document for d in docs])
    by_doc = {id(d.document): d for d in docs}
    blocks: list[str] = []
    cards: list[StoredDocument] = []  # shown as a card; their meetings' others under them
    for group in digest.groups:
        heading = _heading(group.keyword, len(group.documents), view)
        for doc in group.documents:
            stored, others = by_doc[id(doc)], [by_doc[id(d)] for d in digest.others(doc)]
            entry = _entry(view.offset + len(cards) + 1, stored, view, others)
            blocks.append(f"{heading}\n{entry}" if heading and len(digest.groups) > 1 else entry)
            cards.append(stored)
            heading = ""
    return blocks, cards


def _compact_buttons(
    shown: list[StoredDocument], taken: int, left: int, view: View
) -> InlineKeyboardMarkup:
    """全文 N under each card; 更多 for the `left` documents after the `taken` ones."""
    buttons = [
        InlineKeyboardButton(
            ui(view, "btn_full_n", n=view.offset + n), callback_data=f"full:{d.id}"
        )
        for n, d in enumerate(shown, 1)
    ]
    rows = [buttons[i : i + 5] for i in range(0, len(buttons), 5)]
    if left and view.more:
        data = view.more.format(offset=view.offset + taken)
        rows.append([InlineKeyboardButton(ui(view, "btn_more", n=left), callback_data=data)])
    return InlineKeyboardMarkup(rows)


# -- the full text -------------------------------------------------------------------------------


def _pages(text: str) -> list[str]:
    """The text in pages of about PAGE characters, cut at line ends when a line allows."""
    pages, page = [], ""
    for line in text.split("\n"):
        if page and len(page) + 1 + len(line) > PAGE:
            pages.append(page)
            page = ""
        while len(line) > PAGE:  # one giant line: cut between characters
            pages.append(line[:PAGE])
            line = line[PAGE:]
        page = f"{page}\n{line}" if page else line
    return [*pages, page] if page or not pages else pages


def full_text(
    stored: StoredDocument, view: View, page: int
) -> tuple[str, InlineKeyboardMarkup, int]:
    """Page `page` (clamped to the real range) of the document's cleaned text, its buttons."""
    script = as_script(view.script)
    pages = _pages(convert(stored.document.text, script))
    page = min(max(page, 0), len(pages) - 1)
    shown = card(stored.document, script, view.lang)
    parts = (
        [f"{_title(shown)}\n<i>{_meta(stored, view, shown, byline=True)}</i>"] if page == 0 else []
    )
    parts.append(escape(pages[page]))
    if len(pages) > 1:
        parts.append(escape(ui(view, "page_of", page=page + 1, pages=len(pages))))
    nav = []
    if page > 0:
        nav.append(
            InlineKeyboardButton(ui(view, "btn_prev"), callback_data=f"fp:{stored.id}:{page - 1}")
        )
    if page + 1 < len(pages):
        nav.append(
            InlineKeyboardButton(ui(view, "btn_next"), callback_data=f"fp:{stored.id}:{page + 1}")
        )
    rows = [nav] if nav else []
    rows += card_buttons(stored, view, full=False)
    return "\n\n".join(parts), InlineKeyboardMarkup(rows), len(pages)


__all__ = [
    "COMPACT_MAX",
    "Planned",
    "View",
    "as_script",
    "card_buttons",
    "card_html",
    "compact",
    "full_text",
    "plan",
    "single",
    "subscribe_word",
]
