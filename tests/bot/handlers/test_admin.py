"""Admin helpers: which sources may be added, how a source is shown."""

from __future__ import annotations

from pathlib import Path

from bot.handlers.admin import source_line, valid_location
from bot.sources import SourceState
from bot.store.records import SourceRow


def test_valid_locations(tmp_path: Path) -> None:
    assert valid_location("https://example.org/feed.xml")
    assert valid_location(str(tmp_path))
    assert valid_location(str(tmp_path / "none"))  # a path: bot.sources.admit says if it may be
    for bad in ("ftp://example.org/x", "file:///etc/passwd", "http://", "http://[::1/x"):
        assert not valid_location(bad)


def test_source_line_escapes_and_shows_failures() -> None:
    row = SourceRow(
        id=3,
        location="https://a.example/?a=1&b=<2>",
        kind="url",
        state=SourceState(failures=2, last_error="HTTP 404"),
        documents=7,
    )
    line = source_line(row, "zh", "Asia/Shanghai")
    assert "&amp;b=&lt;2&gt;" in line and "网址（待抓取） · 7 篇 · 尚未抓取" in line
    assert "连续失败 2 次：服务器返回 HTTP 404" in line
    english = source_line(row, "en", "Asia/Shanghai")
    assert (
        "7 articles · not fetched yet" in english
        and "2 failure(s) in a row: the server answered HTTP 404" in english
    )


def test_source_line_names_the_kind_and_the_last_success() -> None:
    from datetime import UTC, datetime

    at = datetime(2024, 3, 1, 0, 30, tzinfo=UTC)
    state = SourceState(shape="listing", last_success_at=at)
    row = SourceRow(id=1, location="https://a.example/xwzx/", kind="url", state=state, documents=15)
    assert "栏目页 · 15 篇 · 最近成功 03-01 08:30" in source_line(row, "zh", "Asia/Shanghai")
