"""Admin helpers: which sources may be added, how a source is shown."""

from __future__ import annotations

from pathlib import Path

from bot.handlers.admin import source_line, valid_location
from bot.sources import SourceState
from bot.store.records import SourceRow


def test_valid_locations(tmp_path: Path) -> None:
    assert valid_location("https://example.org/feed.xml")
    assert valid_location(str(tmp_path))
    for bad in ("ftp://example.org/x", "file:///etc/passwd", "http://", str(tmp_path / "none")):
        assert not valid_location(bad)


def test_source_line_escapes_and_shows_failures() -> None:
    row = SourceRow(
        id=3,
        location="https://a.example/?a=1&b=<2>",
        kind="url",
        state=SourceState(failures=2, last_error="HTTP 404"),
        documents=7,
    )
    line = source_line(row)
    assert "&amp;b=&lt;2&gt;" in line and "· 7" in line and "2: HTTP 404" in line
