"""The store's cost: ingest throughput into SQLite, and search latency at 10k and 100k documents.

    python bench/bench_store.py [--ingest 300] [--sizes 10000 100000] [--repeat 15]

1. Ingest: the pipeline alone (`analyse`) against `scan` into a fresh SQLite file (fetch from a
   folder, digest, dedupe, store, index, term counts), on the same corpus (bench_pipeline's).
2. Search: a synthetic corpus of the given sizes is bulk-inserted (sentences drawn from the
   digested seeds, a random date, a unique tag; the pipeline is bypassed), then a mix of rare
   and common queries is timed through `Store.search` (count, rank, snippets; 5 hits) and
   against a plain `LIKE '%…%'` scan of the same table (count + first 5) in the same run.
Single-threaded; the target is search p95 < 20 ms at 100,000 documents.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_pipeline import SEEDS, corpus, machine

from bot.ingest import scan
from bot.sources import FetchConfig, Fetcher
from bot.store import Store, open_store
from bot.store.documents import bands
from bot.store.schema import documents
from bot.store.terms import index_terms
from digests.pipeline import analyse, prepare
from digests.sentences import split_sentences

QUERIES = (
    "九三学社",
    "胡勇政",
    "青浦区政协",
    "编号4321",
    "民主生活会",
    "生活会",
    "統戰部",
    "主题教育",
    "党建",
    "会议",
    "工作",
    "民主 整改",
    "会",
)


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def bench_ingest(count: int, folder: Path) -> None:
    """Pages/s and MB/s of the pipeline alone and of a full scan into SQLite."""
    pages = corpus(count, 7)
    megabytes = sum(len(data) for _, data in pages) / 1e6
    folder.mkdir()
    for name, data in pages:
        (folder / Path(name).name).write_bytes(data)
    analyse(corpus(5, 8))  # warm OpenCC, jieba and caches for both runs
    alone = timed(lambda: analyse(pages))
    store = open_store(f"sqlite:///{folder.parent / 'ingest.db'}")

    async def run() -> None:
        async with Fetcher(FetchConfig()) as fetcher:
            print("  ", (await scan(store, [str(folder)], fetcher=fetcher)).line())

    stored = timed(lambda: asyncio.run(run()))
    store.close()
    print(f"ingest corpus: {len(pages)} pages, {megabytes:.2f} MB")
    for name, seconds in (("pipeline alone", alone), ("scan into SQLite", stored)):
        print(f"  {name:18} {len(pages) / seconds:8.1f} docs/s {megabytes / seconds:6.2f} MB/s")
    print(f"  storing and indexing cost: {stored / alone - 1:+.0%} over the pipeline")


def seed_sentences() -> list[str]:
    """Simplified sentences of the digested seeds."""
    out: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in prepare(path.read_bytes(), str(path)).simplified.split("\n"):
            out.extend(s for s in split_sentences(line) if len(s) >= 8)
    return out


def fill(store: Store, engine, start: int, stop: int, pool: list[str], rng: random.Random) -> None:
    """Bulk-insert synthetic documents start..stop-1 with their index rows."""
    now = datetime.now(UTC)
    for batch in range(start, stop, 2000):
        rows, index = [], []
        for i in range(batch, min(batch + 2000, stop)):
            body = "".join(rng.sample(pool, 12)) + f"编号{i}。"
            date = (
                f"20{rng.randrange(18, 25)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
            )
            simhash = rng.getrandbits(63)
            rows.append(
                {
                    "id": i + 1,
                    "source_id": 1,
                    "location": f"synthetic/{i}",
                    "raw_hash": "-",
                    "title": body[:20],
                    "date": date,
                    "publisher": "合成",
                    "text": body,
                    "simplified": body,
                    "meeting": {},
                    "keywords": [],
                    "highlights": [],
                    "terms": [],
                    "content_hash": f"{i:064x}",
                    "simhash": simhash,
                    **bands(simhash),
                    "first_seen": now,
                    "updated_at": now,
                }
            )
            index.append({"id": i + 1, "terms": index_terms(body)})
        with engine.begin() as conn:
            conn.execute(documents.insert(), rows)
            conn.execute(
                text("INSERT INTO documents_fts(rowid, terms) VALUES (:id, :terms)"), index
            )


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def like(engine, query: str) -> None:
    """The naive alternative: a substring scan for the count and the first five."""
    pattern = f"%{query}%"
    with engine.connect() as conn:
        conn.execute(
            text("SELECT count(*) FROM documents WHERE simplified LIKE :p"), {"p": pattern}
        )
        conn.execute(
            text("SELECT id, title FROM documents WHERE simplified LIKE :p LIMIT 5"), {"p": pattern}
        ).all()


def bench_search(store: Store, engine, size: int, repeat: int) -> None:
    """p50/p95 of Store.search and of LIKE, per query and overall, in ms."""
    print(f"search at {size} documents (ms: search p50 p95 | LIKE p50; matches)")
    every, every_like = [], []
    for query in QUERIES:
        store.search(query)  # warm the page cache for this query
        ours = [timed(lambda q=query: store.search(q)) * 1000 for _ in range(repeat)]
        naive = [timed(lambda q=query: like(engine, q)) * 1000 for _ in range(max(3, repeat // 5))]
        every += ours
        every_like += naive
        p50, p95 = percentiles(ours)
        total = store.search(query).total
        print(f"  {query:10} {p50:7.2f} {p95:7.2f} | {statistics.median(naive):8.1f}; {total}")
    p50, p95 = percentiles(every)
    like50, like95 = percentiles(every_like)
    print(f"  ALL        {p50:7.2f} {p95:7.2f} | {like50:8.1f} (LIKE p95 {like95:.1f})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ingest", type=int, default=300, help="pages for the ingest run")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory() as tmp:
        if args.ingest:
            bench_ingest(args.ingest, Path(tmp) / "pages")
        store = open_store(f"sqlite:///{Path(tmp) / 'search.db'}")
        engine = store._engine  # the bench writes rows directly, bypassing the pipeline
        store.ensure_source("synthetic")
        pool, rng, filled = seed_sentences(), random.Random(11), 0
        for size in sorted(args.sizes):
            started = time.perf_counter()
            fill(store, engine, filled, size, pool, rng)
            filled = size
            print(f"filled to {size} documents in {time.perf_counter() - started:.1f} s")
            bench_search(store, engine, size, args.repeat)
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
