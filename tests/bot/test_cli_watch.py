"""`digestbot watch`: registered, scans through ingest with the store, closes the store."""

from __future__ import annotations

import asyncio
import sys
import types
from collections.abc import Sequence

import pytest

from bot.cli import main
from bot.cli import watch as watch_cli
from bot.settings import Settings
from bot.sources import Fetcher
from bot.worker import PageWorker


class FakeStore:
    closed = False
    dialect = "postgresql"  # no process lock to take (that is tests/bot/test_replicas.py)

    def close(self) -> None:
        self.closed = True


async def test_watch_scans_the_sources_and_closes_the_store(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store, calls, done = FakeStore(), [], asyncio.Event()

    async def scan(
        given: FakeStore,
        locations: Sequence[str],
        *,
        fetcher: Fetcher,
        stop: asyncio.Event,
        worker: object,
        sharing: object = None,
    ) -> str:
        calls.append((given, tuple(locations), isinstance(fetcher, Fetcher)))
        assert isinstance(worker, PageWorker)  # pages digested off the loop's process
        assert not stop.is_set()  # the scan's own stop flag, set only when the watch stops
        done.set()
        return "1 new"

    fake_ingest = types.ModuleType("bot.ingest")
    fake_ingest.scan = scan  # type: ignore[attr-defined]
    fake_ingest.scan_locations = lambda configured, given, root: list(configured)  # type: ignore[attr-defined]
    fake_store = types.ModuleType("bot.store")
    fake_store.open_store = lambda url: store if url == "sqlite:///w.db" else None  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "bot.ingest", fake_ingest)
    monkeypatch.setitem(sys.modules, "bot.store", fake_store)
    settings = Settings(database_url="sqlite:///w.db", sources=("seeds", "https://a.example.cn/"))
    await asyncio.wait_for(watch_cli.watch_sources(settings, stop=done), 10)
    assert calls == [(store, ("seeds", "https://a.example.cn/"), True)]
    assert store.closed


def test_watch_is_a_subcommand() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    watch_cli.register(parser.add_subparsers())
    assert parser.parse_args(["watch"]).handler is watch_cli.run


def test_unusable_settings_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SCAN_INTERVAL", "soon")
    monkeypatch.chdir("/")  # no .env here
    assert main(["watch"]) == 2
    assert "digestbot watch: SCAN_INTERVAL" in capsys.readouterr().err
