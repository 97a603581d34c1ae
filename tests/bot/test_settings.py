"""The one settings object, read from the environment."""

from __future__ import annotations

from datetime import time

import pytest

from bot.settings import DEFAULT_DATABASE_URL, Settings, SettingsError, parse_hhmm


def test_defaults_need_nothing_but_an_empty_environment() -> None:
    settings = Settings.from_env({})
    assert settings.token is None
    assert settings.database_url == DEFAULT_DATABASE_URL
    assert settings.sources == ("seeds",)
    assert settings.scan_interval == 300.0
    assert settings.timezone == "Asia/Shanghai"
    assert settings.digest_time == time(8, 0)
    assert settings.admin_ids == frozenset()


def test_every_variable_is_read() -> None:
    settings = Settings.from_env(
        {
            "TELEGRAM_BOT_TOKEN": "123:secret",
            "TELEGRAM_API_URL": "http://127.0.0.1:8081/bot",
            "DATABASE_URL": "postgresql+psycopg://u@h/db",
            "DIGEST_SOURCES": " seeds , https://example.org/feed.xml ,",
            "SCAN_INTERVAL": "30",
            "DEFAULT_TIMEZONE": "Europe/Berlin",
            "DEFAULT_DIGEST_TIME": "7:05",
            "ADMIN_IDS": "1, 22",
        }
    )
    assert settings.sources == ("seeds", "https://example.org/feed.xml")
    assert (settings.scan_interval, settings.timezone) == (30.0, "Europe/Berlin")
    assert settings.digest_time == time(7, 5)
    assert settings.admin_ids == frozenset({1, 22})
    assert "secret" not in repr(settings)  # the token never reaches a log line


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("SCAN_INTERVAL", "soon"),
        ("SCAN_INTERVAL", "-5"),
        ("DEFAULT_TIMEZONE", "Mars/Base"),
        ("DEFAULT_DIGEST_TIME", "25:99"),
        ("ADMIN_IDS", "alice"),
    ],
)
def test_a_bad_value_is_refused_by_name(name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=name):
        Settings.from_env({name: value})


@pytest.mark.parametrize("value", ["24:00", "12:60", "noon", "", "1200"])
def test_hhmm_rejects_what_is_not_a_time(value: str) -> None:
    with pytest.raises(SettingsError):
        parse_hhmm(value)


def test_the_folder_root_is_unset_by_default_and_must_be_absolute() -> None:
    assert Settings.from_env({}).folder_root is None
    assert Settings.from_env({"SOURCES_FOLDER_ROOT": "/srv/news"}).folder_root == "/srv/news"
    with pytest.raises(SettingsError, match=r"^SOURCES_FOLDER_ROOT must be an absolute path"):
        Settings.from_env({"SOURCES_FOLDER_ROOT": "news"})
