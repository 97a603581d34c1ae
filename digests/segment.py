"""Word segmentation: jieba behind one function, with the domain's own dictionary.

A dedicated `jieba.Tokenizer` (not jieba's global one) is loaded once, lazily and under a
lock, so the bot can warm it at start (`initialize`) and worker threads can share it.
"""

from __future__ import annotations

import functools
import logging
import statistics
import threading
import unicodedata
from importlib import resources

import jieba

__all__ = ["STOPWORDS", "idf_prior", "initialize", "is_cjk", "is_content_word", "tokenize"]

jieba.setLogLevel(logging.WARNING)

_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None
_prior: tuple[dict[str, float], float, float] | None = None


def _data(name: str) -> str:
    """The text of a file shipped in digests/data."""
    return resources.files("digests").joinpath("data", name).read_text(encoding="utf-8")


def _entries(text: str) -> list[tuple[str, int | None, str | None]]:
    """Parse `word [freq] [tag]` lines, ignoring blanks and `#` comments."""
    entries: list[tuple[str, int | None, str | None]] = []
    for line in text.splitlines():
        fields = line.split("#", 1)[0].split()
        if fields:
            freq = int(fields[1]) if len(fields) > 1 else None
            entries.append((fields[0], freq, fields[2] if len(fields) > 2 else None))
    return entries


def _load() -> jieba.Tokenizer:
    """Build the tokenizer; the user dictionary is parsed here because jieba's
    `load_userdict(path)` never closes the file it opens (a ResourceWarning)."""
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word, freq, tag in _entries(_data("userdict.txt")):
        tokenizer.add_word(word, freq, tag)
    return tokenizer


def _get() -> jieba.Tokenizer:
    """The shared tokenizer, loaded on first use."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                _tokenizer = _load()
    return _tokenizer


def _load_prior() -> tuple[dict[str, float], float, float]:
    """jieba's bundled IDF table, its median (for unknown words) and its maximum; read here
    because jieba.analyse's own loader leaves the file open."""
    text = resources.files("jieba").joinpath("analyse", "idf.txt").read_text(encoding="utf-8")
    table: dict[str, float] = {}
    for line in text.splitlines():
        word, _, value = line.partition(" ")
        if value:
            table[word] = float(value)
    return table, statistics.median(table.values()), max(table.values())


def idf_prior() -> tuple[dict[str, float], float, float]:
    """jieba's general-purpose IDF table (with its median and maximum), read once."""
    global _prior
    if _prior is None:
        with _lock:
            if _prior is None:
                _prior = _load_prior()
    return _prior


def initialize() -> None:
    """Load the dictionary and the IDF table now rather than on the first document."""
    _get()
    idf_prior()


def tokenize(simplified: str, *, hmm: bool = True) -> list[str]:
    """jieba tokens of simplified-script text, punctuation and stopwords included.

    `hmm=False` keeps to dictionary words (no guessed new words), for plausibility checks.
    """
    return _get().lcut(simplified, HMM=hmm)


STOPWORDS: frozenset[str] = frozenset(
    word for line in _data("stopwords.txt").splitlines() for word in line.split("#", 1)[0].split()
)


_NUMERAL = frozenset("第零〇一二三四五六七八九十百千万亿两几届次年月日号个位名项条点些")


def is_cjk(char: str) -> bool:
    """Whether `char` is a CJK ideograph."""
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


@functools.lru_cache(maxsize=1 << 16)
def is_content_word(token: str) -> bool:
    """A token that can carry meaning: no stopword, punctuation, number or lone ideograph."""
    token = token.strip()
    if not token or token in STOPWORDS:
        return False
    if all(unicodedata.category(c)[0] in "PSNZC" for c in token):
        return False
    if all(c in _NUMERAL for c in token):
        return False  # 第十八届, 两个, 三项
    if any(is_cjk(c) for c in token):
        return len(token) >= 2 and not token[0].isdigit()
    return len(token) >= 2 and any(c.isalpha() for c in token)
