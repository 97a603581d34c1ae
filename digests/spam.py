"""Injected spam and emoji, found by what they are and cut out before anything reads the page.

Hacked sites paste strings into official prose: a casino brand with a colon before every
third clause, `某某手机官网入口·(中国)官方网站` in place of the organisation, a forum's name
and a run of scrambling characters inside sentences. Word counts cannot tell these from a
report on a real 体育彩票 meeting, so the evidence is the string's shape and behaviour:

- a *brand shape*: a name ending in 官网/官方网站/入口/平台/娱乐/论坛…, or a gambling word,
  or a shop's advert of clauses about its 商城, 宅配 and 付款;
- a *recurring phrase* that the page repeats inside unrelated sentences, is not its topic
  (the headline does not hold it), and reads as a brand;
- *scrambling runs*: ASCII symbols and letters that anti-copy scripts sprinkle in prose;
- *emoji*, which official prose never carries.

Each is removed from the line, not the line itself, so the news around it stays.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence, Set

from digests.script import CJK

# Brand-shaped strings: a name, often `(中国)`, and a tail that official sites never use.
_BRAND = re.compile(
    rf"[{CJK}A-Za-z0-9]{{2,12}}(?:[·・\-]?[(（]中国[)）])?"
    r"(?:手机官网入口|官网入口|官方入口|登录入口|娱乐平台|娱乐城|娱乐官网|体育平台|体育官网"
    r"|APP下载|app下载|[·・\-]?[(（]中国[)）]官方网站)"
    rf"(?:[·・\-]?[(（]中国[)）])?(?:[{CJK}]{{0,4}}官方网站|[{CJK}]{{0,4}}官网)?",
)
# A brand written before its news: `好博体育-大运会…` or `某某娱乐：` opening a clause.
_BRAND_PREFIX = re.compile(
    rf"(?:^|(?<=[，。；！？,;\s]))[{CJK}A-Za-z]{{2,6}}(?:体育|娱乐|棋牌)[-—:：](?=[{CJK}])"
)
# A shop's advert pasted before the news: `某某购物《…》特货商城，某某宅配，取货付款，…`.
_SHOP = re.compile(
    r"(?:[^，,。；;！？\n]{0,24}(?:购物|商城|宅配|付款|包邮)[^，,。；;！？\n]{0,6}[，,]\s*){2,}"
)
_SHOP_TAIL = re.compile(r"商城|宅配|付款|包邮")
_BRAND_TAIL = re.compile(r"入口|娱乐|体育平台|体育官网|官方网站|[Aa][Pp][Pp]下载|[(（]中国[)）]")
_PREFIX_TAIL = re.compile(r"(?:体育|娱乐|棋牌)[-—:：]")
_GAMBLING = re.compile(
    r"赌场|博彩|娱乐城|百家乐|六合彩|时时彩|老虎机|真人荷官|真人视讯|体育投注|网上赌|赌博网|现金网"
    r"|彩金|首存|返水|人生就是博|无码|精品国产|人妻|毛片|爆乳|成人视频"
)
# Characters an anti-copy script sprinkles: runs of ASCII with symbols, between ideographs;
# never starting inside a date or a time (`2024-03-05 ^% E#`: the `05` is the date's).
_SCRAMBLE = re.compile(
    r"(?<![A-Za-z0-9./:\-])(?:[!-/:-@\[-`{-~A-Za-z0-9]{1,3}[ \t]){3,}[!-/:-@\[-`{-~A-Za-z0-9]{0,3}"
)
_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d\u20e3\U000e0000-\U000e007f]"
)
# Porn search terms that hacked pages stuff into a line of their own, clause after clause.
_PORN = re.compile(
    r"一区二区|二区三区|国产精品|精品国产|国产伦|无码|人妻|毛片|爆乳|婷婷|懂色|久久久|成人综合"
    r"|成人视频|一级一片|a[vⅴ]专区|成a[vⅴ]|综合a[vⅴ]|熟妇"
    r"|在线观看|免费观看|免费高清|高清电视剧",  # a pirate video site's search terms
    re.I,
)
# A segment that a hacked page's title carries after a bar (`某某会议召开|某某人妻`).
_BARRED = re.compile(r"[|｜][^|｜]*")
STUFFED = 2  # porn terms on a line that make it a stuffed line, dropped whole
# A casino's domain as a brand inside prose (`1929cc威尼斯`, in place of a school's name):
# digits then Latin letters glued to ideographs, which no official name is written as.
_DOMAIN_BRAND = re.compile(rf"(?<![A-Za-z0-9.])\d{{3,}}[a-z]{{2,5}}(?=[{CJK}])")
# A Latin-led brand and its site (`bwin必赢唯一中国官方网站`, `必威betway官网`, `KY开元官网`), or a
# betting site's letters and digits before 体育 (`bet365体育`): official names are not so written.
_LATIN_SITE = re.compile(
    rf"(?:[{CJK}]{{2}}[·・\-]?)?[A-Za-z][A-Za-z0-9]{{1,11}}[·・\-]?[{CJK}]{{0,8}}?(?:官方网站|官网)"
    rf"|(?=[A-Za-z0-9]*[A-Za-z])(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{{3,12}}(?:体育|娱乐|棋牌)"
    # a lower-case Latin brand, its Chinese name glued on, before 体育 (`betway必威体育`)
    rf"|(?<![A-Za-z])[a-z]{{4,12}}[{CJK}]{{1,4}}?(?:体育|娱乐|棋牌)"
)
_LATIN_TAIL = re.compile(rf"官网|官方网站|[A-Za-z0-9][{CJK}]{{0,4}}(?:体育|娱乐|棋牌)")
_SEPARATORS = "，。；！？、,;:：·-—_|｜ "
GRAM = 12  # the longest brand string looked for (`必威betway官网`, `九游会·J9-官方网站`)
RECUR = 3  # occurrences, on this many different lines or sentences, that make a phrase injected
# What a recurring phrase must hold to count as a brand: a forum, a site, Latin letters.
# Not 体育 or 彩票 alone: a report on a real lottery meeting repeats 体育彩票 throughout.
_BRAND_WORD = re.compile(r"官网|官方网站|入口|平台|娱乐|论坛|棋牌")
_LATIN = re.compile(r"[a-z]{4,}")
# On a line an anti-copy script scrambled, Latin words are its letters or the forum's names
# (`tvb now,tvbnow,bttvb`), all but an acronym (`APEC`)
_LATIN_RUN = re.compile(r"[A-Za-z]+(?:[ ,]+[A-Za-z]+)*")
_ACRONYM = re.compile(r"[A-Z]{2,5}")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_NOT_HAN = re.compile(f"[^{CJK}]+")
_SYMBOLS = re.compile(r"[!-/:-@\[-`{-~][ \t]")


def strip_emoji(line: str) -> str:
    """The line without emoji (official prose never has them)."""
    return _EMOJI.sub("", line)


def _brand_spans(line: str) -> list[tuple[int, int]]:
    """Spans of brand-shaped strings in a simplified line; the full patterns run only on a
    line that holds a brand's tail, which few lines do (they are slow on long lines)."""
    spans: list[tuple[int, int]] = []
    if _BRAND_TAIL.search(line):
        spans += [m.span() for m in _BRAND.finditer(line)]
    if _LATIN_TAIL.search(line):
        spans += [m.span() for m in _LATIN_SITE.finditer(line)]
    if _PREFIX_TAIL.search(line):
        spans += [m.span() for m in _BRAND_PREFIX.finditer(line)]
    if _SHOP_TAIL.search(line):
        spans += [m.span() for m in _SHOP.finditer(line)]
    return spans


