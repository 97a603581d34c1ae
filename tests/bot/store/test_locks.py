"""Locks between processes on one database: migrations, and locks one process holds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import Engine, create_engine, text

from bot.store.engine import make_engine
from bot.store.locks import SessionLock
from tests.bot.store.test_migrations import HEAD
from tests.conftest import ROOT

OPEN = (  # imported first, then all open the store at the same moment
    "import sys, time; from bot.store import open_store; "
    "time.sleep(max(0, float(sys.argv[2]) - time.time())); open_store(sys.argv[1]).close()"
)
HOLD = (
    "import sys, time; from bot.store.engine import make_engine; "
    "from bot.store.locks import SessionLock; "
    "lock = SessionLock(make_engine(sys.argv[1]), 'test'); "
    "print(lock.acquire(), flush=True); time.sleep(60)"
)


def python(code: str, *args: str, **kwargs) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", code, *args], env=env, text=True, cwd=ROOT, **kwargs
    )


@pytest.fixture
def engines(database_url: str) -> Iterator[Callable[[], Engine]]:
    """Engines on the test database (each like another process's), disposed afterwards."""
    made: list[Engine] = []

    def engine() -> Engine:
        made.append(make_engine(database_url))
        return made[-1]

    yield engine
    for each in made:
        each.dispose()


@pytest.mark.postgres
def test_four_processes_migrating_a_fresh_database_at_once_all_start(pg_url: str) -> None:
    at = str(time.time() + 8)  # after every interpreter has imported the store
    started = [python(OPEN, pg_url, at, stderr=subprocess.PIPE) for _ in range(4)]
    errors = [p.communicate(timeout=120)[1] for p in started]
    assert [p.returncode for p in started] == [0, 0, 0, 0], errors
    engine = create_engine(pg_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).all() == [(HEAD,)]
    engine.dispose()


def test_a_lock_has_one_holder_at_a_time(engines: Callable[[], Engine]) -> None:
    first = SessionLock(engines(), "test")
    second = SessionLock(engines(), "test")
    other = SessionLock(engines(), "other")
    assert first.acquire() and first.alive()
    assert not second.acquire() and not second.held
    assert other.acquire()  # another name is another lock
    first.release()
    assert second.acquire() and second.alive()
    second.release()
    other.release()


def test_a_killed_holder_leaves_the_lock_to_the_next(
    database_url: str, engines: Callable[[], Engine]
) -> None:
    holder = python(HOLD, database_url, stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "True"
        waiting = SessionLock(engines(), "test")
        assert not waiting.acquire()
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=10)
        deadline = time.monotonic() + 10  # the server notices the closed socket at once
        while not waiting.acquire() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert waiting.held
        waiting.release()
    finally:
        holder.kill()
        holder.communicate()
