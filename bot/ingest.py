"""One scan: fetch every source, digest what is new or changed, store it once.

Each page is stored in one transaction (row, search index row, term counts), so a scan
killed at any point leaves whole documents only, and the next scan carries on: a page
whose raw bytes are already stored is "unchanged" and costs one indexed lookup.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy.exc import IntegrityError

from bot.sharing import Sharing, leased
from bot.sources import Fetcher, FetchResult, Page, SourceState, fetch_source, source_kind
from bot.sources.admit import admitted_folder
from bot.sources.folder import shown
from bot.sources.model import Problem
from bot.store import Store
from bot.store.records import Rejection
from bot.threads import in_daemon_thread
from bot.worker import PageWorker
from digests.keywords import DocumentFrequencies
from digests.model import DigestError
from digests.pipeline import Prepared, finish, prepare, tokens_of
from digests.segment import is_content_word

log = logging.getLogger(__name__)

Outcome = Literal["new", "updated", "unchanged", "duplicates", "failed"]
Progress = Callable[[int, int, str], None]  # (pages done, pages known so far, location)
NAMED = 5  # failures named in the scan's log line; the rest are counted
SHARED_AHEAD = 2  # sources a worker sharing the scan holds at once
Digest = Callable[[bytes, str], Prepared]  # prepare, or the worker's stand-in for it


@dataclass
class ScanSummary:
    """What one scan did, page by page, and which pages or sources failed and why."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0  # new pages repeating a stored document (stored, marked, not indexed)
    failed: int = 0  # pages or sources that could not be fetched or digested
    failures: list[Problem] = field(default_factory=list)  # the failed ones, by name

    def add(self, outcome: Outcome | Problem, count: int = 1) -> None:
        """Count `count` pages with this outcome; a Problem is one failure, named."""
        if isinstance(outcome, Problem):
            self.failures.append(outcome)
            outcome = "failed"
        setattr(self, outcome, getattr(self, outcome) + count)

    def counts(self) -> dict[str, int]:
        """The counters by name, for the texts that show them."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "failures"}

    def line(self) -> str:
        """'new N, updated N, unchanged N, duplicates N, failed N (where: why; …)'."""
        line = ", ".join(f"{name} {n}" for name, n in self.counts().items())
        named = [f"{p.location}: {p.reason}" for p in self.failures[:NAMED]]
        more = len(self.failures) - NAMED
        return line + (
            f" ({'; '.join(named)}{f'; {more} more' if more > 0 else ''})" if named else ""
        )


class _PlusPage(Counter[str]):
    """The store's counts plus one for each content word of the page, without a copy."""

    def __init__(self, base: Counter[str], page: Collection[str]) -> None:
        super().__init__()
        self._base, self._page = base, page

    def get(self, key: str, default: Any = 0) -> Any:
        return self._base.get(key, 0) + (key in self._page)

    def __getitem__(self, key: str) -> int:
        return int(self.get(key))


def with_page(frequencies: DocumentFrequencies, prepared: Prepared) -> DocumentFrequencies:
    """Frequencies of the store as if `prepared` were in it, as the batch pipeline counts."""
    words = frozenset(token for token in tokens_of(prepared) if is_content_word(token))
    return DocumentFrequencies(frequencies.n_docs + 1, _PlusPage(frequencies.counts, words))


def ingest_page(
    store: Store, source_id: int, page: Page, digest: Digest = prepare
) -> Outcome | Problem:
    """Digest and store one page unless these bytes are stored, or were rejected, already
    (blocking). A page that cannot be digested is remembered as rejected, by name.
    `digest` is the pipeline's first phase, here or in the worker process (bot.worker).

    Whatever goes wrong with the page is its own failure, never the scan's: the pages after
    it are stored.
    """
    try:
        return _ingest_page(store, source_id, page, digest)
    except Exception:
        log.exception("%s: could not be stored", shown(page.location))
        return Problem(shown(page.location), "could not be stored")


def _ingest_page(store: Store, source_id: int, page: Page, digest: Digest) -> Outcome | Problem:
    known = store.document_id_for(page.location)
    if known is not None and known[1] == page.raw_hash:
        return "unchanged"
    if known is None and store.rejected_hash(page.location) == page.raw_hash:
        return "unchanged"  # rejected before, and the same bytes again: not retried
    try:
        prepared = digest(page.data, page.location)
        document = finish(prepared, with_page(store.frequencies(), prepared))
    except DigestError as error:
        log.warning("%s: %s", page.location, error)
        return _reject(store, source_id, page, str(error))
    except Exception:  # one page the pipeline chokes on must not stop the scan
        log.exception("%s: could not be digested", page.location)
        return _reject(store, source_id, page, "could not be digested")
    exclude = known[0] if known else None
    original = store.find_duplicate(prepared, exclude=exclude)
    outcome = _save(store, source_id, page, document, known, original)
    store.forget_rejection(page.location)
    return outcome


def _reject(store: Store, source_id: int, page: Page, reason: str) -> Problem:
    """Remember the page as rejected (with these bytes) and name it in the summary."""
    rejection = Rejection(page.location, reason, datetime.now(UTC))
    store.reject_page(rejection, source_id=source_id, raw_hash=page.raw_hash)
    return Problem(page.location, reason)


