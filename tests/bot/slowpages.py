"""Stand-ins for the pipeline's `prepare` that the worker process imports by name: pages
that are slow the way hostile pages are, marked by their names."""

from __future__ import annotations

import re
import time
from pathlib import Path

from digests.pipeline import Prepared, prepare

STALL = 23  # characters of a backtracking match: seconds of one regex call holding the GIL


def slow_prepare(data: bytes, location: str) -> Prepared:
    """`stuck` pages never finish; `stall` pages hold the GIL for seconds, in one C call
    (a thread running it freezes the event loop), and leave `<page>.stalled` after it;
    both leave `<page>.started` first."""
    name = Path(location).name
    if "stuck" in name or "stall" in name:
        Path(location).with_suffix(".started").touch()
    if "stuck" in name:
        time.sleep(600)
    if "stall" in name:
        re.match(r"(a*)*b", "a" * STALL)
        Path(location).with_suffix(".stalled").touch()
    return prepare(data, location)
