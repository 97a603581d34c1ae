"""A fetched HTML page is a listing, an article or neither: measured, not looked up.

Links inside navigation, header, footer and pagination markup are set aside first. The rest
are grouped by where they sit (the tag-and-class path of their parent): a listing is a page
whose strongest group holds many same-site links with headline-shaped anchor text, pointing
at article-shaped addresses (a date or an id in the path, `t20240315_5123456.html`,
`content_71234.html`, `detail.aspx?id=40213`), often with a date beside each, and little
running prose outside that group. An article is a page with running prose. A sidebar of
`热点推荐` loses to the main list because its links are fewer, seldom dated and spread over
other sections; an article's related-links box loses to the article's prose.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar
from urllib.parse import urldefrag, urljoin, urlsplit

import lxml.html
from lxml import etree

from bot.sources.sameness import same_site
from digests import dates
from digests.html import elements
from digests.script import count_cjk

Kind = Literal["listing", "article", "other"]
T = TypeVar("T")

LISTING_LINKS = 5  # headline links a list needs before the page can be a listing
ARTICLE_PROSE = 200  # ideographs of running prose that make a page an article
SHORT_PROSE = 60  # a short notice is still an article when no list dominates the page
# A list item holds a link, a date, an icon or two; an "item" of more children is the
# container of a whole list, whose text is not read once per link (that was quadratic:
# 2,500 links in one <div> took 23 s).
ITEM_CHILDREN = 20
# Pages of more elements are not measured (the walk costs about 10 µs an element times the
# depth): they are taken for articles, and the pipeline's own bounds decide what is read.
SHAPE_ELEMENTS = 50_000
_FURNITURE_TAGS = frozenset({"nav", "header", "footer", "aside"})
_FURNITURE = re.compile(  # a whole class or id, optionally with one prefix or suffix word
    r"^(?:[a-z]+[-_])?(?:nav|navs|navbar|navigation|menu|menus|footer|foot|breadcrumbs?|crumbs?|"
    r"bread|pagination|pager|paging|pagebar|pagenav|page-nav|copyright|friendlinks?|flinks?|"
    r"toolbar|topbar|skiplinks?|skip-links?)(?:[-_][a-z0-9]+)?$|^(?:bottom|location|position|"
    r"curpos|page|pages|share|login)$",
    re.I,
)
_BLOCKS = frozenset(
    {"p", "div", "td", "li", "dd", "section", "article", "blockquote", "body", "center", "tr"}
)
_DROP = ("script", "style", "noscript", "template", "select", "option", "button")
_NAV_WORDS = re.compile(
    r"^(?:首页|更多|更多>+|more|下一页|上一页|尾页|末页|返回|登录|注册|网站地图|联系我们|关于我们"
    r"|english|无障碍|长者模式|繁体|简体|打印|关闭)$",
    re.I,
)
_NEXT = re.compile(r"^(?:下一[页頁]|下[页頁]|[后後][页頁]|next|next page|›|»|>|>>)$", re.I)
_ID_IN_PATH = re.compile(
    r"(?:^|[/_\-.])(?:t\d{8}_\d+|content_\d+|art_\d+_\d+|[a-z]*\d{4,}[a-z\d_\-]*)\.(?:s?html?|aspx?|jsp|php)$"
    r"|/\d{4,}(?:/|$)|[?&](?:id|aid|artid|articleid|newsid|infoid|contentid|docid|itemid)=\w*\d",
    re.I,
)
_SECTION_URL = re.compile(r"(?:^|/)(?:index|list|default)(?:_\d+)?\.s?html?$|/$", re.I)
_PAGE_SCRIPT = re.compile(
    r"createPageHTML\(\s*['\"]?(\d+)['\"]?\s*,\s*['\"]?(\d+)['\"]?\s*,\s*['\"]([\w\-]+)['\"]"
    r"\s*,\s*['\"](\w+)['\"]"
)
_PROSE_MARK = re.compile(r"[。，！？；]")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Shape:
    """What a page is, the article links of a listing, and its next page."""

    kind: Kind
    links: tuple[str, ...] = ()  # article links of the listing's main list, in page order
    next_page: str | None = None
    group: str | None = None  # where the main list sits: pass it back for the next pages
    prose: int = 0  # ideographs of running prose outside the main list


@dataclass(slots=True)
class _Link:
    url: str
    text: str
    item: etree._Element  # the list item holding the link (the link itself at worst)
    score: float = 0.0


@dataclass(slots=True)
class _Group:
    links: list[_Link] = field(default_factory=list)

    @property
    def score(self) -> float:
        return sum(link.score for link in self.links)


def han(text: str) -> int:
    return count_cjk(text)


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def is_headline(text: str) -> bool:
    """Anchor text that reads as an article's headline, not a menu item or a page number."""
    text = text.strip(" >»·•|")
    if _NAV_WORDS.match(text) or len(text) > 90:
        return False
    if han(text) >= 5:
        return True
    return han(text) == 0 and len(text.split()) >= 4  # an English headline


