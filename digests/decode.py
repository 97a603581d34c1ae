"""Bytes to text: BOMs, UTF-8, GB18030, Big5 or a detected charset; HTML reduced to its text,
Markdown to what its reader sees.

The file name never decides the encoding; it only hints that the content may be HTML.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from functools import lru_cache

from digests.html import extract_html
from digests.markdown import is_markdown, read_markdown
from digests.model import Decoded, DigestError
from digests.script import count_cjk, is_cjk, to_simplified
from digests.segment import tokenize

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Declared names mapped to the superset codec that decodes everything they promise.
_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "big5": "big5hkscs",
    "x-big5": "big5hkscs",
    "cp950": "big5hkscs",
}
_CHINESE = ("gb18030", "big5hkscs")
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta)\b", re.I | re.S
)
_HTML_TAG = re.compile(rb"<(?:p|div|br|title|body|html|article|span|a)\b[^>]*>", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_CONTROL = bytes(sorted(frozenset(range(32)) - {9, 10, 12, 13}))


class DecodeError(DigestError):
    """Bytes that are not text: empty, binary or in no encoding we can read."""


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    """The 3,755 most used simplified characters (GB2312 level 1)."""
    rows = (bytes([hi, lo]) for hi in range(0xB0, 0xD8) for lo in range(0xA1, 0xFF))
    return frozenset(row.decode("gb2312") for row in rows if row < b"\xd7\xfa")


def _plausibility(text: str) -> float:
    """Share of the non-ASCII letters that are common Chinese characters (1.0 = surely right).

    A wrong GBK/Big5 guess yields rare characters, kana or private-use code points.
    The first 4,000 characters are evidence enough and keep decoding off the hot path.
    """
    counts = Counter(to_simplified(text[:4000]))  # a page has far fewer distinct characters
    letters = sum(n for c, n in counts.items() if _is_letter(c))
    common = _common()
    return sum(n for c, n in counts.items() if c in common) / letters if letters else 0.0


@lru_cache(maxsize=1 << 16)
def _is_letter(char: str) -> bool:
    """A non-ASCII letter (or other non-control character) the plausibility counts."""
    category = unicodedata.category(char)
    return ord(char) > 127 and category[0] in "LC" and category != "Cc"


def _has_common(text: str) -> bool:
    """`_plausibility(text) > 0`, without counting: common characters are all letters."""
    return not _common().isdisjoint(to_simplified(text[:4000]))


def _word_coverage(text: str) -> float:
    """Share of the Chinese characters that fall inside dictionary words.

    Decides GBK against Big5 on short texts, where both may give common characters:
    學習 read as GBK is 厩策, two common characters that make no word.
    """
    sample = to_simplified(text[:2000])
    words = tokenize(sample, hmm=False)  # HMM off: no invented words
    chinese = count_cjk(sample)
    covered = sum(len(w) for w in words if len(w) > 1 and is_cjk(w[0]))
    return covered / chinese if chinese else 0.0


def _strict(data: bytes, encoding: str) -> str | None:
    """`data` decoded with no replacement, or None."""
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _detected(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's best guess as (text, encoding)."""
    import charset_normalizer  # lazily: most pages are UTF-8 or GB18030 and never need it

    best = charset_normalizer.from_bytes(data).best()
    return (str(best), best.encoding) if best is not None else None


def _candidates(data: bytes) -> list[tuple[str, str]]:
    """Every reading of `data` as (text, encoding), in order of preference."""
    found = [(text, enc) for enc in _CHINESE if (text := _strict(data, enc)) is not None]
    guess = _detected(data)
    if guess and _ALIASES.get(guess[1], guess[1]) not in _CHINESE:
        found.append(guess)
    return found


