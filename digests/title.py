"""The headline, chosen by evidence rather than by being the first line.

Every short line above the body (and the last lines, where some sites put it), and the
HTML page's `<h1>`, `og:title` and `<title>`, is a candidate. Each is scored for what a
headline is (its shape, its words echoed by the body, a meeting or event verb, a date or
source line right under it) against what page furniture is (navigation and accessibility
words, separators and brackets, Latin letters, a site name's or slogan's shape, many short
items on one line). Kickers (引题) lose to the headline they introduce because they state no
event. When no candidate reads as a headline the title is cut from the lede, as before,
and `Headline.source` says so.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from digests.meeting import find_meeting_name
from digests.script import CJK, to_simplified
from digests.sentences import BULLETS

MAX_TITLE = 64
BODY_TITLE = 30  # a title cut from the first sentence stays short
BODY_SUBJECT = 12  # ideographs a title cut before `在…` needs to keep
THRESHOLD = 0.3  # the score a candidate needs to be taken for the headline
HEAD_LINES = 16  # lines above the body looked at
NEAR_ARTICLE = 6  # and lines right above its first paragraph, however far down
TAIL_LINES = 3  # last lines looked at (a headline printed under the article)
ECHO_CHARS = 3000  # body characters a candidate's words are looked for in
SUMMARY_KEY = 16  # opening characters of a summary that the article repeats
TAIL_ECHO = 0.6  # how much of a headline under the article its body must repeat
HINT_BONUS = 0.3  # for a line the page's <title>/<h1> repeats
KICKER_PENALTY = 0.3  # for a line stating no event above a headline that states one
LABELLED_BONUS = 0.2  # for a line right above a labelled byline (`发布时间：…`)
SUBTITLED_BONUS = 0.3  # for a line with a dashed subtitle under it
FIRST_LINE_BONUS = 0.1  # for the one text line above the first paragraph
SPLIT_HEAD = 6  # ideographs of a headline's first words broken onto a line of their own
ECHO_LEDE = 300  # body characters where those words and the next line's must be found

Source = Literal["headline", "html", "body"]


@dataclass(frozen=True, slots=True)
class Headline:
    """The title, the line it came from (None for HTML and body titles), and its source."""

    text: str
    line: int | None
    source: Source


# Each alternative opens on a literal character, so re scans for those characters alone
# rather than trying every alternative at every position (title lines are body lines too).
_YEAR_ON = r"\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}"  # a date, after its 19 or 20
_TITLE_END = re.compile(
    rf"1(?<!\d1)9{_YEAR_ON}|2(?<!\d2)0{_YEAR_ON}"
    r"|(?:稿件|信息|文章)来源(?:于)?\s*[:：]|来源(?:于)?\s*[:：]|发布(?:时间|日期|者)|作者\s*[:：]"
    r"|浏览(?!器)|字号|点击数"  # (`请更新您的浏览器`: a browser's warning, furniture whole)
)
_PREFIX = re.compile(
    r"^(?:[•●▲▼■◆\-*>·\s]+|原标题\s*[:：]\s*|原创\s*|完整版\s*|独家\s*|快讯\s*|视频\s*[:：]|图文\s*[:：]"
    r"|星期[一二三四五六日天]\s*(?=[(（【\[])"  # a masthead's weekday before `(影音)`
    r"|[^\s|｜丨]{1,4}\s*[|｜丨]\s*"  # a column's tag: `V视 | …`
    r"|《[^《》]{0,8}[电讯稿]》\s*"  # a wire item's kind in brackets: `《驻京专电》`, `《快讯》`
    r"|[\[【(（](?:视频|图文|原创|组图|图片|直播|专题|快讯|影音|[^\]】)）]{2,10})[\]】)）]\s*)+"
)
# What a headline says it carries, after it: `(图)`, `（组图）`, `[视频]`, `【附视频】`.
_MEDIA_SUFFIX = re.compile(
    r"\s*[\[【(（](?:附|高清|多)?(?:图|组图|图文|图片|视频|音频|直播)[\]】)）]\s*$"
)
_SITE_SPLIT = re.compile(
    r"^(.*?\S)\s*(?:--|——|_|\||｜|丨|\s[-–—]\s|-(?=[^-]{2,20}$)|\s(?=\S{2,16}(?:医院|大学|学院|办事处)$))"
    r"\s*([^_|｜丨]{2,24})$"
)
_SITE = re.compile(
    r"(?:网|网站|官网|日报|晚报|商报|时报|报社|新闻|频道|门户|客户端|电视台|人民政府|政府|在线|公报"
    r"|医院|大学|学院|办事处)$"
)
_NAV = re.compile(
    r"跳过导航|跳到|跳至|按enter|主内容|无障碍|长者|适老|登录|注册|设为首页|加入收藏|收藏本站|放大"
    r"|缩小|默认|首页|当前位置|您的位置|所在位置|今天是|网站地图|联系我们|返回|上一篇|下一篇|打印"
    r"|分享|字号|繁体|简体|english|手机版|微信|微博|搜索|媒体|分类|热门|推荐|广告|栏目|导航"
    r"|新闻中心|新闻资讯|综合新闻|工作动态|要闻|即时新闻|图片新闻|新闻动态|信息公开|javascript"
    r"|browser|浏览器|版权|copyright|备案|责任编辑|提供.{0,12}新闻|查看|详情|更多|阅读全文"
    r"|商城|购物|宅配|付款|包邮|优惠券|其他报道|相关报道|相关字词|延伸阅读|隐私|授权|创刊"
    r"|关键[词字]\s*[:：]|标签\s*[:：]"  # an article's keywords, which name its meeting
    r"|^\W*news\W*$",
    re.I,
)
_EVENT = re.compile(
    r"召开|举行|举办|开幕|闭幕|开议|主持|出席|部署|调研|考察|视察|会见|座谈|当选|启动|签约|通过|审议|"
    r"慰问|讲话|会议(?!精神|中心|室|厅)|大会(?!精神)|会(?:$|\s)|[^机]会召开|研讨|培训|学习|研习|登场"
)
_COLUMN_BEFORE = re.compile(f"\\s+[{CJK}]{{1,3}}\\s*$")
_HOUR_AFTER = re.compile(r"[(（]\d{1,2}[:：]\d\d[)）]\s*$")  # (the spaces before it: rstrip)
# A slogan (引题) before the headline on one line: no event in it, an event in the rest.
_KICKER = re.compile(r"^(\S{4,16})\s+(\S.{5,})$")
_HELD = re.compile(r"召开|举行|举办|开幕|闭幕|开议|主持|出席|会见|当选|审议|会议|大会|座谈")
_BODY = re.compile(r"会|[委联协组部局办府院团社盟所厂司议]$")
_ADVERBIAL = re.compile(r"^以|为契机|为主题|之际")  # `以大运会为契机 …研讨会召开` is one headline
_PROSE_MARK = re.compile(r"[。，！？；,]")
_SEPARATORS = re.compile(r"[|｜/>»›→【】\[\]•]")
_ITEMS = re.compile(r"\S+")
_DAY_SLASH = re.compile(r"(?<=\d)/(?=\d)")
_BYLINE = re.compile(r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}|来源|发布|作者|记者|编辑|日期|时间|浏览")
_REPRINT = re.compile(r"《([^《》]{4,64})》[^。《]{0,30}(?:提供|原创|发布|首发)[^。]{0,6}转载")
_LABELLED_BYLINE = re.compile(r"(?:时间|日期|来源|作者)\s*[:：]")
_BYLINE_UNDER = re.compile(
    r"^\W*(?:(?:发布|更新|发表|稿件|信息|文章)?(?:时间|日期|来源)|作者|发布)\s*[:：]"
)
# An item of a list or an outline (`1.会议议程`, `2.03《…》`, `一、`, `(二)`): never a headline.
_ENUMERATED = re.compile(
    r"^\W*(?:\d{1,2}[.、．](?!\d)|\d{1,2}\.\d{1,2}(?=[《“\"])|[一二三四五六七八九十]{1,3}[、．]"
    r"|[(（](?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）])"
)
# A subtitle (副题) under the headline names who came, with no object (`某某出席并讲话`).
_DASHED = re.compile(r"^\s*(?:——|--|—)\s*\S")  # a subtitle's opening dash
_ROLES_ONLY = re.compile(r"(?:出席|主持|讲话|致辞|发言|参加|作报告|并讲话|并致辞)$")
_ROLE_VERB = re.compile(r"出席|主持|讲话|致辞")
# A kicker that introduces a speech (`某某在某会议上强调`): the headline under it is the quote.
_SPEAKS = re.compile(r"(?:强调|指出|表示|要求|提出|寄语)$")
# A lede's opening words broken onto a line of their own (`2017年4月13日上午，某镇在…召开了`):
# a headline never opens with its date and a comma.
_DAY_AND_TIME = r"(?:(?:19|20)\d\d\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日(?:[上中下]午|晚上?|早上?)?"
_LEDE_START = re.compile(rf"^\W*{_DAY_AND_TIME}[，,]")
# A lede's opening clause that only says when (`9月4日上午，`, `近日，`), left out of a title cut
# from it.
_WHEN = re.compile(rf"\s*(?:{_DAY_AND_TIME}|近日|日前|近期|昨天|昨日|今天|今日|当天|当日)[，,]\s*")
# A blog's or forum's byline before the headline on one line (`某某 於 4/2/2010 6:19 PM 發表
# 2010.04.02 标题`): the headline is what follows the last date.
_LAST_DATE = re.compile(
    r".*(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?(?:\s*\d{1,2}:\d\d(?::\d\d)?)?"
)
_IMAGE = re.compile(r"^\W*(?:!\[|<image|<img)", re.I)  # a picture: the line under it is a caption
# A caption that numbers or points at its picture (`图1 …合影留念`, `圖為…`, `上图：…`), and a
# forum's note that a post was edited (`本帖最后由 某某 于 2015-4-13 00:37 编辑`): never a headline.
_CAPTION = re.compile(
    r"(?:大家好|各位好|朋友们好)\W*$|"  # a speech's salutation (`各位先進、大家好！`)
    r"^\W*(?:图\s*\d{1,2}(?!\d)|图为|[上下左右]图\s*[:：为])|^\W*本帖最后由"
    # a photo's credit closing the line (`会议现场(某某 摄)`, `（受访者供图）`), a group photo
    r"|[(（][^()（）]{0,20}(?:摄|摄影|供图)\s*[)）]?\W*$|合影\W*$"
    r"|^\W*记者[^，,。]{2,12}(?:报导|报道)\W*$"  # a byline: `记者某某／纽约报导`
    r"|^\W*[(（][^()（）]{0,20}记者[^()（）]{2,12}(?:报导|报道)[)）]\W*$"  # `(某网/记者某某报导)`
)
# A preposition right before a date makes it the sentence's (`某会于2021年9月24日完成…`), not
# a byline glued to a title.
_GOVERNS_DATE = re.compile(r"(?:于|在|自|从|至|截至|是|为|将)\s*$")
# What opens a paragraph before its first words: a forum's edit note (`本帖最后由 某某 于 … 编辑`),
# a byline's date (`date 2025-08-29`), a bracketed dateline or credit (`【本报讯】`, `(某地12日讯)`,
# `〔记者某某／台北报导〕`), a bullet (`■`).
_LEADING = re.compile(
    rf"^(?:\s|[{BULLETS}])*(?:本帖最后由[^。]{{0,40}}?编辑\s*(?:<br\s*/?>\s*)*"
    r"|(?:date|日期|时间|发布时间)\s*[:：]?\s*(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}"
    r"(?:\s+\d{1,2}:\d\d(?::\d\d)?)?\s*"
    r"|[【〔\[(（][^】〕\]()（）]{0,24}(?:讯|电|报导|报道|消息|记者[^】〕\]()（）]*)[】〕\])）]\s*"
    r"|(?=\S))",
    re.I,
)
_CONTINUATION = re.compile(rf"^[(（][{CJK}]{{1,4}}[)）][{CJK}]{{2,}}(?:[^\s。，]*)$")
REPEATS = 3  # whole-line copies of a sentence that make it a forum thread's headline
MEETING_TITLE = 4  # ideographs a meeting's name needs to serve as a title (not `联谊会`)
_GLUE = " \t\u3000|｜丨·-—_/"  # what separates a title from a byline or site name
_SENTENCE_END = "。！？!?"
_CLAUSE_END = "，,；;：:、"


_NOT_HAN = re.compile(f"[^{CJK}]+")
_KEY_CHAR = re.compile(f"[{CJK}0-9A-Za-z]")


def _han(text: str) -> int:
    """Ideographs in `text`, counted at C speed (remove the rest, measure)."""
    return len(_NOT_HAN.sub("", text))


def _bigrams(text: str) -> set[str]:
    han = re.sub(f"[^{CJK}]", " ", text)
    return {han[i : i + 2] for i in range(len(han) - 1) if " " not in han[i : i + 2]}


def echo(candidate: str, body: str) -> float:
    """Share of the candidate's character bigrams that the body repeats."""
    grams = _bigrams(candidate)
    return sum(g in body for g in grams) / len(grams) if grams else 0.0


