"""The heartbeat and `digestbot health`."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.health import STALE_AFTER, age, beat, is_healthy


def test_a_fresh_beat_is_healthy_and_an_old_one_is_not(tmp_path: Path) -> None:
    file = tmp_path / "sub" / "heartbeat"
    beat(file, now=1000.0)
    assert age(file, now=1010.0) == 10.0
    assert is_healthy(file, now=1000.0 + STALE_AFTER)
    assert not is_healthy(file, now=1001.0 + STALE_AFTER)


def test_a_missing_or_garbled_file_is_unhealthy(tmp_path: Path) -> None:
    assert age(tmp_path / "none") is None
    (tmp_path / "bad").write_text("not a time")
    assert not is_healthy(tmp_path / "bad")


def test_the_command_exits_by_the_heartbeat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "heartbeat"
    monkeypatch.setenv("HEARTBEAT_FILE", str(file))
    monkeypatch.chdir(tmp_path)  # no stray .env from the project folder
    assert main(["health"]) == 1
    assert "no heartbeat" in capsys.readouterr().err
    beat(file)
    assert main(["health"]) == 0
    beat(file, now=0.0)
    assert main(["health"]) == 1
