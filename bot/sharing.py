"""Scans shared by processes on one PostgreSQL database: a source is leased before it is
scanned, so `digestbot watch` workers (and the bot's leader) scan different sources in
parallel, never one twice at once, and a source a killed worker held goes to the next worker
when its lease runs out."""

from __future__ import annotations

import asyncio
import os
import secrets
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.settings import Settings
    from bot.store import Store

LEASE = 900.0  # seconds a source stays a worker's; a killed worker's source waits this long


def identity() -> str:
    """This process, as the store names a lease's holder."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


@dataclass(frozen=True, slots=True)
class Sharing:
    """How a scan shares sources: leases of `lease` seconds; a source scanned by anyone
    less than `fresh` seconds ago is left alone (another worker had it this round)."""

    owner: str = field(default_factory=identity)
    lease: float = LEASE
    fresh: float = 0.0


def sharing_for(store: Store, settings: Settings) -> Sharing | None:
    """Leases on PostgreSQL, where several processes may scan; none on SQLite (one process)."""
    if store.dialect == "sqlite":
        return None
    return Sharing(fresh=settings.scan_interval / 2)


@asynccontextmanager
async def leased(store: Store, source_id: int, sharing: Sharing | None) -> AsyncIterator[bool]:
    """True while this scan holds the source (always, without sharing); released after."""
    if sharing is None:
        yield True
        return
    mine = await asyncio.to_thread(
        store.lease_source, source_id, sharing.owner, lease=sharing.lease, fresh=sharing.fresh
    )
    try:
        yield mine
    finally:
        if mine:
            await asyncio.to_thread(store.finish_source, source_id, sharing.owner)


__all__ = ["LEASE", "Sharing", "identity", "leased", "sharing_for"]