def title_end(line: str) -> int:
    """Where a byline (date, 来源, labels) carried on a title line starts: with the column
    name before its label (`… 政情 发布时间`) and a trailing hour (`… (15:30)`)."""
    match = _TITLE_END.search(line)
    start = len(line[: match.start()].rstrip()) if match else 0  # the spaces before it too
    end = start if start > 0 else len(line)
    if (column := _COLUMN_BEFORE.search(line, 0, end)) is not None and match and end < len(line):
        end = column.start()
    if (hour := _HOUR_AFTER.search(line, 0, end)) is not None:
        end = len(line[: hour.start()].rstrip())
    return end


def strip_decoration(text: str) -> str:
    """A title without `原创`/`[视频]`/`【栏目】` prefixes, a slogan before it (引题) and a
    trailing site name."""
    text = _PREFIX.sub("", text.strip(_GLUE)).strip(_GLUE)
    text = _MEDIA_SUFFIX.sub("", text)
    text = _without_kicker(text)
    while (match := _SITE_SPLIT.match(text)) and (_SITE.search(match[2]) or len(match[2]) <= 4):
        if _han(match[1]) < 4:
            break
        text = match[1].strip()
    return text


def _without_kicker(text: str) -> str:
    """`构建常态长效学习机制 市政协…会议召开` → the headline: the slogan states no event and
    names no body (a council, `…议会 27日起召开临时会`, is the headline's subject), the rest
    reports a meeting held."""
    if "——" in text:
        return text  # `同心庆双节 奋进建新功——学校党委召开座谈会`: one headline, slogan and event
    match = _KICKER.match(text)
    kicker = match[1] if match else ""
    if match is None or _HELD.search(kicker) or _ADVERBIAL.search(kicker) or _BODY.search(kicker):
        return text
    rest = match[2]
    return rest if _HELD.search(rest) and re.search(r"会|论坛", rest) else text


