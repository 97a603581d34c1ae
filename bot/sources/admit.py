"""What /addsource may add from the chat, decided before anything is fetched or stored.

A chat is not the operator: an address must pass the URL guard at once (no private hosts
beyond SOURCES_ALLOW_PRIVATE), and a folder must lie under SOURCES_FOLDER_ROOT. Without that
setting folders come only from DIGEST_SOURCES, so no chat can make the bot read `/etc`.
"""

from __future__ import annotations

from pathlib import Path

import httpx

from bot.sources.fetch import FetchConfig
from bot.sources.urlguard import BlockedURL, check_url

NO_FOLDERS = "folders come only from DIGEST_SOURCES"


async def url_refusal(location: str, config: FetchConfig) -> str | None:
    """Why the address may not be added (the guard's reason), or None."""
    try:
        url = httpx.URL(location)
        await check_url(url, allow_private=config.allow_private, allowance=config.allowance)
    except BlockedURL as error:
        return str(error)
    except httpx.InvalidURL:
        return "invalid URL"
    return None


def admitted_folder(location: str, root: str | None) -> Path | str:
    """The folder as it will be stored (resolved, links and `..` followed), or why not."""
    if root is None:
        return NO_FOLDERS
    try:
        folder = Path(location).expanduser().resolve()
    except (OSError, ValueError, RuntimeError):  # a NUL byte, a link loop
        return "folder not found"
    if not folder.is_relative_to(Path(root).resolve()):
        return f"outside SOURCES_FOLDER_ROOT {root}"
    if not folder.is_dir():
        return "not a folder" if folder.exists() else "folder not found"
    return folder


__all__ = ["NO_FOLDERS", "admitted_folder", "url_refusal"]
