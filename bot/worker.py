"""A page's CPU-heavy digesting in one warm worker process, under a time budget.

In a thread, a page that takes 40 s holds the GIL for much of them, so the bot answers
late, and no thread can be stopped. A process can: the page is sent to the worker, and when
it has not answered within the budget the worker is killed, the page reported, and a fresh
worker started. jieba's dictionary takes about a second to load in a new process, so the
worker is started (and warmed) at once, before the first page needs it, and again right
after a kill: the next page finds it warm. One worker is enough: pages are digested one at
a time (see ingest), and the event loop's own process stays free for the chat.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING, Any

from bot.threads import in_daemon_thread
from digests.model import DigestError

if TYPE_CHECKING:
    from digests.pipeline import Prepared

log = logging.getLogger(__name__)
BUDGET = 8.0  # seconds a page may take in the worker: any page is done within 10 s
START_TIMEOUT = 120.0  # seconds a new worker may take to load (a busy machine is slow)
Prepare = Callable[[bytes, str], "Prepared"]


class Overrun(DigestError):
    """The page took longer than the budget; the worker that held it was replaced."""

    def __init__(self, budget: float) -> None:
        super().__init__(f"over the {budget:g} s budget")
        self.budget = budget


class WorkerDied(DigestError):
    """The worker ended while it held the page (killed by the system, out of memory)."""


def _serve(conn: Connection) -> None:
    """The worker's loop: load jieba, say so, then run (function, args) jobs until EOF."""
    import signal

    from digests.segment import initialize

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the bot decides
    initialize()
    _warm_up()
    conn.send(("ready", None))
    while True:
        try:
            function, args = conn.recv()
        except (EOFError, OSError):  # the bot closed the pipe: nothing more to do
            return
        try:
            reply: tuple[str, Any] = ("ok", function(*args))
        except Exception as error:  # the page's problem, handed back to the bot
            reply = ("error", error)
        try:
            conn.send(reply)
        except Exception as error:  # an answer that cannot be pickled
            conn.send(("error", RuntimeError(f"{type(error).__name__}: {error}")))


_WARM_PAGE = (
    "<html><head><title>预热</title></head><body><h1>预热</h1>"
    "<p>市政协召开党组会议，传达学习全会精神，研究部署下一阶段工作。</p></body></html>"
).encode()


def _warm_up() -> None:
    """Digest a tiny page, so the extractors' lazy imports (20 MB, a second) are done
    before the first real page's budget starts."""
    from digests.pipeline import prepare

    with contextlib.suppress(Exception):
        prepare(_WARM_PAGE, "warm-up.html")


def _default_prepare() -> Prepare:
    from digests.pipeline import prepare

    return prepare


class PageWorker:
    """One worker process at a time; `blocking(loop)` is a `prepare` that digests pages in
    it, each within `budget`."""

    def __init__(self, *, budget: float = BUDGET, prepare: Prepare | None = None) -> None:
        self.budget = budget
        self._prepare = prepare or _default_prepare()
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None
        self._ready = False  # the worker said it has loaded jieba
        self._lock = asyncio.Lock()
        self.replaced = 0  # workers killed for overrunning (a figure for logs and tests)

    def start(self) -> None:
        """Start a worker unless one runs; it loads while the caller goes on."""
        if self._process is not None:
            return
        # spawn, never fork: the bot's process has threads (PTB, the store), and a fork
        # copies their locks in whatever state they are.
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        process = context.Process(target=_serve, args=(theirs,), name="digest-worker", daemon=True)
        process.start()
        theirs.close()
        self._process, self._conn, self._ready = process, ours, False

    def blocking(self, loop: asyncio.AbstractEventLoop) -> Prepare:
        """`prepare` for a thread: the page goes to the worker through `loop`, the thread
        waits (ingest's blocking code stays as it is, only its digest step moves)."""

        def prepare(data: bytes, location: str) -> Prepared:
            job = self.run(self._prepare, data, location)
            return asyncio.run_coroutine_threadsafe(job, loop).result()

        return prepare

    async def run(self, function: Callable[..., Any], *args: Any) -> Any:
        """`function(*args)` in the worker (both picklable), one call at a time."""
        async with self._lock:
            conn = await self._warm()
            try:
                async with asyncio.timeout(self.budget):
                    status, value = await in_daemon_thread(_exchange, conn, (function, args))
            except TimeoutError:
                self._replace()
                raise Overrun(self.budget) from None
            except (EOFError, OSError):
                self._replace()
                raise WorkerDied("the worker ended while digesting the page") from None
            if status == "error":
                raise value
            return value

    async def _warm(self) -> Connection:
        """The connection to a started worker, once it has loaded (not counted in the
        page's budget: a new worker's second of loading is no fault of the page)."""
        self.start()
        conn = self._conn
        assert conn is not None
        if not self._ready:
            try:
                await asyncio.wait_for(in_daemon_thread(_receive, conn), START_TIMEOUT)
            except (TimeoutError, EOFError, OSError):
                self._replace()
                raise WorkerDied("the worker did not start") from None
            self._ready = True
        return conn

    def _replace(self) -> None:
        """Kill the worker (a thread could not be stopped; a process can) and start another,
        warming while the scan goes on."""
        self.replaced += 1
        self.close()
        self.start()

    def close(self) -> None:
        """Kill the worker now: a stopping bot does not wait for the page in hand."""
        process, conn = self._process, self._conn
        self._process, self._conn, self._ready = None, None, False
        if process is not None:
            process.kill()
            process.join(timeout=5)
        if conn is not None:
            conn.close()


def _receive(conn: Connection) -> Any:
    return conn.recv()


def _exchange(conn: Connection, job: Any) -> Any:
    """Send a job and wait for its answer (blocking: in a thread, abandoned on a kill)."""
    conn.send(job)
    return conn.recv()


@contextlib.asynccontextmanager
async def page_worker(**options: Any) -> Any:
    """A started PageWorker, killed when the block ends."""
    worker = PageWorker(**options)
    worker.start()
    try:
        yield worker
    finally:
        worker.close()


__all__ = ["BUDGET", "Overrun", "PageWorker", "WorkerDied", "page_worker"]
