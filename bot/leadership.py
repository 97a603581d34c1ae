"""Which replica runs the timers (scheduled digests, the scan): the one holding the
"leader" lock, an advisory lock on a PostgreSQL connection of its own.

Every replica tries for the lock every LEADER_TIMEOUT / 3 seconds, and the leader checks
that its connection still holds it. A leader killed with -9 loses the lock when its
connection closes, so another takes over within LEADER_TIMEOUT; a leader whose connection
dropped finds out at its next check and stops its timers. On SQLite one process is all there
is (bot.startup.hold_role), and it leads.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from sqlalchemy.exc import DBAPIError

if TYPE_CHECKING:
    from bot.store import Store
    from bot.store.locks import SessionLock

log = logging.getLogger(__name__)


class Leadership:
    """Whether this process leads; `changed()` tries for the lead or checks it is still held."""

    def __init__(self, store: Store) -> None:
        self._lock: SessionLock | None = None if store.dialect == "sqlite" else store.lock("leader")
        self.leading = self._lock is None

    async def changed(self) -> bool:
        """Try for the lead (or check it); True when this process gained or lost it."""
        if self._lock is None:
            return False
        try:
            now = await asyncio.to_thread(self._lock.acquire)
        except DBAPIError as error:  # the database is away: nobody can lead through it
            log.warning("leadership not checked: %s", str(error.orig or error).splitlines()[0])
            await asyncio.to_thread(self._lock.release)
            now = False
        if now == self.leading:
            return False
        self.leading = now
        log.info("this process %s the timers", "now runs" if now else "no longer runs")
        return True

    async def release(self) -> None:
        """Give the lead up (stopping): another replica takes it at its next try."""
        if self._lock is not None:
            await asyncio.to_thread(self._lock.release)
            self.leading = False


__all__ = ["Leadership"]
