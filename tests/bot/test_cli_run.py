"""`digestbot run` refuses to start without what it needs, in one clear line."""

from __future__ import annotations

import pytest

from bot.cli import main
from bot.cli.run import NO_TOKEN, webhook_port
from bot.settings import SettingsError


@pytest.fixture
def no_env(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    for name in ("TELEGRAM_BOT_TOKEN", "PORT", "WEBHOOK_URL", "DEFAULT_TIMEZONE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # type: ignore[arg-type]  # no .env to load


def test_no_token_exits_2_with_one_line(no_env: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run"]) == 2
    err = capsys.readouterr().err
    assert err == NO_TOKEN + "\n" and "TELEGRAM_BOT_TOKEN" in err


def test_bad_setting_exits_2(
    no_env: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "1:x")
    monkeypatch.setenv("DEFAULT_TIMEZONE", "Mars/Base")
    assert main(["run"]) == 2
    assert "DEFAULT_TIMEZONE" in capsys.readouterr().err


def test_webhook_port() -> None:
    assert webhook_port(None) == 8443 and webhook_port("8080") == 8080
    for bad in ("0", "70000", "http"):
        with pytest.raises(SettingsError):
            webhook_port(bad)
