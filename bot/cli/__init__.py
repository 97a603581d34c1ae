"""`digestbot`: the command line. Each subcommand lives in its own module."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence

from bot.cli import digest, health, run, sources, store, watch
from bot.logs import redact
from bot.settings import SettingsError
from bot.startup import Exit, StartupError

COMMANDS = (digest, health, run, store, sources, watch)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="digestbot", description="Keyword digests of Chinese meeting news."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMANDS:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `digestbot` console script; returns the exit status (`Exit`).

    Whatever goes wrong ends in one line on stderr, the token redacted; only LOG_LEVEL=DEBUG
    adds the traceback.
    """
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except SettingsError as error:  # every command reads the same settings
        return _fail(args.command, str(error), Exit.SETTING)
    except StartupError as error:
        return _fail(args.command, str(error), error.status)
    except KeyboardInterrupt:
        return Exit.INTERRUPTED
    except BrokenPipeError:  # `digestbot digest | head` is not an error
        sys.stderr.close()
        return Exit.OK
    except Exception as error:
        if os.environ.get("LOG_LEVEL", "").strip().upper() == "DEBUG":
            trace = "".join(traceback.format_exception(error))
            print(redact(trace, os.environ.get("TELEGRAM_BOT_TOKEN")), file=sys.stderr, end="")
        return _fail(args.command, f"unexpected {type(error).__name__}: {error}", Exit.ERROR)


def _fail(command: str, message: str, status: int) -> int:
    line = redact(f"digestbot {command}: {message}", os.environ.get("TELEGRAM_BOT_TOKEN"))
    print(line.replace("\n", " "), file=sys.stderr)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
