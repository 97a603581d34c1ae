"""Removal of the pinyin readings that script converters leave after characters: 學(xué)."""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from digests.script import CJK_COMPAT as _CJK

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_LETTERS = f"a-zA-Zü{_TONED}"
_SYLLABLE = rf"[{_LETTERS}]{{1,7}}[1-5]?"
_READING = rf"[(（]\s*{_SYLLABLE}\s*[)）]"
# One or more readings, ASCII or full-width parentheses, straight after a character (group 1,
# read by the lookbehind). Parenthesis first, as `_DAMAGED` below: the engine scans for "("
# at C speed instead of trying the pattern at every ideograph of the page.
_ANNOTATED = re.compile(rf"[(（](?<=([{_CJK}])[(（])\s*{_SYLLABLE}\s*[)）](?:{_READING})*")
_ONE = re.compile(rf"[(（]\s*({_SYLLABLE})\s*[)）]")
# A reading whose "(" was lost to mojibake: `紕?chuàng)`. Only toned syllables qualify,
# since a bare latin word before ")" could be real text.
# Written letter first (same language as `(?<=…)({_SYLLABLE})`) so the engine scans for
# letters at C speed instead of trying the lookbehind at every character.
_DAMAGED = re.compile(
    rf"([{_LETTERS}](?<=[?\ufffd{_CJK}][{_LETTERS}])[{_LETTERS}]{{0,6}}[1-5]?)[)）]"
)


@lru_cache(maxsize=4096)  # a few hundred syllables, looked up tens of thousands of times
def _toneless(syllable: str) -> str:
    """`syllable` lower-cased, without tone marks or digits, ü spelled v as pypinyin does."""
    bare = unicodedata.normalize("NFD", syllable.lower()).replace("u\u0308", "v")
    return "".join(c for c in bare if not unicodedata.combining(c) and not c.isdigit())


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """pypinyin's single-character readings (`"23398": "xué"`), read from its data file.

    Importing pypinyin loads its phrase tables too (40 MB): finding the package's folder
    does not run it, and the one table needed here is a JSON file in that folder.
    """
    spec = importlib.util.find_spec("pypinyin")
    assert spec is not None and spec.submodule_search_locations
    path = Path(next(iter(spec.submodule_search_locations))) / "pinyin_dict.json"
    return dict(json.loads(path.read_text(encoding="utf-8")))


@lru_cache(maxsize=8192)
def _readings(char: str) -> frozenset[str]:
    """Every toneless reading pypinyin knows for `char`."""
    readings = _table().get(str(ord(char)), "")
    return frozenset(_toneless(r) for r in readings.split(",") if r)


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    """Every toneless syllable of Mandarin, from pypinyin's dictionary."""
    return frozenset(_toneless(r) for readings in _table().values() for r in readings.split(","))


def _is_reading(char: str, annotations: str) -> bool:
    """Whether every parenthesised syllable in `annotations` is a reading of `char`, or a
    syllable with its tone marked: prose never writes `(huì)`, a converter does, after a
    character that mojibake may since have changed (`髸(huì)` for `會(huì)`)."""
    readings = _readings(char)
    return all(_toneless(s) in readings or _toned(s) for s in _ONE.findall(annotations))


def _toned(syllable: str) -> bool:
    """A lower-case syllable of Mandarin written with a tone mark (`huì`, `xué`)."""
    return (
        syllable.islower()
        and any(c in _TONED for c in syllable)
        and _toneless(syllable) in _syllables()
    )


def _drop_annotation(match: re.Match[str]) -> str:
    """The readings matched, or nothing when they are the character's (left in place)."""
    return _without_reading(match.group(1) + match.group(0))[1:]


@lru_cache(maxsize=8192)  # an annotated page repeats its few annotated words
def _without_reading(annotated: str) -> str:
    """A character and its parenthesised readings: the character alone if they are its own."""
    char, annotations = annotated[0], annotated[1:]
    return char if _is_reading(char, annotations) else annotated


def _drop_damaged(match: re.Match[str]) -> str:
    syllable = match.group(1)
    toned = any(c in _TONED for c in syllable)
    return "" if toned and _toneless(syllable) in _syllables() else match.group(0)


def strip_pinyin(text: str) -> str:
    """`text` without converter readings; real parentheses are left alone."""
    text = _ANNOTATED.sub(_drop_annotation, text)
    return _DAMAGED.sub(_drop_damaged, text)


__all__ = ["strip_pinyin"]
