"""Argument types shared by the subcommands."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any, Protocol


class Commands(Protocol):
    """What `add_subparsers()` returns, as the subcommands use it (argparse names its class
    only privately, `_SubParsersAction`)."""

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        """A parser for the subcommand `name`."""
        ...


def whole_number(low: int, high: int | None = None) -> Callable[[str], int]:
    """An argparse type: a whole number ≥ `low` (and ≤ `high` when given)."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
        if high is None and number < low:
            raise argparse.ArgumentTypeError(f"must be {low} or more, got {number}")
        if high is not None and not low <= number <= high:
            raise argparse.ArgumentTypeError(f"must be {low}–{high}, got {number}")
        return number

    return parse
