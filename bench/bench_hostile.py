"""Hostile input, timed: tag bombs, a giant sentence, a 10 MB page, a crafted listing, a
10,000-entry feed, and how long the event loop stalls while a scan meets them.

    python bench/bench_hostile.py                 # this tree
    python bench/bench_hostile.py --tree /tmp/old # another checkout (before/after)

Each page case runs in a fresh interpreter (its peak RSS is its own, `ru_maxrss`) and is
killed after --timeout seconds. The loop cases run a real scan (SQLite in a temporary
folder) beside a 10 ms ticker and report its longest gap: the longest the bot could not
have answered a message.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROSE = "市政协召开党组会议，传达学习全会精神，研究部署下一阶段工作。"
LEDE = f"<p>{PROSE}</p>" * 20

# Each case builds its input and times what the bot would do with it; prints seconds.
PAGE_CASES = {
    "tag bomb: 10 MB, a million tiny tags": f"""
        data = ("<html><body>{LEDE}" + "<b>x</b>" * 1_250_000 + "</body></html>").encode()
        timed(lambda: digest(data, "bomb.html"))""",
    "tag bomb: 150,000 flat tags (under the refusal bound)": f"""
        data = ("<html><body>{LEDE}" + "<b>x</b>" * 150_000 + "</body></html>").encode()
        timed(lambda: digest(data, "flat.html"))""",
    "tag bomb: 150,000 nested tags": f"""
        n = 150_000
        data = ("<html><body>{LEDE}" + "<div>" * n + "x" + "</div>" * n + "</body></html>").encode()
        timed(lambda: digest(data, "nested.html"))""",
    "one sentence of 100,000 characters (300 KB)": """
        data = ("关于党组会议的报道\\n" + "会" * 100_000 + "。\\n").encode()
        timed(lambda: digest(data, "sentence.txt"))""",
    "10 MB of prose (3.5 million characters)": f"""
        data = (("{PROSE}" * 50 + "\\n") * 3_450).encode()
        timed(lambda: digest(data, "long.txt"))""",
    "a listing of 2,500 links in one <div> (shape)": """
        from bot.sources.shape import measure
        link = '<a href="/t2024_1.html">市政协召开党组会议</a>'
        page = "<html><body><div>" + link * 2_500 + "</div></body></html>"
        timed(lambda: measure(page, "http://example.org/list/index.html"))""",
}
_PRELUDE = """
import resource, time
from digests.keywords import DocumentFrequencies
from digests.model import DigestError
from digests.pipeline import finish, prepare
from digests.segment import initialize
initialize()

def digest(data, name):
    try:
        finish(prepare(data, name), DocumentFrequencies())
        return "digested"
    except DigestError as error:
        return f"refused ({error})"

def timed(work):
    began, cpu = time.perf_counter(), time.process_time()
    outcome = work()
    seconds = time.perf_counter() - began
    cpu = time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kind = getattr(outcome, "kind", outcome)
    print(f"{seconds:.2f} ({cpu:.2f} CPU)|{peak:.0f}|{kind}")
"""

_LOOP = """
import asyncio, sys, tempfile, time
from pathlib import Path
import httpx
from sqlalchemy import event
from bot.ingest import scan
from bot.sources import FetchConfig, Fetcher
from bot.store import open_store

async def ticker(gaps):
    last = time.perf_counter()
    while True:
        await asyncio.sleep(0.01)
        now = time.perf_counter()
        gaps.append(now - last - 0.01)
        last = now

def feed(entries):
    items = "".join(
        f"<item><title>第{n}次会议</title><link>http://feeds.example.cn/a/{n}.html</link>"
        f"<description>{'会议' * 40}</description></item>" for n in range(entries))
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
            + items + "</channel></rss>").encode()

async def main(kind):
    folder = Path(tempfile.mkdtemp())
    store = open_store(f"sqlite:///{folder / 'bot.db'}")
    statements = []
    event.listen(store._engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    options = {}
    if kind == "feed":
        body = feed(10_000)
        print(f"feed: {len(body) / 1e6:.2f} MB", file=sys.stderr)
        def handler(request):
            if request.url.path == "/rss.xml":
                return httpx.Response(200, content=body,
                                      headers={"Content-Type": "application/rss+xml"})
            return httpx.Response(404)
        transport = httpx.MockTransport(handler)
        locations = ["http://feeds.example.cn/rss.xml"]
    else:
        pages = folder / "pages"
        pages.mkdir()
        (pages / "sentence.txt").write_text("关于党组会议的报道\\n" + "会" * 100_000 + "。\\n")
        lede = "<p>" + "市政协召开党组会议，传达学习全会精神。" + "</p>"
        (pages / "flat.html").write_text("<html><body>" + lede * 20 + "<b>x</b>" * 150_000
                                         + "</body></html>")
        for n, seed in enumerate(sorted(Path("seeds").glob("*.txt"))):
            (pages / f"seed{n}.txt").write_bytes(seed.read_bytes())
        transport, locations = None, [str(pages)]
        if kind == "worker":
            from bot.worker import PageWorker
            worker = PageWorker()
            worker.start()
            await worker.run(len, b"")  # loaded: the bot starts it at start-up
            options["worker"] = worker
    config = FetchConfig(allow_private=True, host_interval=0, obey_robots=False)
    gaps = []
    tick = asyncio.create_task(ticker(gaps))
    statements.clear()
    began = time.perf_counter()
    async with Fetcher(config, transport=transport) as fetcher:
        summary = await scan(store, locations, fetcher=fetcher, **options)
    took = time.perf_counter() - began
    tick.cancel()
    selects = sum(1 for s in statements if s.lstrip().upper().startswith("SELECT"))
    print(f"{took:.2f}|{max(gaps) * 1000:.0f}|{selects}|{summary.line()}")
    if "worker" in options:
        options["worker"].close()

asyncio.run(main(sys.argv[1]))
"""
LOOP_CASES = {
    "scan of a 10,000-entry feed": "feed",
    "scan of a hostile folder (giant sentence, tag bomb, 5 seeds), pages in a thread": "thread",
    "the same, pages in the worker process": "worker",
}


def run(code: str, tree: Path, timeout: float, *args: str) -> str:
    """The last stdout line of `code` run in a fresh interpreter on `tree`, or why not."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    try:
        done = subprocess.run(
            [sys.executable, "-c", code, *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=tree,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return f"killed after {timeout:g} s"
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        return "failed: " + (done.stderr.strip().splitlines() or ["?"])[-1]
    return lines[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, default=ROOT, help="the checkout to measure")
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--only", choices=("pages", "loop"), default=None)
    args = parser.parse_args()
    print(f"tree: {args.tree}")
    if args.only != "loop":
        print("| page | seconds (CPU) | peak RSS MB | outcome |")
        for name, body in PAGE_CASES.items():
            found = run(_PRELUDE + textwrap.dedent(body), args.tree, args.timeout)
            cells = found.split("|") if found.count("|") == 2 else [found, "", ""]
            print(f"| {name} | " + " | ".join(cells) + " |", flush=True)
    if args.only != "pages":
        print("| scan | seconds | longest loop gap ms | SELECTs | summary |")
        with tempfile.TemporaryDirectory():
            for name, kind in LOOP_CASES.items():
                if kind == "worker" and not (args.tree / "bot" / "worker.py").exists():
                    continue
                found = run(_LOOP, args.tree, args.timeout * 3, kind)
                cells = found.split("|") if found.count("|") == 3 else [found, "", "", ""]
                print(f"| {name} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
