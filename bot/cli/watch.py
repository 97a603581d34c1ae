"""`digestbot watch`: scan the sources every SCAN_INTERVAL seconds, without Telegram."""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

from bot.cli.arguments import Commands
from bot.cli.store import store_and_fetcher
from bot.logs import configure_logging
from bot.scheduling import ScanGuard, watch
from bot.settings import Settings
from bot.sources import FetchConfig
from bot.startup import Exit


def register(commands: Commands) -> None:
    """Add the `watch` subcommand to the `digestbot` parser."""
    parser = commands.add_parser(
        "watch",
        help="scan the sources on a timer, without Telegram",
        description="Scan DIGEST_SOURCES and the stored sources into the database now and "
        "every SCAN_INTERVAL seconds, until Ctrl-C or SIGTERM.",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Watch until stopped; 2 when the settings are unusable."""
    settings = Settings.from_env()
    configure_logging(level=settings.log_level)
    asyncio.run(watch_sources(settings))
    return Exit.OK


async def watch_sources(
    settings: Settings,
    *,
    stop: asyncio.Event | None = None,
    fetch_config: FetchConfig | None = None,
) -> None:
    """Open the store and a fetcher, then scan on a timer until `stop` or a signal."""
    # Imported here: the store pulls in SQLAlchemy and Alembic, which `--help` does not need.
    from bot.ingest import scan, scan_locations
    from bot.sharing import sharing_for
    from bot.worker import page_worker

    guard = ScanGuard()
    async with (
        store_and_fetcher(settings, fetch_config, service=True) as (store, fetcher),
        page_worker() as worker,
    ):
        sharing = sharing_for(store, settings)

        async def run_scan() -> Any:
            locations = await asyncio.to_thread(
                scan_locations, settings.sources, store, settings.folder_root
            )
            return await scan(
                store,
                locations,
                fetcher=fetcher,
                stop=guard.stopping,
                sharing=sharing,
                worker=worker,
            )

        await watch(settings, run_scan, stop=stop, guard=guard)


__all__ = ["register", "run", "watch_sources"]
