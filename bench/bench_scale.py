"""Search at scale: a million synthetic documents bulk-loaded into PostgreSQL and SQLite, the
store's own search timed with 1 and 8 clients, and a replica's memory at rest (issue 13).

    python bench/bench_scale.py [--docs 1000000] [--backends pg sqlite] [--keep]
    python bench/bench_scale.py --docs 0 --reuse --rss      # query / RSS an existing load

1. Load: documents generated from jieba's dictionary (the 60,000 most frequent words of two
   to four characters, drawn Zipf-like by rank) around one meeting-news sentence each (an
   organisation, a topic, a kind of meeting and a person from bench_store's pools), about
   300 characters, simplified script, dates following ids. Each is indexed exactly as the
   store indexes it (`index_terms`; PostgreSQL's `to_tsvector('simple', …)` on the server,
   through a staging table; SQLite's FTS5 `documents_fts`). PostgreSQL: COPY, with the
   secondary indexes and constraints dropped during the load and re-created after it;
   SQLite: executemany in transactions of 50,000, indexes dropped and re-created too.
2. Queries: a fixed set (one word, two words, a 4-character phrase, common and rare terms, a
   miss, one character, a date filter) through `Store.search` (what /search calls), p50/p95
   with 1 client and with 8 client processes (each its own Store), and on PostgreSQL the
   same queries as a `LIKE '%…%'` scan of `documents` (the first 5 newest, and the count).
3. RSS: a real `digestbot run` against the fake Bot API on the loaded PostgreSQL schema,
   no sources; once it has answered /start, VmRSS from /proc.

Schemas are `bench_scale` (PostgreSQL, in database `test`) and a file under /tmp; both are
dropped at the end unless --keep.
"""

from __future__ import annotations

import argparse
import itertools
import json
import multiprocessing
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

import jieba
import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_pipeline import machine
from bench_store import GIVEN, KINDS, ORGS, PLACES, PUBLISHERS, SURNAMES, TOPICS

from bot.store import Store, open_store
from bot.store.documents import bands
from bot.store.engine import make_engine
from bot.store.newest import FINE, cover, limit_for
from bot.store.search import WINDOW
from bot.store.terms import every_term, index_terms, query_runs

PG = "postgresql://postgres@127.0.0.1:5432/test"
SCHEMA = "bench_scale"
PG_URL = f"postgresql+psycopg://postgres@127.0.0.1:5432/test?options=-csearch_path%3D{SCHEMA}"
SQLITE_FILE = Path(tempfile.gettempdir()) / "bench_scale.db"
BATCH = 10_000
WORDS = 60_000
CJK = range(0x4E00, 0xA000)
# (class, query, filters)
QUERIES: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("one word", "座谈会", {}),
    ("one word", "统战部", {}),
    ("one word", "经济", {}),
    ("common", "工作", {}),
    ("common", "会议", {}),
    ("two words", "乡村振兴 座谈会", {}),
    ("two words", "政协 营商环境", {}),
    ("phrase", "主题教育", {}),
    ("phrase", "民主生活", {}),
    ("rare", "林洪", {}),
    ("rare", "编号43210", {}),
    ("miss", "龘靐齉", {}),
    ("one char", "会", {}),
    ("filtered", "安全生产", {"date_from": "2020-01-01", "date_to": "2020-03-31"}),
)
DOC_COLUMNS = (
    "id, source_id, location, raw_hash, title, date, publisher, text, simplified, meeting,"
    " keywords, highlights, terms, content_hash, simhash, band0, band1, band2, band3,"
    " first_seen, updated_at"
)


# -- the corpus ----------------------------------------------------------------------------------


def vocabulary() -> list[str]:
    """jieba's most frequent words of 2–4 Chinese characters, most frequent first."""
    path = Path(jieba.__file__).parent / "dict.txt"
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        word, freq, *_ = line.split(" ")
        if 2 <= len(word) <= 4 and all(ord(c) in CJK for c in word):
            rows.append((int(freq), word))
    rows.sort(reverse=True)
    return [w for _, w in rows[:WORDS]]