def _after_byline(line: str) -> str:
    """What follows a line's last date, unless it is more byline (`浏览次数：100`)."""
    match = _LAST_DATE.match(line)
    rest = strip_decoration(line[match.end() :]) if match else ""
    return "" if _BYLINE.search(rest) else rest


def _is_headline_shape(text: str) -> bool:
    han = _han(text)
    return (
        han >= 4
        and len(text) <= MAX_TITLE
        and han * 2 >= len(text.replace(" ", ""))
        and text[-1] not in "。；;：:，,、"
        and "。" not in text[:-1]
    )


def _furniture(text: str, echoed: float) -> float:
    """How much a candidate looks like page furniture (0 = not at all). A navigation word in
    a long headline the body repeats (`十九大新闻中心举行酒会`) is part of a name."""
    penalty = 0.0
    if _NAV.search(text):
        penalty = 1.0 if len(text) <= 12 or echoed < 0.5 else 0.3
    items = _ITEMS.findall(text)
    if len(items) >= 3 and all(_han(item) <= 6 for item in items):
        penalty += 0.6  # a menu: many short items on one line
    if len(_SEPARATORS.findall(_DAY_SLASH.sub("", text))) >= 2:  # `4/27` is a day, not a menu
        penalty += 0.5
    latin = sum(ch.isascii() and ch.isalpha() for ch in text)
    if latin * 3 > len(text):
        penalty += 0.5
    if _SITE.search(text) and len(text) <= 16:
        penalty += 0.6  # a masthead: the site's own name
    return penalty


