"""Twenty fixture sites of fifty articles each on loopback (127.0.0.2 … 127.0.0.21, one host
each), followed as listings under the default politeness (one request a second per host).

- first pass: robots.txt, three listing pages (20, 20, 10) and 50 articles per host, all
  digested and stored; the politeness bound is the busiest host's requests less one, in
  seconds (hosts in parallel).
- steady state: the same scan again with nothing changed: one conditional GET per site,
  answered 304 (robots.txt is cached for an hour).

    PYTHONPATH=. python bench/bench_sites.py [--sites 20] [--articles 50]
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from bot.ingest import scan
from bot.settings import Settings
from bot.sources import FetchConfig, Fetcher, fetch_config
from bot.store import open_store
from tests.sites.pages import STYLES, Site
from tests.sites.server import Served, serve


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def run(sites: int, articles: int) -> None:
    settings = Settings(allow_private=("127.0.0.0/8",))
    with ExitStack() as stack, tempfile.TemporaryDirectory() as tmp:
        served: list[Served] = [
            stack.enter_context(
                serve(Site(STYLES[i % 3], first=articles, per_page=20), f"127.0.0.{i + 2}")
            )
            for i in range(sites)
        ]
        sources = [s.site.listing_url for s in served]
        store = open_store(f"sqlite:///{Path(tmp) / 'bench.db'}")
        # 51 links on some first pages (one robots.txt forbids): all in one pass, not 50
        async with Fetcher(fetch_config(settings, FetchConfig(max_entries=60))) as fetcher:
            started, used = time.perf_counter(), cpu()
            first = await scan(store, sources, fetcher=fetcher)
            took, spent = time.perf_counter() - started, cpu() - used
            busiest = max(len(s.requests) for s in served)
            bound = busiest - 1  # the first request of each host goes out at once
            times = [at for s in served for at, _, _ in s.requests]
            fetched = max(times) - min(times)
            print(f"first pass: {first.line()}")
            print(
                f"  {took:.1f} s wall, {spent:.1f} s CPU; politeness bound {bound} s "
                f"({busiest} requests on the busiest host) → {took / bound:.2f}×"
            )
            print(
                f"  fetching alone (first to last request): {fetched:.1f} s"
                f" → {fetched / bound:.2f}×"
            )
            for s in served:
                s.forget()
            started = time.perf_counter()
            again = await scan(store, sources, fetcher=fetcher)
            steady = time.perf_counter() - started
        store.close()
        statuses = [status for s in served for status in s.statuses()]
        print(f"steady state: {again.line()}")
        print(
            f"  {steady * 1000:.0f} ms for {sites} sites ({steady / sites * 1000:.1f} ms a site); "
            f"{len(statuses)} requests, {statuses.count(304)} answered 304"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sites", type=int, default=20)
    parser.add_argument("--articles", type=int, default=50)
    args = parser.parse_args()
    asyncio.run(run(args.sites, args.articles))


if __name__ == "__main__":
    main()
