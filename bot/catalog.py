"""The sources the bot follows, managed from the chat and the command line: OPML in and out.

Blocking (the store is): callers run these off the event loop.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bot.sources.opml import Outline, read_opml, write_opml
from bot.store import Store

NOT_A_SOURCE = "neither an http(s) URL nor a folder on this machine"


@dataclass(frozen=True, slots=True)
class Imported:
    """What an OPML import did."""

    added: list[str] = field(default_factory=list)
    known: list[str] = field(default_factory=list)  # there already
    refused: list[tuple[str, str]] = field(default_factory=list)  # (location, reason)


def refusal(location: str) -> str | None:
    """Why `location` cannot be a source (None when it can): an http(s) URL with a host, or a
    folder that exists."""
    parts = urlsplit(location)
    if parts.scheme in ("http", "https"):
        return None if parts.hostname else NOT_A_SOURCE
    return None if not parts.scheme and Path(location).is_dir() else NOT_A_SOURCE


def import_opml(store: Store, data: bytes) -> Imported:
    """Add every source the OPML file names; raises InvalidOPML for a file that is not one."""
    done = Imported()
    for outline in read_opml(data):
        reason = refusal(outline.location)
        if reason is not None:
            done.refused.append((outline.location, reason))
            continue
        _, new = store.add_source(outline.location, shape=outline.shape)
        (done.added if new else done.known).append(outline.location)
    return done


def export_opml(store: Store) -> bytes:
    """Every source the bot follows, as OPML."""
    rows = store.sources()
    return write_opml(Outline(row.location, "", row.state.shape or row.kind) for row in rows)


__all__ = ["NOT_A_SOURCE", "Imported", "export_opml", "import_opml", "refusal"]
