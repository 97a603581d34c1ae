"""What the search index holds and what a query looks for: the same function on both sides.

Chinese has no spaces and jieba keeps `民主生活会` as one word, so a word index cannot find
`生活会`. Instead every run of Chinese characters is indexed as its overlapping character
bigrams (`民主 主生 生活 活会`) plus its last character alone, and a query run becomes the
phrase of its bigrams: any part of a word of two characters or more is found, in order.
A one-character query becomes a prefix query, which matches every bigram starting with it
and the run-final character. Letters and digits are indexed as lower-cased words.
User input never reaches a query parser: only these terms, quoted, are sent.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from digests.script import CJK_COMPAT, to_simplified

_CJK = CJK_COMPAT
_RUNS = re.compile(f"(?P<cjk>[{_CJK}]+)|(?P<word>[^\\W_{_CJK}]+)")
MAX_QUERY = 200  # characters of a query searched (the one limit: /search cuts to it too)
MAX_RUNS = 16
SNIPPET = 72  # characters of context around the first match
BEFORE = 20  # of which before it


@dataclass(frozen=True, slots=True)
class Run:
    """One piece of a query: a run of Chinese characters or one word."""

    text: str
    cjk: bool


def _normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def _bigrams(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)]


def index_terms(simplified: str) -> str:
    """The space-separated terms a document is indexed by."""
    out: list[str] = []
    for match in _RUNS.finditer(_normal(simplified)):
        run = match[0]
        out.extend([*_bigrams(run), run[-1]] if match["cjk"] else [run])
    return " ".join(out)


def query_runs(query: str) -> tuple[Run, ...]:
    """The runs of a user's query, simplified and normalised like the index; () if none."""
    text = _normal(to_simplified(query[:MAX_QUERY]))
    runs = [Run(m[0], m["cjk"] is not None) for m in _RUNS.finditer(text)]
    return tuple(dict.fromkeys(runs))[:MAX_RUNS]


def fts5_query(runs: Sequence[Run]) -> str:
    """An FTS5 MATCH expression: every run must occur (implicit AND of quoted phrases)."""
    parts = []
    for run in runs:
        if run.cjk and len(run.text) == 1:
            parts.append(f'"{run.text}"*')
        elif run.cjk:
            parts.append('"' + " ".join(_bigrams(run.text)) + '"')
        else:
            parts.append(f'"{run.text}"')
    return " ".join(parts)


def tsquery(runs: Sequence[Run]) -> str:
    """A PostgreSQL to_tsquery('simple', …) expression with the same meaning."""
    parts = []
    for run in runs:
        if run.cjk and len(run.text) == 1:
            parts.append(f"'{run.text}':*")
        elif run.cjk:
            parts.append("(" + " <-> ".join(f"'{b}'" for b in _bigrams(run.text)) + ")")
        else:
            parts.append(f"'{run.text}'")
    return " & ".join(parts)


def every_term(runs: Sequence[Run]) -> str:
    """`tsquery` with every phrase loosened to all of its bigrams, in any order.

    A GIN index answers this exactly from its posting lists; a phrase makes it reread every
    candidate's tsvector. `needs_phrase` says when the loosened query can match more.
    """
    parts: list[str] = []
    for run in runs:
        if run.cjk and len(run.text) > 1:
            parts.extend(f"'{b}'" for b in _bigrams(run.text))
        else:
            parts.append(tsquery([run]))
    return " & ".join(parts)


def needs_phrase(runs: Sequence[Run]) -> bool:
    """Whether `every_term(runs)` is looser than `tsquery(runs)`: a run of three or more."""
    return any(run.cjk and len(run.text) > 2 for run in runs)


@functools.lru_cache(maxsize=65536)
def _fold_char(char: str) -> str:
    folded = _normal(char)
    return folded if len(folded) == 1 else char


def fold(text: str) -> str:
    """`_normal` character by character, so offsets into the result are offsets into `text`."""
    return "".join(map(_fold_char, text))


def _spans(haystack: str, runs: Sequence[Run]) -> list[tuple[int, int]]:
    spans = []
    for run in runs:
        start = haystack.find(run.text)
        while start != -1:
            spans.append((start, start + len(run.text)))
            start = haystack.find(run.text, start + 1)
    return sorted(spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def snippet(
    text: str, simplified: str, runs: Sequence[Run]
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """About SNIPPET characters of `text` around the first match, and the matches' spans."""
    shown = text if len(text) == len(simplified) else simplified  # t2s keeps the length
    spans = _spans(fold(simplified), runs)
    first = spans[0][0] if spans else 0
    start = max(0, min(first - BEFORE, len(shown) - SNIPPET))
    end = min(len(shown), start + SNIPPET)
    prefix = "…" if start > 0 else ""
    body = prefix + shown[start:end].replace("\n", " ") + ("…" if end < len(shown) else "")
    shift = len(prefix) - start
    inside = [(max(a, start), min(b, end)) for a, b in spans if a < end and b > start]
    return body, tuple((a + shift, b + shift) for a, b in _merge(inside))


__all__ = [
    "Run",
    "every_term",
    "fold",
    "fts5_query",
    "index_terms",
    "needs_phrase",
    "query_runs",
    "snippet",
    "tsquery",
]
