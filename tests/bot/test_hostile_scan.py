"""A hostile folder is scanned with every good page stored: a tag bomb refused, a tag
bomb under the bound and a giant sentence digested, the seeds as always."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from bot.ingest import scan
from bot.sources import FetchConfig, Fetcher
from bot.store import open_store
from digests.html import MAX_ELEMENTS
from tests.conftest import SEEDS

LEDE = "<p>市政协召开党组会议，传达学习全会精神，研究部署下一阶段工作。</p>" * 5


async def test_a_hostile_folder_stores_every_good_page(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "news"
    shutil.copytree(SEEDS, folder)
    (folder / "bomb.html").write_text(f"<html><body>{LEDE}" + "<i>" * (MAX_ELEMENTS + 1))
    (folder / "flat.html").write_text(f"<html><body>{LEDE}" + "<b>x</b>" * 150_000)
    (folder / "sentence.txt").write_text("关于党组会议的报道\n" + "会" * 100_000 + "。\n")
    store = open_store(f"sqlite:///{tmp_path / 'bot.db'}")
    try:
        with caplog.at_level(logging.WARNING, logger="bot.ingest"):
            async with Fetcher(FetchConfig(host_interval=0, obey_robots=False)) as fetcher:
                summary = await scan(store, [str(folder)], fetcher=fetcher)
        assert (summary.new, summary.failed) == (7, 1)
        assert "bomb.html: HTML page of 200,008 elements (over 200,000)" in caplog.text
        assert store.document_id_for(str(folder / "sentence.txt")) is not None
    finally:
        store.close()
