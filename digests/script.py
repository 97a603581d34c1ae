"""Conversion between traditional and simplified Chinese with OpenCC."""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from typing import Any

import opencc

from digests.model import Script

# The one definition of a Chinese character, as regex class bodies: the unified ideographs
# (extension A, the basic block, extensions B to H), and with them the compatibility
# ideographs that legacy Big5 and GBK text carries.
CJK = "\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f"
CJK_COMPAT = CJK + "\uf900-\ufaff"
_CJK_CHAR = re.compile(f"[{CJK}]")

_converters: dict[str, Any] = {}
_lock = threading.Lock()


def _converter(config: str) -> Any:
    """The OpenCC converter for `config`, built once: loading its dictionaries is the slow part."""
    converter = _converters.get(config)
    if converter is None:
        with _lock:
            converter = _converters.get(config)
            if converter is None:
                converter = opencc.OpenCC(config)
                _converters[config] = converter
    return converter


def is_cjk(char: str) -> bool:
    """Whether `char` is a CJK ideograph (the `CJK` class)."""
    return _CJK_CHAR.fullmatch(char) is not None


def count_cjk(text: str) -> int:
    """How many CJK ideographs `text` holds."""
    return len(_CJK_CHAR.findall(text))


def is_traditional(text: str, simplified: str) -> bool:
    """Whether `text` (with `simplified`, its t2s form) is written in traditional characters:
    more than one character in twenty changes under conversion."""
    return _changed(text, simplified) * 20 > len(text)


def _changed(text: str, simplified: str) -> int:
    """How many positions of the two texts hold different characters (up to the shorter's
    length), counted on big ints: no Python object per character pair.

    Each character is a 32-bit lane (UTF-32); in the XOR of the texts a lane is non-zero
    where they differ, and OR-ing each lane's bits down to its lowest (shifts totalling 31
    never reach the next lane's) leaves one bit per differing position to count.
    """
    n = min(len(text), len(simplified))
    lanes = [
        int.from_bytes(t[:n].encode("utf-32-le", "surrogatepass"), "little")
        for t in (text, simplified)
    ]
    differ = lanes[0] ^ lanes[1]
    for shift in (16, 8, 4, 2, 1):
        differ |= differ >> shift
    return (differ & int.from_bytes(b"\x01\x00\x00\x00" * n, "little")).bit_count()


def to_simplified(text: str) -> str:
    """`text` in simplified characters (OpenCC t2s)."""
    return str(_converter("t2s").convert(text)) if text else text


def to_simplified_lines(lines: Sequence[str]) -> tuple[str, ...]:
    """Each line in simplified characters, converted in one OpenCC call.

    No OpenCC phrase spans a line break, so the joined text converts line by line; the
    count check falls back to one call per line should a conversion ever touch a break.
    """
    out = to_simplified("\n".join(lines)).split("\n") if lines else []
    return tuple(out) if len(out) == len(lines) else tuple(map(to_simplified, lines))


def to_traditional(text: str) -> str:
    """`text` in traditional characters (OpenCC s2t)."""
    return str(_converter("s2t").convert(text)) if text else text


def convert(text: str, script: Script) -> str:
    """`text` in the requested script; "original" leaves it as written."""
    if script == "simplified":
        return to_simplified(text)
    if script == "traditional":
        return to_traditional(text)
    return text


__all__ = [
    "CJK",
    "CJK_COMPAT",
    "convert",
    "count_cjk",
    "is_cjk",
    "is_traditional",
    "to_simplified",
    "to_simplified_lines",
    "to_traditional",
]
