"""`digestbot digest`: formats, options, skipped files and exit statuses."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.cli.digest import MESSAGE_SEPARATOR
from digests.render_html import ALLOWED_TAGS, TELEGRAM_LIMIT
from tests.conftest import ROOT, seed_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`digestbot digest ARGS`: exit status, stdout, stderr."""
    status = main(["digest", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_text_digest_of_the_seeds(capsys: pytest.CaptureFixture[str], seeds_dir: Path) -> None:
    status, out, err = run(capsys, str(seeds_dir))
    assert (status, err) == (0, "")
    assert out.startswith("会议要闻 · ") and "5 篇" in out.splitlines()[0]
    assert "#民主生活会" in out and "【" in out


def test_default_path_is_seeds(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    status, out, _ = run(capsys, "--format", "json")
    paths = {Path(d["path"]).parent.name for d in json.loads(out)["documents"]}
    assert (status, paths) == (0, {"seeds"})


def test_json_lists_every_document(capsys: pytest.CaptureFixture[str], seeds_dir: Path) -> None:
    status, out, _ = run(capsys, "--format", "json", str(seeds_dir))
    documents = json.loads(out)["documents"]
    assert status == 0 and len(documents) == 5
    assert all(len(d["highlights"]) <= 3 for d in documents)
    assert '"民主生活会"' in out  # ensure_ascii=False: readable Chinese


def test_html_messages_are_telegram_safe(
    capsys: pytest.CaptureFixture[str], seeds_dir: Path
) -> None:
    status, out, _ = run(capsys, "--format", "html", str(seeds_dir))
    messages = out.rstrip("\n").split(MESSAGE_SEPARATOR)
    assert status == 0 and messages[0].startswith("<b>会议要闻")
    for message in messages:
        assert len(message) <= TELEGRAM_LIMIT
        tags = {tag.lstrip("/").split()[0] for tag in _tags(message)}
        assert tags <= ALLOWED_TAGS


def _tags(message: str) -> list[str]:
    """The names (with attributes) inside every <...> of a message."""
    return re.findall(r"<([^>]+)>", message)


def test_script_option_converts_the_output(capsys: pytest.CaptureFixture[str]) -> None:
    seed = str(seed_path(3))  # a simplified page
    _, traditional, _ = run(capsys, "--script", "traditional", seed)
    _, original, _ = run(capsys, seed)
    assert "領導班子" in traditional and "领导班子" not in traditional
    assert "领导班子" in original


def test_lang_option_switches_labels(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--lang", "en", str(seed_path(2)))
    assert out.startswith("Meeting digest · ") and "· 1 document\n" in out


@pytest.mark.parametrize("count", [0, 1])
def test_highlights_option_bounds_each_document(
    capsys: pytest.CaptureFixture[str], seeds_dir: Path, count: int
) -> None:
    _, out, _ = run(capsys, "--format", "json", "--highlights", str(count), str(seeds_dir))
    documents = json.loads(out)["documents"]
    assert max(len(d["highlights"]) for d in documents) == count


@pytest.mark.parametrize("value", ["-1", "two"])
def test_a_bad_highlights_count_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], value: str
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["digest", "--highlights", value])
    assert exit_info.value.code == 2
    assert "--highlights" in capsys.readouterr().err


def test_undecodable_files_are_named_and_skipped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "good.txt").write_bytes(seed_path(2).read_bytes())
    missing = tmp_path / "missing.txt"
    status, out, err = run(capsys, "--format", "json", str(tmp_path), str(missing))
    assert status == 0 and len(json.loads(out)["documents"]) == 1
    lines = sorted(err.splitlines())
    assert len(lines) == 2
    assert lines[0].startswith(f"digestbot: skipped {tmp_path / 'binary.txt'}: ")
    assert lines[1] == f"digestbot: skipped {missing}: unreadable (No such file or directory)"


def test_nothing_digestible_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    status, out, err = run(capsys, str(tmp_path))
    assert (status, out) == (1, "")
    assert f"skipped {tmp_path / 'empty.txt'}" in err


def test_the_command_needs_neither_telegram_nor_a_database() -> None:
    code = (
        "import sys, bot.cli.digest\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'telegram', 'sqlalchemy'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_folders_are_read_by_the_store_s_reader_and_rules(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "good.txt").write_bytes(seed_path(2).read_bytes())
    secret = "TELEGRAM_BOT_TOKEN=123456:secret-token-of-the-bot"
    outside = tmp_path / "passwd"
    outside.write_bytes(seed_path(3).read_bytes() + secret.encode())
    (folder / "p.txt").symlink_to(outside)
    (folder / ".env").write_text(secret, encoding="utf-8")
    (folder / "settings.txt").symlink_to(folder / ".env")
    with open(os.fsencode(folder) + b"/bad\xff.txt", "wb") as handle:
        handle.write(seed_path(4).read_bytes())
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 2**20)  # sparse; over the store's 10 MB cap, never read
    status, out, err = run(capsys, "--format", "json", str(folder))
    assert status == 0 and "secret" not in out
    assert [Path(d["path"]).name for d in json.loads(out)["documents"]] == ["good.txt"]
    assert sorted(err.splitlines()) == [
        f"digestbot: skipped {folder}/bad\\xff.txt: file name is not valid UTF-8",
        f"digestbot: skipped {folder / 'huge.txt'}: over the 10 MB cap",
        f"digestbot: skipped {folder / 'p.txt'}: link to a file outside the folder",
        f"digestbot: skipped {folder / 'settings.txt'}: link to a hidden file",
    ]
