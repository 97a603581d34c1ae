"""Per-source backoff: 10 minutes after a failure, doubling per consecutive failure, up to a day."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from bot.sources.model import SourceState

FIRST_DELAY = timedelta(minutes=10)
MAX_DELAY = timedelta(days=1)


def delay(failures: int) -> timedelta:
    """The wait after `failures` consecutive failures (≥ 1)."""
    if failures <= 0:
        return timedelta(0)
    # Cap the exponent first: 2**big would overflow timedelta long before the day cap.
    doublings = min(failures - 1, 16)
    return min(FIRST_DELAY * 2**doublings, MAX_DELAY)


def is_due(state: SourceState, now: datetime) -> bool:
    """True when the source may be fetched at `now`."""
    return state.next_attempt_at is None or now >= state.next_attempt_at


def after_failure(state: SourceState, now: datetime, reason: str) -> SourceState:
    """The state after one more consecutive failure."""
    failures = state.failures + 1
    return replace(
        state, failures=failures, next_attempt_at=now + delay(failures), last_error=reason
    )


def after_success(
    state: SourceState, now: datetime, *, etag: str | None, last_modified: str | None
) -> SourceState:
    """The state after a success: counters reset, validators replaced."""
    return replace(
        state,
        etag=etag,
        last_modified=last_modified,
        failures=0,
        next_attempt_at=None,
        last_error=None,
        last_success_at=now,
    )
