"""Keyword rules of a topic: plain words (any of them), `+词` (must also appear), `!词` (excluded).

Stored as the strings the reader typed, prefix included (`("政协", "+座谈会", "!足球")`),
so a topic's keywords stay one JSON list and read back the way they were written.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

REQUIRED, EXCLUDED = "+", "!"


@dataclass(frozen=True, slots=True)
class Rules:
    """A keyword list taken apart: none of `any_of` given means every document."""

    any_of: tuple[str, ...] = ()
    all_of: tuple[str, ...] = ()
    none_of: tuple[str, ...] = ()

    @property
    def wanted(self) -> tuple[str, ...]:
        """The words a match is made of (plain and required), for "matched" and buttons."""
        return (*self.any_of, *self.all_of)


def split(keywords: Sequence[str]) -> Rules:
    """`("政协", "+座谈会", "!足球")` → Rules(("政协",), ("座谈会",), ("足球",))."""
    any_of, all_of, none_of = [], [], []
    for keyword in keywords:
        if keyword.startswith(REQUIRED):
            all_of.append(keyword[1:])
        elif keyword.startswith(EXCLUDED):
            none_of.append(keyword[1:])
        else:
            any_of.append(keyword)
    return Rules(tuple(any_of), tuple(all_of), tuple(none_of))


def bare(keyword: str) -> str:
    """The word without its rule prefix."""
    return keyword.lstrip(REQUIRED + EXCLUDED)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def matched(keywords: Sequence[str], simplified: str) -> tuple[str, ...]:
    """The wanted words of `keywords` that the (simplified) text contains, in order.

    Substring matching of the normalised text: what the search index finds for a word
    (its bigrams in order) is, but for index terms split by punctuation, the same.
    """
    text = _fold(simplified)
    return tuple(word for word in split(keywords).wanted if word and _fold(word) in text)


__all__ = ["EXCLUDED", "REQUIRED", "Rules", "bare", "matched", "split"]
