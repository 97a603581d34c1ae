"""`digestbot run` refuses to start without what it needs, in one clear line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.cli.run import NO_TOKEN
from bot.settings import Settings, SettingsError
from bot.startup import Exit


@pytest.fixture
def no_env(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    for name in ("TELEGRAM_BOT_TOKEN", "PORT", "WEBHOOK_URL", "DEFAULT_TIMEZONE", "LOG_LEVEL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # type: ignore[arg-type]  # no .env to load


def test_no_token_exits_2_with_one_line(no_env: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run"]) == 2
    err = capsys.readouterr().err
    assert err == NO_TOKEN + "\n" and "TELEGRAM_BOT_TOKEN" in err


BAD_SETTINGS = [
    ("DEFAULT_TIMEZONE", "Mars/Base"),
    ("DEFAULT_TIMEZONE", "America"),  # a folder of zones, not a zone
    ("ADMIN_IDS", "alice,bob"),
    ("ADMIN_IDS", "-100123"),  # a group's id, not a user's
    ("DATABASE_URL", "not a url"),
    ("DATABASE_URL", "nosuchdb://localhost/x"),
    ("DATABASE_URL", "sqlite:///{file}/sub/bot.db"),  # the folder would be inside a file
    ("HEARTBEAT_FILE", "{file}/heartbeat"),
    ("LOG_LEVEL", "LOUD"),
    ("SCAN_INTERVAL", "-5"),
    ("STARTUP_TIMEOUT", "soon"),
    ("PORT", "http"),
    ("DEFAULT_DIGEST_TIME", "25:00"),
]


@pytest.mark.parametrize(("name", "value"), BAD_SETTINGS)
def test_each_bad_setting_is_one_line_naming_it_and_status_2(
    no_env: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    value: str,
) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "1:x")
    monkeypatch.setenv("HEARTBEAT_FILE", str(tmp_path / "heartbeat"))
    monkeypatch.setenv("TELEGRAM_API_URL", "http://127.0.0.1:9/bot")  # never reached
    monkeypatch.setenv("STARTUP_TIMEOUT", "0.1")
    monkeypatch.setenv(name, value.format(file=tmp_path / "a-file"))
    assert main(["run"]) == Exit.SETTING
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"digestbot run: {name}")


def test_webhook_port_comes_from_the_settings() -> None:
    assert Settings.from_env({}).port == 8443
    assert Settings.from_env({"PORT": "8080"}).port == 8080
    for bad in ("0", "70000", "http"):
        with pytest.raises(SettingsError, match="PORT"):
            Settings.from_env({"PORT": bad})


class _App:
    """Records how `run` starts the bot instead of starting it."""

    def __init__(self) -> None:
        from bot.context import BotData

        self.started: tuple[str, dict[str, object]] | None = None
        self.bot_data = BotData()

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
    import bot.cli.run

    async def known(settings: Settings) -> str:
        return "DigestTestBot"

    app = _App()
    monkeypatch.setattr(bot.app, "build_application", lambda settings, stop_signals: app)
    monkeypatch.setattr(bot.cli.run, "check_bot_api", known)
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "1:x")
    monkeypatch.setenv("HEARTBEAT_FILE", "heartbeat")  # in tmp_path
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert main(["run"]) == Exit.OK
    assert app.started is not None and app.started[0] == mode
    assert app.started[1]["stop_signals"] is None  # the bot's own handlers stop it
    assert expected.items() <= app.started[1].items()
