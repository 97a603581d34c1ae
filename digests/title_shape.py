"""What a candidate line is worth as a headline on its own: its shape, its words echoed by
the body, its event, against furniture's marks; and the line cleaned of its decoration."""

from __future__ import annotations

import re

from digests.script import CJK
from digests.title_words import BYLINE, EVENT, HELD, MAX_TITLE, TITLE_END

_PREFIX = re.compile(
    r"^(?:[•●▲▼■◆\-*>·\s]+|原标题\s*[:：]\s*|原创\s*|完整版\s*|独家\s*|快讯\s*|视频\s*[:：]|图文\s*[:：]"
    r"|星期[一二三四五六日天]\s*(?=[(（【\[])"  # a masthead's weekday before `(影音)`
    r"|[^\s|｜丨]{1,4}\s*[|｜丨]\s*"  # a column's tag: `V视 | …`
    r"|[^\s<>|｜丨]{2,20}?\s*(?:->|>>|»|→)\s*"  # a site's crumb: `某某大学->`, `某某网 >> `
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
# A blog platform's `<title>`: `文章 @ 某某的家 :: 痞客邦 ::`, the blog and the platform after.
_BLOG_SUFFIX = re.compile(r"\s+@\s+[^@]{1,40}$|\s*::[^:]{1,30}::\s*$")
# A site named by a Latin brand, with a few words: `EDN 电子技术设计`, `IT之家`, `CSDN博客`.
_BRAND = re.compile(rf"^[A-Z]{{2,}}[A-Za-z0-9]{{0,8}}\s*[{CJK}]{{0,8}}$")
# A post's date stamp before its headline (`20170509 第四次定期會`): no Latin share of it.
_DATE_STAMP = re.compile(r"^(?:19|20)\d{2}(?:\d{2}){0,2}\s+")
# A feed item's serial after its headline: `… - 240523-21`.
_SERIAL = re.compile(r"[\d\-_/.]{4,}")
# A site named by its address: `… | cumt.net.cn`, `…_www.example.gov.cn`.
_DOMAIN = re.compile(r"(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+", re.I)
_SITE = re.compile(
    r"(?:网|网站|官网|日报|晚报|商报|时报|报社|新闻|频道|门户|客户端|电视台|人民政府|政府|在线|公报"
    r"|医院|大学|学院|办事处)$"
)
_NAV = re.compile(
    r"跳过导航|跳到|跳至|按enter|主内容|无障碍|长者|适老|登录|注册|设为首页|加入收藏|收藏本站|放大"
    r"|缩小|默认|首页|当前位置|您的位置|所在位置|今天是|网站地图|联系我们|返回|上一篇|下一篇|打印"
    r"|分享|字号|繁体|简体|english|手机版|微信|微博|搜索|媒体(?:报道|聚焦|关注|看|视角)|^媒体$|分类|热门|推荐|广告|栏目|导航"
    r"|新闻中心|新闻资讯|综合新闻|工作动态|要闻|即时新闻|图片新闻|新闻动态|信息公开|javascript"
    r"|browser|浏览器|版权|copyright|备案|责任编辑|提供.{0,12}新闻|查看|详情|更多|阅读全文"
    r"|商城|购物|宅配|付款|包邮|优惠券|其他报道|相关报道|相关字词|延伸阅读|隐私|授权|创刊"
    r"|关键[词字]\s*[:：]|标签\s*[:：]"  # an article's keywords, which name its meeting
    r"|^\W*news\W*$",
    re.I,
)

_COLUMN_BEFORE = re.compile(f"\\s+[{CJK}]{{1,3}}\\s*$")
_HOUR_AFTER = re.compile(r"[(（]\d{1,2}[:：]\d\d[)）]\s*$")  # (the spaces before it: rstrip)
# A slogan (引题) before the headline on one line: no event in it, an event in the rest.
_KICKER = re.compile(r"^(\S{4,16})\s+(\S.{5,})$")

_BODY = re.compile(r"会|[委联协组部局办府院团社盟所厂司议]$")
# `以大运会为契机 …研讨会召开`, `各级学校开学在即 某某在校长会议…` are one headline; so is
# one whose first part states a fact with a number (`视讯串联37区 某某区长会议…`): a slogan
# states none
_ADVERBIAL = re.compile(r"^以|为契机|为主题|之际|在即|前夕|\d")
# and so is one whose first part says who said what (`某某稱某某非撤回議案 如議員…`): a slogan
# quotes no one (both scripts: a page's <title> is read before it is simplified)
_SAYS = re.compile(
    r"[拟擬](?=[^，,]{0,4}[在於于])|"  # `某公司擬在某地建度假村 召開…`: a plan stated, no slogan
    r"[称稱]|[说說](?!明)|表示|指出|[强強][调調]|[认認][为為]|[回][应應]|批[评評]|呼[吁籲]"
)

_SEPARATORS = re.compile(r"[|｜/>»›→【】\[\]•]")
_ITEMS = re.compile(r"\S+")
_DAY_SLASH = re.compile(r"(?<=\d)/(?=\d)")

# A blog's or forum's byline before the headline on one line (`某某 於 4/2/2010 6:19 PM 發表
# 2010.04.02 标题`): the headline is what follows the last date.
_LAST_DATE = re.compile(
    r".*(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?(?:\s*\d{1,2}:\d\d(?::\d\d)?)?"
)

_GLUE = " \t\u3000|｜丨·-—_/"  # what separates a title from a byline or site name

_NOT_HAN = re.compile(f"[^{CJK}]+")


def han_count(text: str) -> int:
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
    match = TITLE_END.search(line)
    start = len(line[: match.start()].rstrip()) if match else 0  # the spaces before it too
    end = start if start > 0 else len(line)
    if (column := _COLUMN_BEFORE.search(line, 0, end)) is not None and match and end < len(line):
        end = column.start()
    if (hour := _HOUR_AFTER.search(line, 0, end)) is not None:
        end = len(line[: hour.start()].rstrip())
    return end


def site_names(page_title: str) -> list[str]:
    """The site's and column's names a page's `<title>` gives after its headline (`文章 @
    某某的家_藍天 :: 痞客邦 ::`, `标题-某某网`): a line that is one of them is the masthead."""
    kept = strip_decoration(page_title)
    at = page_title.find(kept) if kept else -1
    if at < 0 or len(kept) == len(page_title.strip()):
        return []
    tail = page_title[at + len(kept) :]
    return [part.strip() for part in _SITE_PARTS.split(tail) if han_count(part) >= 2]


_SITE_PARTS = re.compile(r"\s+@\s+|::|--|——|[_|｜丨]|\s[-–—]\s|-")


def strip_decoration(text: str) -> str:
    """A title without `原创`/`[视频]`/`【栏目】` prefixes, a slogan before it (引题) and a
    trailing site name."""
    text = _PREFIX.sub("", text.strip(_GLUE)).strip(_GLUE)
    text = _MEDIA_SUFFIX.sub("", text)
    text = _without_kicker(text)
    text = _BLOG_SUFFIX.sub("", text)
    while (match := _SITE_SPLIT.match(text)) and (
        _SITE.search(match[2])
        or len(match[2]) <= 4
        or _BRAND.match(match[2])
        or _DOMAIN.fullmatch(match[2])
        or _SERIAL.fullmatch(match[2])
    ):
        if han_count(match[1]) < 4:
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
    if match is None or HELD.search(kicker) or _ADVERBIAL.search(kicker) or _BODY.search(kicker):
        return text
    if _SAYS.search(kicker):
        return text
    if han_count(kicker) < 4 or re.search("[A-Za-z]", kicker):
        return text  # `PROUD OF YOU 師展榮耀`, `議員Ingay Tali…`: a name's words, no slogan
    rest = match[2]
    return rest if HELD.search(rest) and re.search(r"会|论坛", rest) else text


def after_byline(line: str) -> str:
    """What follows a line's last date, unless it is more byline (`浏览次数：100`)."""
    match = _LAST_DATE.match(line)
    rest = strip_decoration(line[match.end() :]) if match else ""
    return "" if BYLINE.search(rest) else rest


def is_headline_shape(text: str) -> bool:
    han = han_count(text)
    return (
        han >= 4
        and len(text) <= MAX_TITLE
        and han * 2 >= len(_DATE_STAMP.sub("", text).replace(" ", ""))
        and text[-1] not in "。；;：:，,、"
        and "。" not in text[:-1]
    )


def furniture_penalty(text: str, echoed: float) -> float:
    """How much a candidate looks like page furniture (0 = not at all). A navigation word in
    a long headline the body repeats (`十九大新闻中心举行酒会`) is part of a name."""
    penalty = 0.0
    if _NAV.search(text):
        penalty = 1.0 if len(text) <= 12 or echoed < 0.5 else 0.3
    items = _ITEMS.findall(text)
    if len(items) >= 3 and all(han_count(item) <= 6 for item in items):
        penalty += 0.6  # a menu: many short items on one line
    if len(_SEPARATORS.findall(_DAY_SLASH.sub("", text))) >= 2:  # `4/27` is a day, not a menu
        penalty += 0.5
    latin = sum(ch.isascii() and ch.isalpha() for ch in text)
    if latin * 3 > len(text):
        penalty += 0.5
    if _SITE.search(text) and len(text) <= 16:
        penalty += 0.6  # a masthead: the site's own name
    return penalty


def line_score(text: str, body: str, byline: bool, position: int) -> float:
    if not is_headline_shape(text):
        return -1.0
    echoed = echo(text, body)
    score = echoed - furniture_penalty(text, echoed) - 0.02 * position
    if EVENT.search(text):
        score += 0.2
    elif re.search(r"\S\s+\S", text) or "，" in text:
        score -= 0.15  # a slogan's parallel phrases that state no event: a kicker
    return score + (0.15 if byline else 0.0)


def title_key(text: str) -> str:
    """Text without punctuation or spaces, to compare titles written differently."""
    return _NOT_ALNUM.sub("", text)


_NOT_ALNUM = re.compile(r"[\W_]+")  # what str.isalnum refuses: \W, and the `_` that \w takes


def original_slice(line: str, simplified: str, text_s: str) -> str:
    """The original-script slice of `line` that `text_s` (simplified) is."""
    at = simplified.find(text_s)
    if at < 0 or len(line) != len(simplified):
        return text_s
    return line[at : at + len(text_s)]