def _damaged_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken sequences (a file cut mid-character), replaced by U+FFFD."""
    text = data.decode("utf-8", "replace")
    broken = text.count("\ufffd")
    return text if broken <= len(text) // 200 + 1 and _plausibility(text) > 0.5 else None


def _best(data: bytes) -> tuple[str, str]:
    """The most plausible reading of bytes that are neither BOM-marked nor declared."""
    utf8 = _strict(data, "utf-8")
    if utf8 is not None and (utf8.isascii() or _has_common(utf8)):
        return utf8, "utf-8"  # a valid multi-byte UTF-8 run is almost never chance
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged, "utf-8"
    candidates = ((text, enc, _plausibility(text)) for text, enc in _candidates(data))
    found = [candidate for candidate in candidates if candidate[2] >= 0.5]
    if utf8 is not None:
        found.insert(0, (utf8, "utf-8", 0.0))  # it has no common character: see _has_common
    if not found:
        raise DecodeError("undecodable: not UTF-8, GB18030, Big5 or any detected charset")
    if len(found) == 1:
        return found[0][:2]
    # Ties keep the first, UTF-8 then GB18030.
    text, encoding, _ = max(found, key=lambda item: item[2] + _word_coverage(item[0]))
    return text, encoding


def _declared(data: bytes) -> tuple[str, str] | None:
    """The text in the charset an HTML page declares, if that charset really decodes it."""
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    encoding = _ALIASES.get(name, name)
    text = _strict(data, encoding)
    return (text, encoding) if text is not None else None


def _check_binary(data: bytes) -> None:
    """Raise DecodeError for empty or binary bytes."""
    if not data or data.isspace():  # what `not data.strip()` says, without the copy
        raise DecodeError("empty file")
    head = data[:8192]
    controls = len(head) - len(head.translate(None, _CONTROL))
    if b"\x00" in head or controls > len(head) * 0.05:
        raise DecodeError("binary file, not text")


def is_html(data: bytes, name: str = "") -> bool:
    """Whether `data` is an HTML page: sniffed from the content, the name only a hint."""
    head = data[:4096]
    if _HTML_START.match(head):
        return True
    if name.lower().endswith((".md", ".markdown")):
        return False  # a post's own tables and `<style>` are Markdown's to read
    hinted = name.lower().endswith((".html", ".htm"))
    return len(_HTML_TAG.findall(head)) >= (1 if hinted else 3)


def _text(data: bytes, html: bool) -> tuple[str, str]:
    """(text, encoding) of bytes known not to be binary."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data, encoding)
            if text is None:
                raise DecodeError(f"undecodable: invalid {encoding} after its byte-order mark")
            return text.lstrip("\ufeff"), encoding
    declared = _declared(data) if html else None
    return declared or _best(data)


def markup(data: bytes, declared: str | None = None) -> str:
    """An HTML page's text, as a browser reads it: the byte-order mark, the charset the
    server `declared` (Content-Type), the page's `<meta charset>`, then detection; each only
    when it really decodes the bytes."""
    if declared and not data.startswith(tuple(bom for bom, _ in _BOMS)):
        name = declared.strip().strip("\"'").lower()
        text = _strict(data, _ALIASES.get(name, name))
        if text is not None:
            return text
    try:
        return _text(data, html=True)[0]
    except DecodeError:
        return data.decode("utf-8", "replace")


def decode(data: bytes, name: str = "") -> Decoded:
    """Text of a file's bytes; HTML pages are reduced to their main text and title."""
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not utf16:
        _check_binary(data)
    html = is_html(data, name)
    text, encoding = _text(data, html)
    if not html:
        if is_markdown(name, text):
            read = read_markdown(text)
            # a site generator renders the front matter's title as the page's <title> and
            # its <h1>: both say it, as an HTML page's agreeing two do
            headings = (read.title,) if read.title else ()
            return Decoded(read.text, encoding, read.title, headings, date=read.date)
        return Decoded(text=text, encoding=encoding)
    page = extract_html(text)
    if not page.text.strip():
        raise DecodeError("HTML page without text")
    return Decoded(_before_markup(text) + page.text, encoding, page.title, page.headings, page.date)


def _before_markup(text: str) -> str:
    """The plain lines a stored text carries before the markup pasted into it (its headline
    and source above a `<style>` block), which no HTML extractor reads; "" for a page."""
    if text.lstrip().startswith("<"):
        return ""
    lead = text[: text.find("<")].strip()
    return f"{lead}\n" if lead else ""


__all__ = ["DecodeError", "decode", "is_html", "markup"]
