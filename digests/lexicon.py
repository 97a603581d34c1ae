"""A read-only map from words to small codes, in 8 bytes a word instead of a dict's ~150.

jieba's IDF table and its part-of-speech tags are a third of a million words each; as
dicts they cost 60 MB of a process that jieba itself already makes 90 MB. Here an entry is
one 64-bit integer, the word's hash with its code in the low byte, kept sorted in an
`array` and found by bisection in C. Hashes are process-salted, which is fine: the table
is built in the process that reads it. Two words agreeing in 56 bits is a one-in-a-million
event for a table this size, and would cost one word its weight.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable

_CODE = 0xFF


class CompactMap:
    """`word -> int` (0–255) for a fixed set of words."""

    __slots__ = ("_entries",)

    def __init__(self, items: Iterable[tuple[str, int]]) -> None:
        entries = array("q", ((hash(word) & ~_CODE) | code for word, code in items))
        self._entries = array("q", sorted(entries))

    def get(self, word: str, default: int | None = None) -> int | None:
        """The word's code, or `default`."""
        key = hash(word) & ~_CODE
        i = bisect_left(self._entries, key)
        if i < len(self._entries) and self._entries[i] & ~_CODE == key:
            return self._entries[i] & _CODE
        return default

    def __len__(self) -> int:
        return len(self._entries)


__all__ = ["CompactMap"]
