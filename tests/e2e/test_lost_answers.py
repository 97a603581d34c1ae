"""Sends whose answer is lost: a reader sees at most one repeat, and none is retried forever."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Any

import pytest

from bot.settings import Settings
from tests.e2e.conftest import ADMIN, FAST, Bot, settle
from tests.fakebot import FakeBotApi

CHAT = 9401
# the fake carries each call out, then answers: garbage, or hangs up, or after the timeout
FAULTS: dict[str, dict[str, Any]] = {
    "garbage": {"answer": "garbage"},
    "hangup": {"answer": "hangup"},
    "timeout": {"delay": 0.6},
}


def _pushes(bot: Bot, marker: str) -> list[str]:
    return [m.plain for m in bot.fake.sent(CHAT) if marker in m.plain]


@pytest.fixture
async def quick(fake: FakeBotApi, settings: Settings) -> AsyncIterator[Bot]:
    """A bot that gives up on an answer after 0.3 s (the fake's slow answer takes 0.6 s)."""
    running = Bot(fake, settings, replace(FAST, read_timeout=0.3))
    await running.start()
    await fake.wait_polling()
    try:
        yield running
    finally:
        await running.stop()


async def _subscribed(bot: Bot) -> None:
    bot.fake.send_text(CHAT, "/subscribe")
    bot.fake.send_text(CHAT, "/schedule instant")
    await bot.fake.wait_for(2, CHAT)


@pytest.mark.parametrize("fault", FAULTS)
async def test_a_lost_answer_is_sent_twice_then_marked_failed_and_counted(
    quick: Bot, fault: str
) -> None:
    await _subscribed(quick)
    quick.fake.misbehave("sendMessage", chat_id=CHAT, times=5, **FAULTS[fault])
    quick.drop("river")
    await quick.scan()
    assert await quick.fake.wait_until(lambda: len(_pushes(quick, "河湖长制")) >= 2)
    await settle(1.0)  # the timed-out answers arrive late: let every one land
    assert len(_pushes(quick, "河湖长制")) == 2  # tried once more, never twice
    assert quick.services.store.stats()["failed_deliveries"] == 1
    await quick.scan()  # the next scan does not offer it again
    await settle(1.0)
    assert len(_pushes(quick, "河湖长制")) == 2
    (stats,) = await quick.ask(ADMIN, "/stats")
    assert "推送失败（已放弃）：1" in stats.plain


async def test_one_lost_answer_costs_one_repeat_and_the_retry_is_marked_sent(quick: Bot) -> None:
    await _subscribed(quick)
    quick.fake.misbehave("sendMessage", chat_id=CHAT, answer="hangup")
    quick.drop("river")
    await quick.scan()
    assert await quick.fake.wait_until(lambda: len(_pushes(quick, "河湖长制")) >= 2)
    await settle()
    store = quick.services.store
    assert len(_pushes(quick, "河湖长制")) == 2
    assert (store.stats()["deliveries"], store.stats()["failed_deliveries"]) == (1, 0)
    quick.drop("robots")
    await quick.scan()
    assert await quick.fake.wait_until(lambda: bool(_pushes(quick, "智能制造")))
    await settle()
    assert len(_pushes(quick, "河湖长制")) == 2  # the river story was not sent a third time