def _score(text: str, body: str, byline: bool, position: int) -> float:
    if not _is_headline_shape(text):
        return -1.0
    echoed = echo(text, body)
    score = echoed - _furniture(text, echoed) - 0.02 * position
    if _EVENT.search(text):
        score += 0.2
    elif re.search(r"\S\s+\S", text) or "，" in text:
        score -= 0.15  # a slogan's parallel phrases that state no event: a kicker
    return score + (0.15 if byline else 0.0)


def _has_byline(simplified: Sequence[str], i: int) -> bool:
    """Whether a date or source line follows line `i` (within two lines), or follows the
    headline printed again under it in two parts (`某市长参与某议会` / `…定期大会开幕`)."""
    after = 5 if _split_copy(simplified, i) else 3
    return any(_BYLINE.search(simplified[j]) for j in range(i + 1, min(i + after, len(simplified))))


def _continued(simplified: Sequence[str], i: int) -> bool:
    """Whether line `i` is a headline broken before a bracketed word that the next line
    opens with and goes on from (`(扩大)会议精神`; not a lone `(附图)`)."""
    return i + 1 < len(simplified) and bool(_CONTINUATION.match(simplified[i + 1]))


def _split_headline(simplified: Sequence[str], i: int, lede: str) -> bool:
    """Whether line `i` is a headline's first words broken off (`共青团某校` / `第一次代表大会
    顺利召开`): a short line stating no event that the lede (its `_key`) opens with, the next
    line after it."""
    if i + 1 >= len(simplified) or not 2 <= _han(simplified[i]) <= SPLIT_HEAD:
        return False
    if _EVENT.search(simplified[i]) or _PROSE_MARK.search(simplified[i] + simplified[i + 1]):
        return False
    joined = _key(simplified[i] + simplified[i + 1])
    return len(joined) >= 2 * SPLIT_HEAD and joined[: 2 * SPLIT_HEAD] in lede


