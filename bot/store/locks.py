"""Locks between processes that share one database.

PostgreSQL: advisory locks, keyed by a name and the database and schema, so two deployments
on one server (or two test schemas) do not share them. A session lock lives on a connection
of its own: it is held while that connection is open and released by the server when the
holder dies, kill -9 included. SQLite: an exclusive `flock` on a file beside the database,
which the kernel releases when the process dies.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path

from sqlalchemy import Connection, Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

_KEY = "hashtextextended(:name || '.' || current_database() || '.' || current_schema(), 0)"
_TRY = text(f"SELECT pg_try_advisory_lock({_KEY})")
_UNLOCK = text(f"SELECT pg_advisory_unlock({_KEY})")
_XACT = text(f"SELECT pg_advisory_xact_lock({_KEY})")


def hold_in_transaction(conn: Connection, name: str) -> None:
    """Wait for the transaction-long lock `name` (PostgreSQL; SQLite's BEGIN IMMEDIATE
    already makes writers wait their turn): released at commit or rollback."""
    if conn.dialect.name == "postgresql":
        conn.execute(_XACT, {"name": f"digestbot.{name}"})


class SessionLock:
    """A named lock one process holds until `release`, its connection drops, or it dies."""

    def __init__(self, engine: Engine, name: str) -> None:
        self._engine, self._name = engine, f"digestbot.{name}"
        self._conn: Connection | None = None
        self._file: int | None = None

    @property
    def held(self) -> bool:
        return self._conn is not None or self._file is not None

    def acquire(self) -> bool:
        """Take the lock if no other process holds it (blocking I/O, never waits for it)."""
        if self.held:
            return self.alive()
        if self._engine.dialect.name == "postgresql":
            return self._acquire_advisory()
        return self._acquire_file()

    def alive(self) -> bool:
        """Whether the lock is still ours: a PostgreSQL connection that dropped lost it."""
        if self._conn is None:
            return self._file is not None
        try:
            self._conn.execute(text("SELECT 1"))
        except DBAPIError:
            self._drop()
            return False
        return True

    def release(self) -> None:
        """Give the lock up (safe to call when it is not held)."""
        if self._conn is not None:
            with contextlib.suppress(DBAPIError):  # gone: the lock went with the connection
                self._conn.execute(_UNLOCK, {"name": self._name})
            self._drop()
        if self._file is not None:
            os.close(self._file)  # closing the descriptor releases the flock
            self._file = None

    def _acquire_advisory(self) -> bool:
        conn = self._engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        try:
            got = bool(conn.execute(_TRY, {"name": self._name}).scalar_one())
        except BaseException:
            conn.close()
            raise
        if not got:
            conn.close()
            return False
        self._conn = conn
        return True

    def _acquire_file(self) -> bool:
        path = lock_path(self._engine, self._name)
        if path is None:
            return True  # an in-memory database cannot be shared by another process
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            return False
        self._file = descriptor
        return True

    def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(DBAPIError):
                conn.close()


def lock_path(engine: Engine, name: str) -> Path | None:
    """The file beside an SQLite database that stands for lock `name` (None in memory)."""
    database = make_url(str(engine.url)).database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return None
    return Path(f"{database}.{name.removeprefix('digestbot.')}.lock")


__all__ = ["SessionLock", "hold_in_transaction", "lock_path"]
