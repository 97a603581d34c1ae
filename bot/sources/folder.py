"""Folders: every .txt/.html/.htm/.md file below one, read under the size cap.

The one folder reader, for the store's scans and the `digest` command alike, with one set of
rules: hidden files and folders are skipped; a link whose target lies outside the folder, or
is hidden inside it (`p.txt -> /etc/passwd`, `settings.txt -> .env`), is refused; a file over
the cap is not read; a name that is not valid UTF-8 is reported (escaped), not stored; an
unreadable folder is a problem, never silence. Whatever goes wrong with one file is that
file's problem: the files after it are read.
"""

from __future__ import annotations

import asyncio
import logging
import os
import stat
from collections.abc import Iterable
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
    if reason := _not_listable(folder):
        problem = _problem(shown(folder), reason)
        # No backoff for a local folder: looking again costs nothing (it may be mounted later).
        failed = replace(state, failures=state.failures + 1, last_error=problem.reason)
        return FetchResult((), (problem,), failed)
    pages, problems = await asyncio.to_thread(read_folder, folder, max_bytes)
    done = after_success(state, now, etag=None, last_modified=None)
    return FetchResult(tuple(pages), tuple(problems), done)


def read_paths(paths: Iterable[str | Path], max_bytes: int) -> tuple[list[Page], list[Problem]]:
    """Files and folders as the `digest` command names them: a folder is read as a source
    folder is, a file named on purpose is read wherever it lies, under the same cap."""
    pages: list[Page] = []
    problems: list[Problem] = []
    for path in (Path(p).expanduser().absolute() for p in paths):
        found = read_folder(path, max_bytes) if path.is_dir() else _one(path, max_bytes)
        pages += found[0]
        problems += found[1]
    return pages, problems


def _one(path: Path, max_bytes: int) -> tuple[list[Page], list[Problem]]:
    outcome = _read_safely(path, None, max_bytes)
    return ([outcome], []) if isinstance(outcome, Page) else ([], [outcome])


def read_folder(folder: Path, max_bytes: int) -> tuple[list[Page], list[Problem]]:
    """Read every file of interest below `folder`, in sorted path order."""
    problems: list[Problem] = []
    pages: list[Page] = []
    root = folder.resolve()
    for path in files_below(folder, problems):
        outcome = _read_safely(path, root, max_bytes)
        if isinstance(outcome, Page):
            pages.append(outcome)
        else:
            problems.append(outcome)
    return pages, problems


def files_below(folder: Path, problems: list[Problem] | None = None) -> list[Path]:
    """Files with a wanted suffix, hidden files and folders left out, sorted; a folder that
    cannot be listed is added to `problems`."""

    def unlistable(error: OSError) -> None:
        where = Path(error.filename) if error.filename else folder
        reason = f"unreadable folder ({error.strerror or type(error).__name__})"
        found_problem = _problem(shown(where), reason)
        if problems is not None:
            problems.append(found_problem)

    found: list[Path] = []
    # os.walk does not follow symlinked folders, so a link loop cannot trap the scan.
    for root, dirs, files in os.walk(folder, onerror=unlistable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(
            Path(root) / name
            for name in files
            if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES
        )
    return sorted(found)


def _read_safely(path: Path, root: Path | None, max_bytes: int) -> Page | Problem:
    """The file as a Page or a Problem; nothing raised (`root`: the folder it must lie in)."""
    try:
        if not _is_text(str(path)):
            return _problem(shown(path), "file name is not valid UTF-8")
        if root is not None and (reason := _escapes(path, root)):
            return _problem(str(path), reason)
        return read_file(path, max_bytes)
    except Exception as error:  # one odd file must not stop the scan
        log.exception("%s: could not be read", shown(path))
        return Problem(shown(path), f"unreadable ({type(error).__name__})")


def _escapes(path: Path, root: Path) -> str | None:
    """Why a file below the folder may not be read: a link out of it, or to a hidden file."""
    try:
        inside = path.resolve().relative_to(root)
    except ValueError:
        return "link to a file outside the folder"
    if any(part.startswith(".") for part in inside.parts):
        return "link to a hidden file"
    return None


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


def _not_listable(folder: Path) -> str | None:
    """Why the source folder cannot be scanned at all, if it cannot."""
    if not folder.is_dir():
        return "not a folder" if folder.exists() else "folder not found"
    try:
        os.scandir(folder).close()
    except OSError as error:
        return f"unreadable folder ({error.strerror or type(error).__name__})"
    return None


def _is_text(name: str) -> bool:
    """False for a name with bytes that are not UTF-8 (Python holds them as surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def shown(path: Path | str) -> str:
    """The path as text that can be stored and printed: undecodable bytes as `\\xff`."""
    try:
        raw = str(path).encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that stands for no byte: typed, not listed
        return ascii(str(path))[1:-1]
    return raw.decode("utf-8", "backslashreplace")


def _problem(location: str, reason: str) -> Problem:
    """A Problem, logged where it is found."""
    log.warning("%s: %s", location, reason)
    return Problem(location, reason)
