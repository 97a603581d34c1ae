"""Ingest: new, changed, unchanged, duplicate and bad pages; kill -9 in the middle of a scan."""

from __future__ import annotations

import logging
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bot.ingest import ScanSummary, scan, with_page
from bot.sources import FetchConfig, Fetcher
from bot.sources.model import Problem
from bot.store import Store, open_store
from digests.keywords import DocumentFrequencies
from digests.pipeline import prepare, tokens_of
from tests.bot.store import texts
from tests.conftest import ROOT, SEEDS, seed_path


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'db' / 'bot.db'}")
    yield opened
    opened.close()


@pytest.fixture
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    shutil.copytree(SEEDS, folder)
    return folder


async def run_scan(store: Store, *locations: str, **kwargs) -> ScanSummary:
    config = FetchConfig(allow_private=True, host_interval=0, obey_robots=False)
    async with Fetcher(config, **kwargs) as fetcher:
        return await scan(store, locations, fetcher=fetcher)


def counts(summary: ScanSummary) -> tuple[int, ...]:
    return summary.new, summary.updated, summary.unchanged, summary.duplicates, summary.failed


async def test_scan_stores_each_page_once(store: Store, news: Path) -> None:
    first = await run_scan(store, str(news))
    assert counts(first) == (5, 0, 0, 0, 0)
    assert first.line() == "new 5, updated 0, unchanged 0, duplicates 0, failed 0"
    second = await run_scan(store, str(news))
    assert counts(second) == (0, 0, 5, 0, 0)
    assert store.stats()["documents"] == 5
    assert store.frequencies().n_docs == 5
    assert {hit.location for hit in store.search("生活会", limit=10).hits} >= {
        str(news / seed_path(0).name),
        str(news / seed_path(3).name),
    }
    (row,) = store.sources()
    assert (row.location, row.documents, row.state.failures) == (str(news), 5, 0)


async def test_changed_file_is_replaced_and_removed_file_kept(store: Store, news: Path) -> None:
    await run_scan(store, str(news))
    changed = news / seed_path(4).name
    before = store.document_id_for(str(changed))
    changed.write_text(texts.FLOOD, encoding="utf-8")
    (news / seed_path(2).name).unlink()
    summary = await run_scan(store, str(news))
    assert counts(summary) == (0, 1, 3, 0, 0)
    after = store.document_id_for(str(changed))
    assert before is not None and after is not None
    assert after[0] == before[0] and after[1] != before[1]
    assert [hit.location for hit in store.search("防汛").hits] == [str(changed)]
    assert store.document_id_for(str(news / seed_path(2).name)) is not None
    assert store.stats()["documents"] == 5


async def test_a_repost_is_stored_as_a_duplicate(store: Store, news: Path) -> None:
    original = seed_path(3).read_text(encoding="utf-8")
    (news / "repost.txt").write_bytes(("转载\n" + original + "\n").encode("gb18030"))
    summary = await run_scan(store, str(news))
    assert counts(summary) == (5, 0, 0, 1, 0)
    repost = store.document_id_for(str(news / "repost.txt"))
    first = store.document_id_for(str(news / seed_path(3).name))
    assert repost is not None and first is not None
    stored = store.document(repost[0])
    assert stored is not None and stored.duplicate_of == first[0]
    assert str(news / "repost.txt") not in {h.location for h in store.search("谢谢大家").hits}
    assert store.frequencies().n_docs == 5  # the repost does not count twice
    assert counts(await run_scan(store, str(news))) == (0, 0, 6, 0, 0)


async def test_bad_files_are_counted_logged_and_skipped(
    store: Store, tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch
) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "empty.txt").write_bytes(b"")
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 2**20)  # 50 MB, over the 10 MB cap
    (folder / "gbk.txt").write_bytes(("区教育局会议\n" + texts.SCHOOL).encode("gbk"))
    (folder / "boom.txt").write_text(texts.FARM, encoding="utf-8")
    (folder / "fine.md").write_text(texts.FLOOD, encoding="utf-8")
    real = prepare

    def fragile(data: bytes, path: str):
        if path.endswith("boom.txt"):
            raise RuntimeError("a bug in one step")
        return real(data, path)

    monkeypatch.setattr("bot.ingest.prepare", fragile)
    with caplog.at_level(logging.INFO):
        summary = await run_scan(store, str(folder), str(tmp_path / "missing"))
    assert counts(summary) == (2, 0, 0, 0, 5)  # binary, empty, huge, boom, missing folder
    assert sorted(Path(d.document.path).name for d in store.new_documents_since(0)) == [
        "fine.md",
        "gbk.txt",
    ]
    assert store.search("食堂管理").hits[0].location.endswith("gbk.txt")
    logged = caplog.text
    for name in ("binary.txt", "empty.txt", "boom.txt", "missing"):
        assert name in logged
    assert "huge.txt: over the 10 MB cap" in logged


