"""Per-chat pacing and per-chat update order."""

from __future__ import annotations

import asyncio
from typing import Any

from bot.ratelimit import FloodLimiter, PerChatUpdates


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
