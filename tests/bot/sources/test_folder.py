"""Folders: every wanted file below, sorted, read under the size cap; failures are Problems."""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

import pytest

from bot.sources import SourceState, fetch_source, source_kind
from bot.sources.fetch import Fetcher
from bot.sources.folder import read_file
from tests.bot.sources.conftest import NOW, Web, make_fetcher, never_seen

TEXT = "区人大常委会召开第十五次会议。会议听取了有关工作报告。".encode()


async def scan(folder: Path | str, fetcher: Fetcher, state: SourceState | None = None):
    return await fetch_source(
        str(folder), state or SourceState(), fetcher=fetcher, now=NOW, seen=never_seen
    )


def write(path: Path, data: bytes = TEXT) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


async def test_every_wanted_file_below_in_sorted_order(tmp_path: Path, fetcher: Fetcher) -> None:
    for name in ("b.txt", "a.html", "sub/c.md", "sub/deeper/d.htm", "e.TXT", "f.pdf", "g.json"):
        write(tmp_path / name)
    write(tmp_path / ".hidden.txt")
    write(tmp_path / ".git" / "x.txt")
    result = await scan(tmp_path, fetcher)
    names = [Path(p.location).relative_to(tmp_path).as_posix() for p in result.pages]
    assert names == ["a.html", "b.txt", "e.TXT", "sub/c.md", "sub/deeper/d.htm"]
    assert result.problems == ()
    assert result.state.last_success_at == NOW and result.state.failures == 0


async def test_pages_carry_bytes_hash_and_absolute_path(
    tmp_path: Path, fetcher: Fetcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    gbk = "政协常委会议在京召开".encode("gbk")
    write(tmp_path / "docs" / "gbk.txt", gbk)
    monkeypatch.chdir(tmp_path)
    (page,) = (await scan("docs", fetcher)).pages
    assert page.location == str(tmp_path / "docs" / "gbk.txt")
    assert os.path.isabs(page.location)
    assert page.data == gbk  # decoding is the pipeline's job
    assert page.raw_hash == hashlib.sha256(gbk).hexdigest()


async def test_the_seeds_folder(
    seeds_dir: Path, fetcher: Fetcher, seed_bytes: dict[int, bytes]
) -> None:
    result = await scan(seeds_dir, fetcher)
    assert [p.data for p in result.pages] == [seed_bytes[n] for n in range(5)]


async def test_empty_and_binary_files_are_pages_for_the_pipeline_to_judge(
    tmp_path: Path, fetcher: Fetcher
) -> None:
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "binary.txt", bytes(range(256)) * 4)
    result = await scan(tmp_path, fetcher)
    assert sorted(len(p.data) for p in result.pages) == [0, 1024]


async def test_a_50_mb_file_is_skipped_unread_with_a_log_line(
    tmp_path: Path,
    fetcher: Fetcher,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 2**20)  # sparse: costs no disk
    write(tmp_path / "small.txt")
    opened: list[Path] = []
    real_open = Path.open

    def recording_open(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", recording_open)
    with caplog.at_level(logging.WARNING):
        result = await scan(tmp_path, fetcher)
    assert [(p.location, p.reason) for p in result.problems] == [(str(big), "over the 10 MB cap")]
    assert [p.location for p in result.pages] == [str(tmp_path / "small.txt")]
    assert big not in opened
    assert f"{big}: over the 10 MB cap" in caplog.text


async def test_the_cap_follows_the_fetch_config(tmp_path: Path, web: Web) -> None:
    write(tmp_path / "a.txt", b"x" * 100)
    write(tmp_path / "b.txt", b"x" * 101)
    async with make_fetcher(web, max_bytes=100) as fetcher:
        result = await scan(tmp_path, fetcher)
    assert [Path(p.location).name for p in result.pages] == ["a.txt"]
    assert [p.reason for p in result.problems] == ["over the 100 bytes cap"]


def test_a_file_that_grew_past_the_cap_after_stat_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "growing.txt", b"x" * 200)
    real_stat = Path.stat
    monkeypatch.setattr(
        Path, "stat", lambda self, **kw: os.stat_result((*real_stat(self, **kw)[:6], 10, 0, 0, 0))
    )
    assert read_file(path, 100).reason == "over the 100 bytes cap"  # type: ignore[union-attr]


async def test_unreadable_entries_are_problems_and_the_rest_goes_on(
    tmp_path: Path, fetcher: Fetcher
) -> None:
    write(tmp_path / "good.txt")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "gone.txt")
    os.mkfifo(tmp_path / "pipe.txt")  # opening it would block the scan forever
    result = await scan(tmp_path, fetcher)
    assert [Path(p.location).name for p in result.pages] == ["good.txt"]
    assert [(Path(p.location).name, p.reason) for p in result.problems] == [
        ("broken.txt", "unreadable (No such file or directory)"),
        ("pipe.txt", "not a regular file"),
    ]


async def test_a_missing_folder_is_one_problem(tmp_path: Path, fetcher: Fetcher) -> None:
    missing = tmp_path / "nowhere"
    result = await scan(missing, fetcher, SourceState(failures=2, last_success_at=NOW))
    assert [(p.location, p.reason) for p in result.problems] == [(str(missing), "folder not found")]
    assert result.pages == ()
    assert result.state.failures == 3 and result.state.last_success_at == NOW
    assert result.state.next_attempt_at is None  # a local folder is looked at again next scan


async def test_a_file_given_as_folder_is_a_problem(tmp_path: Path, fetcher: Fetcher) -> None:
    path = write(tmp_path / "a.txt")
    assert [p.reason for p in (await scan(path, fetcher)).problems] == ["not a folder"]


@pytest.mark.parametrize(
    ("location", "kind"),
    [
        ("seeds", "folder"),
        ("/data/news", "folder"),
        ("https://news.example.cn/rss.xml", "url"),
        ("HTTP://news.example.cn/", "url"),
        ("file:///etc", "url"),
        ("ftp://news.example.cn/", "url"),
    ],
)
def test_source_kind(location: str, kind: str) -> None:
    assert source_kind(location) == kind
