"""A heartbeat file the running bot touches, so a container can tell it is alive."""

from __future__ import annotations

import time
from pathlib import Path

INTERVAL = 60.0  # seconds between heartbeats
STALE_AFTER = 5 * INTERVAL  # a few missed beats before the bot counts as stuck


def beat(path: str | Path, now: float | None = None) -> None:
    """Record that the bot is alive now."""
    file = Path(path)
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(f"{now if now is not None else time.time():.0f}\n", encoding="ascii")


def age(path: str | Path, now: float | None = None) -> float | None:
    """Seconds since the last heartbeat, or None when there is none to read."""
    try:
        last = float(Path(path).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None
    return (now if now is not None else time.time()) - last


def is_healthy(path: str | Path, now: float | None = None) -> bool:
    seconds = age(path, now)
    return seconds is not None and seconds <= STALE_AFTER
