"""Backoff: 10 minutes doubling per consecutive failure, capped at a day, reset on success."""

from __future__ import annotations

from datetime import timedelta

import httpx

from bot.sources import SourceState, fetch_source
from bot.sources.backoff import after_failure, delay, is_due
from bot.sources.fetch import Fetcher
from tests.bot.sources.conftest import NOW, Web, never_seen

URL = "https://news.example.cn/zx/list.html"


def test_the_delay_doubles_from_ten_minutes() -> None:
    assert [delay(n) for n in (1, 2, 3, 4)] == [timedelta(minutes=m) for m in (10, 20, 40, 80)]


def test_the_delay_is_capped_at_a_day() -> None:
    assert delay(8) == timedelta(minutes=1280)
    assert delay(9) == delay(10) == delay(10_000) == timedelta(days=1)


def test_is_due_compares_with_the_next_attempt() -> None:
    state = after_failure(SourceState(), NOW, "HTTP 500")
    assert not is_due(state, NOW + timedelta(minutes=9))
    assert is_due(state, NOW + timedelta(minutes=10))
    assert is_due(SourceState(), NOW)


async def test_consecutive_failures_double_the_wait_then_success_resets(
    web: Web, fetcher: Fetcher
) -> None:
    status = {"code": 500}
    web.add(URL, lambda _: httpx.Response(status["code"], content="两会专题".encode()))
    state, now, waits = SourceState(), NOW, []
    for _ in range(3):
        state = (await fetch_source(URL, state, fetcher=fetcher, now=now, seen=never_seen)).state
        assert state.next_attempt_at is not None
        waits.append(state.next_attempt_at - now)
        now = state.next_attempt_at
    assert waits == [timedelta(minutes=10), timedelta(minutes=20), timedelta(minutes=40)]
    assert state.failures == 3
    status["code"] = 200
    result = await fetch_source(URL, state, fetcher=fetcher, now=now, seen=never_seen)
    assert len(result.pages) == 1
    assert (result.state.failures, result.state.next_attempt_at, result.state.last_error) == (
        0,
        None,
        None,
    )
    assert result.state.last_success_at == now


async def test_a_source_in_backoff_is_skipped_without_fetching(web: Web, fetcher: Fetcher) -> None:
    web.page(URL, "两会专题".encode())
    state = after_failure(SourceState(failures=4), NOW, "timed out")
    result = await fetch_source(
        URL, state, fetcher=fetcher, now=NOW + timedelta(minutes=5), seen=never_seen
    )
    assert result.skipped and result.pages == () and result.problems == ()
    assert result.state == state
    assert web.requests == []
