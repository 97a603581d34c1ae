"""Telegram's flood limits as sliding windows, with an honest retry_after."""

from __future__ import annotations

import math
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class FloodLimits:
    """Messages allowed: overall per second, per chat per second, per group per minute."""

    global_per_sec: int = 30
    per_chat_per_sec: int = 1
    per_group_per_min: int = 20


@dataclass(frozen=True)
class FloodReport:
    """What the limiter saw: accepted sends, 429s answered, sends made while a 429 still applied."""

    accepted: int
    rejected: int
    early: int
    max_retry_after: int


@dataclass
class _Window:
    seconds: float
    limit: int
    times: deque[float] = field(default_factory=deque)

    def wait(self, now: float) -> float:
        """Seconds until one more event fits in the window (0 when it fits now)."""
        while self.times and self.times[0] <= now - self.seconds:
            self.times.popleft()
        if len(self.times) < self.limit:
            return 0.0
        return self.times[-self.limit] + self.seconds - now


def is_group(chat_id: int | str) -> bool:
    """Groups, supergroups and channels have negative ids or @usernames."""
    return isinstance(chat_id, str) or chat_id < 0


class FloodLimiter:
    """Decides whether one more message to a chat is accepted; not thread-safe on its own."""

    def __init__(self, limits: FloodLimits, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self.clock = clock
        self.overall = _Window(1.0, limits.global_per_sec)
        self.chats: dict[int | str, _Window] = {}
        self.groups: dict[int | str, _Window] = {}
        self.blocked_until: dict[int | str, float] = defaultdict(float)
        self.accepted = self.rejected = self.early = self.max_retry_after = 0

    def admit(self, chat_id: int | str) -> int | None:
        """None when the message is accepted (and counted), else the retry_after to answer."""
        now = self.clock()
        if now < self.blocked_until[chat_id]:
            # The client ignored a retry_after it was given: Telegram answers 429 again.
            self.early += 1
            return self.reject(chat_id, self.blocked_until[chat_id] - now, now)
        windows = self.windows(chat_id)
        wait = max(window.wait(now) for window in windows)
        if wait > 0:
            return self.reject(chat_id, wait, now)
        for window in windows:
            window.times.append(now)
        self.accepted += 1
        return None

    def windows(self, chat_id: int | str) -> list[_Window]:
        """The windows one message to `chat_id` counts in."""
        limits = self.limits
        found = [self.overall]
        found.append(self.chats.setdefault(chat_id, _Window(1.0, limits.per_chat_per_sec)))
        if is_group(chat_id):
            found.append(self.groups.setdefault(chat_id, _Window(60.0, limits.per_group_per_min)))
        return found

    def reject(self, chat_id: int | str, wait: float, now: float) -> int:
        """Answer 429: whole seconds, rounded up, as Telegram does; the chat waits that long."""
        retry_after = max(1, math.ceil(wait))
        self.blocked_until[chat_id] = max(self.blocked_until[chat_id], now + retry_after)
        self.rejected += 1
        self.max_retry_after = max(self.max_retry_after, retry_after)
        return retry_after

    def report(self) -> FloodReport:
        """The counters so far."""
        return FloodReport(self.accepted, self.rejected, self.early, self.max_retry_after)
