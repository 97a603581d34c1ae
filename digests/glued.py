"""A headline, or a clause of it, glued to the start of the lede: a record's photo caption
repeats the headline and runs straight into the first sentence (`…為烏克蘭發聲臺南市議會
第3屆第12次臨時會9日…召開`), so the lede's subject and the meeting's name would start in
the middle of the headline's words."""

from __future__ import annotations

from digests.script import count_cjk

GLUED = 5  # ideographs a repeated piece of the headline needs to be told from chance
REST = 10  # characters of a sentence that must follow it
_CLAUSE_END = " \u3000，,、；;：:！!？?。「」『』“”\"'()（）-—|｜"


def glued_headline(line: str, title: str) -> int:
    """How many characters at the start of `line` (simplified, like `title`) repeat a whole
    clause's end of the headline with the lede's first sentence glued on; 0 if none."""
    if not title or len(line) < GLUED + REST:
        return 0
    size = _repeated(line, title)
    if size == 0 or count_cjk(line[:size]) < GLUED or len(line) - size < REST:
        return 0
    if line[size] in _CLAUSE_END:
        return 0  # the lede says the headline's words and goes on: `某会召开，…`
    at = title.find(line[:size])
    closes_clause = at + size == len(title) or title[at + size] in _CLAUSE_END
    return size if closes_clause else 0


def _repeated(line: str, title: str) -> int:
    """The length of the longest start of `line` that the title holds."""
    low, high = 0, min(len(line), len(title))
    while low < high:  # a start the title holds is held by any shorter start: bisect
        middle = (low + high + 1) // 2
        if line[:middle] in title:
            low = middle
        else:
            high = middle - 1
    return low


__all__ = ["glued_headline"]
