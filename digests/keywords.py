"""Keywords: TF-IDF learned from the corpus, blended with jieba's IDF prior, and TextRank.

The tokens come from the pipeline's single jieba pass; nothing here segments text again.
"""

from __future__ import annotations

import functools
import itertools
import math
import operator
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from digests.script import is_cjk
from digests.segment import (
    PLACE,
    STOPWORDS,
    idf_prior,
    is_content_word,
    is_nominal,
    is_person_name,
    join_names,
    word_tag,
)
from digests.sentences import TERMINATORS

__all__ = ["GENRE_WORDS", "WEAK_WORDS", "DocumentFrequencies", "extract_keywords", "weight"]

# Words that fill every meeting report, whatever its subject: never keywords.
_GENRE = """会议 大会 会上 会前 会后 工作 进一步 同志 同志们 重要 发展 推进 推动 加强 开展 认真
    全面 深入 建设 召开 举行 主持 出席 参加 列席 讲话 指出 强调 表示 要求 精神 学习 贯彻 落实
    贯彻落实 部署 坚持 提高 提升 积极 不断 切实 紧紧围绕 围绕 问题 习近平 总书记 新时代
    中国特色社会主义 思想 政治 活动 实际 领导 做好 抓好 努力 充分 有效 实现 更加 情况 全体
    意见 建议 主要 具体 目标 任务 方向 作用 能力 水平 质量 高质量 意义 重大 各项 单位 部门
    负责人 中共 中央 党中央 全国 人民 社会 国家 时代 特色 社会主义 成员 今年 明年 年度 上午
    下午 当天 今天 一是 二是 三是 一要 二要 三要 四要 五要 取得 进行 形成 提供 发挥 确保
    结合 相互 共同 始终 更好 良好 存在 新闻 来源 编辑 记者 力量 导向 意识 机制 体系 格局 氛围
    成效 成果 举措 措施 路径 方式 局面 理念 思路 重点 基础 保障 动力 活力 合力 优势 品质 质效
    效能 作风 实效 责任 使命 担当 底线 关键 核心 根本 前提 抓手 载体 环境 形势 方面 内容 要点
    事项 有关 相关 方案 举办 组织 召集 主题 期间 此次 本次 近日 日前 全市 全县 全区 全省"""
GENRE_WORDS = frozenset(_GENRE.split())
# Words that say who or what body rather than what about: kept only when nothing better is
# there. Committees by level (市委, 主委, 上海市委), places and person names join them by rule.
_WEAK = """机关 业务 单位 主席 副主席 主任 部长 书记 秘书长 委员 委员会 干部 组织 领导小组
    党组 班子 基层 成员 社员 会员 代表"""
WEAK_WORDS = frozenset(_WEAK.split())
WEAK = 0.3  # the weight of a weak word's score
VERBAL = 0.25  # the weight of a plain verb's, adverb's or adjective's (防止, 联合, 及时)
MODIFIERS = frozenset({"a", "b"})  # tags that may open a noun phrase besides the nominal
WINDOW = 4  # TextRank co-occurrence window, in content tokens
PRIOR_WEIGHT = 5.0  # corpus size at which corpus IDF and the prior weigh the same
UBIQUITOUS = 0.8  # share of documents above which a word carries no weight
MIN_CORPUS = 5  # the corpus must be this large before UBIQUITOUS applies
TITLE = 0.2  # the bonus (times IDF) of a body word the title repeats: titles name subjects
MAX_SCORED = 150  # only the most frequent candidates are scored


