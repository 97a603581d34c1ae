"""Per-chat pacing, 429s honoured per chat (everyone in a storm), and per-chat update order."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

import pytest
from telegram.error import RetryAfter

from bot.ratelimit import MARGIN, FloodLimiter, PerChatUpdates, retry_seconds

REFUSAL = timedelta(milliseconds=200)


class _Chat:
    def __init__(self, chat_id: int) -> None:
        self.id = chat_id


class _Update:
    def __init__(self, chat_id: int | None) -> None:
        self.effective_chat = _Chat(chat_id) if chat_id is not None else None


async def _send(limiter: FloodLimiter, chat_id: int, log: list[tuple[int, float]]) -> Any:
    async def callback() -> bool:
        log.append((chat_id, asyncio.get_running_loop().time()))
        return True

    return await limiter.process_request(
        callback, (), {}, "sendMessage", {"chat_id": chat_id}, None
    )


async def test_one_chat_waits_its_interval_other_chats_do_not() -> None:
    limiter = FloodLimiter(interval=0.2, overall_max_rate=1000)
    log: list[tuple[int, float]] = []
    await asyncio.gather(_send(limiter, 1, log), _send(limiter, 1, log), _send(limiter, 2, log))
    first, second = [t for chat, t in log if chat == 1]
    other = next(t for chat, t in log if chat == 2)
    assert second - first >= 0.2  # a lower bound: sleeps never end early
    assert other < second  # chat 2 did not queue behind chat 1
    await asyncio.sleep(0.25)
    assert limiter._chats == {}  # idle chats are forgotten


async def test_requests_without_a_chat_are_not_paced() -> None:
    limiter = FloodLimiter(interval=10, overall_max_rate=1000)

    async def callback() -> bool:
        return True

    for _ in range(3):
        assert await limiter.process_request(callback, (), {}, "getMe", {}, None) is True


class Server:
    """Answers 429 to the first request of each chat in `refuse`; logs (chat, time, status)."""

    def __init__(self, refuse: Sequence[int | None] = ()) -> None:
        self.refuse = list(refuse)
        self.log: list[tuple[int | None, float, int]] = []

    async def send(
        self, limiter: FloodLimiter, chat_id: int | None, endpoint: str = "sendMessage"
    ) -> Any:
        async def callback() -> bool:
            now = asyncio.get_running_loop().time()
            if chat_id in self.refuse:
                self.refuse.remove(chat_id)
                self.log.append((chat_id, now, 429))
                raise RetryAfter(REFUSAL)
            self.log.append((chat_id, now, 200))
            return True

        data = {} if chat_id is None else {"chat_id": chat_id}
        return await limiter.process_request(callback, (), {}, endpoint, data, None)

    def times(self, chat_id: int | None, status: int = 200) -> list[float]:
        return [t for chat, t, code in self.log if chat == chat_id and code == status]


async def test_a_429_pauses_that_chat_only() -> None:
    limiter, server = (
        FloodLimiter(interval=0, storm=3, overall_max_rate=1000, max_retries=2),
        Server([1]),
    )
    await asyncio.gather(server.send(limiter, 1), server.send(limiter, 2))
    ((refused,), (retried,), (other,)) = server.times(1, 429), server.times(1), server.times(2)
    assert retried - refused >= REFUSAL.total_seconds() + MARGIN  # honoured in full
    assert other < retried and other < refused + REFUSAL.total_seconds()  # 2 not held
    assert limiter.holds == 0


async def test_the_next_message_waits_even_when_the_retries_ran_out() -> None:
    limiter, server = FloodLimiter(interval=0, max_retries=1), Server([1, 1])
    with pytest.raises(RetryAfter):
        await server.send(limiter, 1)
    await server.send(limiter, 1)
    (sent,) = server.times(1)
    assert sent - server.times(1, 429)[-1] >= REFUSAL.total_seconds() + MARGIN


async def test_many_chats_refused_at_once_hold_everyone() -> None:
    limiter, server = (
        FloodLimiter(interval=0, storm=3, overall_max_rate=1000, max_retries=2),
        Server([1, 2, 3]),
    )
    await asyncio.gather(*(server.send(limiter, chat) for chat in (1, 2, 3)))
    last_refusal = max(t for _, t, code in server.log if code == 429)
    await server.send(limiter, 4)  # never refused itself, but sent after the hold
    assert limiter.holds == 1
    assert server.times(4)[0] - last_refusal >= REFUSAL.total_seconds() + MARGIN


async def test_a_429_without_a_chat_holds_everyone() -> None:
    limiter, server = FloodLimiter(interval=0, overall_max_rate=1000, max_retries=2), Server([None])
    await server.send(limiter, None, "answerInlineQuery")
    assert limiter.holds == 1 and len(server.times(None)) == 1


def test_retry_after_is_read_with_or_without_ptb_timedelta(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    error = RetryAfter(3)  # built while tests/conftest.py sets PTB_TIMEDELTA
    assert retry_seconds(error) == 3.0  # read as a timedelta
    monkeypatch.delenv("PTB_TIMEDELTA", raising=False)
    assert retry_seconds(error) == 3.0  # read as an int, its deprecation warning kept quiet


async def test_updates_of_one_chat_run_in_order_others_concurrently() -> None:
    processor = PerChatUpdates()
    running: dict[int, int] = {}
    overlap: list[int] = []
    order: list[str] = []

    async def handle(chat: int, name: str) -> None:
        running[chat] = running.get(chat, 0) + 1
        overlap.append(sum(running.values()))
        assert running[chat] == 1  # never two of one chat at once
        await asyncio.sleep(0.01)
        order.append(name)
        running[chat] -= 1

    await asyncio.gather(
        processor.do_process_update(_Update(1), handle(1, "a1")),
        processor.do_process_update(_Update(1), handle(1, "a2")),
        processor.do_process_update(_Update(2), handle(2, "b1")),
        processor.do_process_update(_Update(None), handle(3, "inline")),
    )
    assert order.index("a1") < order.index("a2")
    assert max(overlap) >= 2  # different chats did run at the same time
    assert processor._locks == {}
