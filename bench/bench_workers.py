"""Ingest throughput on PostgreSQL with 1 and 2 `digestbot watch` workers, in one run.

    python bench/bench_workers.py [--pages 480] [--sources 8] [--url postgresql+psycopg://…]

Writes `--pages` made-up meeting pages (tests/bot/test_ingest.write_corpus) spread over
`--sources` folders, then for 1 and for 2 workers: a fresh schema, the workers started at
once (real processes, as `digestbot watch` runs), the wall time until every page is stored,
pages a second, and each worker's share. Every page must be stored once (0 lost, 0 twice).
Both runs share the machine's noise; compare the two figures of one run, not across runs.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.bot.test_ingest import write_corpus  # noqa: E402

DONE = re.compile(r"scan done: new (\d+), updated \d+, unchanged \d+, duplicates (\d+)")


def spread(folder: Path, pages: int, sources: int) -> list[Path]:
    corpus = folder / "corpus"
    write_corpus(corpus, pages)
    names, out = sorted(corpus.iterdir()), [folder / f"source{n}" for n in range(sources)]
    for n, source in enumerate(out):
        source.mkdir()
        for page in names[n::sources]:
            page.rename(source / page.name)
    return out


def stored(plain: str, schema: str) -> int:
    with psycopg.connect(plain) as conn:
        try:
            row = conn.execute(f"SELECT count(*) FROM {schema}.documents").fetchone()
        except psycopg.errors.UndefinedTable:
            return 0
    return int(row[0]) if row else 0


def one_run(url: str, sources: list[Path], workers: int, pages: int, folder: Path) -> dict:
    plain, schema = url.replace("+psycopg", ""), f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": f"{url}?options=-csearch_path%3D{schema}",
        "DIGEST_SOURCES": ",".join(map(str, sources)),
        "SCAN_INTERVAL": "2",
    }
    logs = [folder / f"w{workers}_{n}.log" for n in range(workers)]
    began = time.monotonic()
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "bot", "watch"], env=env, cwd=folder, stderr=log.open("w")
        )
        for log in logs
    ]
    try:
        while stored(plain, schema) < pages and time.monotonic() - began < 900:
            time.sleep(0.2)
        took = time.monotonic() - began
        time.sleep(4)  # two more rounds: a page stored twice would show
        total = stored(plain, schema)
    finally:
        for proc in procs:
            proc.send_signal(signal.SIGTERM)
        for proc in procs:
            proc.wait(timeout=30)
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")
    shares = [
        sum(int(a) + int(b) for a, b in DONE.findall(log.read_text(encoding="utf-8")))
        for log in logs
    ]
    return {"workers": workers, "seconds": took, "stored": total, "shares": shares}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=480)
    parser.add_argument("--sources", type=int, default=8)
    parser.add_argument("--url", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sources = spread(folder, args.pages, args.sources)
        results = [one_run(args.url, sources, n, args.pages, folder) for n in (1, 2)]
    print("| workers | wall s (start to last page stored) | pages/s | stored | shares |")
    print("|---:|---:|---:|---:|---|")
    for r in results:
        rate = args.pages / r["seconds"]
        print(
            f"| {r['workers']} | {r['seconds']:.1f} | {rate:.1f} | {r['stored']}"
            f" / {args.pages} | {r['shares']} |"
        )
    print(f"scaling: {results[0]['seconds'] / results[1]['seconds']:.2f}x with 2 workers")


if __name__ == "__main__":
    main()
