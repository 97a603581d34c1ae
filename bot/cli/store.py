"""`digestbot ingest` (one scan of DIGEST_SOURCES) and `digestbot search QUERY`."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

from bot.cli.arguments import Commands, whole_number
from bot.logs import configure_logging
from bot.settings import Settings
from bot.sources import FetchConfig, Fetcher, fetch_config

FORMATS = ("text", "json")


def register(commands: Commands) -> None:
    """Add the `ingest` and `search` subcommands to the `digestbot` parser."""
    ingest = commands.add_parser(
        "ingest",
        help="scan the sources into the database once",
        description="Fetch DIGEST_SOURCES and the stored sources (added from the chat or by "
        "`digestbot sources import`), digest new and changed pages and store them in "
        "DATABASE_URL; ends with one summary line.",
    )
    ingest.set_defaults(handler=run_ingest)
    search = commands.add_parser(
        "search",
        help="search the stored documents",
        description="Full-text search of the stored documents, in either script, best first.",
    )
    search.add_argument("query", nargs="+", metavar="QUERY", help="words to find (plain text)")
    search.add_argument(
        "--limit", type=whole_number(1, 100), default=5, metavar="N", help="results (5)"
    )
    search.add_argument("--format", choices=FORMATS, default="text", help="default: text")
    search.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="dated on or after")
    search.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="dated on or before")
    search.add_argument("--source", help="a source location or publisher name")
    search.set_defaults(handler=run_search)


@contextmanager
def open_store_cli(settings: Settings) -> Iterator[Any]:
    """The store of DATABASE_URL, closed afterwards."""
    from bot.startup import open_store_or_exit  # SQLAlchemy and Alembic load only here

    store = open_store_or_exit(settings)
    try:
        yield store
    finally:
        store.close()


@asynccontextmanager
async def store_and_fetcher(
    settings: Settings, config: FetchConfig | None = None, *, service: bool = False
) -> AsyncIterator[tuple[Any, Fetcher]]:
    """The store of DATABASE_URL (opened off the event loop) and a fetcher, both closed after.

    A `service` (the watcher) is the only process on an SQLite file: StartupError otherwise.
    """
    from bot.startup import hold_role, open_store_async

    store = await open_store_async(settings)
    role = None
    try:
        if service:
            role = await asyncio.to_thread(hold_role, store, polling=False)
        async with Fetcher(fetch_config(settings, config)) as fetcher:
            yield store, fetcher
    finally:
        if role is not None:
            role.release()
        store.close()


def run_ingest(args: argparse.Namespace) -> int:
    """One scan; prints 'new N, updated N, unchanged N, duplicates N, failed N'."""
    settings = Settings.from_env()
    # the summary line is the output; below WARNING only when debugging
    configure_logging(level="DEBUG" if settings.log_level == "DEBUG" else "WARNING")
    print(asyncio.run(_scan(settings)).line())
    return 0


async def _scan(settings: Settings) -> Any:
    """Scan with a progress bar when stderr is a terminal."""
    from tqdm import tqdm

    from bot.ingest import scan, scan_locations
    from bot.worker import page_worker

    with tqdm(total=0, unit="page", disable=not sys.stderr.isatty(), leave=False) as bar:

        def progress(done: int, total: int, _location: str) -> None:
            bar.total = total
            bar.update(done - bar.n)

        async with store_and_fetcher(settings) as (store, fetcher), page_worker() as worker:
            locations = await asyncio.to_thread(
                scan_locations, settings.sources, store, settings.folder_root
            )
            return await scan(store, locations, fetcher=fetcher, progress=progress, worker=worker)


def run_search(args: argparse.Namespace) -> int:
    """Print the best matches; 0 even when there are none."""
    settings = Settings.from_env()
    with open_store_cli(settings) as store:
        page = store.search(
            " ".join(args.query),
            limit=args.limit,
            date_from=args.date_from,
            date_to=args.date_to,
            source=args.source,
        )
    if args.format == "json":
        results = [_json_hit(hit) for hit in page.hits]
        print(json.dumps({"results": results}, ensure_ascii=False, indent=2))
    elif not page.hits:
        print("digestbot: no results", file=sys.stderr)
    else:
        print("\n\n".join(_text_hit(n, hit) for n, hit in enumerate(page.hits, 1)))
    return 0


def _json_hit(hit: Any) -> dict[str, Any]:
    from bot.sources import source_kind

    where = "url" if source_kind(hit.location) == "url" else "path"
    return {
        "id": hit.id,
        "title": hit.title,
        "date": hit.date,
        "source": hit.source,
        "snippet": hit.snippet,
        where: hit.location,
    }


def marked(snippet: str, marks: tuple[tuple[int, int], ...]) -> str:
    """The snippet with each match in 【】."""
    out, last = [], 0
    for start, end in marks:
        out += [snippet[last:start], "【", snippet[start:end], "】"]
        last = end
    return "".join([*out, snippet[last:]])


def _text_hit(number: int, hit: Any) -> str:
    about = ", ".join(part for part in (hit.date, hit.source) if part)
    head = f"{number}. {hit.title}" + (f" ({about})" if about else "")
    return f"{head}\n   {marked(hit.snippet, hit.marks)}\n   {hit.location}"


__all__ = [
    "marked",
    "open_store_cli",
    "register",
    "run_ingest",
    "run_search",
    "store_and_fetcher",
]
