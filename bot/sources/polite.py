"""What politeness remembers between requests: when each host may be asked again, and each
host's robots.txt. No I/O here: `crawl.py` fetches, this only keeps time and rules.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from protego import Protego

MAX_CRAWL_DELAY = 30.0  # a robots.txt asking for more is read as asking for this much
ROBOTS_AGENT = "digestbot"  # the product token robots.txt groups are matched against


@dataclass(frozen=True, slots=True)
class Rules:
    """A host's robots.txt as last read; `None` parser means every path is allowed."""

    parser: Protego | None
    read_at: float  # time.monotonic()
    ttl: float  # seconds these rules are trusted
    disallow_all: bool = False  # the server failed (5xx, unreachable): RFC 9309 §2.3.1.4

    def allows(self, url: str) -> bool:
        """Whether `url` may be fetched under these rules."""
        if self.disallow_all:
            return False
        return self.parser is None or self.parser.can_fetch(url, ROBOTS_AGENT)

    def delay(self) -> float:
        """The Crawl-delay the host asks of us, capped; 0 when it asks none."""
        if self.parser is None:
            return 0.0
        asked = self.parser.crawl_delay(ROBOTS_AGENT)
        return min(float(asked), MAX_CRAWL_DELAY) if asked else 0.0

    def sitemaps(self) -> list[str]:
        """The `Sitemap:` lines, in file order."""
        return list(self.parser.sitemaps) if self.parser is not None else []

    def fresh(self, now: float) -> bool:
        return now - self.read_at < self.ttl


def parse_rules(text: str, *, ttl: float, now: float | None = None) -> Rules:
    """Rules from a robots.txt body."""
    return Rules(Protego.parse(text), time.monotonic() if now is None else now, ttl)


class Courtesy:
    """Per host: one request every `interval` seconds (or the robots.txt Crawl-delay, if
    longer), and the host's rules. Hosts are independent: many go on in parallel."""

    def __init__(self, interval: float) -> None:
        self.interval = interval
        self._next: dict[str, float] = {}
        self._turns: dict[str, asyncio.Lock] = {}
        self._reading: dict[str, asyncio.Lock] = {}
        self._rules: dict[str, Rules] = {}

    @asynccontextmanager
    async def turn(self, host: str) -> AsyncIterator[None]:
        """Wait for the host's next slot; the request is sent inside the block."""
        async with self._turns.setdefault(host, asyncio.Lock()):
            now = time.monotonic()
            at = self._next.get(host, now)
            if at > now:
                await asyncio.sleep(at - now)
            rules = self._rules.get(host)
            gap = max(self.interval, rules.delay() if rules else 0.0)
            self._next[host] = max(at, now) + gap
        yield

    def reading(self, host: str) -> asyncio.Lock:
        """Held while the host's robots.txt is read, so it is read once, not once a source."""
        return self._reading.setdefault(host, asyncio.Lock())

    def rules(self, host: str) -> Rules | None:
        """The host's rules while they are fresh."""
        rules = self._rules.get(host)
        return rules if rules is not None and rules.fresh(time.monotonic()) else None

    def remember(self, host: str, rules: Rules) -> None:
        self._rules[host] = rules


__all__ = ["MAX_CRAWL_DELAY", "ROBOTS_AGENT", "Courtesy", "Rules", "parse_rules"]
