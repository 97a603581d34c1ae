"""A hostile source folder: odd names, links out, hidden files, an unreadable folder.

Every good file is stored; each bad one is reported and skipped, never the scan's end.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.ingest import ScanSummary, scan, scan_locations
from bot.sources import FetchConfig, Fetcher
from bot.store import Store, open_store
from tests.bot.store import texts

SECRET = "TELEGRAM_BOT_TOKEN=123456:secret-token-of-the-bot"
GOOD = {"a.txt": texts.FLOOD, "c.txt": texts.SCHOOL, "z.md": texts.FARM}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'db' / 'bot.db'}")
    yield opened
    opened.close()


async def run_scan(store: Store, *locations: str) -> ScanSummary:
    config = FetchConfig(allow_private=True, host_interval=0, obey_robots=False)
    async with Fetcher(config) as fetcher:
        return await scan(store, locations, fetcher=fetcher)


def stored_names(store: Store) -> list[str]:
    return sorted(Path(d.document.path).name for d in store.new_documents_since(0))


def hostile_folder(tmp_path: Path) -> Path:
    """Good files around a non-UTF-8 name, links out of the folder and to a hidden file."""
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    # `bad\xff.txt` sorts between a.txt and c.txt: the files after it must still be stored
    with open(os.fsencode(folder) + b"/bad\xff.txt", "wb") as handle:
        handle.write(texts.LIFE_MEETING.encode())
    outside = tmp_path / "passwd"
    outside.write_text(f"区人大常委会召开会议。{SECRET}\n", encoding="utf-8")
    (folder / "p.txt").symlink_to(outside)
    (folder / ".env").write_text(SECRET, encoding="utf-8")
    (folder / "settings.txt").symlink_to(folder / ".env")
    (folder / ".hidden.txt").write_text(texts.LIFE_MEETING, encoding="utf-8")
    return folder


async def test_a_hostile_folder_stores_every_good_file(
    store: Store, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = hostile_folder(tmp_path)
    with caplog.at_level(logging.WARNING):
        summary = await run_scan(store, str(folder))
    assert stored_names(store) == ["a.txt", "c.txt", "z.md"]
    assert (summary.new, summary.failed) == (3, 3)  # bad\xff.txt, p.txt, settings.txt
    assert f"{folder}/bad\\xff.txt: file name is not valid UTF-8" in caplog.text
    assert f"{folder / 'p.txt'}: link to a file outside the folder" in caplog.text
    assert f"{folder / 'settings.txt'}: link to a hidden file" in caplog.text
    assert not store.search("secret").hits and not store.search("TELEGRAM").hits
    again = await run_scan(store, str(folder))  # and on every later scan, the same
    assert (again.unchanged, again.failed) == (3, 3)


async def test_a_link_inside_the_folder_is_read(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    (folder / "2024").mkdir(parents=True)
    (folder / "2024" / "flood.txt").write_text(texts.FLOOD, encoding="utf-8")
    (folder / "latest.txt").symlink_to(folder / "2024" / "flood.txt")
    summary = await run_scan(store, str(folder))
    assert (summary.new, summary.duplicates, summary.failed) == (1, 1, 0)  # read, a repost


async def test_an_error_storing_one_page_is_that_page_s_problem(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    real = store.document_id_for

    def fragile(location: str) -> tuple[int, str] | None:
        if location.endswith("a.txt"):  # what a name the database refuses did before
            raise UnicodeEncodeError("utf-8", location, 0, 1, "surrogates not allowed")
        return real(location)

    monkeypatch.setattr(store, "document_id_for", fragile)
    with caplog.at_level(logging.ERROR):
        summary = await run_scan(store, str(folder))
    assert (summary.new, summary.failed) == (2, 1)
    assert stored_names(store) == ["c.txt", "z.md"]
    assert "a.txt: could not be stored" in caplog.text


def _refuse_listing(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Make `folder` unlistable: mode 000, or, for root (who reads mode 000 all the same),
    os.scandir raising the PermissionError a non-root user gets."""
    folder.chmod(0)
    if os.access(folder, os.R_OK):  # running as root
        real = os.scandir

        def scandir(path=".", *args, **kwargs):  # type: ignore[no-untyped-def]
            if Path(os.fsdecode(path)) == folder:
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real(path, *args, **kwargs)

        monkeypatch.setattr(os, "scandir", scandir)


async def test_an_unreadable_folder_is_reported(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "news"
    (folder / "locked").mkdir(parents=True)
    (folder / "a.txt").write_text(texts.FLOOD, encoding="utf-8")
    (folder / "locked" / "b.txt").write_text(texts.SCHOOL, encoding="utf-8")
    shut = tmp_path / "shut"
    shut.mkdir()
    _refuse_listing(monkeypatch, folder / "locked")
    _refuse_listing(monkeypatch, shut)
    try:
        with caplog.at_level(logging.WARNING):
            summary = await run_scan(store, str(folder), str(shut))
    finally:
        (folder / "locked").chmod(0o755)
        shut.chmod(0o755)
    assert stored_names(store) == ["a.txt"]
    assert summary.failed == 2
    assert f"{folder / 'locked'}: unreadable folder (Permission denied)" in caplog.text
    assert f"{shut}: unreadable folder (Permission denied)" in caplog.text
    (row,) = [row for row in store.sources() if row.location == str(shut)]
    assert (
        row.state.failures == 1 and row.state.last_error == "unreadable folder (Permission denied)"
    )


def test_a_folder_added_from_the_chat_is_scanned_only_under_the_root(
    store: Store, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root, outside, configured = tmp_path / "root", tmp_path / "etc", tmp_path / "configured"
    for folder in (root / "news", outside, configured):
        folder.mkdir(parents=True)
    store.add_source(str(root / "news"), shape="folder")
    store.add_source(str(outside), shape="folder")  # added before SOURCES_FOLDER_ROOT existed
    store.add_source("https://news.example.org/feed.xml", shape="feed")
    with caplog.at_level(logging.WARNING):
        scanned = scan_locations([str(configured)], store, str(root))
    assert scanned == [str(configured), str(root / "news"), "https://news.example.org/feed.xml"]
    assert f"{outside}: not scanned: outside SOURCES_FOLDER_ROOT" in caplog.text
    assert scan_locations([str(configured)], store, None) == [
        str(configured),
        "https://news.example.org/feed.xml",
    ]
