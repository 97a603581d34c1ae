"""Word segmentation: jieba behind one function, with the domain's own dictionary.

A dedicated `jieba.Tokenizer` (not jieba's global one) is loaded once, lazily and under a
lock, so the bot can warm it at start (`initialize`) and worker threads can share it.
"""

from __future__ import annotations

import functools
import itertools
import logging
import statistics
import threading
import unicodedata
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources

import jieba

from digests import route
from digests.lexicon import CompactMap
from digests.script import is_cjk
from digests.sentences import MAX_SENTENCE

__all__ = [
    "STOPWORDS",
    "idf_prior",
    "initialize",
    "is_content_word",
    "is_nominal",
    "is_person_name",
    "join_names",
    "tokenize",
    "word_tag",
]

jieba.setLogLevel(logging.WARNING)

_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None
_prior: IdfPrior | None = None
_tags: TagTable | None = None
QUANTA = 255  # an IDF weight is stored as one byte

# jieba tags of words that can head a noun phrase; unknown (HMM) words count as such too
NOMINAL = frozenset(
    {"n", "nr", "nrt", "nrfg", "nt", "nz", "ng", "ns", "vn", "an", "j", "l", "i", "x", "eng"}
)
PLACE = "ns"
RARE = 100  # a dictionary frequency below which a word may be a guessed name's tail
# common single-character surnames (compiled by hand for this project); ones that are
# mostly function words (于 和 向 将) are left out
SURNAMES = frozenset(
    "王李张刘陈杨黄赵周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺"
    "顾毛郝龚邵万钱严覃武戴莫孔汤常温康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿兰焦"
    "俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕季裴霍涂苗谷盛曲翁冉骆蓝游辛靳管柴蒙鲍喻祁蒲房滕屈"
    "饶牟艾尤穆卓吉缪简车项褚娄窦戚岑景费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬卞姬栾隋刁巫寇桑郎"
    "甄丛仲虞敖巩佘池麻苑迟邝"
)


def _data(name: str) -> str:
    """The text of a file shipped in digests/data."""
    return resources.files("digests").joinpath("data", name).read_text(encoding="utf-8")


def _entries(text: str) -> list[tuple[str, int | None, str | None]]:
    """Parse `word [freq] [tag]` lines, ignoring blanks and `#` comments; a `-` frequency
    (a tag only, for a word jieba already knows) parses as None."""
    entries: list[tuple[str, int | None, str | None]] = []
    for line in text.splitlines():
        fields = line.split("#", 1)[0].split()
        if fields:
            freq = int(fields[1]) if len(fields) > 1 and fields[1] != "-" else None
            entries.append((fields[0], freq, fields[2] if len(fields) > 2 else None))
    return entries


def _load() -> jieba.Tokenizer:
    """Build the tokenizer; the user dictionary is parsed here because jieba's
    `load_userdict(path)` never closes the file it opens (a ResourceWarning)."""
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word, freq, tag in _entries(_data("userdict.txt")):
        if freq is not None:  # a tag-only line leaves segmentation alone
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


@dataclass(frozen=True, slots=True, eq=False)
class IdfPrior:
    """jieba's general-purpose IDF table as weights in [0, 1] (IDF over the table's maximum),
    a byte a word; words it lacks weigh what its median word does."""

    table: CompactMap
    unknown: float

    def weight(self, word: str) -> float:
        return _prior_weight(self, word)

    def weights(self, words: Iterable[str]) -> list[float]:
        """`weight` of each word, in order; the cached lookup called by map at C speed."""
        return list(map(functools.partial(_prior_weight, self), words))


@functools.lru_cache(maxsize=1 << 16)  # a corpus repeats its words: bisect each one once
def _prior_weight(prior: IdfPrior, word: str) -> float:
    code = prior.table.get(word)
    return prior.unknown if code is None else code / QUANTA


def _load_prior() -> IdfPrior:
    """Read jieba's IDF table; read here because jieba.analyse's own loader leaves the file
    open, and compacted because as a dict of floats it weighs 60 MB."""
    values = array("d", (float(value) for _, value in _idf_lines()))
    top, median = max(values), statistics.median(values)
    del values  # streamed twice rather than held: the text and its lines weigh 40 MB
    codes = ((word, round(min(float(value) / top, 1.0) * QUANTA)) for word, value in _idf_lines())
    return IdfPrior(CompactMap(codes), median / top)


def _idf_lines() -> Iterator[tuple[str, str]]:
    """(word, IDF as written) of each line of jieba's IDF table."""
    with resources.files("jieba").joinpath("analyse", "idf.txt").open(encoding="utf-8") as lines:
        for line in lines:
            word, _, value = line.rstrip("\n").partition(" ")
            if value:
                yield word, value


def idf_prior() -> IdfPrior:
    """jieba's IDF table as weights, read once."""
    global _prior
    if _prior is None:
        with _lock:
            if _prior is None:
                _prior = _load_prior()
    return _prior


