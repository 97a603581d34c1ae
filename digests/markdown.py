"""A Markdown file read as the text a reader sees: its YAML front matter gives the title and
date and is no text of its own; headings lose their `#`, links keep their words, pictures
and their captions go, as an HTML page's do.

Only what Markdown marks unambiguously is touched: `**某镇**` may be a masked name in plain
text, so emphasis stays as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# `---` lines around `key: value` pairs at the very top (Jekyll, Hugo, an archive's export);
# Hexo writes the pairs with no `---` before them, only the one after.
_FRONT_MATTER = re.compile(
    r"\A(?:---[ \t]*\r?\n(.*?)|([A-Za-z_]+[ \t]*:.*?))\r?\n---[ \t]*(?:\r?\n|\Z)", re.S
)
_FIELD = re.compile(r"^([A-Za-z_]+)[ \t]*:[ \t]*(.*?)[ \t]*$", re.M)
_TITLE_KEYS = ("title",)
_DATE_KEYS = ("date", "published", "pubdate", "publishdate")
FRONT_MATTER_CHARS = 8000  # a header, not a document

# A blog's excerpt marker (`<!--more-->`) may fall mid-word (`工作报` / `告精神`): the text
# runs on through it; any other comment is no text either.
_MORE = re.compile(r"[ \t]*\r?\n?[ \t]*<!--\s*more\s*-->[ \t]*\r?\n?", re.I)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.M)
_PICTURE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\((?:https?:|/|\.)[^)\n]*\)")
# A figure's caption is no article text, whatever the block around it; the tags a Markdown
# file carries from the page it was saved from say nothing a reader reads.
_CAPTION = re.compile(r"<figcaption\b[^>]*>.*?</figcaption>", re.S | re.I)
_STYLE = re.compile(r"<(style|script)\b[^>]*>.*?</\1\s*>", re.S | re.I)  # a post's CSS and JS
_TAG = re.compile(
    r"</?(?:figure|img|picture|source|video|audio|iframe|div|span|p|br|hr|a|b|i|em|strong)\b[^>\n]*>",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Markdown:
    text: str
    title: str | None = None
    date: str | None = None


def is_markdown(name: str, text: str) -> bool:
    """Whether a plain file is Markdown: by its name, or by front matter opening it."""
    return name.lower().endswith((".md", ".markdown")) or bool(_FRONT_MATTER.match(text))


def read_markdown(text: str) -> Markdown:
    """The reader's text of a Markdown file, with the title and date its front matter gives."""
    title = date = None
    match = _FRONT_MATTER.match(text)
    if match is not None and match.end() <= FRONT_MATTER_CHARS:
        block = match[1] if match[1] is not None else match[2]
        fields = {key.lower(): _unquoted(value) for key, value in _FIELD.findall(block)}
        title = next((fields[key] for key in _TITLE_KEYS if fields.get(key)), None)
        date = next((fields[key] for key in _DATE_KEYS if fields.get(key)), None)
        text = text[match.end() :]
    text = _STYLE.sub("", _COMMENT.sub("", _MORE.sub("", text)))
    text = _TAG.sub("", _CAPTION.sub("", text))
    text = _LINK.sub(r"\1", _PICTURE.sub("", text))
    return Markdown(_HEADING.sub(r"\1", text), title, date)


def _unquoted(value: str) -> str:
    """A YAML scalar's text, without its quotes."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


__all__ = ["FRONT_MATTER_CHARS", "Markdown", "is_markdown", "read_markdown"]
