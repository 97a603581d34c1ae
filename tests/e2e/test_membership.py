"""The bot removed or blocked: delivery stops at once; re-added, /subscribe brings it back."""

from __future__ import annotations

from tests.e2e.conftest import Bot, settle

USER, GROUP, OWNER = 7301, -1007301, 8301


def _active(bot: Bot, chat: int) -> bool:
    sub = bot.services.store.subscription(chat)
    return sub is not None and sub.active


def _jobs(bot: Bot, chat: int) -> int:
    assert bot.app is not None and bot.app.job_queue is not None
    return sum(job.name.startswith(f"digest:{chat}:") for job in bot.app.job_queue.jobs())


async def test_a_user_blocking_the_bot_stops_pushes_before_any_403(bot: Bot) -> None:
    await bot.ask(USER, "/subscribe")
    await bot.ask(USER, "/schedule instant")
    bot.fake.my_chat_member(USER, old="member", new="kicked")
    assert await bot.fake.wait_until(lambda: not _active(bot, USER))
    tries = len(bot.fake.calls("sendMessage"))
    bot.drop("river")
    await bot.scan()
    await settle()
    assert len(bot.fake.calls("sendMessage")) == tries  # not even tried


async def test_removed_from_a_group_then_re_added_waits_for_subscribe(bot: Bot) -> None:
    bot.fake.set_admins(GROUP, [OWNER])
    await bot.ask(GROUP, "/subscribe", user_id=OWNER)
    assert _active(bot, GROUP) and _jobs(bot, GROUP) == 1  # a daily digest is scheduled
    bot.fake.my_chat_member(GROUP, old="member", new="left", user_id=OWNER)
    assert await bot.fake.wait_until(lambda: not _active(bot, GROUP))
    assert _jobs(bot, GROUP) == 0
    bot.fake.my_chat_member(GROUP, old="left", new="administrator", user_id=OWNER)
    await bot.fake.wait_consumed()
    await settle()
    (intro,) = bot.fake.sent(GROUP)[1:]  # re-added: it introduces itself, sends no news
    assert not _active(bot, GROUP) and "群管理员可以设置订阅" in intro.plain
    (again,) = await bot.ask(GROUP, "/subscribe", user_id=OWNER)
    assert "已订阅" in again.plain and _active(bot, GROUP) and _jobs(bot, GROUP) == 1
