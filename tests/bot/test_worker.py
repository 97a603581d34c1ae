"""The worker process: pages digested there as here, a page over its budget reported and
skipped while the scan stores the rest, the worker replaced and warm again."""

from __future__ import annotations

import asyncio
import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.ingest import scan
from bot.sources import FetchConfig, Fetcher
from bot.store import Store, open_store
from bot.worker import Overrun, PageWorker
from digests.model import DigestError
from digests.pipeline import prepare
from tests.bot.slowpages import slow_prepare
from tests.conftest import SEEDS, seed_path

BUDGET = 3.0  # seconds: a seed page takes a tenth of that, a stuck page forever


@pytest.fixture(scope="module")
def worker() -> Iterator[PageWorker]:
    """One worker for the module: a new one loads for seconds on a busy machine."""
    started = PageWorker(budget=BUDGET, prepare=slow_prepare)
    started.start()
    yield started
    started.close()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'bot.db'}")
    yield opened
    opened.close()


async def test_a_page_digests_in_the_worker_as_in_this_process(worker: PageWorker) -> None:
    data, location = seed_path(4).read_bytes(), str(seed_path(4))
    here = prepare(data, location)
    there = await asyncio.to_thread(worker.blocking(asyncio.get_running_loop()), data, location)
    assert there == here


async def test_a_page_the_pipeline_refuses_is_refused_from_the_worker(
    worker: PageWorker,
) -> None:
    with pytest.raises(DigestError, match="empty file"):
        await worker.run(slow_prepare, b"", "empty.txt")


async def test_a_page_over_its_budget_is_an_overrun_and_the_next_page_gets_a_new_worker(
    worker: PageWorker, tmp_path: Path
) -> None:
    before = worker.replaced
    with pytest.raises(Overrun, match="over the 3 s budget"):
        await worker.run(slow_prepare, b"text", str(tmp_path / "stuck.txt"))
    assert worker.replaced == before + 1
    done = await worker.run(slow_prepare, seed_path(0).read_bytes(), str(seed_path(0)))
    assert done.title


async def test_the_scan_reports_the_overrun_page_and_stores_the_others(
    worker: PageWorker, store: Store, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "news"
    shutil.copytree(SEEDS, folder)
    (folder / "002_stuck.txt").write_bytes(seed_path(2).read_bytes())  # sorted mid-folder
    config = FetchConfig(host_interval=0, obey_robots=False)
    with caplog.at_level(logging.WARNING, logger="bot.ingest"):
        async with Fetcher(config) as fetcher:
            summary = await scan(store, [str(folder)], fetcher=fetcher, worker=worker)
    assert (summary.new, summary.failed) == (5, 1)
    assert f"{folder / '002_stuck.txt'}: over the 3 s budget" in caplog.text
    assert store.stats()["documents"] == 5
