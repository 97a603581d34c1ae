"""Three fixture sites as a government site's CMS would publish them: a home page, a news
section whose listing runs over several pages, a sidebar of hot stories from another
section, a footer with info pages, and the articles. `Site.update()` publishes more."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from tests.sites.content import Article, article, converter

PER_PAGE = 5
FIRST = 16  # articles published at the start: four listing pages (5, 5, 5, 1)


@dataclass(frozen=True, slots=True)
class Style:
    """What differs between the sites: script, charset, URL shapes, pagination, furniture."""

    name: str
    script: str  # "simplified" | "traditional"
    charset: str  # what the server sends (and the pages declare)
    first_number: int  # article numbers of this site start here (content.article)
    sitemap: bool = False
    declare_meta: bool = True  # a <meta charset> in every page


SIMPLIFIED = Style("dongwan", "simplified", "utf-8", 0)
GBK = Style("nanping", "simplified", "gbk", 18, sitemap=True, declare_meta=False)
TRADITIONAL = Style("beian", "traditional", "utf-8", 36)
STYLES = (SIMPLIFIED, GBK, TRADITIONAL)


@dataclass
class Site:
    """One site's pages, rebuilt whenever it publishes."""

    style: Style
    base: str = ""  # "http://127.0.0.1:PORT", set by the server
    published: list[Article] = field(default_factory=list)
    broken_listing: bool = False  # the listing answers with an error page (still 200)
    extra: dict[str, tuple[str, str]] = field(default_factory=dict)  # more files (a feed)
    first: int = FIRST  # articles published at the start
    per_page: int = PER_PAGE
    _cache: tuple[object, dict[str, tuple[str, str]]] | None = None

    def __post_init__(self) -> None:
        self.published = [self._article(i) for i in range(self.first)]

    def _article(self, i: int) -> Article:
        return article(self.style.first_number + i, script=self.style.script)

    def update(self, count: int = 2) -> list[Article]:
        """Publish `count` new articles (newest first on the listing)."""
        new = [self._article(len(self.published) + i) for i in range(count)]
        self.published += new
        return new

    # addresses ---------------------------------------------------------------------------
    def listing_path(self, page: int = 0) -> str:
        if self.style is TRADITIONAL:
            return "/News.aspx?n=7" + (f"&page={page + 1}" if page else "")
        return "/xwzx/index.html" if page == 0 else f"/xwzx/index_{page}.html"

    def article_path(self, a: Article) -> str:
        y, m, d = a.date.split("-")
        if self.style is TRADITIONAL:
            return f"/News_Content.aspx?n=7&s={1000 + a.number}"
        if self.style is GBK:
            return f"/art/{y}/{int(m)}/{int(d)}/art_1229_{1000 + a.number}.html"
        return f"/xwzx/{y}{m}/t{y}{m}{d}_{1000 + a.number}.html"

    def url(self, path: str) -> str:
        return self.base + path

    @property
    def listing_url(self) -> str:
        return self.url(self.listing_path())

    def newest(self) -> list[Article]:
        return list(reversed(self.published))

    def hot(self) -> list[Article]:
        """The sidebar's stories: another section's, never in the news listing."""
        return [article(54 + i, script=self.style.script) for i in range(3)]

    def hot_path(self, a: Article) -> str:
        return f"/tzgg/2024/hot_{1000 + a.number}.html"

    # pages -------------------------------------------------------------------------------
    def files(self) -> dict[str, tuple[str, str]]:
        """path → (HTML or text, content type) of every page the site has now."""
        key = (self.base, len(self.published), self.broken_listing, len(self.extra))
        if self._cache is None or self._cache[0] != key:
            self._cache = (key, self._files())
        return self._cache[1]

    def _files(self) -> dict[str, tuple[str, str]]:
        files: dict[str, tuple[str, str]] = {
            "/": (self.home(), "text/html"),
            "/index.html": (self.home(), "text/html"),
            "/about/contact.html": (
                self.info("联系我们", "地址：北岸市人民路1号，邮编：100000。"),
                "text/html",
            ),
            "/about/copyright.html": (
                self.info("版权声明", "本网站所载内容版权所有，转载请注明出处。"),
                "text/html",
            ),
            "/robots.txt": (self.robots(), "text/plain"),
        }
        size = self.per_page
        pages = [self.newest()[i : i + size] for i in range(0, len(self.published), size)]
        for number, items in enumerate(pages):
            html = (
                self.error_page()
                if self.broken_listing
                else self.listing(items, number, len(pages))
            )
            files[self.listing_path(number)] = (html, "text/html")
        for a in self.published:
            files[self.article_path(a)] = (self.article(a), "text/html")
        for a in self.hot():
            files[self.hot_path(a)] = (self.article(a), "text/html")
        files["/xwzx/internal/t20240101_9999.html"] = (self.article(self.hot()[0]), "text/html")
        files.update(self.extra)
        if self.style.sitemap:
            files["/sitemap.xml"] = (self.sitemap_index(), "application/xml")
            files["/sitemap_news.xml"] = (self.sitemap_news(), "application/xml")
        return files

    def _t(self, text: str) -> str:
        return converter("s2t").convert(text) if self.style.script == "traditional" else text

    def _head(self, title: str) -> str:
        meta = f'<meta charset="{self.style.charset}">' if self.style.declare_meta else ""
        return f"<!DOCTYPE html><html><head>{meta}<title>{escape(title)}</title></head><body>"

    def _masthead(self) -> str:
        accessibility = ""
        if self.style is TRADITIONAL:
            accessibility = (
                '<a href="#C" class="skip" title="跳到主要內容區塊">跳到主要內容區塊</a>'
                '<a accesskey="U" href="#U" title="上方選單連結區">:::</a>'
                '<div class="access"><a href="/about/copyright.html">無障礙</a> 字級：'
                '<a href="#">小</a><a href="#">中</a><a href="#">大</a> '
                '<a href="/en/">English</a></div>'
            )
        nav = "".join(
            f'<li><a href="{href}">{self._t(text)}</a></li>'
            for href, text in (
                ("/index.html", "首页"),
                (self.listing_path(), "新闻中心"),
                ("/tzgg/index.html", "通知公告"),
                ("/about/contact.html", "联系我们"),
            )
        )
        masthead = f'<div class="top"><h2>{self._t(self.style.name + "政务网")}</h2></div>'
        return f'{accessibility}{masthead}<ul class="nav">{nav}</ul>'

    def _crumb(self) -> str:
        return (
            f'<div class="crumb"><a href="/">{self._t("首页")}</a> &gt; {self._t("新闻中心")}</div>'
        )

    def _sidebar(self) -> str:
        items = "".join(
            f'<li><a href="{self.hot_path(a)}">{escape(a.title)}</a></li>' for a in self.hot()
        )
        return f'<div class="side"><h3>{self._t("热点推荐")}</h3><ul>{items}</ul></div>'

    def _footer(self) -> str:
        return (
            '<div class="footer"><a href="/about/contact.html">'
            + self._t("联系我们")
            + '</a> | <a href="/about/copyright.html">'
            + self._t("网站声明")
            + "</a><p>"
            + self._t("版权所有：北岸市人民政府办公室 ICP备案号：京ICP备12345678号")
            + "</p></div></body></html>"
        )

    def home(self) -> str:
        items = "".join(
            f'<li><a href="{self.article_path(a)}">{escape(a.title)}</a></li>'
            for a in self.newest()[:5]
        )
        return (
            self._head(self._t("首页"))
            + self._masthead()
            + f'<div class="news"><h3>{self._t("要闻")}</h3><ul>{items}</ul></div>'
            + self._sidebar()
            + self._footer()
        )

    def listing(self, items: list[Article], page: int, pages: int) -> str:
        rows = "".join(
            f'<li><a href="{self.article_path(a)}" target="_blank">{escape(a.title)}</a>'
            f"<span>{a.date}</span></li>"
            for a in items
        )
        if page == 0 and self.style is SIMPLIFIED:  # robots.txt keeps this one out
            rows += (
                '<li><a href="/xwzx/internal/t20240101_9999.html">'
                "内部通知：关于召开内部工作会议的通知</a><span>2024-01-01</span></li>"
            )
        return (
            self._head(self._t("工作动态"))
            + self._masthead()
            + self._crumb()
            + f'<div class="main"><div class="list"><ul>{rows}</ul></div>'
            + f"{self._pager(page, pages)}</div>"
            + self._sidebar()
            + self._footer()
        )

    def _pager(self, page: int, pages: int) -> str:
        if self.style is GBK:  # TRS writes its pager with a script
            script = f'createPageHTML({pages}, {page}, "index", "html");'
            return f'<div class="page"><script>{script}</script></div>'
        links = "".join(
            f'<a href="{escape(self.listing_path(n))}">{n + 1}</a>' for n in range(pages)
        )
        if page + 1 < pages:
            links += f'<a href="{escape(self.listing_path(page + 1))}">{self._t("下一页")}</a>'
        return f'<div class="pagination">{links}</div>'

    def article(self, a: Article) -> str:
        body = "".join(f"<p>{escape(p)}</p>" for p in a.paragraphs)
        related = "".join(
            f'<li><a href="{self.article_path(b)}">{escape(b.title)}</a></li>'
            for b in self.published[:3]
            if b.number != a.number
        )
        return (
            self._head(f"{a.title}_{self._t(self.style.name + '政务网')}")
            + self._masthead()
            + self._crumb()
            + f'<div class="article"><h1>{escape(a.title)}</h1>'
            + f'<div class="info">{self._t("发布时间")}：{a.date} '
            + f"{self._t('来源')}：{self._t(self.style.name + '融媒体中心')}</div>"
            + f'<div class="content">{body}</div>'
            + f'<div class="share">{self._t("【打印】【关闭】")}</div>'
            + f'<div class="related"><h3>{self._t("相关阅读")}</h3><ul>{related}</ul></div></div>'
            + self._sidebar()
            + self._footer()
        )

    def info(self, title: str, text: str) -> str:
        return (
            self._head(self._t(title))
            + self._masthead()
            + f"<div><h1>{self._t(title)}</h1><p>{self._t(text)}</p></div>"
            + self._footer()
        )

    def error_page(self) -> str:
        return (
            self._head(self._t("系统维护"))
            + f"<div><p>{self._t('系统维护中，请稍后访问。')}</p></div></body></html>"
        )

    def robots(self) -> str:
        lines = ["User-agent: *", "Disallow: /xwzx/internal/"]
        if self.style.sitemap:
            lines.append(f"Sitemap: {self.base}/sitemap.xml")
        return "\n".join(lines) + "\n"

    def sitemap_index(self) -> str:
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{self.base}/sitemap_news.xml</loc></sitemap></sitemapindex>"
        )

    def sitemap_news(self) -> str:
        urls = "".join(
            f"<url><loc>{escape(self.url(self.article_path(a)))}</loc><lastmod>{a.date}</lastmod></url>"
            for a in self.published
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}'
            f"<url><loc>{self.base}/about/contact.html</loc></url></urlset>"
        )
