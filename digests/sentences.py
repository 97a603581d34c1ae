"""Sentence splitting for Chinese news text, one body line at a time.

Sentences end at `。！？；` and at their ASCII forms `!?;`, which these pages use inside
Chinese. A terminator inside a quotation does not end the sentence, unless the quotation
closes right after it (`他说:“要抓落实。”`), in which case the sentence ends after the
closing quote. Quotes that never close are ignored, so one stray `“` cannot swallow a line.

No sentence is longer than MAX_SENTENCE characters: a longer run is cut, at a comma when
one is near the limit, because jieba's segmentation is quadratic in the length of some runs
(100,000 repeated characters took minutes); no real sentence comes near 500 characters.
"""

from __future__ import annotations

import re

__all__ = ["MAX_SENTENCE", "TERMINATORS", "hard_split", "split_sentences"]

MAX_SENTENCE = 500  # characters
TERMINATORS = frozenset("。！？；!?;")
# Bullets that open an item or a caption (`● 會上`, `▲与会人员合影`); ○ is also a numeral zero.
BULLETS = "•●○◆◇■□▪▲△►▶★☆※◎◉"
_SOFT = re.compile(r"[，,、：:\s]")  # where a long run is cut when it can be
_PAIRS = {"“": "”", "「": "」", "『": "』", "‘": "’", "《": "》", '"': '"'}
_CLOSERS = frozenset(_PAIRS.values()) | frozenset(")）】")
_QUOTES = re.compile("[" + re.escape("".join(_PAIRS)) + "]")
_MARKS = re.compile("[" + re.escape("".join(_PAIRS) + "".join(_PAIRS.values())) + "]")
_TERMINATOR = re.compile("[" + re.escape("".join(TERMINATORS)) + "]")
# Without quotes a sentence is everything up to a run of terminators (and closing brackets).
_PLAIN = re.compile(r"[^。！？；!?;]*[。！？；!?;]+[)）】]*|[^。！？；!?;]+")


def _quote_spans(line: str) -> list[tuple[int, int]]:
    """(open, close) indices of every matched quotation; unmatched marks are ignored."""
    stack: list[tuple[str, int]] = []
    spans: list[tuple[int, int]] = []
    for match in _MARKS.finditer(line):  # other characters open and close nothing
        char, i = match.group(), match.start()
        if stack and char == _PAIRS[stack[-1][0]]:
            spans.append((stack.pop()[1], i))
        elif char in _PAIRS:
            stack.append((char, i))
    return spans


def _enclosing_ends(line: str) -> list[int]:
    """For each index, the end of the outermost quotation around it, or -1 outside quotes."""
    ends = [-1] * len(line)
    for start, end in sorted(_quote_spans(line), key=lambda span: span[0] - span[1]):
        # Matched pairs nest or stay apart, so a span inside a longer one, applied
        # earlier, is already all set: the longest span wins.
        if end > start + 1 and ends[start + 1] == -1:
            ends[start + 1 : end] = [end] * (end - start - 1)
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


def hard_split(text: str, limit: int = MAX_SENTENCE) -> list[str]:
    """`text` in pieces of at most `limit` characters, each cut after the last comma (or
    colon, space) of its second half when there is one, else at the limit."""
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        half = start + limit // 2
        soft = [match.end() for match in _SOFT.finditer(text, half, start + limit)]
        cut = soft[-1] if soft else start + limit
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return [piece.strip() for piece in pieces if piece.strip()]


def split_sentences(line: str) -> list[str]:
    """The sentences of one line, terminators kept, whitespace stripped, empties dropped;
    none longer than MAX_SENTENCE."""
    return [short for piece in _split(line) for short in hard_split(piece)]


def _split(line: str) -> list[str]:
    """The sentences of one line, however long."""
    if not _QUOTES.search(line):
        return [piece.strip() for piece in _PLAIN.findall(line) if piece.strip()]
    ends = _enclosing_ends(line)
    pieces: list[str] = []
    start = 0
    for match in _TERMINATOR.finditer(line):
        i = match.start()
        cut = _cut_after(line, i, ends) if i >= start else None  # before start: cut past
        if cut is not None:
            pieces.append(line[start:cut])
            start = cut
    pieces.append(line[start:])
    return [piece.strip() for piece in pieces if piece.strip()]
