"""What a card and a digest header say, and the plain-text (terminal) rendering of them.

The pieces (`Card`, `header_parts`) are shared with `render_html`, so the terminal and
Telegram show the same facts; only the markup differs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from itertools import groupby
from operator import itemgetter

from digests.digest import Digest
from digests.model import Document, MeetingFacts, Script
from digests.reports import outlet
from digests.script import convert, is_traditional, to_simplified

LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "digest": "会议要闻",
        "count": "{n} 篇",
        "keywords": "关键词",
        "meeting": "会议",
        "place": "地点",
        "chair": "主持",
        "attended": "出席",
        "speakers": "讲话",
        "other": "其他",
        "empty": "没有可摘要的文章。",
        "sep": "：",
        "list": "、",
        "more": "等",
        "also": "另有 {n} 篇报道：",
    },
    "en": {
        "digest": "Meeting digest",
        "count": "{n} documents",
        "count_one": "1 document",
        "keywords": "Keywords",
        "meeting": "Meeting",
        "place": "Place",
        "chair": "Chair",
        "attended": "Attended",
        "speakers": "Speakers",
        "other": "Other",
        "empty": "Nothing to digest.",
        "sep": ": ",
        "list": ", ",
        "more": " et al.",
        "also": "Also reported ({n}): ",
    },
}
MAX_TITLE = 200  # characters; a page whose "title" is a paragraph should not fill a card
MAX_HIGHLIGHT = 600
MAX_NAMES = 8  # attendees shown before "等"

_NOT_HASHTAG = re.compile(r"[\W]+")  # Telegram ends a hashtag at the first non-word char


@cache
def labels(lang: str, script: Script = "original") -> Mapping[str, str]:
    """The labels for `lang` (Chinese when unknown), in `script` ("original": simplified)."""
    words = LABELS.get(lang, LABELS["zh"])
    return {key: convert(value, script) for key, value in words.items()}


def shorten(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, an ellipsis marking the cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def hashtag(keyword: str, script: Script = "original") -> str | None:
    """`#keyword` as a clickable Telegram hashtag, None when nothing usable is left."""
    tag = _NOT_HASHTAG.sub("", convert(keyword, script)).replace("_", "")
    return f"#{tag}" if tag and not tag.isdigit() else None


def hashtags(keywords: tuple[str, ...], script: Script = "original") -> tuple[str, ...]:
    """The keywords as distinct hashtags, in order."""
    return tuple(dict.fromkeys(t for k in keywords if (t := hashtag(k, script))))


Segment = tuple[str, bool]  # (text, bold)


def keyword_segments(text: str, keywords: tuple[str, ...]) -> tuple[Segment, ...]:
    """`text` cut into runs, the keyword occurrences marked bold, never overlapping.

    Keywords are simplified and `text` may be traditional: matching runs on the simplified
    form and maps back by position, which holds because t2s is one character for one.
    """
    simplified = to_simplified(text)
    if len(simplified) != len(text):  # a rare phrase conversion changed the length
        simplified = text
    bold = [False] * len(text)
    for keyword in sorted(set(keywords), key=len, reverse=True):
        for match in re.finditer(re.escape(keyword), simplified):
            bold[match.start() : match.end()] = [True] * len(keyword)
    pairs = groupby(zip(text, bold, strict=True), key=itemgetter(1))
    return tuple(("".join(char for char, _ in run), flag) for flag, run in pairs)


@dataclass(frozen=True, slots=True)
class Card:
    """One document as displayed, every string already in the display script."""

    title: str
    link: str | None  # the page's address when the document came from the web
    byline: str  # "2023-04-19 · 武汉统战"
    facts: tuple[tuple[str, str], ...]  # (label, value)
    hashtags: tuple[str, ...]
    highlights: tuple[tuple[Segment, ...], ...]


def _names(names: tuple[str, ...], words: Mapping[str, str]) -> str:
    """A list of names, cut after MAX_NAMES."""
    shown = words["list"].join(names[:MAX_NAMES])
    return shown + words["more"] if len(names) > MAX_NAMES else shown


def _chair(meeting: MeetingFacts, words: Mapping[str, str]) -> str:
    """`胡勇政（市委常委、统战部部长）`: the chair's name, then the role the report gives."""
    people = map(meeting.person, meeting.chairs)
    return words["list"].join(f"{p.name}（{p.role}）" if p.role else p.name for p in people)