def _split_copy(simplified: Sequence[str], i: int) -> bool:
    """Whether the two lines under line `i` are it again, cut in two."""
    if i + 2 >= len(simplified) or not simplified[i + 1] or not simplified[i + 2]:
        return False
    return _key(simplified[i + 1] + simplified[i + 2]) == _key(simplified[i])


def _first_paragraph(simplified: Sequence[str], content: Sequence[bool]) -> int:
    """Index of the first line of running prose (or past the end)."""
    for i, line in enumerate(simplified):
        long_prose = len(line) > MAX_TITLE and _PROSE_MARK.search(line)
        if content[i] and (long_prose or ("。" in line and _han(line) >= 20)):
            return i  # a long line without a sentence mark is a ticker or a menu, not prose
    return len(simplified)


def _article_start(simplified: Sequence[str], content: Sequence[bool]) -> int:
    """The first paragraph, or past a summary printed above the headline: a first paragraph
    that the article repeats after a few short lines (`…在北京举行。` / headline /
    `新华社北京12月13日电 …在北京举行。`)."""
    start = _first_paragraph(simplified, content)
    opening = _key(simplified[start])[:SUMMARY_KEY] if start < len(simplified) else ""
    if len(opening) < SUMMARY_KEY:
        return start
    for j in range(start + 2, min(start + NEAR_ARTICLE, len(simplified))):
        if _PROSE_MARK.search(simplified[j - 1]):
            break  # prose between: the repeat is the article's own, not its opening
        if opening in _key(simplified[j]):
            return j
    return start


def _candidates(simplified: Sequence[str], content: Sequence[bool]) -> list[int]:
    start = _article_start(simplified, content)
    # the top of the page, and the lines right above the article, past a long menu, and the
    # line above a labelled byline, past widgets between it and the article
    above_byline = {i - 1 for i in range(1, start) if _LABELLED_BYLINE.search(simplified[i])}
    head = sorted(
        {*range(min(start, HEAD_LINES)), *range(max(0, start - NEAR_ARTICLE), start), *above_byline}
    )
    tail = [i for i in range(max(start + 1, len(simplified) - TAIL_LINES), len(simplified))]
    return head + tail