_VOCAB: list[str] = []
_CUM: list[float] = []


def _init() -> None:
    global _VOCAB, _CUM
    _VOCAB = vocabulary()
    _CUM = list(itertools.accumulate(1 / (k + 1) for k in range(len(_VOCAB))))


def _zipf(rng: random.Random, items: Sequence[str]) -> str:
    return items[min(int(len(items) ** rng.random()) - 1, len(items) - 1)]


def document(i: int, n: int, rng: random.Random) -> tuple[str, str]:
    """(simplified text, date) of document i of n."""
    day = date(2018, 1, 1).toordinal() + int(2500 * i / n) + rng.randrange(-20, 21)
    when = date.fromordinal(day).isoformat()
    person = _zipf(rng, SURNAMES) + _zipf(rng, GIVEN)
    head = f"{when[5:7]}月{when[8:]}日，{_zipf(rng, ORGS)}召开{_zipf(rng, TOPICS)}"
    head += f"{_zipf(rng, KINDS)}，{person}主持会议并讲话，{_zipf(rng, PLACES)}作交流发言。"
    total = rng.randrange(70, 110)
    words = rng.choices(_VOCAB, cum_weights=_CUM, k=total)
    body, start = [head], 0
    while start < total:  # clauses of 3–9 words
        end = start + rng.randrange(3, 10)
        body.append("".join(words[start:end]) + ("。" if rng.random() < 0.3 else "，"))
        start = end
    body.append(f"编号{i}。")
    return "".join(body), when


def rows(span: tuple[int, int, int]) -> list[tuple]:
    """Document rows (as COPY takes them) and index terms of ids start+1..end."""
    start, end, n = span
    rng = random.Random(start)
    out = []
    for i in range(start, end):
        simplified, when = document(i, n, rng)
        simhash = rng.getrandbits(63)
        b = bands(simhash)
        out.append(
            (
                i + 1,
                1 + i % 5,
                f"synthetic/{i}",
                "-",
                simplified[:20],
                when,
                PUBLISHERS[i % len(PUBLISHERS)],
                simplified,
                simplified,
                "{}",
                "[]",
                "[]",
                "[]",
                f"{i:064x}",
                simhash,
                b["band0"],
                b["band1"],
                b["band2"],
                b["band3"],
                "2026-12-01 00:00:00",
                "2026-12-01 00:00:00",
                index_terms(simplified),
            )
        )
    return out


def batches(n: int) -> Iterator[list[tuple]]:
    """Every row, generated on all cores, in id order."""
    spans = [(s, min(s + BATCH, n), n) for s in range(0, n, BATCH)]
    with multiprocessing.Pool(os.cpu_count(), initializer=_init) as pool:
        yield from pool.imap(rows, spans)


# -- loading -------------------------------------------------------------------------------------