def _facts(document: Document, words: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """The meeting's facts that are known, labelled."""
    meeting = document.meeting
    facts = [
        ("meeting", meeting.name or ""),
        ("place", meeting.place or ""),
        ("chair", _chair(meeting, words)),
        ("attended", _names(meeting.attendees, words)),
        ("speakers", _names(meeting.speakers, words)),
    ]
    return tuple((words[key], value) for key, value in facts if value)


def shown_script(document: Document, script: Script) -> Script:
    """The script a card is shown in: the reader's choice, or for "original" the document's
    own, so labels and hashtags never mix simplified over a traditional body."""
    if script != "original":
        return script
    return "traditional" if is_traditional(document.text, document.simplified) else "simplified"


def card(document: Document, script: Script = "original", lang: str = "zh") -> Card:
    """The displayed facts of one document, every piece in one script."""
    whole = shown_script(document, script)
    words = labels(lang, whole)
    shown = (convert(s, script) for s in (document.date or "", document.source or ""))
    return Card(
        title=shorten(convert(document.title, script), MAX_TITLE),
        link=document.path if document.path.startswith(("http://", "https://")) else None,
        byline=" · ".join(part for part in shown if part),
        facts=tuple((label, convert(value, whole)) for label, value in _facts(document, words)),
        hashtags=hashtags(document.keywords, whole),
        highlights=tuple(
            keyword_segments(shorten(convert(h, script), MAX_HIGHLIGHT), document.keywords)
            for h in document.highlights
        ),
    )


def header_parts(digest: Digest, script: Script, lang: str) -> tuple[str, tuple[str, ...]]:
    """The header's first line (title, period, count) and the batch's hashtags."""
    words = labels(lang, script)
    count = words.get("count_one", "") if digest.count == 1 else ""
    parts = [words["digest"], digest.period, count or words["count"].format(n=digest.count)]
    return " · ".join(p for p in parts if p), hashtags(digest.keywords, script)


def group_heading(keyword: str | None, size: int, script: Script, lang: str) -> str:
    """The line above a group: its hashtag (or "other") and its size."""
    name = (hashtag(keyword, script) if keyword else None) or labels(lang, script)["other"]
    return f"{name} ({size})"


def card_text(document: Document, script: Script = "original", lang: str = "zh") -> str:
    """One document as plain text; keywords in highlights marked with 【】."""
    shown = card(document, script, lang)
    sep = labels(lang, script)["sep"]
    lines = [shown.title, *([shown.link] if shown.link else []), shown.byline]
    lines += [f"{label}{sep}{value}" for label, value in shown.facts]
    lines.append(" ".join(shown.hashtags))
    for segments in shown.highlights:
        lines.append("  • " + "".join(f"【{t}】" if bold else t for t, bold in segments))
    return "\n".join(line for line in lines if line)


def also_line(document: Document, others: tuple[Document, ...], script: Script, lang: str) -> str:
    """`另有 2 篇报道：青浦区政协、东方网`: the meeting's other reports, by outlet."""
    if not others:
        return ""
    words = labels(lang, shown_script(document, script))
    names = words["list"].join(dict.fromkeys(convert(outlet(d), script) for d in others))
    return words["also"].format(n=len(others)) + names


def render_text(digest: Digest, script: Script = "original", lang: str = "zh") -> str:
    """The digest for a terminal: header, then each group's cards."""
    first, tags = header_parts(digest, script, lang)
    blocks = ["\n".join(line for line in (first, " ".join(tags)) if line)]
    if not digest.count:
        blocks.append(labels(lang, script)["empty"])
    for group in digest.groups:
        heading = group_heading(group.keyword, len(group.documents), script, lang)
        blocks.append(f"━━ {heading} ━━")
        for doc in group.documents:
            also = also_line(doc, digest.others(doc), script, lang)
            blocks.append(card_text(doc, script, lang) + (f"\n{also}" if also else ""))
    return "\n\n".join(blocks) + "\n"


__all__ = [
    "LABELS",
    "Card",
    "also_line",
    "card",
    "card_text",
    "group_heading",
    "hashtag",
    "hashtags",
    "header_parts",
    "keyword_segments",
    "labels",
    "render_text",
    "shown_script",
]