def find_title(
    lines: Sequence[str],
    simplified: Sequence[str],
    content: Sequence[bool],
    hints: Sequence[str] = (),
) -> Headline:
    """The page's headline, by the highest score; else a title cut from the lede."""
    best: tuple[float, Headline] | None = None
    hints = (*hints, *_reprint_titles(lines, simplified))
    start = _article_start(simplified, content)
    hinted = {_key(to_simplified(strip_decoration(hint))) for hint in hints} - {""}
    seen: set[str] = set()
    body = _body_text(simplified, content, start)
    lede = _key(body[:ECHO_LEDE])  # (keyed once: every candidate line is checked against it)
    for i in _candidates(simplified, content):
        raw, line = simplified[i], lines[i]
        if _continued(simplified, i) or _split_headline(simplified, i, lede):
            raw, line = raw + simplified[i + 1], line + lines[i + 1]  # `共青团某校` / `第一次…`
        quoted = _quote_parts(simplified, i, start)
        if quoted == 0:
            continue  # the second line of a quote headline, read with its first
        if quoted == 2:  # `某某在某会议上强调` / `进一步开创…新局面` / `以优异成绩迎接…`
            raw, line = f"{raw} {simplified[i + 1]}", f"{line} {lines[i + 1]}"
        text_s = strip_decoration(raw[: title_end(raw)])
        if not _is_headline_shape(text_s) or _TITLE_END.match(raw):
            text_s = _after_byline(raw)  # a byline's line (`发布时间：…`) holds no headline
        if not _is_headline_shape(text_s) or _ENUMERATED.match(raw):
            continue
        if _LEDE_START.match(text_s) or _LEDE_START.match(raw):
            continue
        if (i > 0 and _IMAGE.match(simplified[i - 1])) or _CAPTION.search(raw):
            continue  # a caption (`某区长王五`, `图1 与会代表合影`) that the body echoes whole
        if any(_split_copy(simplified, j) for j in (i - 1, i - 2) if j >= 0):
            continue  # a part of the headline printed again under it
        if i > 0 and _continued(simplified, i - 1):
            continue  # the rest of the headline above
        byline = _has_byline(simplified, i)
        if i > start and not byline:
            continue  # under the article, only a line with its date under it is a headline
        position = min(i, start - i) if i < start else i - start + HEAD_LINES // 2
        own = body.replace(raw, "") if i > start else body  # a line below echoes itself
        if i > start and echo(text_s, own) < TAIL_ECHO:
            continue  # a related story's headline, with its date, echoes another story
        score = _score(text_s, own, byline, position)
        if i < start:  # (under the article a labelled byline dates a related story too)
            score += _layout(simplified, content, i, start)
        if i + 1 < start and _introduces(text_s, simplified[i + 1]):
            score -= KICKER_PENALTY
        if i < start and _subtitle(text_s, simplified, i):
            if _dashed_subtitle(simplified[i]) or _chaired_and_attended(text_s):
                continue  # `——记某某`, `某某主持某某等出席`: the headline's subtitle
            score -= KICKER_PENALTY
        if i + 1 < start and _SPEAKS.search(text_s) and _quote_parts(simplified, i + 1, start):
            score -= KICKER_PENALTY  # `某某在某会议上强调`: the quote under it is the headline
        seen.add(_key(text_s))
        if _key(text_s) in hinted:
            score += HINT_BONUS  # the page's own <title> or <h1> says this line is the headline
        if best is None or score > best[0]:
            best = (score, Headline(_original(line, raw, text_s), i, "headline"))
    for i in _repeated(simplified, content):
        score = _score(simplified[i][:-1], body, False, 0) + HINT_BONUS
        if best is None or score > best[0]:
            best = (score, Headline(lines[i][:-1], i, "headline"))
    body_all = body if start < len(simplified) else _body_text(simplified, content, 0)
    keys = [_key(to_simplified(strip_decoration(hint))) for hint in hints]
    page_title: Headline | None = None
    for hint, key in zip(hints, keys, strict=True):
        text = strip_decoration(hint)
        if page_title is None and _is_headline_shape(text) and not _furniture(text, 1.0):
            page_title = Headline(text, None, "html")
        if key in seen:
            continue  # the line itself was scored, with the bonus
        agreed = keys.count(key) > 1  # the <h1> and the <title> say the same
        score = _score(to_simplified(text), body_all, False, 0) + HINT_BONUS * (1 + agreed) / 2
        if best is None or score > best[0]:
            best = (score, Headline(text, None, "html"))
    if best is not None and best[0] >= THRESHOLD:
        return best[1]
    # an HTML page's own title beats a first line that its text gives as prose
    return page_title or Headline(body_title(lines, simplified, content), None, "body")


def _reprint_titles(lines: Sequence[str], simplified: Sequence[str]) -> list[str]:
    """The headline a reprint notice quotes (`《…》由某某网提供，转载请注明出处`), which names
    the article as its <title> does; looked for on the last lines, where such notices are."""
    found = []
    for line, line_s in zip(lines[-TAIL_LINES:], simplified[-TAIL_LINES:], strict=True):
        if "转载" in line_s and (match := _REPRINT.search(line_s)) and len(line) == len(line_s):
            found.append(line[match.start(1) : match.end(1)])
    return found


def _layout(simplified: Sequence[str], content: Sequence[bool], i: int, start: int) -> float:
    """What the lines around line `i` say of it: a labelled byline right under it dates a
    headline; the one text line right above the first paragraph opens the article."""
    below = _next_text(simplified, i)
    if below is not None and _BYLINE_UNDER.match(simplified[below]):
        return LABELLED_BONUS
    if below is not None and _dashed_subtitle(simplified[below]):
        return SUBTITLED_BONUS  # a headline with its subtitle (`——记某某`) under it
    if i < start and not any(content[:i]) and not any(content[i + 1 : start]):
        return FIRST_LINE_BONUS  # (past furniture between: a view count, `0` / `589`)
    return 0.0


