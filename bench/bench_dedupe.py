"""The store's duplicate rule on a mix of pages that share paragraphs: false merges, reposts
merged, time per insert, on a fresh SQLite and PostgreSQL store.

    PYTHONPATH=. /work/venv/bin/python bench/bench_dedupe.py [--pages 1500] [--reposts 100]
        [--backends sqlite postgresql] [--no-old]

The mix (`tests/bot/store/mix.py`, seeded): pages of six paragraphs drawn from a pool of
generated meeting-news paragraphs; every page shares a paragraph or two with another, none
shares three (none is a repost). Each page is stored as the store stores a digested page
(`Store.find_duplicate`, then `Store.add_document`); any page found a duplicate is a false
merge. Then reposts of stored pages (a sentence edited, furniture around it, traditional
script, numbers changed, or all of these) go through the pipeline (`prepare`: decode, clean,
simplify) and must each be found the duplicate of their page.

It also counts what the SimHash-only rule the store used before would have done: pages with
an earlier original within 14 bits (whatever the bands), and those the four exact 16-bit
bands found. Candidate rows are the band-index hits `find_duplicate` reads per insert.
Last, the mix is stored again with that old rule, and migration 0007's re-check of the
links (`bot.store.duplicates.recheck`) is timed and must leave no page merged.
The real pages of bench/realpages are git-ignored and not in a fresh checkout: this mix is
generated, not drawn from them.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_pipeline import machine
from sqlalchemy import text

from bot.store import Store, open_store
from bot.store import duplicates as dup
from digests.dedupe import bands, content_hash, from_signed64, hamming, simhash
from digests.keywords import DocumentFrequencies
from digests.model import Document, MeetingFacts
from digests.pipeline import finish, prepare
from digests.segment import tokenize
from tests.bot.store.mix import build_mix, reposts

PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
HEADLINE = "关于召开工作会议的报道\n2024年5月6日\n"  # the title rule takes these, not the body


def document(path: str, body: str) -> Document:
    """A page as the store receives it: body simplified already, hashed, segmented."""
    return Document(
        path=path,
        title="关于召开工作会议的报道",
        date="2024-05-06",
        source="本网",
        meeting=MeetingFacts(),
        keywords=(),
        highlights=(),
        text=body,
        simplified=body,
        content_hash=content_hash(body),
        simhash=simhash(body),
        tokens=tuple(tokenize(body)),
    )


def digested(path: str, body: str) -> Document:
    """A page as the bot digests it (decoded, cleaned, simplified): real paragraphs carry
    the noise the pipeline removes, so their originals go through it like the reposts."""
    prepared = prepare((HEADLINE + body).encode(), path)
    return finish(prepared, DocumentFrequencies(0, Counter()))


@contextmanager
def fresh(backend: str) -> Iterator[Store]:
    """An empty store of `backend`, removed afterwards."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            store = open_store(f"sqlite:///{folder}/dedupe.db")
            yield store
            store.close()
        return
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:8]}"
    plain = PG.replace("+psycopg", "")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        store = open_store(f"{PG}?options=-csearch_path%3D{schema}")
        yield store
        store.close()
    finally:
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


# the lookup the store made before migration 0007: one exact match of a 16-bit band
_OLD_LOOKUP = text(
    " UNION ALL ".join(
        f"SELECT id, simhash, duplicate_of FROM documents WHERE band{i} = :band{i}"
        for i in range(4)
    )
)


def old_lookup(store: Store, signature: int) -> float:
    """Seconds the old lookup took (its content-hash query, its four bands, its filter)."""
    params = {f"band{i}": value for i, value in enumerate(bands(signature))}
    start = time.perf_counter()
    with store._read() as conn:
        conn.execute(dup._EXACT, {"hash": "0" * 64, "exclude": -1}).first()
        near = [
            r.id
            for r in conn.execute(_OLD_LOOKUP, params)
            if r.duplicate_of is None and hamming(from_signed64(r.simhash), signature) <= 14
        ]
    del near
    return time.perf_counter() - start


def old_rule(store: Store, signature: int) -> tuple[bool, int | None]:
    """(an original within 14 bits, the nearest one sharing an exact 16-bit band): what the
    store's SimHash-only rule before migration 0007 could and did merge."""
    with store._read() as conn:
        near = dup.near_originals(conn, signature)
        if not near:
            return False, None
        rows = {r.id: r for r in dup.candidates(conn, signature)}
    own = bands(signature)
    for _, doc_id in near:  # nearest first, as the old lookup chose
        theirs = bands(from_signed64(rows[doc_id].simhash))
        if any(b == o for b, o in zip(theirs, own, strict=True)):
            return True, doc_id
    return True, None


