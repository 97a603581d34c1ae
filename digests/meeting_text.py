"""A meeting name's pieces as the page writes them, joined, and cleaned of what the walk
brought along: an alias in brackets, a media tag, a day word, an unclosed quote."""

from __future__ import annotations

import re

from digests.meeting_words import CAP, DEICTIC, QUOTES, RECURRING

# The pieces of a name, as spans: `县十七届人大常委会` + `第二十三次主任会议`.
Name = tuple[tuple[int, int], ...]


_LINE_BREAK = re.compile(r"\s*\n\s*")


def name_text(source: str, name: Name | None) -> str | None:
    """The name's pieces as `source` writes them, joined; within CAP characters."""
    if not name:
        return None
    pieces = [source[a:b] for a, b in name]
    text = _ALIAS_OPEN.sub("", "".join(pieces)).strip().lstrip(_CLOSERS)
    text = _LINE_BREAK.sub(" ", text)  # a slogan the page broke over two lines is one name
    text = _MEDIA_TAG.sub("", text)  # `(影音)某會第2屆第3次會員大會`: what the page carries
    if (how := RECURRING.match(text)) is not None and len(text) - how.end() >= 4:
        text = text[how.end() :]  # `盛大的慈善餐舞會`: how it went, not which
    # `某总会(以下简称“马福”)马福第三十五届…大会`: what a sentence calls it, then the name;
    # `某大学社会科学联合会(以下简称社科联)成立暨首届代表大会`: the body's own event
    text = _past_alias(text)
    text = _without_short_form(text)
    closing = {v: k for k, v in QUOTES.items()}.get(text[:1])
    if closing and closing not in text:
        text = text[1:].strip()  # a quoted name's opening quote, its closing one after it
    elif (after := source[name[-1][1] : name[-1][1] + 1]) not in QUOTES:
        text = _UNCLOSED.sub("", text)  # `某会庆三八“某论坛:副题”`: the quote's name, cut short
    elif _UNCLOSED.match(text):
        text += after  # `某会“庆祝…典礼”`: the quoted event closed as the page closes it
    text = _quote_opened(text, source[max(0, name[0][0] - 1) : name[0][0]])
    if (umbrella := _UMBRELLA.match(text)) is not None:
        text = umbrella.group(1)  # `某某系列活动——“某推介会”“某大会”…`: the series held
    text = _DAY_WORD.sub("", text).lstrip("的之")  # `某市議會今天定期會`: the day is the date's
    for opening in (_COUNTED_OPEN, _CLAUSE_OPEN, _THAT_ONES, _KIND_BEFORE_QUOTE):
        if (found := opening.match(text)) is not None and len(text) - found.end() >= 4:
            text = text[found.end() :]
    if (own := DEICTIC.match(text)) is not None and len(text) - own.end() >= 4:
        text = text[own.end() :]  # `我院第八届五次职工代表大会`: this hospital's, as its page says
    return text[-CAP:] if text not in _BARE_KINDS else None


def _quote_opened(text: str, before: str) -> str:
    """A name that starts inside a quote (`…小組」第1次會議` of `「第14屆…小組」第1次會議`):
    with the quote's opening, when the page writes it just before, else without its close."""
    for close, opening in QUOTES.items():
        at = text.find(close)
        if at >= 0 and opening not in text[:at]:
            return opening + text if before == opening else text[:at] + text[at + 1 :]
    return text


_BARE_KINDS = frozenset({"", "会", "會", "会议", "會議", "大会", "大會"})  # no name on its own


_MEDIA_TAG = re.compile(
    r"^[(（【\[](?:影音|视频|視頻|影片|图文|圖文|直播)[)）】\]]\s*"
    r"|^[(（][^()（）\d]{1,3}[)）]\s*(?=.{4,})"  # `(鎮代)第一次臨時會`: whose, as a post tags it
)
_CLOSERS = ")）」』”]】》>"  # a bracket the walk left open before a name: `(芙蓉讯)某会…`
# (in either script: `name_text` reads the page's own)
_ALIAS_WORD = r"(?:以下|下)?(?:简称|簡稱|称|稱)"
_ALIAS = re.compile(rf"[(（]{_ALIAS_WORD}[^)）]{{0,20}}[)）]")


def _past_alias(text: str) -> str:
    """The name after an alias in brackets when it opens with the alias, else the name
    without the brackets."""
    aliases = list(_ALIAS.finditer(text))
    if not aliases:
        return text
    last = aliases[-1]
    short = _ALIAS_WORD_RE.sub("", last.group()).strip("()（）“”「」\"' ")
    after = text[last.end() :].strip()
    return after if short and after.startswith(short) else _ALIAS.sub("", text).strip()


_ALIAS_WORD_RE = re.compile(_ALIAS_WORD)
_SHORT_FORM = re.compile(
    r"(?<=[会會联聯委协協])[(（]([^()（）]{2,5}[会會联聯委协協])[)）](?=.{4,})"
)


def _without_short_form(text: str) -> str:
    """`某省同乡会联合会(某联会)“庆祝…典礼”` → without the body's short form in brackets: its
    characters are all the body's; `工商联(总商会)` is a second name, kept."""
    for match in _SHORT_FORM.finditer(text):
        body = text[max(0, match.start() - 20) : match.start()]
        if all(char in body for char in match.group(1)):
            return text[: match.start()] + text[match.end() :]
    return text


_ALIAS_OPEN = re.compile(rf"[(（]{_ALIAS_WORD}[^)）]{{0,20}}$")
_UNCLOSED = re.compile(r"^[^“「『]*[“「『](?=[^”」』]*$)")  # up to an opening quote never closed
_DAY_WORD = re.compile(
    r"(?:今天|今日|昨天|昨日|今早|今晨|今午|昨晚|今晚|明天|明日)(?:[(（]\d{1,2}日?[)）])?"
    r"|今年度?"  # `某銀行今年全行行務會議`: the year is the date's too
    r"|(?:19|20)\d\d年\d{1,2}月份?(?=第)"  # `某代表會2016年1月份第二次臨時會`: and the month
)
# What opens a name and is no part of it: how many (`一个面向…的研讨会`), a clause about who
# holds it (`今年由日本担任主席国的某组织部长理事会会议`), a bare kind before the quoted name
# (`国际会议“人工智能峰会”`). Both scripts.
_COUNTED_OPEN = re.compile(r"^[^“「『]{0,12}?(?:一个|一個|一场|一場)")  # (after its holder too)
_CLAUSE_OPEN = re.compile(
    r"^[^“「『的]{0,12}?(?:由|担任|擔任|主办|主辦|承办|承辦|发起|發起|组成|組成)[^“「『的]{0,16}的"
)
_THAT_ONES = re.compile(r"^(?:该|該|此|这|這)[^的，,“「]{1,8}的")  # `该项目的总结交流会`
_KIND_BEFORE_QUOTE = re.compile(
    r"^(?:国际|國際)?(?:会议|會議|大会|大會|论坛|論壇)(?=[“「『].+[”」』]$)"
)


# A series and the quoted events it lists after a dash: the series is what was held.
_UMBRELLA = re.compile(r"(.{2,40}?)——[“「][^”」]+[”」][“「]")
