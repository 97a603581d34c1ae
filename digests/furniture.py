"""Page furniture: the lines around an article that are not its news text.

Every test runs on the simplified form of a line, so one word list serves both scripts.
A line that merely mentions a furniture word (大家分享了工作经验。) stays content: the words
count only as whole tokens, between spaces, brackets or separators.
"""

from __future__ import annotations

import re

from digests.script import CJK, to_simplified
from digests.sentences import BULLETS

_CJK = CJK
_BULLETS = re.compile(rf"^[\s{BULLETS}·\-*>»]+")
MENU_HEADINGS = frozenset(
    [
        "为你推荐",
        "热点推荐",
        "即时新闻",
        "公益播报",
        "相关阅读",
        "相关新闻",
        "相关链接",
        "相关文章",
        "推荐阅读",
        "延伸阅读",
        "热门文章",
        "热点新闻",
        "热门新闻",
        "最新新闻",
        "最新文章",
        "猜你喜欢",
        "精彩推荐",
        "图片新闻",
        "专题推荐",
        "友情链接",
        "更多",
        "更多新闻",
        "上一篇",
        "下一篇",
        "网站导航",
        "扫一扫",
        "分享",
        "打印",
        "收藏",
        "点赞",
        "评论",
    ]
)
_LABELS = (
    "密码|字号|字体|分享到|分享|点赞|收藏|责任编辑|责编|编辑|关键词|关键字|标签|浏览量|浏览次数|"
    "浏览|阅读量|阅读数|阅读|点击数|点击量|点击|访问量|发布时间|发布日期|发布|更新时间|日期|时间|"
    "信息来源|文章来源|稿源|来源|作者|撰稿|摄影|供图|审核|审校|校对|通讯员|记者|打印"
)
_LABEL_WORDS = frozenset(_LABELS.split("|"))
# A label and its value (the next run of non-spaces), or a standalone page action.
_TOKENS = re.compile(
    rf"(?<![{_CJK}])(?:(?:{_LABELS})\s*[:：]\s*[^\s|｜【】\[\]]*"
    r"|打印(?:该页|本页|此页|本文|文章)?|关闭(?:窗口|本页)?|返回(?:到)?(?:页面)?顶部|返回页首|"
    r"加入收藏|收藏本页|我要纠错|纠错|分享(?:到)?|收藏|点赞|评论|大\s*中\s*小|上一篇|下一篇|"
    r"放大图片|查看原图|点击放大|"
    r"微信|微博|QQ空间|QQ|朋友圈|扫一扫)"
    rf"(?![{_CJK}])"
)
_DATES = re.compile(
    r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{1,2}:\d{2}(?::\d{2})?|\d+"
)
_SEPARATORS = re.compile(r"[\s|｜【】\[\]()（）/丨·•,，:：;；]+")
_BREADCRUMB_START = re.compile(r"^(?:当前位置|您的位置|你的位置|您现在的位置|所在位置)")
_CRUMB_SPLIT = re.compile(r"\s*[>＞»›→]\s*")
_IMAGE = re.compile(r"^[\w\-.()]+\.(?:jpe?g|png|gif|bmp|webp|tiff?)$", re.I)
_CAPTION = re.compile(rf"^(?:图为|图片来源|图片[:：]|图[:：])|^[{_CJK}·\s]{{2,12}}\s摄$")
# A photo's caption under a bullet or closed by its credit: `■某会就职典礼，宾主合影。本报
# 记者某某 摄`; prose that runs on past a credit is longer than a caption.
_CAPTION_LINE = re.compile(
    r"^[■▲●◆△□](?!.*。.+。).+(?:合影|留影|合照)|(?:记者|通讯员)\s*[^\s，,。]{2,4}\s*摄$"
    r"|[(（][^()（）]{0,20}(?:摄|摄影|供图)\s*[)）]$"  # `某某出席某会议。(记者某某摄)`
)
CAPTION_CHARS = 60
_FOOTER = re.compile(
    r"版权所有|copyright|©|ICP备|ICP证|公网安备|主办单位|承办单位|技术支持|网站地图|联系我们|"
    r"建议使用.{0,20}浏览器|分辨率",
    re.I,
)
# What a site says of every article it carries, never of the news: `…对文中陈述、观点判断保持
# 中立`, `本平台仅提供信息存储服务`, `不构成投资建议`.
_DISCLAIMER = re.compile(
    r"观点判断保持中立|仅提供信息存储服务|不构成(?:任何)?投资建议|不代表本(?:站|网|平台)"
    r"|(?:仅代表|系)作者(?:本人|个人)?观点|不对(?:所包含)?内容的(?:真实性|准确性)"
)
_SPAM_STRONG = re.compile(
    r"赌场|博彩|娱乐城|百家乐|六合彩|时时彩|老虎机|真人荷官|真人视讯|体育投注|代开发票|代开.{0,4}发票|"
    r"办证|裸聊|色情|成人视频|无码|约炮|外围|一夜情|网上赌|赌博网|现金网|彩金|首存|返水|人生就是博|"
    r"精品国产|人妻|毛片|爆乳|直播在线观看"
)
# A notice about the page, not the news: which browser shows it best (为达最佳浏览效果，建议使用
# …浏览器), a content rating's age gate (依网站分级规定作标示); written as sentences, so tested
# before the prose rule keeps them.
_NOTICE = re.compile(
    r"(?:最佳|建议使用|推荐使用).{0,80}浏览器|网站分级|内容分级"
    r"|(?:更新|升级)(?:您的)?浏览器|浏览器(?:版本)?(?:较旧|过旧|过低|太旧)"  # an old browser warned
    r"|(?:需|须|未)满\s*(?:18|十八)\s*岁.{0,8}(?:浏览|进入|观看)"
)
NOTICE_CHARS = 120  # a notice is one sentence or two
# Weak words are spam only beside a way to reach the advertiser: a count of 借款 is not.
_CONTACT = re.compile(
    r"https?://|www\.|\.com|\.net|加微信?|vx|加qq|qq\s*[:：]?\s*\d{5,}|(?<!\d)1\d{10}(?!\d)", re.I
)
_SPAM_WEAK = re.compile(
    r"彩票|加微信|加微|微信号|vx|加qq|贷款|网贷|借款|下款|开户|注册送|投注|棋牌|官网|网址|"
    r"信誉|优惠|存款|提现|秒到|http|www\.|\.com|\.net",
    re.I,
)
# Anti-crime wording: a government text that names gambling to fight it is not spam.
_CRACKDOWN = re.compile(r"打击|整治|治理|严厉|防范|专项|违法|犯罪|查处|取缔|警示|宣传")