async def test_a_page_with_no_text_is_named_and_not_retried_until_it_changes(
    store: Store, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    furniture = folder / "furniture.html"
    furniture.write_text("<html><body><div>打印本页 关闭窗口</div></body></html>", "utf-8")
    (folder / "fine.txt").write_text(texts.FLOOD, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        first = await run_scan(store, str(folder))
    assert counts(first) == (1, 0, 0, 0, 1)
    assert [(p.location, p.reason) for p in first.failures] == [
        (str(furniture), "no text left after cleaning")
    ]
    assert f"({furniture}: no text left after cleaning)" in first.line()
    (row,) = store.sources()
    assert [r.location for r in row.rejected] == [str(furniture)]

    caplog.clear()
    with caplog.at_level(logging.WARNING):
        again = await run_scan(store, str(folder))
    assert counts(again) == (0, 0, 2, 0, 0)  # the same bytes are not digested again
    assert "furniture.html" not in caplog.text and again.failures == []

    furniture.write_text("<html><body><p>" + texts.SCHOOL + "</p></body></html>", encoding="utf-8")
    changed = await run_scan(store, str(folder))
    assert counts(changed) == (1, 0, 1, 0, 0)
    assert store.document_id_for(str(furniture)) is not None
    (row,) = store.sources()
    assert row.rejected == ()


def test_the_scan_line_names_five_failures_and_counts_the_rest() -> None:
    summary = ScanSummary()
    for n in range(7):
        summary.add(Problem(f"p{n}.txt", "empty file"))
    assert summary.failed == 7
    assert summary.line().endswith(
        "(p0.txt: empty file; p1.txt: empty file; "
        "p2.txt: empty file; p3.txt: empty file; p4.txt: empty file; 2 more)"
    )


async def test_failing_url_source_does_not_stop_the_scan(store: Store, news: Path) -> None:
    page = (
        "<html><head><title>水利局会议</title></head><body><p>" + texts.FLOOD + "</p></body></html>"
    )

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/gone":
            return httpx.Response(404)
        return httpx.Response(200, text=page, headers={"Content-Type": "text/html; charset=utf-8"})

    transport = httpx.MockTransport(answer)
    urls = ("http://127.0.0.1:8/gone", "http://127.0.0.1:8/flood.html")
    summary = await run_scan(store, urls[0], str(news), urls[1], transport=transport)
    assert counts(summary) == (6, 0, 0, 0, 1)
    assert [hit.location for hit in store.search("堤防").hits] == [urls[1]]
    states = {row.location: row.state for row in store.sources()}
    assert states[urls[0]].failures == 1 and states[urls[0]].last_error


async def test_progress_reports_every_page(store: Store, news: Path) -> None:
    seen: list[tuple[int, int]] = []
    async with Fetcher(FetchConfig()) as fetcher:
        await scan(
            store,
            [str(news)],
            fetcher=fetcher,
            progress=lambda done, total, _where: seen.append((done, total)),
        )
    assert seen == [(n, 5) for n in range(1, 6)]


def test_frequencies_with_the_page_count_it_once(seed_bytes: dict[int, bytes]) -> None:
    page = prepare(seed_bytes[3], "003.txt")
    other = prepare(seed_bytes[0], "000.txt")
    base, batch = DocumentFrequencies(), DocumentFrequencies()
    base.add(tokens_of(other))
    batch.add(tokens_of(other))
    batch.add(tokens_of(page))
    plus = with_page(base, page)
    assert (plus.n_docs, base.n_docs) == (2, 1)
    words = set(tokens_of(page)) | set(tokens_of(other)) | {"从未出现的词"}
    assert all(plus.df(w) == batch.df(w) for w in words)
    assert sum(plus.df(w) != base.df(w) for w in words) > 50  # the page's words, once each
    assert base.df("督导") == 0 < plus.df("督导") == 1


SENTENCES = [
    "{n}月{d}日上午，{org}召开{topic}专题会议，研究部署下一阶段重点任务。",
    "{who}主持会议并讲话，要求各单位把{topic}工作抓实抓细。",
    "会议听取了{org}关于{topic}情况的汇报，逐项分析存在的短板。",
    "与会人员围绕{topic}展开讨论，提出{k}条具体建议。",
    "{who}指出，要建立工作台账，明确责任人和完成时限。",
    "会议强调，{org}要加强统筹协调，确保{topic}各项措施落地。",
    "会后，各小组分头开展实地调研，走访群众{k}户。",
    "下一步，{org}将定期通报{topic}进展，接受群众监督。",
]
ORGS = [
    "区科协",
    "县林业局",
    "市档案馆",
    "镇卫生院",
    "区文旅局",
    "街道办事处",
    "县税务局",
    "市气象台",
]
TOPICS = [
    "植树造林",
    "档案数字化",
    "健康义诊",
    "夜间文旅",
    "社区养老",
    "减税降费",
    "气象预警",
    "垃圾分类",
    "老旧小区改造",
    "农村供水",
    "食品安全",
    "消防演练",
]
WHO = ["陈立新", "刘海波", "周晓梅", "吴国庆", "孙丽", "郑建平"]


def write_corpus(folder: Path, count: int) -> None:
    """`count` distinct pages of made-up meeting news."""
    rng = random.Random(20240601)
    folder.mkdir()
    for i in range(count):
        values = {
            "n": 1 + i % 12,
            "d": 1 + i % 28,
            "org": rng.choice(ORGS),
            "topic": rng.choice(TOPICS),
            "who": rng.choice(WHO),
            "k": i,
        }
        body = "".join(s.format(**values) for s in rng.sample(SENTENCES, 6))
        title = f"{values['org']}召开{values['topic']}会议（第{i}期）"
        (folder / f"{i:03d}.txt").write_text(f"{title}\n{body}\n编号{i * 7919}", encoding="utf-8")


DRIVER = """
import asyncio, sys
from bot.ingest import scan
from bot.sources import Fetcher
from bot.store import open_store

async def main():
    store = open_store(sys.argv[1])
    async with Fetcher() as fetcher:
        await scan(store, [sys.argv[2]], fetcher=fetcher)

asyncio.run(main())
"""


def documents_in(db: Path) -> int:
    with sqlite3.connect(db, timeout=30) as conn:
        try:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        except sqlite3.OperationalError:  # not created yet
            return 0


def kill_mid_scan(db: Path, folder: Path) -> int:
    """Run a scan in a child process and SIGKILL it once some documents are stored."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", DRIVER, f"sqlite:///{db}", str(folder)], env=env, cwd=ROOT
    )
    try:
        deadline = time.monotonic() + 120
        while documents_in(db) < 15 and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    return documents_in(db)


def assert_consistent(db: Path) -> None:
    """Whole documents only: every original indexed and counted, nothing dangling."""
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
    originals = {r[0] for r in conn.execute("SELECT id FROM documents WHERE duplicate_of IS NULL")}
    indexed = {r[0] for r in conn.execute("SELECT rowid FROM documents_fts")}
    assert indexed == originals
    n_docs = conn.execute("SELECT value FROM meta WHERE key = 'n_docs'").fetchone()[0]
    assert n_docs == len(originals)
    import json

    expected: dict[str, int] = {}
    for (terms,) in conn.execute("SELECT terms FROM documents WHERE duplicate_of IS NULL"):
        for term in json.loads(terms):
            expected[term] = expected.get(term, 0) + 1
    assert dict(conn.execute("SELECT term, df FROM term_frequencies").fetchall()) == expected
    conn.close()


async def test_kill_9_mid_scan_leaves_whole_documents_and_the_next_scan_finishes(
    tmp_path: Path,
) -> None:
    folder, db = tmp_path / "corpus", tmp_path / "kill.db"
    write_corpus(folder, 200)
    stored = kill_mid_scan(db, folder)
    assert 15 <= stored < 200, "the child should be killed in the middle of its scan"
    assert_consistent(db)
    store = open_store(f"sqlite:///{db}")
    try:
        summary = await run_scan(store, str(folder))
        assert summary.unchanged == stored
        assert summary.new + summary.duplicates == 200 - stored and summary.failed == 0
        assert store.stats()["documents"] == 200
        assert counts(await run_scan(store, str(folder))) == (0, 0, 200, 0, 0)
    finally:
        store.close()
    assert_consistent(db)