def is_article_url(url: str) -> bool:
    """An address that names one article: a date or an id in it, not a section's index."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    if _SECTION_URL.search(parts.path) and not parts.query:
        return False
    found = dates.from_address(url)
    return bool(_ID_IN_PATH.search(path)) or (found is not None and found[1] is not None)


def _is_furniture(element: etree._Element) -> bool:
    if element.tag in _FURNITURE_TAGS or element.get("role") in ("navigation", "contentinfo"):
        return True
    names = f"{element.get('class', '')} {element.get('id', '')}"
    return any(_FURNITURE.match(token) for token in names.split())


def _step(node: etree._Element) -> str:
    classes = ".".join(sorted((node.get("class") or "").split()))
    return f"{node.tag}.{classes}" if classes else str(node.tag)


def _along(node: etree._Element, memo: dict[etree._Element, T], first: T, step: Any) -> T:
    """`step(value of the parent, node)` folded from the root down to `node`, each element
    computed once for the whole page (the memo keeps the lxml proxies alive, so identity
    holds): thousands of links 250 elements deep must not each walk their ancestors."""
    chain: list[etree._Element] = []
    cursor: etree._Element | None = node
    while cursor is not None and cursor not in memo:
        chain.append(cursor)
        cursor = cursor.getparent()
    value = memo[cursor] if cursor is not None else first
    for element in reversed(chain):
        value = memo[element] = step(value, element)
    return value


def _signature(element: etree._Element, memo: dict[etree._Element, str]) -> str:
    """The tag-and-class path from the root to `element`: items of one list share it."""
    return _along(element, memo, "", lambda path, node: f"{path}/{_step(node)}".lstrip("/"))


def _item(link: etree._Element) -> etree._Element:
    """The list item around a link: the nearest li/tr/dd/p, else the link's parent."""
    for node in link.iterancestors():
        if node.tag in ("li", "tr", "dd", "dt", "p"):
            return node
        if node.tag in ("ul", "ol", "table", "div", "body"):
            break
    parent = link.getparent()
    return parent if parent is not None else link


def _tree(markup: str) -> etree._Element | None:
    try:
        return lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return None


def _scripts(tree: etree._Element) -> str:
    return "\n".join(s.text or "" for s in tree.iter("script"))


def _base(tree: etree._Element, url: str) -> str:
    found = tree.xpath("//base/@href")
    return urljoin(url, str(found[0]).strip()) if found else url


def _anchors(tree: etree._Element, base: str) -> Iterator[tuple[etree._Element, str, bool]]:
    """(anchor, absolute http(s) URL without fragment, inside furniture) for every link."""
    # A set of the elements themselves: lxml keeps one proxy per element while it is
    # referenced, so membership is exact (an id() of a short-lived proxy is not).
    furniture = {e for e in tree.iter() if isinstance(e.tag, str) and _is_furniture(e)}
    memo: dict[etree._Element, bool] = {}
    for anchor in tree.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.lower().startswith(("javascript:", "mailto:", "tel:", "#")):
            continue
        url = urldefrag(urljoin(base, href))[0]
        if urlsplit(url).scheme not in ("http", "https"):
            continue
        inside = _along(anchor, memo, False, lambda up, node: up or node in furniture)
        yield anchor, url, inside


def _rest(item: etree._Element, anchor: etree._Element, text: str) -> str:
    """The item's text besides the headline (where a list prints the date); for a container
    of many children, the text right after the link."""
    if len(item) > ITEM_CHILDREN:
        return _clean(anchor.tail or "")
    return _clean(item.text_content()).replace(text, "", 1)


