"""jieba's accurate-mode segmentation (`Tokenizer.lcut(text, HMM=True)`), word for word,
with its best route through the prefix dictionary found in one pass.

jieba builds a dictionary of every word's possible ends for a block (`get_DAG`), then
walks it backwards taking, at each character, the best of `max(generator)` (`calc`): two
passes, a list per character and a generator per step, which is most of its time on news
text. Here the backward walk looks the prefixes up itself; the scores are the same
floating-point sums in the same order and ties go the same way (the longer word), so the
words are jieba's. Everything else is jieba's own: its dictionary and user words (`FREQ`,
`total`), its block and space patterns, its HMM for runs of unknown characters
(`jieba.finalseg.cut`). `tests/digests/test_route.py` checks the equality.
"""

from __future__ import annotations

from math import log

import jieba
import jieba.finalseg

_HAN = jieba.re_han_default  # the runs jieba segments: ideographs, letters, digits, +#&._%-
_SKIP = jieba.re_skip_default  # in between, whitespace is a token; other characters one each


def cut(tokenizer: jieba.Tokenizer, text: str) -> list[str]:
    """The words of `text` as `tokenizer.lcut(text)` gives them."""
    freq, logtotal = tokenizer.FREQ, log(tokenizer.total)
    words: list[str] = []
    for block in _HAN.split(text):
        if not block:
            continue
        if _HAN.match(block):
            _cut_block(block, freq, logtotal, words)
            continue
        for piece in _SKIP.split(block):
            if _SKIP.match(piece):
                words.append(piece)
            else:
                words.extend(piece)
    return words


def _best_ends(block: str, freq: dict[str, int], logtotal: float) -> list[int]:
    """For each start, the end (exclusive) of the word the best route takes there."""
    n = len(block)
    scores = [0.0] * (n + 1)
    ends = [0] * (n + 1)
    for start in range(n - 1, -1, -1):
        first = freq.get(block[start])
        best, end = log(first or 1) - logtotal + scores[start + 1], start + 1
        known = bool(first)  # a lone character jieba lists only if the dictionary counts it
        stop = start + 2
        while stop <= n:
            count = freq.get(block[start:stop])
            if count is None:
                break  # no word goes on with these characters
            if count:
                score = log(count) - logtotal + scores[stop]
                if not known or score >= best:  # (jieba's max of (score, end): longer wins ties)
                    best, end, known = score, stop, True
            stop += 1
        scores[start], ends[start] = best, end
    return ends


def _cut_block(block: str, freq: dict[str, int], logtotal: float, words: list[str]) -> None:
    """jieba's `__cut_DAG` on one run: dictionary words as routed, runs of single characters
    that form no dictionary word handed to the HMM."""
    ends = _best_ends(block, freq, logtotal)
    start, run = 0, ""
    while start < len(block):
        end = ends[start]
        if end - start == 1:
            run += block[start]
        else:
            if run:
                _flush(run, freq, words)
                run = ""
            words.append(block[start:end])
        start = end
    if run:
        _flush(run, freq, words)


def _flush(run: str, freq: dict[str, int], words: list[str]) -> None:
    """A run of single characters: one character as it is, a dictionary word split into its
    characters, anything else as the HMM reads it (new words: names, places)."""
    if len(run) == 1:
        words.append(run)
    elif not freq.get(run):
        words.extend(jieba.finalseg.cut(run))
    else:
        words.extend(run)


__all__ = ["cut"]
