"""`digestbot health`: exit 0 while the running bot's heartbeat is fresh (Docker HEALTHCHECK)."""

from __future__ import annotations

import argparse
import sys

from bot.cli.arguments import Commands
from bot.health import STALE_AFTER, age
from bot.settings import Settings


def register(commands: Commands) -> None:
    """Add the `health` subcommand to the `digestbot` parser."""
    parser = commands.add_parser(
        "health",
        help="check that a running bot is alive",
        description=f"Exit 0 when the bot's heartbeat (HEARTBEAT_FILE) is under "
        f"{STALE_AFTER:.0f} s old, 1 otherwise.",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    seconds = age(settings.heartbeat_file)
    if seconds is None:
        print(f"digestbot health: no heartbeat at {settings.heartbeat_file}", file=sys.stderr)
        return 1
    if seconds > STALE_AFTER:
        print(f"digestbot health: last heartbeat {seconds:.0f} s ago", file=sys.stderr)
        return 1
    print(f"ok: last heartbeat {seconds:.0f} s ago")
    return 0