def fresh_pg() -> Store:
    with psycopg.connect(PG, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        conn.execute(f"CREATE SCHEMA {SCHEMA}")
    return open_store(PG_URL)


def _pg_connect() -> psycopg.Connection:
    return psycopg.connect(PG, options=f"-csearch_path={SCHEMA}")


def load_pg(n: int) -> dict[str, float]:
    """Bulk-load n documents into a fresh schema; seconds per phase."""
    store = fresh_pg()
    for i in range(5):
        store.ensure_source(f"/corpus/{i}")
    store.close()
    times: dict[str, float] = {}
    with _pg_connect() as conn:
        conn.execute("SET maintenance_work_mem = '1GB'")
        saved = conn.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint"
            " WHERE connamespace = %s::regnamespace AND contype IN ('f', 'u')"
            " AND conrelid::regclass::text IN ('documents', 'document_terms')",
            (SCHEMA,),
        ).fetchall()
        for table, name, _ in saved:
            conn.execute(f"ALTER TABLE {table} DROP CONSTRAINT {name}")
        indexes = conn.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = %s"
            " AND tablename IN ('documents', 'document_terms') AND indexname NOT LIKE '%%_pkey'",
            (SCHEMA,),
        ).fetchall()
        for name, _ in indexes:
            conn.execute(f"DROP INDEX {name}")
        conn.execute("CREATE UNLOGGED TABLE bench_terms (id integer, terms text)")
        conn.commit()
        began = time.perf_counter()
        with _pg_connect() as side, conn.cursor() as cur, side.cursor() as side_cur:
            with (
                cur.copy(f"COPY documents ({DOC_COLUMNS}) FROM STDIN") as docs,
                side_cur.copy("COPY bench_terms FROM STDIN") as terms,
            ):
                for batch in batches(n):
                    for row in batch:
                        docs.write_row(row[:-1])
                        terms.write_row((row[0], row[-1]))
            side.commit()
        conn.commit()
        times["COPY documents + terms text"] = time.perf_counter() - began
        began = time.perf_counter()
        conn.execute(
            "INSERT INTO document_terms SELECT id, to_tsvector('simple', terms) FROM bench_terms"
        )
        conn.execute("DROP TABLE bench_terms")
        conn.commit()
        times["to_tsvector into document_terms"] = time.perf_counter() - began
        began = time.perf_counter()
        for _name, definition in indexes:
            started = time.perf_counter()
            conn.execute(definition)
            conn.commit()
            if "gin" in definition:
                times["GIN index"] = time.perf_counter() - started
        times["indexes (all, GIN included)"] = time.perf_counter() - began
        began = time.perf_counter()
        for table, name, definition in saved:
            conn.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}")
        conn.commit()
        times["constraints"] = time.perf_counter() - began
        began = time.perf_counter()
        conn.execute("UPDATE meta SET value = %s WHERE key = 'n_docs'", (n,))
        conn.commit()
        conn.autocommit = True
        conn.execute("VACUUM ANALYZE documents")
        conn.execute("VACUUM ANALYZE document_terms")
        times["vacuum analyze"] = time.perf_counter() - began
    return times