def _next_text(simplified: Sequence[str], i: int) -> int | None:
    """The next line after `i` with a letter or digit (past a lone `|`)."""
    return next((j for j in range(i + 1, len(simplified)) if _KEY_CHAR.search(simplified[j])), None)


def _previous_text(simplified: Sequence[str], i: int) -> int | None:
    """The line before `i` with a letter or digit."""
    return next((j for j in range(i - 1, -1, -1) if _KEY_CHAR.search(simplified[j])), None)


def _quote_parts(simplified: Sequence[str], i: int, start: int) -> int | None:
    """Under a kicker that introduces a speech (`某某在某会议上强调`), the headline quotes it,
    often on two lines: 2 when line `i` is its first of two, 1 when its only one, 0 when its
    second; None when line `i` is under no such kicker."""
    above = _previous_text(simplified, i)
    if above is None:
        return None
    if not _speaks(simplified[above]):
        before = _previous_text(simplified, above)
        second = (
            before is not None and _speaks(simplified[before]) and _quote_line(simplified[above])
        )
        return 0 if second and _quote_line(simplified[i]) else None
    if not _quote_line(simplified[i]):
        return None
    below = _next_text(simplified, i)
    return 2 if below is not None and below < start and _quote_line(simplified[below]) else 1


def _speaks(line: str) -> bool:
    return bool(_SPEAKS.search(strip_decoration(line[: title_end(line)])))


def _quote_line(line: str) -> bool:
    """A line of a quote headline: headline-shaped, no byline, no list item."""
    return _is_headline_shape(line) and not _BYLINE.search(line) and not _ENUMERATED.match(line)


def _dashed_subtitle(line: str) -> bool:
    """`——记某某`: a dash, then no event (`——某某会议在成都召开` under a slogan is the
    headline itself)."""
    return bool(_DASHED.match(line)) and not _HELD.search(line)


def _subtitle(text: str, simplified: Sequence[str], i: int) -> bool:
    """Whether `text` names only who came (`某某出席并讲话`) under a headline that names the
    event (`全国某某会议在京召开`), or opens with a dash under any headline (`——记某某`): a
    subtitle, not the headline."""
    dash = _dashed_subtitle(simplified[i])
    if not dash and (not _ROLES_ONLY.search(text) or re.search(r"会|论坛|仪式|典礼", text)):
        return False
    above = _previous_text(simplified, i)
    if above is None:
        return False
    headline = strip_decoration(simplified[above][: title_end(simplified[above])])
    # who chaired and who came, both (`某某主持某某等出席`), is a subtitle under any headline
    both = _chaired_and_attended(text) and not _ROLES_ONLY.search(headline)
    return _is_headline_shape(headline) and (dash or both or bool(_HELD.search(headline)))


def _chaired_and_attended(text: str) -> bool:
    """A line of who chaired and who came (`某某主持某某等出席`), no meeting word in it."""
    return len(_ROLE_VERB.findall(text)) >= 2 and bool(_ROLES_ONLY.search(text))


def _introduces(text: str, below: str) -> bool:
    """Whether `text` is a kicker on a line of its own (`庆祝某党派成立70周年`): it states no
    event, and the line under it is a headline that does (`某界会员在京座谈 某某出席`)."""
    if _EVENT.search(text):
        return False
    headline = strip_decoration(below[: title_end(below)])
    if _chaired_and_attended(headline):
        return False  # the line under it says who came: a subtitle, not the headline
    return _is_headline_shape(headline) and bool(_EVENT.search(headline))


def _repeated(simplified: Sequence[str], content: Sequence[bool]) -> list[int]:
    """The first line of each event's sentence the page repeats as a line of its own: a
    forum's copy of a report writes its thread's title again and again through the post."""
    counts = Counter(line for line, keep in zip(simplified, content, strict=True) if keep)
    found = {
        line
        for line, n in counts.items()
        if n >= REPEATS and line.endswith("。") and _is_headline_shape(line[:-1])
    }
    found = {line for line in found if _EVENT.search(line)}
    return [simplified.index(line) for line in found]


