"""Sentence splitting for Chinese news text, one body line at a time.

Sentences end at `。！？；` and at their ASCII forms `!?;`, which these pages use inside
Chinese. A terminator inside a quotation does not end the sentence, unless the quotation
closes right after it (`他说:“要抓落实。”`), in which case the sentence ends after the
closing quote. Quotes that never close are ignored, so one stray `“` cannot swallow a line.
"""

from __future__ import annotations

import re

__all__ = ["TERMINATORS", "split_sentences"]

TERMINATORS = frozenset("。！？；!?;")
_PAIRS = {"“": "”", "「": "」", "『": "』", "‘": "’", "《": "》", '"': '"'}
_CLOSERS = frozenset(_PAIRS.values()) | frozenset(")）】")
_QUOTES = re.compile("[" + re.escape("".join(_PAIRS)) + "]")
# Without quotes a sentence is everything up to a run of terminators (and closing brackets).
_PLAIN = re.compile(r"[^。！？；!?;]*[。！？；!?;]+[)）】]*|[^。！？；!?;]+")


def _quote_spans(line: str) -> list[tuple[int, int]]:
    """(open, close) indices of every matched quotation; unmatched marks are ignored."""
    stack: list[tuple[str, int]] = []
    spans: list[tuple[int, int]] = []
    for i, char in enumerate(line):
        if stack and char == _PAIRS[stack[-1][0]]:
            spans.append((stack.pop()[1], i))
        elif char in _PAIRS:
            stack.append((char, i))
    return spans


def _enclosing_ends(line: str) -> list[int]:
    """For each index, the end of the outermost quotation around it, or -1 outside quotes."""
    ends = [-1] * len(line)
    for start, end in sorted(_quote_spans(line), key=lambda span: span[0] - span[1]):
        for i in range(start + 1, end):
            if ends[i] == -1:  # the longest span is applied first, so it wins
                ends[i] = end
    return ends


def _cut_after(line: str, i: int, ends: list[int]) -> int | None:
    """Where a sentence whose terminator is at `i` ends, or None when it does not."""
    end = i if ends[i] == -1 else ends[i]
    if any(c not in TERMINATORS and c not in _CLOSERS for c in line[i + 1 : end]):
        return None  # a terminator inside a quotation that goes on
    end += 1
    while end < len(line) and (line[end] in TERMINATORS or line[end] in _CLOSERS):
        end += 1
    return end


def split_sentences(line: str) -> list[str]:
    """The sentences of one line, terminators kept, whitespace stripped, empties dropped."""
    if not _QUOTES.search(line):
        return [piece.strip() for piece in _PLAIN.findall(line) if piece.strip()]
    ends = _enclosing_ends(line)
    pieces: list[str] = []
    start = i = 0
    while i < len(line):
        cut = _cut_after(line, i, ends) if line[i] in TERMINATORS else None
        if cut is not None:
            pieces.append(line[start:cut])
            start = i = cut
        else:
            i += 1
    pieces.append(line[start:])
    return [piece.strip() for piece in pieces if piece.strip()]
