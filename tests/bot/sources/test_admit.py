"""What /addsource may add: the URL guard at once, folders only below SOURCES_FOLDER_ROOT."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.sources import FetchConfig
from bot.sources.admit import NO_FOLDERS, admitted_folder, url_refusal
from bot.sources.urlguard import Allowance


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://10.0.0.7/rss", "private address 10.0.0.7"),
        ("http://[fd00::1]/", "private address fd00::1"),
        ("http://0.0.0.0:8080/", "private address 0.0.0.0"),
        ("https://[::ffff:127.0.0.1]/", "private address ::ffff:7f00:1"),
        ("http://a\x00b/", "invalid URL"),
        ("http://:80/", "no host in the URL"),
    ],
)
async def test_a_url_is_refused_with_the_guard_s_reason(url: str, reason: str) -> None:
    assert await url_refusal(url, FetchConfig()) == reason


async def test_a_public_or_allowed_address_passes() -> None:
    assert await url_refusal("https://93.184.215.14/feed", FetchConfig()) is None
    allowed = FetchConfig(allowance=Allowance.parse(("10.0.0.0/8",)))
    assert await url_refusal("http://10.0.0.7/rss", allowed) is None


def test_without_a_root_no_folder_is_admitted(tmp_path: Path) -> None:
    assert admitted_folder(str(tmp_path), None) == NO_FOLDERS


def test_a_folder_is_admitted_only_below_the_root(tmp_path: Path) -> None:
    root = tmp_path / "shared"
    (root / "news" / "2024").mkdir(parents=True)
    (root / "out").symlink_to(tmp_path)
    (root / "file.txt").write_text("x")
    assert admitted_folder(f"{root}/news/2024/..", str(root)) == root / "news"
    assert admitted_folder(str(root), str(root)) == root
    outside = f"outside SOURCES_FOLDER_ROOT {root}"
    for path in ("/etc", "/", f"{root}/..", f"{root}/news/../../x", str(root / "out")):
        assert admitted_folder(path, str(root)) == outside, path
    assert admitted_folder(str(root / "gone"), str(root)) == "folder not found"
    assert admitted_folder(str(root / "file.txt"), str(root)) == "not a folder"
    assert admitted_folder("bad\x00name", str(root)) == "folder not found"
