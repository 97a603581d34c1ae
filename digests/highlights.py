"""Highlights: the few sentences that carry the news, in document order.

Sentences are scored by position (news puts the facts first), keyword coverage, TextRank
centrality over token-set similarity, and a bonus for the sentence that states the meeting
(`…在…召开`); near-repeats are dropped by maximal marginal relevance. The tokens are the
pipeline's: nothing is segmented again here.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence

from digests.model import MeetingFacts, Sentence
from digests.script import CJK
from digests.segment import is_content_word
from digests.sentences import BULLETS, TERMINATORS

__all__ = ["MAX_CHARS", "MIN_CHARS", "pick_highlights"]

MIN_CHARS = 12  # shorter sentences are sub-heads, salutations or fragments
MAX_CHARS = 150  # longer ones are trimmed at a clause boundary
MAX_SENTENCES = 200  # centrality and MMR are quadratic: score only the first ones
REPEAT = 0.5  # token-set similarity above which a sentence repeats a chosen one
MMR_LAMBDA = 0.7
WEIGHTS = {"position": 0.3, "coverage": 0.35, "centrality": 0.35}
MEETING_BONUS = 0.4  # for the first sentence that states the meeting
LEAD_BONUS = 0.2  # for the first sentence: news leads with the facts

_MEETING_VERB = re.compile(r"召开|举行|(主持|出席|列席)(会议|并|了)")
_CLOSING = re.compile(r"^(谢谢|感谢|以上(讲话|发言|就是|是我)|最后[,，]?祝|祝(大家|各位))")
# Furniture as furniture writes it (labels with their colon, page actions), not a word of
# prose: 老字号 holds 字号 and 自助打印设备 holds 打印.
_FURNITURE = re.compile(
    r"https?://|www\.|\.(jpe?g|png|gif|html?)\b|点击(?:数|量|率)?[:：]|点击(?:这里|进入|查看)"
    r"|分享[:：到]|打印(?:本页|此页|该页|文章)|【打印|浏览量|发布时间|来源[:：]|责任编辑"
    r"|编辑[:：]|字号[:：]|字号\s*[大中小]|关键词[:：]|上一篇|下一篇|返回(顶部|首页|列表)|扫一扫"
)
_TABLE = " |｜"  # a table's cell bars around an agenda's item
# An agenda item's letter or roman number, `(b) `, `— (i)`: a list's mark, like a bullet.
_ENUMERATOR = re.compile(r"(?:^|(?<=[\s—-]))[(（](?:[a-h]|[ivx]{1,4})[)）]\s*")
_ROMAN = re.compile(r"[IVXLC]+\W*|\d+[a-z]?\W*")  # an item's number alone
_BULLET = re.compile(rf"^[\s{BULLETS}·*\-—]+")
_MID_SENTENCE = re.compile(r"^[，,；;、：:）)」』”…]")  # a fragment the splitter left
# Runs, not characters: removing runs and comparing lengths counts at C speed.
_CJK = re.compile(f"[{CJK}]+")
_SPACE = re.compile(r"\s+")
_CLAUSE_ENDS = "，,；;：:、"


def _cjk_share(text: str) -> float:
    """The share of CJK ideographs among the non-space characters."""
    chars = len(_SPACE.sub("", text))
    return (len(text) - len(_CJK.sub("", text))) / chars if chars else 0.0


def _ends_sentence(text: str) -> bool:
    """Whether the text ends with a terminator, possibly followed by a closing quote."""
    return text.rstrip('”’」』"）)')[-1:] in TERMINATORS


def _eligible(sentence: Sentence) -> bool:
    """Whether a sentence may be shown at all."""
    text = _BULLET.sub("", sentence.simplified.strip())
    if not _ends_sentence(text) and len(text) < 40:
        return False  # a sub-head (`会议强调`) or a salutation (`同志们:`)
    return _shown(text)


def _item(sentence: Sentence) -> bool:
    """Whether a line may be shown on a page that has no sentence: an agenda's or a
    record's item (`通過某區議會第十一次會議紀錄`)."""
    text = _BULLET.sub("", sentence.simplified.strip(_TABLE))
    if _ROMAN.fullmatch(text) or sum(map(str.isdigit, text)) >= 4:
        return False  # an item's number alone; an address or a paper's number
    return _shown(text)


def _shown(text: str) -> bool:
    """Whether text of sentence length, no furniture, no closing formula, is prose."""
    if len(text) < MIN_CHARS or _CLOSING.match(text) or _FURNITURE.search(text):
        return False
    return not _MID_SENTENCE.match(text) and _cjk_share(text) >= 0.6


