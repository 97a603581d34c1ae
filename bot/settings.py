"""One settings object, read from the environment (and an optional `.env`) once at start."""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_DATABASE_URL = "sqlite:///data/digestbot.db"


class SettingsError(ValueError):
    """A setting that cannot be used; the message names the variable."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    token: str | None = field(default=None, repr=False)  # never printed, never logged
    api_url: str | None = None
    webhook_url: str | None = None
    port: int = 8443  # the webhook listener's
    database_url: str = DEFAULT_DATABASE_URL
    sources: tuple[str, ...] = ("seeds",)
    scan_interval: float = 300.0  # instant readers hear of a new article within minutes
    timezone: str = "Asia/Shanghai"
    digest_time: time = time(8, 0)
    admin_ids: frozenset[int] = frozenset()
    heartbeat_file: str = "data/heartbeat"
    log_level: str = "INFO"  # DEBUG adds tracebacks to error lines
    startup_timeout: float = 300.0  # seconds to keep retrying an unreachable Bot API or database
    allow_private: tuple[str, ...] = ()  # hosts and CIDR networks fetched despite private addresses
    listing_backfill_pages: int = 3  # listing pages read on a listing's first visit
    leader_timeout: float = 30.0  # seconds within which a replica takes the timers over
    delivery_lease: float = 120.0  # seconds a dead process's claimed deliveries wait
    folder_root: str | None = None  # /addsource may add folders below it; none: DIGEST_SOURCES only

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, dotenv: bool = True) -> Settings:
        """Build from `env` (default: the process environment, after loading `.env`)."""
        if env is None:
            if dotenv:
                from dotenv import load_dotenv

                load_dotenv(override=False)
            env = os.environ
        default = cls()  # each unset variable keeps the field's default, written once above
        return cls(
            token=env.get("TELEGRAM_BOT_TOKEN") or None,
            api_url=env.get("TELEGRAM_API_URL") or None,
            webhook_url=env.get("WEBHOOK_URL") or None,
            port=_port(env.get("PORT"), default.port),
            database_url=env.get("DATABASE_URL") or default.database_url,
            sources=_split(env.get("DIGEST_SOURCES", "")) or default.sources,
            scan_interval=_positive(env, "SCAN_INTERVAL", default.scan_interval),
            timezone=_timezone(env.get("DEFAULT_TIMEZONE") or default.timezone),
            digest_time=_time(env.get("DEFAULT_DIGEST_TIME"), default.digest_time),
            admin_ids=_ids(env.get("ADMIN_IDS", "")),
            heartbeat_file=env.get("HEARTBEAT_FILE") or default.heartbeat_file,
            log_level=_log_level(env.get("LOG_LEVEL") or default.log_level),
            startup_timeout=_positive(env, "STARTUP_TIMEOUT", default.startup_timeout),
            allow_private=_private(env.get("SOURCES_ALLOW_PRIVATE", "")),
            listing_backfill_pages=_pages(env.get("LISTING_BACKFILL_PAGES"), 3),
            leader_timeout=_positive(env, "LEADER_TIMEOUT", default.leader_timeout),
            delivery_lease=_positive(env, "DELIVERY_LEASE", default.delivery_lease),
            folder_root=_folder_root(env.get("SOURCES_FOLDER_ROOT") or None),
        )


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _positive(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name)
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a number of seconds, not {raw!r}") from None
    if value <= 0:
        raise SettingsError(f"{name} must be positive, not {raw!r}")
    return value


def _private(value: str) -> tuple[str, ...]:
    """Host names (lower case) and CIDR networks; a bare address is a network of one."""
    out = []
    for item in _split(value):
        try:
            out.append(str(ipaddress.ip_network(item, strict=False)))
        except ValueError:
            if not re.fullmatch(r"[a-z0-9]([a-z0-9.-]*[a-z0-9])?", item.lower()):
                raise SettingsError(
                    f"SOURCES_ALLOW_PRIVATE must be host names or CIDR networks, not {item!r}"
                ) from None
            out.append(item.lower())
    return tuple(out)


def _pages(value: str | None, default: int) -> int:
    if not value:
        return default
    if not value.isdigit() or not 1 <= int(value) <= 100:
        raise SettingsError(f"LISTING_BACKFILL_PAGES must be a number 1–100, not {value!r}")
    return int(value)


def _folder_root(value: str | None) -> str | None:
    if value is not None and not os.path.isabs(os.path.expanduser(value)):
        raise SettingsError(f"SOURCES_FOLDER_ROOT must be an absolute path, not {value!r}")
    return value and os.path.expanduser(value)


def _time(value: str | None, default: time) -> time:
    return parse_hhmm(value, "DEFAULT_DIGEST_TIME") if value else default


def _port(value: str | None, default: int) -> int:
    if not value:
        return default
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise SettingsError(f"PORT must be a TCP port number, not {value!r}")
    return int(value)


def _timezone(name: str) -> str:
    if not is_timezone(name):
        raise SettingsError(
            f"DEFAULT_TIMEZONE: unknown time zone {name!r} (an IANA name such as Asia/Shanghai)"
        )
    return name


def is_timezone(name: str) -> bool:
    """True for a zone zoneinfo can load; a region folder such as 'America' is not one."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # 'America' is a folder: IsADirectoryError
        return False
    return True


LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


def _log_level(value: str) -> str:
    level = value.strip().upper()
    if level not in LOG_LEVELS:
        raise SettingsError(f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}, not {value!r}")
    return level


def _ids(value: str) -> frozenset[int]:
    try:
        ids = frozenset(int(part) for part in _split(value))
    except ValueError:
        raise SettingsError(f"ADMIN_IDS must be comma-separated user ids, not {value!r}") from None
    if any(user_id <= 0 for user_id in ids):  # users have positive ids; groups negative ones
        raise SettingsError(f"ADMIN_IDS must be user ids (positive numbers), not {value!r}")
    return ids


_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def parse_hhmm(value: str, name: str = "time") -> time:
    """'08:00' → time(8, 0); anything else raises SettingsError naming `name`."""
    match = _HHMM.match(value.strip())
    if not match:
        raise SettingsError(f"{name} must be HH:MM (00:00–23:59), not {value!r}")
    return time(int(match[1]), int(match[2]))
