"""Telegram's HTML parse mode, checked as strictly as the Bot API (or stricter)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

MAX_TEXT = 4096
ENTITY_PREFIX = "Bad Request: can't parse entities: "

# tag -> MessageEntity type; span and tg-spoiler share one type.
_TYPES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}
# Attributes each tag may carry; a tag absent here takes none.
_ATTRS = {"a": {"href"}, "span": {"class"}, "code": {"class"}, "tg-emoji": {"emoji-id"}}
_ATTRS["blockquote"] = {"expandable"}
_REQUIRED = {"a": "href", "span": "class", "tg-emoji": "emoji-id"}

_START = re.compile(
    r"<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>\"']+))?)*)\s*(/?)>"
)
_END = re.compile(r"</([a-zA-Z][a-zA-Z0-9-]*)\s*>")
_ATTR = re.compile(r"([^\s=>]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>\"']+))?")
_ENTITY = re.compile(r"&(?:(lt|gt|amp|quot)|#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6}));")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}


class EntityError(ValueError):
    """The text is not HTML that Telegram would accept; the argument is the API description."""


@dataclass(frozen=True)
class Parsed:
    """A message text after entity parsing: what the user sees, and the formatting entities."""

    plain: str
    entities: tuple[dict[str, Any], ...] = ()


@dataclass
class _Open:
    tag: str
    start: int  # offset in UTF-16 units in the plain text
    attrs: dict[str, str] = field(default_factory=dict)


def utf16_len(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def check_text(text: str, parse_mode: str | None) -> Parsed:
    """Parse `text` as Telegram would for sendMessage, raising EntityError with the description."""
    parsed = parse_html(text) if (parse_mode or "").upper() == "HTML" else Parsed(text)
    if not parsed.plain.strip():
        raise EntityError("Bad Request: message text is empty")
    if utf16_len(parsed.plain) > MAX_TEXT:
        raise EntityError("Bad Request: message is too long")
    return parsed


def parse_html(text: str) -> Parsed:
    """Strip the tags and decode the entities of `text`, refusing what Telegram refuses."""
    parser = _Parser(text)
    parser.run()
    return Parsed(parser.plain(), tuple(sorted(parser.entities, key=lambda e: e["offset"])))


class _Parser:
    """One pass over the text; a stack of open tags."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.out: list[str] = []
        self.pos16 = 0
        self.stack: list[_Open] = []
        self.entities: list[dict[str, Any]] = []

    def plain(self) -> str:
        return "".join(self.out)

    def fail(self, reason: str, at: int | None = None) -> EntityError:
        where = "" if at is None else f" at byte offset {len(self.text[:at].encode())}"
        return EntityError(f"{ENTITY_PREFIX}{reason}{where}")

    def run(self) -> None:
        i = 0
        while i < len(self.text):
            char = self.text[i]
            if char == "<":
                i = self.tag(i)
            elif char == "&":
                i = self.entity(i)
            elif char == ">":
                # Telegram itself tolerates a bare ">", but html.escape never leaves one.
                raise self.fail('unescaped ">"', i)
            else:
                self.emit(char)
                i += 1
        if self.stack:
            raise self.fail(
                f'Can\'t find end tag corresponding to start tag "{self.stack[-1].tag}"'
            )

    def emit(self, chunk: str) -> None:
        self.out.append(chunk)
        self.pos16 += utf16_len(chunk)

    def entity(self, i: int) -> int:
        match = _ENTITY.match(self.text, i)
        if not match:
            # Telegram keeps an unknown "&" as is; we refuse it to catch missing escapes.
            raise self.fail('unescaped "&"', i)
        name, dec, hexa = match.groups()
        code = int(dec) if dec else int(hexa, 16) if hexa else 0
        if not name and not 0 < code <= 0x10FFFF:
            raise self.fail("invalid character entity", i)
        self.emit(_NAMED[name] if name else chr(code))
        return match.end()

    def tag(self, i: int) -> int:
        end = _END.match(self.text, i)
        if end:
            self.close(end.group(1).lower(), i)
            return end.end()
        start = _START.match(self.text, i)
        if not start:
            raise self.fail(
                'Unsupported start tag ""'
                if self.text[i + 1 : i + 2] != "/"
                else "Unclosed end tag",
                i,
            )
        name = start.group(1).lower()
        if name not in _TYPES or start.group(3):
            raise self.fail(f'Unsupported start tag "{name}"', i)
        self.open(name, self.attributes(name, start.group(2), i), i)
        return start.end()

    def attributes(self, name: str, raw: str, at: int) -> dict[str, str]:
        attrs = {}
        for key, value in _ATTR.findall(raw):
            key = key.lower()
            if key not in _ATTRS.get(name, set()):
                raise self.fail(f'Unsupported attribute "{key}" in tag "{name}"', at)
            attrs[key] = parse_html(value.strip("\"'")).plain if value else ""
        required = _REQUIRED.get(name)
        if required and not attrs.get(required):
            raise self.fail(f'Tag "{name}" must have attribute "{required}"', at)
        if name == "span" and attrs["class"] != "tg-spoiler":
            raise self.fail('Tag "span" must have class "tg-spoiler"', at)
        return attrs

    def open(self, name: str, attrs: dict[str, str], at: int) -> None:
        parent = self.stack[-1].tag if self.stack else None
        if parent == "code" or (parent == "pre" and name != "code"):
            raise self.fail(f'Tag "{name}" can\'t be inside "{parent}"', at)
        if name == "blockquote" and any(o.tag == "blockquote" for o in self.stack):
            raise self.fail("Blockquote entities can't be nested", at)
        if name == "code" and "class" in attrs and parent != "pre":
            raise self.fail('Attribute "class" of "code" is allowed only inside "pre"', at)
        self.stack.append(_Open(name, self.pos16, attrs))

    def close(self, name: str, at: int) -> None:
        if not self.stack:
            raise self.fail("Unexpected end tag", at)
        top = self.stack.pop()
        if top.tag != name:
            raise self.fail(f'Unmatched end tag, expected "</{top.tag}>", found "</{name}>"', at)
        if top.tag == "code" and self.stack and self.stack[-1].tag == "pre":
            # <pre><code class="language-x"> is one pre entity with a language.
            self.stack[-1].attrs["language"] = top.attrs.get("class", "").removeprefix("language-")
        elif self.pos16 > top.start:
            self.entities.append(self.entity_of(top))

    def entity_of(self, top: _Open) -> dict[str, Any]:
        entity: dict[str, Any] = {"type": _TYPES[top.tag], "offset": top.start}
        entity["length"] = self.pos16 - top.start
        if top.tag == "a":
            entity["url"] = top.attrs["href"]
        elif top.tag == "tg-emoji":
            entity["custom_emoji_id"] = top.attrs["emoji-id"]
        elif top.tag == "blockquote" and "expandable" in top.attrs:
            entity["type"] = "expandable_blockquote"
        elif top.tag == "pre" and top.attrs.get("language"):
            entity["language"] = top.attrs["language"]
        return entity