def _bare(line: str) -> str:
    """The line in simplified characters without leading bullets or a trailing colon."""
    return bare(to_simplified(line))


def bare(simplified: str) -> str:
    """A simplified line without leading bullets or a trailing colon: what the tests read."""
    return _BULLETS.sub("", simplified).strip().rstrip(":：").strip()


def is_menu_heading(line: str) -> bool:
    """Whether the line is a site-menu heading: 为你推荐, 相关新闻, 熱點推薦 …"""
    return _bare(line) in MENU_HEADINGS


def is_spam(line: str) -> bool:
    """Whether the line's vocabulary is that of injected casino/porn/loan advertising."""
    return _is_spam(to_simplified(line))


def _is_spam(text: str) -> bool:
    """`is_spam` of a line already in simplified characters."""
    if _CRACKDOWN.search(text):
        return False
    strong, weak = len(_SPAM_STRONG.findall(text)), len(_SPAM_WEAK.findall(text))
    if strong:
        return strong + weak >= 2 or len(text) < 60
    return weak >= 2 and bool(_CONTACT.search(text))


def _is_metadata(text: str) -> bool:
    """Labels, dates and page actions, with at most a short name (宣传部) left over."""
    residue, found = _TOKENS.subn(" ", text)
    residue, dates = _DATES.subn(" ", residue)
    if not (found or dates):
        return False
    words = _SEPARATORS.sub("", residue)
    return len(words) <= 10 and "。" not in words


def _is_breadcrumb(text: str) -> bool:
    """首页 > 新闻 > 正文, or a line opening with 当前位置."""
    if _BREADCRUMB_START.match(text):
        return True
    parts = _CRUMB_SPLIT.split(text)
    return len(parts) >= 2 and all(0 < len(part) <= 12 for part in parts)


def _is_decoration(text: str) -> bool:
    """File names, captions, copyright footers, and lines without a letter or digit."""
    if _IMAGE.match(text) or _CAPTION.match(text):
        return True
    if len(text) <= CAPTION_CHARS and _CAPTION_LINE.search(text):
        return True
    if _FOOTER.search(text) and not _is_prose(text):
        return True
    return not any(c.isalnum() for c in text)


def _is_prose(text: str) -> bool:
    """Running prose: a sentence of some length, which no footer rule may remove for a word."""
    return len(text) > 40 and ("，" in text or "。" in text)


def _is_notice(text: str) -> bool:
    """A browser advice or age gate written as prose (cheap words first: prose is most lines)."""
    if len(text) > NOTICE_CHARS or not ("浏览" in text or "分级" in text or "岁" in text):
        return False
    return bool(_NOTICE.search(text))


def is_furniture(line: str) -> bool:
    """Whether a line is page furniture rather than news text."""
    return is_bare_furniture(_bare(line))


def is_bare_furniture(text: str) -> bool:
    """`is_furniture` of a line already made `bare`, so callers convert each line once."""
    if not text:
        return True
    if _is_notice(text) or _DISCLAIMER.search(text):
        return True  # (a site's or a platform's disclaimer, prose as it is)
    if _is_prose(text):  # no rule removes running prose for a word; only gambling or porn
        return bool(_SPAM_STRONG.search(text)) and _is_spam(text)
    if text in MENU_HEADINGS or text in _LABEL_WORDS or _is_spam(text):
        return True
    return _is_metadata(text) or _is_breadcrumb(text) or _is_decoration(text)


__all__ = [
    "MENU_HEADINGS",
    "bare",
    "is_bare_furniture",
    "is_furniture",
    "is_menu_heading",
    "is_spam",
]
