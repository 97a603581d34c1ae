"""`digestbot run` refuses to start without what it needs, in one clear line."""

from __future__ import annotations

import pytest

from bot.cli import main
from bot.cli.run import NO_TOKEN
from bot.settings import Settings, SettingsError


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


def test_webhook_port_comes_from_the_settings() -> None:
    assert Settings.from_env({}).port == 8443
    assert Settings.from_env({"PORT": "8080"}).port == 8080
    for bad in ("0", "70000", "http"):
        with pytest.raises(SettingsError, match="PORT"):
            Settings.from_env({"PORT": bad})


class _App:
    """Records how `run` starts the bot instead of starting it."""

    def __init__(self) -> None:
        self.started: tuple[str, dict[str, object]] | None = None

    def run_polling(self, **kwargs: object) -> None:
        self.started = ("polling", kwargs)

    def run_webhook(self, **kwargs: object) -> None:
        self.started = ("webhook", kwargs)


@pytest.mark.parametrize(
    ("env", "mode", "expected"),
    [
        ({}, "polling", {}),
        (
            {"WEBHOOK_URL": "https://bot.example.org/tg/hook", "PORT": "8080"},
            "webhook",
            {
                "listen": "0.0.0.0",
                "port": 8080,
                "url_path": "tg/hook",
                "webhook_url": "https://bot.example.org/tg/hook",
            },
        ),
    ],
)
def test_polling_by_default_webhook_when_configured(
    no_env: None,
    monkeypatch: pytest.MonkeyPatch,
    env: dict[str, str],
    mode: str,
    expected: dict[str, object],
) -> None:
    import bot.app
    import bot.logs

    app = _App()
    monkeypatch.setattr(bot.app, "build_application", lambda settings: app)
    monkeypatch.setattr(bot.logs, "configure_logging", lambda token: None)
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "1:x")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert main(["run"]) == 0
    assert app.started is not None and app.started[0] == mode
    assert expected.items() <= app.started[1].items()