def recurring(lines: Sequence[str], headline: str = "") -> set[str]:
    """Phrases injected across the page: brand-shaped ones it repeats on several lines, and
    Latin words repeated on lines that carry scrambling runs (a forum's name, `tvbnow`).
    A phrase of the headline is the page's topic, never spam."""
    seen: Counter[str] = Counter()  # lines holding each phrase
    latin: Counter[str] = Counter()
    scrambled = False
    for line in set(lines):
        seen.update(_grams_around(line))
        if _ASCII_LETTER.search(line):
            latin.update(set(_LATIN.findall(line.lower())))
            scrambled = scrambled or any(_scrambled(m.group()) for m in _SCRAMBLE.finditer(line))
    text = "\n".join(lines)
    lowered = text.lower()
    phrases = {
        g
        for g, n in seen.items()
        if n >= 2 and text.count(g) >= _enough(g, scrambled) and not _topic(g, headline)
    }
    # the longest string of the brand, unless a shorter one is seen more often
    longer = {p: [q for q in phrases if p != q and p in q] for p in phrases}
    phrases = {p for p in phrases if all(text.count(q) < text.count(p) for q in longer[p])}
    if scrambled:
        words = {w for w, n in latin.items() if n >= 2 and w not in headline.lower()}
        phrases |= {w for w in words if lowered.count(w) >= RECUR}
    return phrases | _domain_brands(text)


def _domain_brands(text: str) -> set[str]:
    """A casino's domain repeated in the prose, with the name that always follows it
    (`1929cc威尼斯党政联席会`, `1929cc威尼斯领导班子` → `1929cc威尼斯`); headline or not."""
    found: dict[str, list[str]] = {}
    for match in _DOMAIN_BRAND.finditer(text):
        found.setdefault(match[0], []).append(text[match.end() : match.end() + 6])
    brands = set()
    for token, after in found.items():
        if len(after) >= RECUR:
            # the brand's name ends before a session's number: `6165cc金沙总站第一次代表大会`
            # keeps its `第一次` however often the brand stands before it
            brands.add(token + _ORDINAL.split(_common_prefix(after), maxsplit=1)[0])
    return brands


