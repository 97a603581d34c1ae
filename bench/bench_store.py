"""The store's cost: ingest throughput into SQLite, and search latency at 10k and 100k documents.

    python bench/bench_store.py [--ingest 300] [--sizes 10000 100000] [--repeat 15]

1. Ingest: the pipeline alone (`analyse`) against `scan` into a fresh SQLite file (fetch from a
   folder, digest, dedupe, store, index, term counts), on the same corpus (bench_pipeline's).
2. Search: a synthetic corpus of the given sizes is bulk-inserted (the pipeline is bypassed)
   and a mix of queries is timed through `Store.search` (window, rank, snippets; 5 hits)
   and against a plain `LIKE '%…%'` scan of the same table (count + first 5) in the same run.

The synthetic corpus (seeded, reproducible): each document is a report of one meeting,
built from templates whose slots are drawn from pools — 1,505 people (43 surnames × 35 names,
Zipf-weighted so a few leaders recur), 30 places, 42 organisations, 30 meeting kinds and
40 topics (Zipf-weighted: `民主生活会`-like words are common, most are rare), numbers —
plus 3 sentences drawn from the digested seeds for the genre's stock phrases. One document
in five is traditional script. Dates follow ids (documents arrive roughly as they are
published) with a few weeks' noise, and one in twenty is a late backfill of an older date.
Publishers: 25 names; sources: 5 folders. So a common keyword is in a few % to ~40 % of
documents, stock words (会议, 工作) in most, a name or place in well under 1 %.

The query mix is what readers type, by class: keywords of 2–5 characters, names, places,
one character, rare strings, traditional script, and filtered searches (date range, source).
p50/p95 are printed per class and overall, in ms, single-threaded, warm page cache.
Target: search p95 < 20 ms at 100,000 documents.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, date, datetime
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
from digests.script import to_simplified, to_traditional
from digests.sentences import split_sentences

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
GIVEN = "明华强军平伟芳敏静丽勇杰涛斌磊超刚霞燕红建国志文海波宁东晓玉兰春林峰洪"
TOWNS = "青浦 嘉定 松江 闵行 宝山 徐汇 长宁 黄浦 静安 普陀 虹口 杨浦 金山 奉贤 崇明"
COUNTIES = "安平 永兴 新和 福阳 宁江 长清 广德 临安 桐庐 建德 淳安 富阳 余杭 萧山 海宁"
PLACES = [f"{t}区" for t in TOWNS.split()] + [f"{t}县" for t in COUNTIES.split()]
ORGS = [
    *[
        f"{a}{b}"
        for a in ("区", "市", "县")
        for b in (
            "政协",
            "统战部",
            "组织部",
            "宣传部",
            "人大常委会",
            "教育局",
            "水利局",
            "科技局",
            "农业农村局",
            "民政局",
            "妇联",
            "团委",
            "总工会",
        )
    ],
    "九三学社",
    "民盟",
    "民建",
]
KINDS = (
    "座谈会",
    "民主生活会",
    "专题会议",
    "常委会议",
    "推进会",
    "部署会",
    "培训班",
    "调研会",
    "协商会",
    "组织生活会",
    "务虚会",
    "工作会议",
    "读书班",
    "述职会",
    "总结会",
    "动员会",
    "现场会",
    "联席会议",
    "理论学习中心组学习会",
    "党组会议",
    "视察活动",
    "恳谈会",
    "交流会",
    "评议会",
    "通报会",
    "对接会",
    "论证会",
    "听证会",
    "研讨会",
    "发布会",
)
TOPICS = (
    "主题教育",
    "乡村振兴",
    "防汛抗旱",
    "营商环境",
    "安全生产",
    "基层治理",
    "民营经济",
    "数字经济",
    "生态环境",
    "文明城市创建",
    "垃圾分类",
    "老旧小区改造",
    "科技创新",
    "人才引进",
    "校园安全",
    "食品安全",
    "养老服务",
    "医保改革",
    "乡风文明",
    "河长制",
    "招商引资",
    "统一战线",
    "民族团结",
    "宗教事务",
    "港澳台工作",
    "党风廉政建设",
    "作风建设",
    "巡察整改",
    "意识形态",
    "网络安全",
    "应急管理",
    "信访工作",
    "双拥工作",
    "国防教育",
    "就业创业",
    "农村电商",
    "特色种植",
    "文旅融合",
    "城市更新",
    "疫情防控",
)
PUBLISHERS = [f"{p}融媒体中心" for p in PLACES[:15]] + [f"{o}办公室" for o in ORGS[:10]]
TEMPLATES = (
    "{date}，{org}召开{topic}{kind}，{person}主持会议并讲话。",
    "会议听取了{place}关于{topic}工作的情况汇报，{person2}作交流发言。",
    "{person}强调，要深入推进{topic}，确保第{n}批任务按期完成。",
    "{org}{person2}出席并就{topic2}提出{n}条意见建议。",
    "与会人员围绕{topic2}开展讨论，{place}等{n}个单位作了发言。",
)
# (class, query, filters): what readers type; filters are Store.search keywords
QUERIES: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("keyword", "民主生活会", {}),
    ("keyword", "统战部", {}),
    ("keyword", "政协", {}),
    ("keyword", "座谈会", {}),
    ("keyword", "主题教育", {}),
    ("keyword", "生活会", {}),
    ("keyword", "乡村振兴", {}),
    ("keyword", "河长制", {}),
    ("common", "会议", {}),
    ("common", "工作", {}),
    ("name", "王明", {}),
    ("name", "林洪", {}),
    ("place", "青浦区", {}),
    ("place", "福阳县", {}),
    ("one char", "会", {}),
    ("one char", "莓", {}),
    ("rare", "编号4321", {}),
    ("rare", "草莓大棚", {}),
    ("traditional", "統戰部", {}),
    ("traditional", "民主生活會", {}),
    ("filtered", "政协", {"date_from": "2024-06-01"}),
    ("filtered", "座谈会", {"date_from": "2021-01-01", "date_to": "2021-03-31"}),
    ("filtered", "主题教育", {"source": "青浦区融媒体中心"}),
    ("filtered", "会议", {"source": "/corpus/3"}),
)


def zipf(rng: random.Random, items: Sequence[str]) -> str:
    """An item, the k-th about 1/k as likely as the first."""
    return items[min(int(len(items) ** rng.random()) - 1, len(items) - 1)]


def synthetic(i: int, n: int, pool: list[str], rng: random.Random) -> tuple[str, str, str, int]:
    """(text, date, publisher, source number) of synthetic document i of n."""
    day = date(2018, 1, 1).toordinal() + int(2500 * i / n) + rng.randrange(-20, 21)
    if rng.random() < 0.05:  # a late backfill of an older page
        day = date(2018, 1, 1).toordinal() + rng.randrange(0, 2500)
    when = date.fromordinal(day).isoformat()
    people = [zipf(rng, SURNAMES) + zipf(rng, GIVEN) for _ in range(2)]
    slots = {
        "date": f"{when[5:7]}月{when[8:]}日",
        "org": zipf(rng, ORGS),
        "place": zipf(rng, PLACES),
        "kind": zipf(rng, KINDS),
        "topic": zipf(rng, TOPICS),
        "topic2": zipf(rng, TOPICS),
        "person": people[0],
        "person2": people[1],
        "n": rng.randrange(2, 40),
    }
    body = [t.format(**slots) for t in TEMPLATES if rng.random() < 0.8]
    body += [*rng.sample(pool, 3), f"编号{i}。"]
    text = "".join(body)
    if rng.random() < 0.2:
        text = to_traditional(text)
    return text, when, zipf(rng, PUBLISHERS), rng.randrange(5)


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


def fill(engine, start: int, n: int, pool: list[str], sources: list[int]) -> None:
    """Bulk-insert synthetic documents start..n-1 (of a corpus of n) with their index rows."""
    now, rng = datetime.now(UTC), random.Random(start)
    for batch in range(start, n, 2000):
        rows, index = [], []
        for i in range(batch, min(batch + 2000, n)):
            body, when, publisher, source = synthetic(i, n, pool, rng)
            simplified = to_simplified(body)
            simhash = rng.getrandbits(63)
            rows.append(
                {
                    "id": i + 1,
                    "source_id": sources[source],
                    "location": f"synthetic/{i}",
                    "raw_hash": "-",
                    "title": simplified[:20],
                    "date": when,
                    "publisher": publisher,
                    "text": body,
                    "simplified": simplified,
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
            index.append({"id": i + 1, "terms": index_terms(simplified)})
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
    pattern = f"%{to_simplified(query)}%"
    with engine.connect() as conn:
        conn.execute(
            text("SELECT count(*) FROM documents WHERE simplified LIKE :p"), {"p": pattern}
        )
        conn.execute(
            text("SELECT id, title FROM documents WHERE simplified LIKE :p LIMIT 5"), {"p": pattern}
        ).all()


def bench_search(store: Store, engine, size: int, repeat: int) -> None:
    """p50/p95 of Store.search and of LIKE, per query, per class and overall, in ms."""
    print(f"search at {size} documents (ms: search p50 p95 | LIKE p50; matches)")
    by_class: dict[str, tuple[list[float], list[float]]] = {}
    for kind, query, filters in QUERIES:
        store.search(query, **filters)  # warm the page cache for this query
        ours = [
            timed(lambda q=query, f=filters: store.search(q, **f)) * 1000 for _ in range(repeat)
        ]
        naive = [timed(lambda q=query: like(engine, q)) * 1000 for _ in range(max(2, repeat // 8))]
        mine, theirs = by_class.setdefault(kind, ([], []))
        mine += ours
        theirs += naive
        page = store.search(query, **filters)
        found = f"{page.total}{'+' if page.total_is_lower_bound else ''}"
        p50, p95 = percentiles(ours)
        shown = f"{query} {' '.join(filters.values())}"
        like50 = statistics.median(naive)
        print(f"  {kind:11} {shown:30} {p50:7.2f} {p95:7.2f} | {like50:7.1f}; {found}")
    print("  per class   (search p50 p95 | LIKE p50 p95)")
    for kind, (mine, theirs) in by_class.items():
        print(f"  {kind:11} {row(mine, theirs)}")
    every = [x for mine, _ in by_class.values() for x in mine]
    print(f"  ALL         {row(every, [x for _, theirs in by_class.values() for x in theirs])}")


def row(mine: list[float], theirs: list[float]) -> str:
    """'search p50 p95 | LIKE p50 p95' in ms."""
    (p50, p95), (l50, l95) = percentiles(mine), percentiles(theirs)
    return f"{p50:7.2f} {p95:7.2f} | {l50:7.1f} {l95:7.1f}"


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
        sources = [store.ensure_source(f"/corpus/{i}") for i in range(5)]
        pool, filled = seed_sentences(), 0
        for size in sorted(args.sizes):
            started = time.perf_counter()
            fill(engine, filled, size, pool, sources)
            filled = size
            print(f"filled to {size} documents in {time.perf_counter() - started:.1f} s")
            bench_search(store, engine, size, args.repeat)
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
