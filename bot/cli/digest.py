"""`digestbot digest [PATH ...]`: print a digest of local files, no token or database needed."""

from __future__ import annotations

import argparse
import sys

from bot.cli.arguments import Commands, whole_number
from digests.digest import build_digest
from digests.model import SCRIPTS, Document
from digests.pipeline import analyse_paths
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
    """Digest the paths and print; 1 when nothing could be digested."""
    documents, failures = analyse_paths(args.paths or DEFAULT_PATHS, highlights=args.highlights)
    for failure in failures:
        print(f"digestbot: skipped {failure.path}: {failure.reason}", file=sys.stderr)
    if not documents:
        print("digestbot: nothing to digest", file=sys.stderr)
        return 1
    sys.stdout.write(_render(documents, args))
    return 0


__all__ = ["register", "run"]