def run(
    backend: str, docs: list[Document], repost_pages: list[tuple[int, str, bytes]], old: bool
) -> None:
    """Store the mix, then the reposts; print what happened."""
    finds, cpu, adds, rows, olds = [], [], [], [], []
    false_merges = old_near = old_banded = 0
    with fresh(backend) as store:
        source = store.ensure_source("/bench")
        ids = []
        for doc in docs:
            with store._read() as conn:
                rows.append(len(dup.candidates(conn, doc.simhash)))
            if old:
                olds.append(old_lookup(store, doc.simhash))
                near, banded = old_rule(store, doc.simhash)
                old_near, old_banded = old_near + near, old_banded + (banded is not None)
            start, processor = time.perf_counter(), time.process_time()
            original = store.find_duplicate(doc)
            found = time.perf_counter()
            cpu.append(time.process_time() - processor)
            ids.append(
                store.add_document(doc, source_id=source, raw_hash=doc.path, duplicate_of=original)
            )
            finds.append(found - start)
            adds.append(time.perf_counter() - found)
            false_merges += original is not None
        merged, missed = 0, []
        for index, kind, data in repost_pages:
            prepared = prepare(data, f"/elsewhere/{index}")
            if store.find_duplicate(prepared) == ids[index]:
                merged += 1
            else:
                missed.append(kind)
    print(f"{backend}: {len(docs)} pages stored")
    print(f"  false merges          {false_merges}")
    if old:
        print(f"  SimHash alone         {old_near} pages within 14 bits of an earlier one")
        print(f"  old 4 exact bands     {old_banded} of them found (merged by the old rule)")
    print(f"  reposts merged        {merged} of {len(repost_pages)}  missed: {missed or 'none'}")
    print(f"  find_duplicate        {_ms(finds)}")
    print(f"  find_duplicate (CPU)  {_ms(cpu)} (this process's; PostgreSQL's own not counted)")
    if old:
        print(f"  old lookup (4 bands)  {_ms(olds)}")
    print(f"  add_document          {_ms(adds)}")
    tail = rows[-len(rows) // 10 :]
    print(
        f"  candidate rows        mean {statistics.mean(rows):.0f}, "
        f"last tenth mean {statistics.mean(tail):.0f} ({statistics.mean(tail) / len(docs):.1%})"
    )
    if old:
        migrate_old(backend, docs, repost_pages)


def migrate_old(
    backend: str, docs: list[Document], repost_pages: list[tuple[int, str, bytes]]
) -> None:
    """Store the mix and its reposts with the old rule, then time migration 0007's re-check
    of the links (the reposts' must stay)."""
    copies = []
    for index, _, data in repost_pages:
        simplified = prepare(data, f"/elsewhere/{index}").simplified
        copies.append(document(f"/elsewhere/{index}", simplified))
    with fresh(backend) as store:
        source = store.ensure_source("/bench")
        for doc in [*docs, *copies]:
            _, original = old_rule(store, doc.simhash)
            store.add_document(doc, source_id=source, raw_hash=doc.path, duplicate_of=original)
        merged = store.stats()["duplicates"]
        start = time.perf_counter()
        with store._write() as conn:
            done = dup.recheck(conn, datetime.now(UTC))
        seconds = time.perf_counter() - start
        left = store.stats()["duplicates"]
    print(
        f"  old rule, then 0007   {merged} merged; re-check: {done.kept} kept, {done.moved} moved,"
        f" {len(done.restored)} restored, {left} left, in {seconds:.2f} s"
    )


def _ms(seconds: list[float]) -> str:
    ordered = sorted(seconds)
    p50, p95 = ordered[len(ordered) // 2], ordered[int(len(ordered) * 0.95)]
    return f"mean {statistics.mean(seconds) * 1e3:.2f} ms, p50 {p50 * 1e3:.2f}, p95 {p95 * 1e3:.2f}"


def real_paragraphs(folder: Path) -> list[str]:
    """The paragraphs of running prose (40 to 300 characters: a page's one long line would
    be most of two pages' text, a repost in all but name) of the pages in `folder`, each
    once: a mix of them is pages of real news that share paragraphs."""
    found: list[str] = []
    for path in sorted(folder.iterdir()):
        if path.suffix == ".txt":
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
            found.extend(line.strip() for line in lines if 40 <= len(line.strip()) <= 300)
    return list(dict.fromkeys(found))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1500)
    parser.add_argument("--reposts", type=int, default=100)
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--no-old", action="store_true", help="skip the old rule's figures")
    parser.add_argument(
        "--real", type=Path, help="draw the paragraphs from the page texts in this folder"
    )
    args = parser.parse_args()
    print(machine())
    given = real_paragraphs(args.real) if args.real else None
    if given is not None:
        print(f"pool: {len(given)} paragraphs of the real pages in {args.real}")
    mix = build_mix(args.pages, pool=2 * args.pages, given=given)
    print(f"mix: {len(mix.pages)} pages, {mix.shared} share a paragraph with another")
    build = digested if given is not None else document
    docs = [build(f"/bench/{i}", page) for i, page in enumerate(mix.pages)]
    made = reposts(mix.pages, args.reposts, seed=random.Random(9).randrange(100))
    repost_pages = [(i, kind, (HEADLINE + text).encode()) for i, kind, text in made]
    for backend in args.backends:
        run(backend, docs, repost_pages, not args.no_old)


if __name__ == "__main__":
    main()
