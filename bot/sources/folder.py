"""Folders: every .txt/.html/.htm/.md file below one, read under the size cap."""

from __future__ import annotations

import asyncio
import logging
import os
import stat
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from bot.sources.backoff import after_success
from bot.sources.model import FetchResult, Page, Problem, SourceState, cap_text

SUFFIXES = frozenset({".txt", ".html", ".htm", ".md"})
log = logging.getLogger(__name__)


async def fetch_folder(
    location: str, state: SourceState, *, max_bytes: int, now: datetime
) -> FetchResult:
    """One Page per readable file below `location`, one Problem per file that is not."""
    folder = Path(location).expanduser().absolute()
    if not folder.is_dir():
        problem = _problem(str(folder), "not a folder" if folder.exists() else "folder not found")
        # No backoff for a local folder: looking again costs nothing (it may be mounted later).
        failed = replace(state, failures=state.failures + 1, last_error=problem.reason)
        return FetchResult((), (problem,), failed)
    pages, problems = await asyncio.to_thread(read_folder, folder, max_bytes)
    done = after_success(state, now, etag=None, last_modified=None)
    return FetchResult(tuple(pages), tuple(problems), done)


def read_folder(folder: Path, max_bytes: int) -> tuple[list[Page], list[Problem]]:
    """Read every file of interest below `folder`, in sorted path order."""
    pages: list[Page] = []
    problems: list[Problem] = []
    for path in files_below(folder):
        outcome = read_file(path, max_bytes)
        if isinstance(outcome, Page):
            pages.append(outcome)
        else:
            problems.append(outcome)
    return pages, problems


def files_below(folder: Path) -> list[Path]:
    """Files with a wanted suffix, hidden files and folders left out, sorted."""
    found: list[Path] = []
    # os.walk does not follow symlinked folders, so a link loop cannot trap the scan.
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(
            Path(root) / name
            for name in files
            if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES
        )
    return sorted(found)


def read_file(path: Path, max_bytes: int) -> Page | Problem:
    """The file as a Page, or a Problem when it is too big or unreadable."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a named pipe would block the scan forever
            return _problem(str(path), "not a regular file")
        if info.st_size > max_bytes:
            return _problem(str(path), f"over the {cap_text(max_bytes)} cap")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # the file may have grown since stat()
    except OSError as error:
        return _problem(str(path), f"unreadable ({error.strerror or type(error).__name__})")
    if len(data) > max_bytes:
        return _problem(str(path), f"over the {cap_text(max_bytes)} cap")
    return Page.of(str(path), data)


def _problem(location: str, reason: str) -> Problem:
    """A Problem, logged where it is found."""
    log.warning("%s: %s", location, reason)
    return Problem(location, reason)
