"""Feeds: each new entry's page is fetched through the same guarded GET."""

from __future__ import annotations

import feedparser
import httpx
import pytest

from bot.sources import SourceState, fetch_source
from bot.sources.feeds import InvalidFeed, entry_links, is_feed
from bot.sources.fetch import Fetcher
from tests.bot.sources.conftest import NOW, Web, make_fetcher, never_seen

FEED = "https://feeds.example.cn/zx/rss.xml"
BASE = "https://news.example.cn/zx/"

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>政协要闻</title><link>{BASE}</link>
<item><title>市政协召开主席会议</title><link>{BASE}1.html</link></item>
<item><title>区委统战部召开工作推进会</title><link>{BASE}2.html</link></item>
<item><title>民主党派座谈会召开</title><link>{BASE}3.html</link></item>
</channel></rss>""".encode()

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>統戰動態</title>
<id>urn:example:atom</id><updated>2024-03-01T08:00:00Z</updated>
<entry><title>黨外人士座談會召開</title><id>urn:e:1</id><updated>2024-03-01T08:00:00Z</updated>
<link rel="alternate" href="/tz/a.html"/></entry>
<entry><title>專題學習會舉行</title><id>urn:e:2</id><updated>2024-03-01T08:00:00Z</updated>
<link rel="alternate" href="https://news.example.cn/tz/b.html"/></entry>
</feed>""".encode()


def article(n: int) -> bytes:
    return f"<html><body><p>第{n}篇:会议强调,要深入学习贯彻会议精神。</p></body></html>".encode()


def serve_rss(web: Web, content_type: str = "application/rss+xml") -> None:
    web.page(FEED, RSS, content_type)
    for n in (1, 2, 3):
        web.page(f"{BASE}{n}.html", article(n))


async def fetch(
    fetcher: Fetcher, seen=never_seen, state: SourceState | None = None, url: str = FEED
):
    return await fetch_source(url, state or SourceState(), fetcher=fetcher, now=NOW, seen=seen)


async def test_an_rss_feed_gives_one_page_per_entry(web: Web, fetcher: Fetcher) -> None:
    serve_rss(web)
    result = await fetch(fetcher)
    assert [(p.location, p.data) for p in result.pages] == [
        (f"{BASE}{n}.html", article(n)) for n in (1, 2, 3)
    ]
    assert result.problems == () and result.state.failures == 0


async def test_an_atom_feed_with_relative_links(web: Web, fetcher: Fetcher) -> None:
    web.page(FEED, ATOM, "application/atom+xml")
    web.page("https://feeds.example.cn/tz/a.html", article(1))
    web.page("https://news.example.cn/tz/b.html", article(2))
    result = await fetch(fetcher)
    assert [p.location for p in result.pages] == [
        "https://feeds.example.cn/tz/a.html",
        "https://news.example.cn/tz/b.html",
    ]


async def test_an_empty_feed_is_a_success_without_pages(web: Web, fetcher: Fetcher) -> None:
    web.page(
        FEED, b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
    )
    result = await fetch(fetcher)
    assert result.pages == () and result.problems == () and result.state.failures == 0


async def test_a_feed_served_as_html_is_sniffed(web: Web, fetcher: Fetcher) -> None:
    serve_rss(web, content_type="text/html")
    assert len((await fetch(fetcher)).pages) == 3


async def test_seen_entries_are_not_fetched(web: Web, fetcher: Fetcher) -> None:
    serve_rss(web)
    result = await fetch(
        fetcher, seen=lambda urls: {u for u in urls if u.endswith(("1.html", "3.html"))}
    )
    assert [p.location for p in result.pages] == [f"{BASE}2.html"]
    assert web.urls() == [FEED, f"{BASE}2.html"]


async def test_entries_per_scan_are_capped(web: Web) -> None:
    serve_rss(web)
    async with make_fetcher(web, max_entries=2) as fetcher:
        result = await fetch(fetcher)
    assert [p.location for p in result.pages] == [f"{BASE}1.html", f"{BASE}2.html"]


async def test_a_failing_entry_is_a_problem_of_its_own(web: Web, fetcher: Fetcher) -> None:
    web.add(FEED, lambda _: httpx.Response(200, content=RSS, headers={"ETag": '"f1"'}))
    web.page(f"{BASE}1.html", article(1))
    web.add(f"{BASE}2.html", lambda _: httpx.Response(500))
    web.add(
        f"{BASE}3.html", lambda _: httpx.Response(302, headers={"Location": "http://10.0.0.5/"})
    )
    result = await fetch(fetcher)
    assert [p.location for p in result.pages] == [f"{BASE}1.html"]
    assert [(p.location, p.reason) for p in result.problems] == [
        (f"{BASE}2.html", "HTTP 500"),
        (f"{BASE}3.html", "private address 10.0.0.5"),
    ]
    # The feed itself worked, but its ETag is dropped so the failed entries are retried.
    assert result.state.failures == 0 and result.state.etag is None


async def test_entry_links_that_are_not_http_are_dropped() -> None:
    rss = RSS.replace(f"{BASE}2.html".encode(), b"ftp://news.example.cn/2.txt").replace(
        f"{BASE}3.html".encode(), b"javascript:alert(1)"
    )
    assert entry_links(rss, FEED) == [f"{BASE}1.html"]


BROKEN = '<?xml version="1.0"?><rss version="2.0"><channel><title>政协</channel>'.encode()
SITEMAP = b'<?xml version="1.0"?><urlset><url><loc>https://news.example.cn/</loc></url></urlset>'


@pytest.mark.parametrize("body", [BROKEN, "不是XML".encode()])  # a sitemap is read as one
async def test_an_invalid_feed_is_a_problem_with_backoff(
    web: Web, fetcher: Fetcher, body: bytes
) -> None:
    web.page(FEED, body, "application/xml")
    result = await fetch(fetcher)
    assert [p.reason for p in result.problems] == ["invalid feed"]
    assert result.state.failures == 1


def test_feedparser_never_fetches_by_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fetching(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("feedparser tried to fetch")

    monkeypatch.setattr(feedparser.api.http, "get", no_fetching)
    with pytest.raises(InvalidFeed):
        entry_links(b"http://127.0.0.1/feed.xml", FEED)


@pytest.mark.parametrize(
    ("content_type", "body", "expected"),
    [
        ("application/rss+xml", b"", True),
        ("application/atom+xml; charset=utf-8", b"", True),
        ("text/xml", b"", True),
        ("text/html", b"\xef\xbb\xbf<?xml version='1.0'?>\n<rdf:RDF xmlns:rdf='x'>", True),
        ("", b"<feed xmlns='http://www.w3.org/2005/Atom'>", True),
        ("text/html", "<html><body>会议</body></html>".encode(), False),
        ("text/html", b"<html>" + b" " * 2000 + b"<feed>", False),
    ],
)
def test_is_feed(content_type: str, body: bytes, expected: bool) -> None:
    assert is_feed(content_type, body) is expected


async def test_a_gbk_feed_named_only_by_the_http_charset(web: Web, fetcher: Fetcher) -> None:
    link = "https://news.example.cn/政协/常委会.html"  # decoded wrongly, this link would change
    body = (
        '<rss version="2.0"><channel><title>政协要闻</title><item><title>常委会议召开</title>'
        f"<link>{link}</link></item></channel></rss>"
    )
    web.page(FEED, body.encode("gbk"), "text/xml; charset=GBK")
    web.page(str(httpx.URL(link)), article(1))
    assert [p.location for p in (await fetch(fetcher)).pages] == [link]
