"""Telegram's refusals: 429s honoured with nothing lost, blocked chats dropped, bad HTML resent."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from bot.app import Tuning
from bot.settings import Settings
from tests.e2e.conftest import FAST, Bot, settle
from tests.fakebot import FakeBotApi

CHATS = range(9001, 9031)


async def _subscribe_all(bot: Bot, chats: range) -> None:
    for chat in chats:
        bot.fake.send_text(chat, "/subscribe")
        bot.fake.send_text(chat, "/schedule instant")
    for chat in chats:
        await bot.fake.wait_for(2, chat)


def _pushes(bot: Bot, chats: range, marker: str) -> Counter[int]:
    return Counter(
        int(m.chat_id) for m in bot.fake.sent() if marker in m.plain and int(m.chat_id) in chats
    )


async def test_a_429_storm_loses_and_repeats_nothing(bot: Bot) -> None:
    await _subscribe_all(bot, CHATS)
    bot.fake.fail_next("sendMessage", status=429, retry_after=1, times=12)
    bot.drop("river")
    await bot.scan()
    assert await bot.fake.wait_until(lambda: len(_pushes(bot, CHATS, "河湖长制")) == len(CHATS), 30)
    await settle()
    assert _pushes(bot, CHATS, "河湖长制") == Counter({chat: 1 for chat in CHATS})


async def test_flood_limits_are_respected_before_telegram_enforces_them(
    fake: FakeBotApi, settings: Settings
) -> None:
    chats = range(9001, 9046)
    fake.enforce_flood_limits(global_per_sec=30, per_chat_per_sec=1, per_group_per_min=20)
    bot = Bot(
        fake, settings, Tuning(first_scan=0.1, page_worker=False)
    )  # Telegram's limits, as in production
    await bot.start()
    try:
        await _flood(bot, chats)
    finally:
        await bot.stop()


async def _flood(bot: Bot, chats: range) -> None:
    await _subscribe_all(bot, chats)  # two replies per chat: the second waits its turn
    bot.drop("harvest")
    await bot.scan()
    assert await bot.fake.wait_until(lambda: len(_pushes(bot, chats, "乡村振兴")) == len(chats), 40)
    report = bot.fake.flood_report()
    assert report.accepted == 3 * len(chats)
    assert (report.rejected, report.early) == (0, 0)  # never over a limit
    assert _pushes(bot, chats, "乡村振兴") == Counter({chat: 1 for chat in chats})


async def test_blocked_and_vanished_chats_are_deactivated(bot: Bot) -> None:
    blocked, vanished, fine = 9101, 9102, 9103
    await _subscribe_all(bot, range(9101, 9104))
    bot.fake.block_chat(blocked)
    bot.fake.forget_chat(vanished)
    bot.drop("museum")
    await bot.scan()
    await bot.fake.wait_for(3, fine)
    store = bot.services.store
    assert [store.subscription(c).active for c in (blocked, vanished, fine)] == [False, False, True]  # type: ignore[union-attr]
    tries = len(bot.fake.calls("sendMessage"))
    bot.drop("robots")
    await bot.scan()
    await bot.fake.wait_for(4, fine)
    await settle()
    assert len(bot.fake.calls("sendMessage")) == tries + 1  # only the live chat was tried


async def test_refused_html_is_resent_as_plain_text(bot: Bot) -> None:
    chat = 9201
    await _subscribe_all(bot, range(chat, chat + 1))
    bot.fake.fail_next(
        "sendMessage",
        status=400,
        chat_id=chat,
        description="Bad Request: can't parse entities: unexpected end tag",
    )
    bot.drop("river")
    await bot.scan()
    (pushed,) = (await bot.fake.wait_for(3, chat))[2:]
    assert pushed.parse_mode is None and "河湖长制" in pushed.text and "<b>" not in pushed.text


async def test_network_errors_are_retried(bot: Bot) -> None:
    chat = 9301
    await _subscribe_all(bot, range(chat, chat + 1))
    bot.fake.fail_next("sendMessage", status=502, chat_id=chat, times=2)
    bot.drop("robots")
    await bot.scan()
    (pushed,) = (await bot.fake.wait_for(3, chat))[2:]
    assert "智能制造" in pushed.plain


async def test_a_429_is_retried_in_one_layer_only(fake: FakeBotApi, settings: Settings) -> None:
    chat = 9401
    bot = Bot(fake, settings, replace(FAST, max_retries=2))
    await bot.start()
    try:
        await _subscribe_all(bot, range(chat, chat + 1))
        fake.fail_next("sendMessage", status=429, retry_after=1, times=100, chat_id=chat)
        bot.drop("river")
        await bot.scan()
        assert await fake.wait_until(lambda: _tries(fake, chat) >= 3, 10)
        await settle(1.5)
        assert _tries(fake, chat) == 3  # the limiter's 2 retries, none on top (was 3 × 9)
    finally:
        await bot.stop()


def _tries(fake: FakeBotApi, chat: int) -> int:
    return sum(
        1 for c in fake.calls("sendMessage") if c.status == 429 and int(c.params["chat_id"]) == chat
    )