@dataclass
class DocumentFrequencies:
    """How many documents of a corpus hold each content word; mutable, mergeable."""

    n_docs: int = 0
    counts: Counter[str] = field(default_factory=Counter)

    def add(self, tokens: Iterable[str]) -> None:
        """Count one document: each distinct content word once."""
        self.n_docs += 1
        self.counts.update(set(filter(is_content_word, tokens)))  # filtered at C speed

    def df(self, token: str) -> int:
        """The number of documents holding `token`."""
        return self.counts.get(token, 0)

    def merge(self, other: DocumentFrequencies) -> None:
        """Add another corpus's counts to this one."""
        self.n_docs += other.n_docs
        self.counts.update(other.counts)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form for the store."""
        return {"n_docs": self.n_docs, "counts": dict(self.counts)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DocumentFrequencies:
        """The inverse of `to_dict`."""
        return cls(int(data.get("n_docs", 0)), Counter(data.get("counts", {})))

    def idf(self, token: str) -> float:
        """IDF in [0, 1]: the corpus's smoothed IDF blended with jieba's by corpus size."""
        return self.idfs([token])[token]

    def idfs(self, tokens: Iterable[str]) -> dict[str, float]:
        """`idf` of many tokens at once (the corpus constants computed once)."""
        prior_table = idf_prior()
        n = self.n_docs
        weight = n / (n + PRIOR_WEIGHT)
        scale = math.log(1 + n) + 1
        ceiling = UBIQUITOUS * n if n >= MIN_CORPUS else math.inf
        rest = 1 - weight
        words = list(tokens)
        dfs = list(map(self.counts.get, words, itertools.repeat(0)))
        # the corpus term depends on df alone: one log per distinct df, not per word
        corpus = {df: (math.log((1 + n) / (1 + df)) + 1) / scale for df in set(dfs)}
        return {
            word: 0.0 if df > ceiling else weight * corpus[df] + rest * prior
            for word, df, prior in zip(words, dfs, prior_table.weights(words), strict=True)
        }


@functools.lru_cache(maxsize=1 << 16)
def _candidate(token: str) -> bool:
    """A token that may become a keyword."""
    return token not in GENRE_WORDS and is_content_word(token)


@functools.lru_cache(maxsize=1 << 16)
def weight(word: str) -> float:
    """How much of its score a candidate keeps: 1 for subject terms, less for weak kinds."""
    if word in WEAK_WORDS or word_tag(word) == PLACE or is_person_name(word):
        return WEAK
    if word[-1] == "委" and (len(word) == 2 or word[-2] in "省市区县镇乡村"):
        return WEAK  # 市委, 主委, 上海市委: the body that met, not the subject
    return 1.0 if is_nominal(word) else VERBAL


@functools.lru_cache(maxsize=1 << 16)
def _noun_phrase(first: str, last: str) -> bool:
    """Whether two words read as a noun phrase: a noun last, a noun or modifier first."""
    return is_nominal(last) and (is_nominal(first) or word_tag(first) in MODIFIERS)


@functools.lru_cache(maxsize=1 << 16)
def _ends_run(token: str) -> bool:
    """A token that closes a sentence, and with it a TextRank window's scope."""
    return token in TERMINATORS or token in "。！？；"


@functools.lru_cache(maxsize=1 << 16)
def _kept(token: str) -> bool:
    """A token `_runs` keeps: a candidate or a sentence end."""
    return _ends_run(token) or _candidate(token)


def _runs(tokens: Sequence[str]) -> tuple[list[str], list[int]]:
    """Candidate tokens in order, each with its sentence's number: the TextRank windows'
    scope is a sentence."""
    # filtered and numbered with compress and accumulate over cached tests, not a loop over
    # every token: Python does no step per token
    kept = list(itertools.compress(tokens, map(_kept, tokens)))
    ends = list(map(_ends_run, kept))
    inside = list(map(operator.not_, ends))
    numbers = itertools.accumulate(map(int, ends))  # a sentence end starts the next number
    return list(itertools.compress(kept, inside)), list(itertools.compress(numbers, inside))


def _textrank(words: list[str], sentence: list[int]) -> Counter[str]:
    """TextRank scores over the co-occurrence graph of candidate tokens (`words`, each with
    its `sentence`), in closed form.

    On an undirected graph PageRank's random walk settles on each node's weighted degree
    (exactly so without damping), so one pass over the windows replaces the iterations.
    """
    # By gap, not by pair: for each gap below WINDOW, the words `gap` apart in one sentence
    # and different are each other's neighbours, found for the whole document at once by
    # maps; the same integer degrees as a loop over the pairs, with no Python step per pair.
    degree: Counter[str] = Counter()
    for gap in range(1, WINDOW):
        after = words[gap:]
        same_sentence = map(operator.eq, sentence, sentence[gap:])
        linked = list(map(operator.and_, same_sentence, map(operator.ne, words, after)))
        degree.update(itertools.compress(words, linked))
        degree.update(itertools.compress(after, linked))
    return degree


def _phrases(
    tokens: Sequence[str], candidate: Sequence[bool], tf: Counter[str]
) -> list[tuple[str, str]]:
    """Adjacent candidate pairs (`candidate[i]`: whether `tokens[i]` is one) that recur and
    account for most uses of both words."""
    both = map(operator.and_, candidate, itertools.islice(candidate, 1, None))
    pairs = Counter(itertools.compress(itertools.pairwise(tokens), both))  # at C speed
    return [
        (a, b)
        for (a, b), count in pairs.items()
        if count >= 2
        and a in tf
        and b in tf  # a name's tail is in neither
        and 2 * count >= max(tf[a], tf[b])
        and _noun_phrase(a, b)
    ]


def _near_duplicate(parts: Sequence[str], chosen: Iterable[str]) -> bool:
    """Whether a word (given as its parts) repeats a chosen keyword: 生活会 after
    民主生活会, or the reverse, or two phrases that share a word."""
    word = "".join(parts)
    return any(word in other or other in word or any(p in other for p in parts) for other in chosen)


def _select(
    scores: Mapping[str, float], parts: Mapping[str, Sequence[str]], k: int
) -> tuple[str, ...]:
    """The k best-scored words, best first, without near-duplicates or weightless words."""
    chosen: list[str] = []
    for word in sorted(scores, key=lambda w: (-scores[w], w)):
        if len(chosen) == k or scores[word] <= 0:
            break
        if not _near_duplicate(parts.get(word, (word,)), chosen):
            chosen.append(word)
    return tuple(chosen)