def _head(text: str) -> str:
    """The text cut at the last clause boundary before MAX_CHARS."""
    cut = max(text.rfind(mark, 0, MAX_CHARS) for mark in _CLAUSE_ENDS)
    return (text[:cut] if cut >= MAX_CHARS // 3 else text[:MAX_CHARS]) + "…"


def _trim(sentence: Sentence) -> str:
    """The sentence from its start, without a leading bullet; a long one cut at a clause."""
    text = _ENUMERATOR.sub("", _BULLET.sub("", sentence.text.strip(_TABLE)))
    return text if len(text) <= MAX_CHARS else _head(text)


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two token sets."""
    return len(a & b) / len(a | b) if a and b else 0.0


def _centrality(sets: list[frozenset[str]]) -> list[float]:
    """Weighted degree in the sentence graph: one TextRank step, which ranks sentences
    the same way on graphs this small and keeps the cost at one pass over the pairs."""
    score = [0.0] * len(sets)
    sizes = list(map(len, sets))
    for i, a in enumerate(sets):
        # a row's intersections at C speed; only the pairs that share a word add a weight
        shared = list(map(len, map(a.__and__, sets[i + 1 :])))
        for j in itertools.compress(range(i + 1, len(sets)), shared):
            common = shared[j - i - 1]
            weight = common / (sizes[i] + sizes[j] - common)
            if weight <= REPEAT:  # a sentence and its near-repeat must not vote for each other
                score[i] += weight
                score[j] += weight
    return score


def _coverage(sentence: Sentence, keywords: Sequence[str]) -> float:
    """Keyword weight found in the sentence, the best keyword weighing most."""
    k = len(keywords)
    return sum((k - r) / k for r, word in enumerate(keywords) if word in sentence.simplified)


def _states_meeting(sentence: Sentence, meeting: MeetingFacts) -> bool:
    """Whether the sentence says that the meeting was held, chaired or attended."""
    if not _MEETING_VERB.search(sentence.simplified):
        return False
    if meeting.name:
        return meeting.name in sentence.text or meeting.name in sentence.simplified
    return "会" in sentence.simplified


def _normalised(values: list[float]) -> list[float]:
    """Values divided by their maximum (all zeros stay zeros)."""
    top = max(values, default=0.0)
    return [v / top for v in values] if top > 0 else [0.0] * len(values)


def _scores(
    sentences: list[Sentence],
    sets: list[frozenset[str]],
    keywords: Sequence[str],
    meeting: MeetingFacts,
) -> list[float]:
    """Each candidate's score: weighted position, coverage and centrality, plus bonuses."""
    lines = sorted({s.line for s in sentences})
    rank = {line: i for i, line in enumerate(lines)}  # position among the shown lines
    position = [1 / math.sqrt(1 + rank[s.line]) for s in sentences]
    coverage = _normalised([_coverage(s, keywords) for s in sentences]) if keywords else []
    centrality = _normalised(_centrality(sets))
    scores = [
        WEIGHTS["position"] * position[i]
        + (WEIGHTS["coverage"] * coverage[i] if coverage else 0.0)
        + WEIGHTS["centrality"] * centrality[i]
        for i in range(len(sentences))
    ]
    if scores:
        scores[0] += LEAD_BONUS
    stated = next(
        (i for i, s in enumerate(sentences) if rank[s.line] < 3 and _states_meeting(s, meeting)),
        None,
    )  # a meeting stated further down is a reference to it, not the news
    if stated is not None:
        scores[stated] += MEETING_BONUS
    return scores


def _mmr(scores: list[float], sets: list[frozenset[str]], n: int) -> list[int]:
    """Indices picked greedily by score minus redundancy; near-repeats never picked."""
    picked: list[int] = []
    overlap = [0.0] * len(scores)  # each sentence's greatest similarity to a picked one
    remaining = set(range(len(scores)))
    while remaining and len(picked) < n:

        def gain(i: int) -> float:
            return MMR_LAMBDA * scores[i] - (1 - MMR_LAMBDA) * overlap[i]

        best = max(sorted(remaining), key=gain)
        remaining.discard(best)
        if overlap[best] <= REPEAT:
            picked.append(best)
            for i in remaining if len(picked) < n else ():
                overlap[i] = max(overlap[i], _similarity(sets[i], sets[best]))
    return picked


def pick_highlights(
    sentences: Sequence[Sentence], keywords: Sequence[str], meeting: MeetingFacts, n: int = 3
) -> tuple[str, ...]:
    """The `n` best sentences' original text, trimmed, in document order."""
    if n <= 0:
        return ()
    candidates = list(itertools.islice(filter(_eligible, sentences), MAX_SENTENCES))
    if not candidates:  # no sentence at all: an agenda's items say what the meeting did
        candidates = list(itertools.islice(filter(_item, sentences), MAX_SENTENCES))
    sets = [frozenset(s.tokens) for s in candidates]
    words = frozenset(filter(is_content_word, frozenset().union(*sets)))  # each token once
    sets = [tokens & words for tokens in sets]
    picked = _mmr(_scores(candidates, sets, keywords, meeting), sets, n)
    return tuple(_trim(candidates[i]) for i in sorted(picked))
