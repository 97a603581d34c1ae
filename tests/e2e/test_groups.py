"""Groups, forum topics and channels: who may change a subscription, where digests are posted."""

from __future__ import annotations

from tests.e2e.conftest import Bot, settle

GROUP = -1002001
OWNER, MEMBER = 8001, 8002


async def _instant(bot: Bot, chat: int, user: int, **kwargs: object) -> None:
    await bot.ask(chat, "/subscribe", user_id=user, **kwargs)  # type: ignore[arg-type]
    await bot.ask(chat, "/schedule instant", user_id=user, **kwargs)  # type: ignore[arg-type]


async def test_a_member_who_is_not_an_admin_is_refused(bot: Bot) -> None:
    bot.fake.set_admins(GROUP, [OWNER])
    (refused,) = await bot.ask(GROUP, "/subscribe", user_id=MEMBER)
    assert "只有群管理员" in refused.plain
    assert bot.services.store.subscription(GROUP) is None
    (accepted,) = await bot.ask(GROUP, "/subscribe@DigestTestBot", user_id=OWNER)
    assert "已订阅" in accepted.plain
    (refused,) = await bot.ask(GROUP, "/unsubscribe", user_id=MEMBER)
    assert "只有群管理员" in refused.plain
    sub = bot.services.store.subscription(GROUP)
    assert sub is not None and sub.active


async def test_settings_buttons_refuse_non_admins(bot: Bot) -> None:
    bot.fake.set_admins(GROUP, [OWNER])
    await bot.ask(GROUP, "/subscribe", user_id=OWNER)
    (menu,) = await bot.ask(GROUP, "/settings", user_id=MEMBER)  # reading is for everyone
    bot.fake.press_button(menu, "set:pause", user_id=MEMBER)
    assert await bot.fake.wait_until(lambda: bool(bot.fake.calls("answerCallbackQuery")))
    (answer,) = bot.fake.calls("answerCallbackQuery")
    assert "管理员" in answer.params.get("text", "")
    sub = bot.services.store.subscription(GROUP)
    assert sub is not None and not sub.paused


async def test_anyone_may_ask_for_a_digest_with_the_bot_name(bot: Bot) -> None:
    bot.drop("river")
    await bot.scan()
    (digest,) = await bot.ask(GROUP, "/digest@DigestTestBot", user_id=MEMBER)
    assert "河湖长制" in digest.plain


async def test_digests_go_into_the_forum_topic_they_were_asked_from(bot: Bot) -> None:
    bot.fake.set_admins(GROUP, [OWNER])
    await _instant(bot, GROUP, OWNER, message_thread_id=77)
    bot.drop("museum")
    await bot.scan()
    pushed = (await bot.fake.wait_for(3, GROUP))[2]
    assert "文物保护" in pushed.plain and pushed.message_thread_id == 77


async def test_a_channel_subscribes_by_posting_the_command(bot: Bot) -> None:
    channel = -1003003
    bot.fake.channel_post(channel, "/subscribe@DigestTestBot 机器人")
    bot.fake.channel_post(channel, "/schedule@DigestTestBot instant")
    await bot.fake.wait_for(2, channel)
    bot.drop("robots")
    bot.drop("river")
    await bot.scan()
    pushed = (await bot.fake.wait_for(3, channel))[2]
    assert "智能制造" in pushed.plain
    await settle()
    assert len(bot.fake.sent(channel)) == 3