def extract_keywords(
    tokens: Sequence[str],
    frequencies: DocumentFrequencies,
    k: int = 8,
    title: Sequence[str] = (),
) -> tuple[str, ...]:
    """Up to `k` keywords of a document (simplified script), best first.

    Person names split by jieba (曹 + 卫东) are joined first; their tails never count.
    `title`, the title's tokens, lifts the body's words that it repeats.
    """
    tokens, tails = join_names(tokens)
    candidate = list(map(_candidate, tokens))
    tf = Counter(itertools.compress(tokens, candidate))  # at C speed
    for tail in tails:  # a name's tail alone is a fragment, wherever it occurs
        tf.pop(tail, None)
    if k <= 0 or not tf:
        return ()
    rank = _textrank(*_runs(tokens))
    top_tf, top_rank = max(tf.values()), max(rank.values(), default=1.0)
    common = dict(tf.most_common(MAX_SCORED))  # a word seen once or twice cannot win here
    headline = {word for word in join_names(title)[0] if word in tf}
    idfs = frequencies.idfs(common.keys() | headline)
    # idf * (tf + centrality) / 2, both relative to the document's highest
    scores = {
        w: idfs[w] * (n / top_tf + rank.get(w, 0.0) / top_rank) / 2 for w, n in common.items()
    }
    for word in headline:
        scores[word] = scores.get(word, 0.0) + TITLE * idfs[word]
    scores = {w: s * weight(w) for w, s in scores.items()}
    parts = {a + b: (a, b) for a, b in _phrases(tokens, candidate, tf)}
    for phrase, (a, b) in parts.items():
        # the pair stands for most uses of both words: the phrase takes their place
        scores[phrase] = max(scores.get(a, 0.0), scores.get(b, 0.0)) * 1.01
    return _whole_words(_select(scores, parts, k + 2), tokens)[:k]


# A character before a word that makes it a fragment of a longer one (住 + 建局), unless it is
# a level or a determiner that prefixes whole words (市 + 政协 is still 政协).
_PREFIXES = frozenset("市区县省镇乡村州全各本我该其此这那和与及的在对为是了")
# A character after a word that is a word of its own, never its tail: a conjunction, a verb,
# an adverb, a measure or a number's word (`议案` + 将, `投资收益` + 约, `市议会` + 第).
_SUFFIXES = frozenset(
    "和与及的了是在等将被把向对为从到也都还又就才已曾并或而且上下中内外前后里"
    "约新第各每再更最很个名次位项件条届年月日号时分"
)
FRAGMENT = 0.6  # share of a word's occurrences that one character before it must take


def _whole_words(keywords: Sequence[str], tokens: Sequence[str]) -> tuple[str, ...]:
    """Keywords as whole words of the text: one that jieba cut out of a longer word, leaving
    its first character a token of its own (`建局` of 住建局, split 住/建局; `积金` of 强积金,
    `战书` of 栗战书), becomes that word, once. A character that ends a longer token before
    the word (中部 + 地区, 实施 + 扩大内需) ends that word: the keyword is whole already."""
    text = "".join(tokens)
    orphans = _orphan_ends(tokens)
    out: list[str] = []
    for word in keywords:
        if len(word) >= 3 and word[0] == word[1]:
            continue  # `局局长`: the tail of one word glued to the next (住建局 + 局长)
        whole = _completed(word, text, orphans)
        if whole not in out:
            out.append(whole)
    return tuple(out)


def _orphan_ends(tokens: Sequence[str]) -> set[int]:
    """The text offsets right after each one-character token."""
    ends = itertools.accumulate(map(len, tokens))
    return {end for end, token in zip(ends, tokens, strict=True) if len(token) == 1}


def _completed(word: str, text: str, orphans: set[int]) -> str:
    starts = list(_occurrences(word, text))
    before = Counter(text[i - 1] for i in starts if i in orphans)  # (0 is never an end)
    # and the character jieba left alone after it (大湾 + 区 of 大湾区)
    after = Counter(text[i + len(word)] for i in starts if i + len(word) + 1 in orphans)
    if (char := _stray(before, len(starts))) is not None and char not in _PREFIXES:
        word = char + word
    if (char := _stray(after, len(starts))) is not None and char not in _SUFFIXES:
        word += char
    return word


def _stray(chars: Counter[str], total: int) -> str | None:
    """The one-character token beside most of a word's occurrences: the rest of the word."""
    if not chars:
        return None
    char, count = max(chars.items(), key=operator.itemgetter(1))  # most_common(1), no heap
    fragment = count >= 2 and count >= FRAGMENT * total and is_cjk(char)
    return char if fragment and char not in STOPWORDS else None


def _occurrences(word: str, text: str) -> Iterator[int]:
    start = text.find(word)
    while start >= 0:
        yield start
        start = text.find(word, start + 1)