def _score(url: str, text: str, item: etree._Element, anchor: etree._Element, page: str) -> float:
    """How much one link looks like an entry of the page's article list (0 = not at all)."""
    parts = urlsplit(url)
    if not is_headline(text) or (_SECTION_URL.search(parts.path) and not parts.query):
        return 0.0
    score = 1.0 + (1.0 if is_article_url(url) else 0.0)
    rest = _rest(item, anchor, text)
    if next(dates.full_dates(rest), None) is not None or re.search(r"\d{1,2}-\d{1,2}", rest):
        score += 1.0  # a date beside the headline: the mark of a news list
    folder = urlsplit(page).path.rsplit("/", 1)[0]
    if folder and parts.path.startswith(folder + "/"):
        score += 0.5  # below the listing's own folder, not another section's
    return score


def _groups(tree: etree._Element, url: str) -> tuple[dict[str, _Group], list[tuple[str, str]]]:
    """Candidate links grouped by where they sit, and (text, URL) of every link."""
    groups: dict[str, _Group] = defaultdict(_Group)
    every: list[tuple[str, str]] = []
    base = _base(tree, url)
    paths: dict[etree._Element, str] = {}
    for anchor, href, inside in _anchors(tree, base):
        text = _clean(anchor.text_content()) or _clean(anchor.get("title", ""))
        every.append((text, href))
        if inside or href == url or not same_site(href, url):
            continue
        item = _item(anchor)
        score = _score(href, text, item, anchor, url)
        if score > 0:
            parent = anchor.getparent()
            groups[_signature(parent if parent is not None else anchor, paths)].links.append(
                _Link(href, text, item, score)
            )
    return groups, every


def _prose(tree: etree._Element, skip: set[etree._Element]) -> int:
    """Ideographs of running prose outside links, furniture and the main list's items."""
    blocks: dict[etree._Element, list[str]] = defaultdict(list)

    def walk(node: etree._Element, block: etree._Element, excluded: bool) -> None:
        if not isinstance(node.tag, str):
            return
        excluded = excluded or node.tag == "a" or node in skip or _is_furniture(node)
        own = node if node.tag in _BLOCKS else block
        if not excluded and node.text:
            blocks[own].append(node.text)
        for child in node:
            walk(child, own, excluded)
            if child.tail and not excluded:
                blocks[own].append(child.tail)

    walk(tree, tree, False)
    texts = ("".join(parts) for parts in blocks.values())
    return sum(han(t) for t in texts if han(t) >= 20 and _PROSE_MARK.search(t))


def _next_page(every: list[tuple[str, str]], tree: etree._Element, url: str) -> str | None:
    """The listing's next page: a `下一页` link, else TRS's createPageHTML() script."""
    for text, href in every:
        if _NEXT.match(text.strip()) and href != url and same_site(href, url):
            return href
    match = _PAGE_SCRIPT.search(_scripts(tree))
    if match is None:
        return None
    count, current, prefix, suffix = int(match[1]), int(match[2]), match[3], match[4]
    if current + 1 >= count:
        return None
    return urljoin(url, f"{prefix}_{current + 1}.{suffix}")


def measure(markup: str, url: str, *, prefer: str | None = None) -> Shape:
    """The page's shape; `prefer` is the list signature found on the listing's first page.

    A page of more than SHAPE_ELEMENTS elements is an article, unmeasured."""
    if elements(markup) > SHAPE_ELEMENTS:
        return Shape("article")
    tree = _tree(markup)
    if tree is None:
        return Shape("other")
    next_page = _next_page([], tree, url)  # the script, before scripts are dropped
    for element in list(tree.iter(*_DROP)):
        element.drop_tree()
    groups, every = _groups(tree, url)
    next_page = _next_page(every, tree, url) or next_page
    key = prefer if prefer in groups else max(groups, key=lambda k: groups[k].score, default=None)
    main = groups[key] if key is not None else _Group()
    strong = [link for link in main.links if link.score >= 2]
    prose = _prose(tree, {link.item for link in main.links})
    links = tuple(dict.fromkeys(link.url for link in main.links))
    if len(strong) >= LISTING_LINKS and prose < ARTICLE_PROSE:
        return Shape("listing", links, next_page, key, prose)
    if prefer is not None and key == prefer and links:  # a later page of a known listing
        return Shape("listing", links, next_page, key, prose)
    if prose >= SHORT_PROSE:
        return Shape("article", prose=prose)
    return Shape("other", prose=prose)


__all__ = ["Kind", "Shape", "is_article_url", "is_headline", "measure"]