@dataclass(frozen=True, slots=True)
class TagTable:
    """Part-of-speech tags of the words that are not common nouns, a byte a word."""

    table: CompactMap
    names: tuple[str, ...]  # a code's tag

    def get(self, word: str) -> str | None:
        code = self.table.get(word)
        return None if code is None else self.names[code]


def _load_tags() -> TagTable:
    """The dictionary's tags that are not nominal, and places, with the user dictionary's
    over them; read here because jieba.posseg's loader leaves the file open, and only
    these kept because the common nouns (the default) are a third of a million words."""
    user = {word: tag for word, _, tag in _entries(_data("userdict.txt")) if tag}
    names: dict[str, int] = {}

    def coded() -> Iterator[tuple[str, int]]:
        with resources.files("jieba").joinpath("dict.txt").open(encoding="utf-8") as lines:
            for line in lines:
                word, _, tag = line.rstrip().rpartition(" ")
                word = word.partition(" ")[0]
                mine = word in user
                tag = user.pop(word, tag)
                if mine or tag == PLACE or tag not in NOMINAL:
                    yield word, names.setdefault(tag, len(names))
        for word, tag in user.items():  # the user dictionary's own words
            yield word, names.setdefault(tag, len(names))

    table = CompactMap(coded())
    return TagTable(table, tuple(sorted(names, key=names.__getitem__)))


def word_tag(word: str) -> str:
    """jieba's part-of-speech tag of `word`; "n" for common nouns and unknown words."""
    global _tags
    if _tags is None:
        with _lock:
            if _tags is None:
                _tags = _load_tags()
    return _tags.get(word) or "n"


def is_nominal(word: str) -> bool:
    """Whether `word` is noun-like (a noun, a place, an idiom, a verbal noun, unknown)."""
    return word_tag(word) in NOMINAL


def join_names(tokens: Sequence[str]) -> tuple[list[str], set[str]]:
    """Tokens with person names that jieba's HMM split (曹 + 卫东) joined again, and the
    set of tails it split off (卫东), which are fragments wherever else they occur."""
    freq = _get().FREQ
    out: list[str] = []
    tails: set[str] = set()
    start = 0  # tokens before it are in `out`
    # Only lone surnames can open a name, and they are rare: found with compress at C speed
    # (a multi-character token is never in SURNAMES), the rest copied a slice at a time.
    for i in itertools.compress(range(len(tokens) - 1), map(SURNAMES.__contains__, tokens)):
        if i >= start and _name_tail(tokens[i + 1], freq):  # i < start: a joined tail
            out += tokens[start:i]
            out.append(tokens[i] + tokens[i + 1])
            tails.add(tokens[i + 1])
            start = i + 2
    out += tokens[start:]
    return out, tails


def _name_tail(token: str, freq: dict[str, int]) -> bool:
    """A one- or two-ideograph token rare enough to be a given name (卫东, 得志)."""
    return 0 < len(token) <= 2 and all(map(is_cjk, token)) and freq.get(token, 0) < RARE


def is_person_name(word: str) -> bool:
    """A guessed person name: a surname and one or two ideographs jieba does not know."""
    return (
        2 <= len(word) <= 3
        and word[0] in SURNAMES
        and all(map(is_cjk, word))
        and _get().FREQ.get(word, 0) == 0
    )


def initialize() -> None:
    """Load the dictionary, its tags and the IDF table now rather than on first use."""
    _get()
    idf_prior()
    word_tag("")


def tokenize(simplified: str, *, hmm: bool = True) -> list[str]:
    """jieba tokens of simplified-script text, punctuation and stopwords included.

    `hmm=False` keeps to dictionary words (no guessed new words), for plausibility checks.
    Text longer than a sentence is segmented in sentence-sized pieces: jieba's time grows
    with the square of some runs' length (20,000 repeated characters: 7 s, 500: 6 ms).
    """
    tokenizer = _get()
    if len(simplified) <= MAX_SENTENCE:
        return _segment(tokenizer, simplified, hmm)
    return [word for piece in _pieces(simplified) for word in _segment(tokenizer, piece, hmm)]


def _segment(tokenizer: jieba.Tokenizer, text: str, hmm: bool) -> list[str]:
    """jieba's words: its route found in one pass (`digests.route`); no-HMM checks are rare."""
    return route.cut(tokenizer, text) if hmm else tokenizer.lcut(text, HMM=False)


def _pieces(text: str) -> list[str]:
    """`text` cut into runs of at most MAX_SENTENCE characters, every character kept."""
    return [text[i : i + MAX_SENTENCE] for i in range(0, len(text), MAX_SENTENCE)]


STOPWORDS: frozenset[str] = frozenset(
    word for line in _data("stopwords.txt").splitlines() for word in line.split("#", 1)[0].split()
)


_NUMERAL = frozenset("第零〇一二三四五六七八九十百千万亿两几届次年月日号个位名项条点些")


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
