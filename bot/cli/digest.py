"""`digestbot digest [PATH ...]`: print a digest of local files, no token or database needed."""

from __future__ import annotations

import argparse
import logging
import sys

from bot.cli.arguments import Commands, whole_number
from bot.sources.fetch import FetchConfig
from bot.sources.folder import read_paths
from digests.digest import build_digest
from digests.model import SCRIPTS, Document
from digests.pipeline import analyse
from digests.render import LABELS, render_html, render_json, render_text

FORMATS = ("text", "html", "json")
DEFAULT_PATHS = ("seeds",)
MESSAGE_SEPARATOR = "\n" + "-" * 40 + "\n"


def register(commands: Commands) -> None:
    """Add the `digest` subcommand to the `digestbot` parser."""
    parser = commands.add_parser(
        "digest",
        help="print a keyword digest of files or folders",
        description="Digest meeting-news pages (.txt, .html, .htm, .md) and print the result.",
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or folders (default: seeds/)"
    )
    parser.add_argument("--format", choices=FORMATS, default="text", help="default: text")
    parser.add_argument("--script", choices=SCRIPTS, default="original", help="default: original")
    parser.add_argument(
        "--highlights",
        type=whole_number(0),
        default=3,
        metavar="N",
        help="sentences per document (3)",
    )
    parser.add_argument("--lang", choices=sorted(LABELS), default="zh", help="labels (zh)")
    parser.set_defaults(handler=run)


def _render(documents: list[Document], args: argparse.Namespace) -> str:
    """The requested rendering of the documents."""
    if args.format == "json":
        return render_json(documents) + "\n"
    digest = build_digest(documents)
    if args.format == "html":
        return MESSAGE_SEPARATOR.join(render_html(digest, args.script, args.lang)) + "\n"
    return render_text(digest, args.script, args.lang)


def run(args: argparse.Namespace) -> int:
    """Digest the paths and print; 1 when nothing could be digested.

    Folders are read by the store's own reader (bot.sources.folder), under the same size cap
    and rules: what `digest` shows is what a scan would store.
    """
    # each problem is printed below; the reader's log line would say it twice
    logging.getLogger("bot.sources.folder").addHandler(logging.NullHandler())
    pages, problems = read_paths(args.paths or DEFAULT_PATHS, FetchConfig().max_bytes)
    documents, failures = analyse(((p.location, p.data) for p in pages), args.highlights)
    skipped = [(p.location, p.reason) for p in problems] + [(f.path, f.reason) for f in failures]
    for path, reason in skipped:
        print(f"digestbot: skipped {path}: {reason}", file=sys.stderr)
    if not documents:
        print("digestbot: nothing to digest", file=sys.stderr)
        return 1
    sys.stdout.write(_render(documents, args))
    return 0


__all__ = ["register", "run"]