def _body_text(simplified: Sequence[str], content: Sequence[bool], start: int) -> str:
    """The body from its first paragraph, as far as a candidate's echo is looked for."""
    out, size = [], 0
    for line, keep in zip(simplified[start:], content[start:], strict=True):
        if keep:
            out.append(line)
            size += len(line)
            if size >= ECHO_CHARS:
                break
    return "".join(out)[:ECHO_CHARS]


def _key(text: str) -> str:
    """Text without punctuation or spaces, to compare titles written differently."""
    return _NOT_ALNUM.sub("", text)


_NOT_ALNUM = re.compile(r"[\W_]+")  # what str.isalnum refuses: \W, and the `_` that \w takes


def _original(line: str, simplified: str, text_s: str) -> str:
    """The original-script slice of `line` that `text_s` (simplified) is."""
    at = simplified.find(text_s)
    if at < 0 or len(line) != len(simplified):
        return text_s
    return line[at : at + len(text_s)]


def body_title(lines: Sequence[str], simplified: Sequence[str], content: Sequence[bool]) -> str:
    """A title from the first paragraph: the meeting it names, else its first clauses."""
    for i, line in enumerate(simplified):
        # a short caption (`与会嘉宾合影。`), not one that says the news (`某某主持院會，讓…`)
        caption = len(line) <= MAX_TITLE and "，" not in line and _CAPTION.search(line)
        paragraph = (len(line) > MAX_TITLE or "。" in line) and not caption
        if content[i] and paragraph and _han(line) * 3 >= len(line):
            # an edit note, a byline's date or a dateline opening the post is not its first words
            skip = opening.end() if (opening := _LEADING.match(line)) else 0
            whole = find_meeting_name(line)  # (read with its dateline, which may name the body)
            if (when := _WHEN.match(line, skip)) is not None:
                skip = when.end()  # `9月4日，` / `近日，`: the day is shown as the date
            original, line = lines[i][skip:], line[skip:]
            end = title_end(line)  # (a line of image markup is no paragraph)
            glued = end < len(line) and not _GOVERNS_DATE.search(line[:end])
            if glued and _is_headline_shape(strip_decoration(line[:end])):
                return _original(
                    original, line, strip_decoration(line[:end])
                )  # glued to its byline
            if whole is not None and whole[0] >= skip:
                span: tuple[int, int] | None = (whole[0] - skip, whole[1] - skip)
            else:
                span = find_meeting_name(line)
            if span is not None and _han(line[span[0] : span[1]]) >= MEETING_TITLE:
                return original[span[0] : span[1]]
            return original[: _first_clauses(line)]
    return next((line for line, keep in zip(lines, content, strict=True) if keep), "")


# Where a clause with no comma says when and where (`…就职典礼前晚在某中心举行`): a title cut
# there keeps its subject whole.
_WHERE = re.compile(
    r"(?:前晚|昨晚|昨日|昨天|今日|今天|日前|近日|[上下]午)?"
    r"(?:(?<![存现正所实好自])在(?!于)|(?<![关对由属位基鉴终至处等善勇忠])于)"
)  # not the 在 of 现在/正在, nor the 于 of 关于/由于/位于


def _before_where(line: str) -> int:
    """BODY_TITLE, or before the last `(前晚)在`/`于` within it that leaves a subject."""
    found = [m.start() for m in _WHERE.finditer(line, 0, BODY_TITLE + 1)]
    found = [at for at in found if _han(line[:at]) >= BODY_SUBJECT]
    return found[-1] if found else BODY_TITLE


def _first_clauses(line: str) -> int:
    """End of the first sentence, cut at the last clause boundary within BODY_TITLE, and
    before a bracket the cut would leave open (`…於今（29）日` cut as `…於今（`)."""
    end = next((i for i, ch in enumerate(line) if ch in _SENTENCE_END), len(line))
    if end > BODY_TITLE:
        cuts = [i for i, ch in enumerate(line[: BODY_TITLE + 1]) if ch in _CLAUSE_END]
        end = cuts[-1] if cuts else _before_where(line)
    opened = max(line.rfind("（", 0, end), line.rfind("(", 0, end))
    closed = max(line.rfind("）", 0, end), line.rfind(")", 0, end))
    if opened > closed and _han(line[:opened]) >= MEETING_TITLE:
        return opened
    return end


__all__ = [
    "BODY_TITLE",
    "MAX_TITLE",
    "Headline",
    "echo",
    "find_title",
    "strip_decoration",
    "title_end",
]