def _save(
    store: Store,
    source_id: int,
    page: Page,
    document: Any,
    known: tuple[int, str] | None,
    original: int | None,
) -> Outcome:
    """Add or replace the document; a lost race with another scan is 'unchanged'."""
    try:
        if known is not None:
            store.replace_document(
                known[0], document, raw_hash=page.raw_hash, duplicate_of=original
            )
            return "updated"
        store.add_document(
            document, source_id=source_id, raw_hash=page.raw_hash, duplicate_of=original
        )
    except IntegrityError:
        log.info("%s: stored meanwhile by another scan", page.location)
        return "unchanged"
    return "new" if original is None else "duplicates"


class _Pages:
    """Pages done and known so far, reported to the progress callback."""

    def __init__(self, progress: Progress | None, stop: asyncio.Event, digest: Digest) -> None:
        self.done = self.total = 0
        self._progress = progress
        self._stop = stop
        self.digest = digest

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def step(self, location: str) -> None:
        self.done += 1
        if self._progress is not None:
            self._progress(self.done, self.total, location)


def scan_locations(
    configured: Sequence[str], store: Store, folder_root: str | None = None
) -> list[str]:
    """DIGEST_SOURCES and the sources added from the chat or OPML, less the removed ones
    (blocking). A folder added from the chat is scanned only while it lies under
    SOURCES_FOLDER_ROOT (one added before that rule, `/etc` say, is skipped and logged)."""
    removed = {row.location for row in store.sources(removed=True)}
    added = [row.location for row in store.sources() if row.location not in configured]
    allowed = [x for x in added if source_kind(x) != "folder" or _admitted(x, folder_root)]
    return [x for x in dict.fromkeys([*configured, *allowed]) if x not in removed]


def _admitted(folder: str, root: str | None) -> bool:
    why = admitted_folder(folder, root)
    if isinstance(why, str):
        log.warning("%s: not scanned: %s", shown(folder), why)
    return not isinstance(why, str)


async def scan(
    store: Store,
    locations: Sequence[str],
    *,
    fetcher: Fetcher,
    progress: Progress | None = None,
    now: datetime | None = None,
    stop: asyncio.Event | None = None,
    sharing: Sharing | None = None,
    worker: PageWorker | None = None,
) -> ScanSummary:
    """Fetch each source and ingest its pages; problems are counted, the scan goes on.

    When `stop` is set the scan ends after the page in hand (the process is stopping). With
    `sharing`, a source another process is scanning (or scanned this round) is left to it.
    With a `worker`, pages are digested in its process, each within its budget; without
    one, in a thread of this process (tests, and tools that serve no chat).
    """
    digest = prepare if worker is None else worker.blocking(asyncio.get_running_loop())
    summary, pages = ScanSummary(), _Pages(progress, stop or asyncio.Event(), digest)
    states = {row.location: row.state for row in await asyncio.to_thread(store.sources)}
    # Sources are fetched in parallel (each host still paced on its own, see sources.crawl);
    # their pages are digested one source at a time, as before.
    # Shared with other processes, a worker takes a source only when it can soon digest it
    # (one in hand, one fetched ahead), so the sources spread over the workers.
    ahead = fetcher.config.parallel_sources if sharing is None else SHARED_AHEAD
    gate, digesting = asyncio.Semaphore(ahead), asyncio.Lock()

    async def one(location: str) -> None:
        async with gate:
            if pages.stopped:
                return
            source_id = await asyncio.to_thread(store.ensure_source, location)
            async with leased(store, source_id, sharing) as mine:
                if not mine:
                    return
                state = states.get(location, SourceState())
                at = now or datetime.now(UTC)
                work = _Source(source_id, location, state, at)
                await _scan_source(store, work, fetcher, summary, pages, digesting)

    await asyncio.gather(*(one(location) for location in dict.fromkeys(locations)))
    if pages.stopped:
        log.info("scan stopped early: the process is stopping")
    log.info("scan done: %s", summary.line())
    return summary


@dataclass(frozen=True, slots=True)
class _Source:
    """One source to scan: its row, address, state as read at the scan's start, and now."""

    id: int
    location: str
    state: SourceState
    now: datetime


async def _scan_source(
    store: Store,
    source: _Source,
    fetcher: Fetcher,
    summary: ScanSummary,
    pages: _Pages,
    digesting: asyncio.Lock,
) -> None:
    """Fetch one source, persist its new state, ingest its pages."""
    source_id = source.id
    result = await fetch_source(
        source.location,
        source.state,
        fetcher=fetcher,
        now=source.now,
        seen=store.stored_locations,  # one query for a feed's entries, not one each
    )
    for problem in result.problems:  # sources logged each where it was found
        summary.add(problem)
    pages.total += len(result.pages)
    async with digesting:
        await _ingest_pages(store, source_id, result, pages, summary)


async def _ingest_pages(
    store: Store, source_id: int, result: FetchResult, pages: _Pages, summary: ScanSummary
) -> None:
    """Store the source's pages, then its new state: a scan stopped halfway fetches the
    pages it did not store again (a listing's links are handled once they are stored)."""
    for page in result.pages:
        if pages.stopped:
            return
        # a daemon thread: a stopping process abandons the page instead of waiting for it
        summary.add(await in_daemon_thread(ingest_page, store, source_id, page, pages.digest))
        pages.step(page.location)
    await asyncio.to_thread(store.save_source_state, source_id, result.state)


__all__ = [
    "Outcome",
    "Progress",
    "ScanSummary",
    "ingest_page",
    "scan",
    "scan_locations",
    "with_page",
]