_ORDINAL = re.compile(r"第|[0-9一二三四五六七八九十]")


def _common_prefix(texts: list[str]) -> str:
    first = texts[0]
    size = next(
        (i for i in range(len(first)) if any(t[i : i + 1] != first[i] for t in texts)), len(first)
    )
    return first[:size]


def _topic(phrase: str, head: str) -> bool:
    """Whether a head line holds the phrase inside a headline's words (`某市体育彩票工作会议`),
    not alone (an injected `某某官网` line at the top of the page)."""
    return any(
        len(_NOT_HAN.sub("", line.replace(phrase, ""))) >= 6
        for line in head.split("\n")
        if phrase in line
    )


def _enough(phrase: str, scrambled: bool) -> int:
    """Occurrences that make a brand-shaped phrase injected: a forum's name (`某某论坛`) on
    two lines is enough on a page its anti-copy script scrambled, where the forum signs it."""
    return 2 if scrambled and phrase.endswith("论坛") else RECUR


def _grams_around(line: str) -> set[str]:
    """The line's 4–12 character strings that hold a brand word: only around those words, so
    a page without one costs one regex scan."""
    grams: set[str] = set()
    for match in _BRAND_WORD.finditer(line):
        a, b = match.span()
        for size in range(max(4, b - a), GRAM + 1):
            for start in range(max(0, b - size), min(a, len(line) - size) + 1):
                grams.add(line[start : start + size])
    return grams


def clean_spam(line: str, simplified: str, phrases: Set[str] = frozenset()) -> tuple[str, str]:
    """(original, simplified) line with injected strings cut out; lengths kept aligned. A line
    stuffed with porn search terms is cut out whole."""
    if (barred := _barred_spam(simplified)) and len(line) == len(simplified):
        line, simplified = _cut(line, simplified, barred)  # before the stuffed-line count
    if len(_PORN.findall(simplified)) >= STUFFED:
        return "", ""
    spans = _brand_spans(simplified)
    if _ASCII_LETTER.search(simplified) or _SYMBOLS.search(simplified):
        runs = [m.span() for m in _SCRAMBLE.finditer(simplified) if _scrambled(m.group())]
        if runs:
            spans += runs + _latin_runs(simplified)
    lowered = simplified.lower()  # same length: Latin phrases match in any case
    for phrase in map(str.lower, phrases):  # a brand's Latin letters in any case (`J9`)
        start = lowered.find(phrase)
        while start >= 0:
            spans.append((start, start + len(phrase)))
            start = lowered.find(phrase, start + 1)
    if not spans or len(line) != len(simplified):
        return line, simplified
    return _cut(line, simplified, spans)


def _cut(line: str, simplified: str, spans: list[tuple[int, int]]) -> tuple[str, str]:
    """Both forms of the line with the spans cut out, separators left over tidied."""
    keep = [True] * len(line)
    for a, b in spans:
        keep[a:b] = [False] * (b - a)
    cut = "".join(c for c, k in zip(line, keep, strict=True) if k)
    cut_s = "".join(c for c, k in zip(simplified, keep, strict=True) if k)
    return _tidy(cut), _tidy(cut_s)


def _barred_spam(line: str) -> list[tuple[int, int]]:
    """Spans of bar-separated segments that carry porn or gambling words: a hacked site's
    string pasted after a headline, dropped whole with its bar."""
    if "|" not in line and "｜" not in line:
        return []
    spam = (m for m in _BARRED.finditer(line) if _PORN.search(m[0]) or _GAMBLING.search(m[0]))
    return [m.span() for m in spam]


def _latin_runs(line: str) -> list[tuple[int, int]]:
    return [m.span() for m in _LATIN_RUN.finditer(line) if not _ACRONYM.fullmatch(m[0])]


def _scrambled(run: str) -> bool:
    """A run of symbols and letters that no sentence writes (`8 ^% E# K1 ?6`)."""
    # brackets are a layout's (`[ 2016-12-02 ] [ 打印 ]`), not a scrambler's
    symbols = sum(not c.isalnum() and not c.isspace() and c not in "[]()" for c in run)
    return symbols >= 2 and not re.search(r"https?|www|\d{1,2}:\d{2}", run)


def _tidy(text: str) -> str:
    """Separators left doubled or dangling where a string was cut out."""
    text = re.sub(r"([，。；！？、,;:：])[，、,;:：\s]+", r"\1", text)
    return text.strip(_SEPARATORS.replace("。", "").replace("！", "").replace("？", ""))


def is_gambling(simplified: str) -> bool:
    """Whether the line carries gambling, porn or counterfeit vocabulary."""
    return bool(_GAMBLING.search(simplified))


__all__ = ["RECUR", "clean_spam", "is_gambling", "recurring", "strip_emoji"]