def load_sqlite(n: int) -> dict[str, float]:
    """Bulk-load n documents into a fresh SQLite file; seconds per phase."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{SQLITE_FILE}{suffix}").unlink(missing_ok=True)
    store = open_store(f"sqlite:///{SQLITE_FILE}")
    for i in range(5):
        store.ensure_source(f"/corpus/{i}")
    store.close()
    times: dict[str, float] = {}
    conn = sqlite3.connect(SQLITE_FILE, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -500000")
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'documents'"
        " AND sql IS NOT NULL"
    ).fetchall()
    for name, _ in indexes:
        conn.execute(f"DROP INDEX {name}")
    marks = ", ".join("?" * 21)
    insert_doc = f"INSERT INTO documents ({DOC_COLUMNS}) VALUES ({marks})"
    insert_fts = "INSERT INTO documents_fts(rowid, terms) VALUES (?, ?)"
    began = time.perf_counter()
    conn.execute("BEGIN")
    for k, batch in enumerate(batches(n)):
        conn.executemany(insert_doc, [r[:-1] for r in batch])
        conn.executemany(insert_fts, [(r[0], r[-1]) for r in batch])
        if k % 5 == 4:
            conn.execute("COMMIT")
            conn.execute("BEGIN")
    conn.execute("COMMIT")
    times["insert documents + FTS5"] = time.perf_counter() - began
    began = time.perf_counter()
    for _, definition in indexes:
        conn.execute(definition)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'n_docs'", (n,))
    conn.execute("ANALYZE")
    times["indexes + analyze"] = time.perf_counter() - began
    conn.close()
    return times


# -- queries -------------------------------------------------------------------------------------


def percentiles(samples: Sequence[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def _client(args: tuple[str, int, int]) -> list[tuple[str, float]]:
    """One client: its own Store, the query set `repeat` times in a seeded order."""
    url, repeat, seed = args
    store = Store(make_engine(url))
    rng, out = random.Random(seed), []
    store.search("会议")  # a connection, warm
    for _ in range(repeat):
        order = list(QUERIES)
        rng.shuffle(order)
        for kind, query, filters in order:
            began = time.perf_counter()
            store.search(query, **filters)
            out.append((kind, (time.perf_counter() - began) * 1000))
    store.close()
    return out


def bench_queries(url: str, label: str, repeat: int) -> dict[str, tuple[float, float]]:
    """Per-query counts once, then p50/p95 with 1 and with 8 clients."""
    store = Store(make_engine(url))
    print(f"{label}: matches per query")
    for kind, query, filters in QUERIES:
        page = store.search(query, **filters)
        found = f"{page.total}{'+' if page.total_is_lower_bound else ''}"
        began = time.perf_counter()
        store.search(query, **filters)
        ms = (time.perf_counter() - began) * 1000
        print(f"  {kind:10} {query:12} {found:>6}  {ms:7.1f} ms")
    store.close()
    figures = {}
    for clients in (1, 8):
        with multiprocessing.Pool(clients) as pool:
            began = time.perf_counter()
            results = pool.map(_client, [(url, repeat, c) for c in range(clients)])
            wall = time.perf_counter() - began
        samples = [ms for result in results for _, ms in result]
        by_kind: dict[str, list[float]] = {}
        for kind, ms in itertools.chain.from_iterable(results):
            by_kind.setdefault(kind, []).append(ms)
        p50, p95 = percentiles(samples)
        figures[f"{clients} clients"] = (p50, p95)
        rate = len(samples) / wall
        print(f"{label}, {clients} client(s): p50 {p50:.1f} ms, p95 {p95:.1f} ms, {rate:.0f} q/s")
        for kind, values in by_kind.items():
            k50, k95 = percentiles(values)
            print(f"    {kind:10} p50 {k50:7.1f}  p95 {k95:7.1f}  max {max(values):7.1f}")
    return figures


def bench_like(repeat: int) -> tuple[float, float]:
    """The same queries as substring scans of documents.simplified (newest 5, and the count)."""
    samples = []
    with _pg_connect() as conn:
        for kind, query, _ in QUERIES:
            words = query.split()
            where = " AND ".join(["simplified LIKE %s"] * len(words))
            params = [f"%{w}%" for w in words]
            times = []
            for _ in range(repeat):
                began = time.perf_counter()
                conn.execute(
                    f"SELECT id, title FROM documents WHERE {where} ORDER BY id DESC LIMIT 5",
                    params,
                ).fetchall()
                count = conn.execute(f"SELECT count(*) FROM documents WHERE {where}", params)
                found = count.fetchone()[0]  # type: ignore[index]
                times.append((time.perf_counter() - began) * 1000)
            samples += times
            print(f"  LIKE {kind:10} {query:12} {found:>7}  {statistics.median(times):8.0f} ms")
    p50, p95 = percentiles(samples)
    print(f"PostgreSQL LIKE scan: p50 {p50:.0f} ms, p95 {p95:.0f} ms")
    return p50, p95


def explain(kinds: Sequence[str]) -> None:
    """EXPLAIN ANALYZE of the first statement `Store.search` sends: the newest fine bucket."""
    window = (
        "SELECT i.document_id FROM document_terms i WHERE i.terms @@"
        " (to_tsquery('simple', %s) && CAST(%s AS tsquery))"
        " AND i.document_id BETWEEN %s AND %s ORDER BY i.document_id DESC"
        f" LIMIT {limit_for(WINDOW + 1)}"
    )
    with _pg_connect() as conn:
        high = conn.execute("SELECT max(document_id) FROM document_terms").fetchone()[0]  # type: ignore[index]
        bucket = high >> FINE
        for kind, query, _ in QUERIES:
            if kind in kinds:
                q = every_term(query_runs(query))
                params = (q, cover(bucket, bucket), bucket << FINE, high)
                plan = conn.execute(f"EXPLAIN (ANALYZE, BUFFERS) {window}", params).fetchall()
                print(f"EXPLAIN {query} ({q})")
                print("\n".join(f"    {line}" for (line,) in plan))


# -- memory --------------------------------------------------------------------------------------


def rss_at_rest(url: str, settle: float) -> int:
    """kB resident of a `digestbot run` on `url` with no sources, after it answered /start."""
    from tests.fakebot import TOKEN, FakeBotApi

    root = Path(__file__).resolve().parent.parent
    fake = FakeBotApi().start()
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "pages").mkdir()
        env = {
            **{k: v for k, v in os.environ.items() if k != "LOG_LEVEL"},
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": fake.base_url,
            "DATABASE_URL": url,
            "DIGEST_SOURCES": str(Path(tmp) / "pages"),
            "HEARTBEAT_FILE": str(Path(tmp) / "heartbeat"),
            "PYTHONPATH": str(root),
            "PTB_TIMEDELTA": "true",
        }
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "run"],
            cwd=tmp,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            began = time.perf_counter()
            fake.send_text(4242, "/start")
            fake.wait_for_messages(1, 4242, timeout=120)
            print(f"replica answered /start {time.perf_counter() - began:.1f} s after start")
            time.sleep(settle)
            fake.send_text(4242, "/search 座谈会")
            fake.wait_for_messages(2, 4242, timeout=60)
            time.sleep(settle)
            status = Path(f"/proc/{process.pid}/status").read_text()
            fields = dict(line.split(":", 1) for line in status.splitlines())
            rss, peak = int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])
            print(
                f"replica at rest after /start and one /search: VmRSS {rss / 1024:.0f} MB"
                f" (peak {peak / 1024:.0f} MB)"
            )
            return rss
        finally:
            process.terminate()
            process.wait(timeout=30)
            fake.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=1_000_000)
    parser.add_argument("--backends", nargs="+", default=["pg", "sqlite"])
    parser.add_argument("--repeat", type=int, default=10, help="rounds of the query set per client")
    parser.add_argument("--like", type=int, default=2, help="rounds of the LIKE scan")
    parser.add_argument("--reuse", action="store_true", help="query what an earlier run loaded")
    parser.add_argument("--rss", action="store_true", help="measure a replica's RSS (PostgreSQL)")
    parser.add_argument("--explain", nargs="*", help="EXPLAIN ANALYZE these query classes")
    parser.add_argument("--keep", action="store_true", help="keep the loaded schema and file")
    args = parser.parse_args()
    print(machine())
    results: dict[str, object] = {"docs": args.docs}
    if "pg" in args.backends:
        if not args.reuse:
            began = time.perf_counter()
            times = load_pg(args.docs)
            total = time.perf_counter() - began
            print(
                f"PostgreSQL load of {args.docs} documents: {total:.0f} s "
                f"({args.docs / total:.0f} docs/s)"
            )
            for phase, seconds in times.items():
                print(f"    {phase:34} {seconds:7.1f} s")
            with _pg_connect() as conn:
                size = conn.execute(
                    "SELECT pg_size_pretty(pg_total_relation_size('documents')),"
                    " pg_size_pretty(pg_total_relation_size('document_terms'))"
                ).fetchone()
            print(f"    sizes: documents {size[0]}, document_terms {size[1]}")  # type: ignore[index]
            results["pg load"] = total
        if args.explain is not None:
            explain(args.explain or [kind for kind, _, _ in QUERIES])
        results["pg"] = bench_queries(PG_URL, "PostgreSQL", args.repeat)
        if args.like:
            results["like"] = bench_like(args.like)
        if args.rss:
            results["rss kB"] = rss_at_rest(PG_URL, 5.0)
    if "sqlite" in args.backends:
        if not args.reuse:
            began = time.perf_counter()
            times = load_sqlite(args.docs)
            total = time.perf_counter() - began
            gigabytes = SQLITE_FILE.stat().st_size / 1e9
            print(
                f"SQLite load of {args.docs} documents: {total:.0f} s "
                f"({args.docs / total:.0f} docs/s), file {gigabytes:.2f} GB"
            )
            for phase, seconds in times.items():
                print(f"    {phase:34} {seconds:7.1f} s")
            results["sqlite load"] = total
        results["sqlite"] = bench_queries(f"sqlite:///{SQLITE_FILE}", "SQLite", args.repeat)
    print(json.dumps(results))
    if not args.keep and "pg" in args.backends:
        with psycopg.connect(PG, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
    if not args.keep and "sqlite" in args.backends:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{SQLITE_FILE}{suffix}").unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
