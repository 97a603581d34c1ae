"""`digestbot sources list|import FILE.opml|export`: the followed sources, and OPML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.cli.arguments import Commands
from bot.cli.store import open_store_cli
from bot.settings import Settings


def register(commands: Commands) -> None:
    """Add the `sources` subcommand to the `digestbot` parser."""
    parser = commands.add_parser(
        "sources",
        help="list, import (OPML) or export (OPML) the sources",
        description="The sources scans read besides DIGEST_SOURCES: list them, import an "
        "OPML file (a feed reader's export, or ours), or export them as OPML on stdout.",
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("list", help="one line per source").set_defaults(handler=run_list)
    importing = actions.add_parser("import", help="add every source of an OPML file")
    importing.add_argument("file", type=Path, metavar="FILE.opml")
    importing.set_defaults(handler=run_import)
    actions.add_parser("export", help="every source as OPML on stdout").set_defaults(
        handler=run_export
    )


def run_list(args: argparse.Namespace) -> int:
    """`3  listing  15 documents  https://…` per source."""
    with open_store_cli(Settings.from_env()) as store:
        rows = store.sources()
    for row in rows:
        error = f"  ({row.state.last_error})" if row.state.last_error else ""
        print(f"{row.id}\t{row.state.shape or row.kind}\t{row.documents}\t{row.location}{error}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    """'added N, already there N, refused N'; each refusal on stderr; 1 when nothing is OPML."""
    from bot.catalog import import_opml
    from bot.sources.opml import InvalidOPML

    try:
        data = args.file.read_bytes()
        with open_store_cli(Settings.from_env()) as store:
            done = import_opml(store, data)
    except (OSError, InvalidOPML) as error:
        print(f"digestbot sources import: {args.file}: {error}", file=sys.stderr)
        return 1
    for location, reason in done.refused:
        print(f"refused {location}: {reason}", file=sys.stderr)
    print(f"added {len(done.added)}, already there {len(done.known)}, refused {len(done.refused)}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    """The OPML document on stdout."""
    from bot.catalog import export_opml

    with open_store_cli(Settings.from_env()) as store:
        sys.stdout.buffer.write(export_opml(store))
    sys.stdout.flush()
    return 0


__all__ = ["register", "run_export", "run_import", "run_list"]
