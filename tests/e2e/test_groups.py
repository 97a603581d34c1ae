"""Groups, forum topics and channels: who may change a subscription, where digests are posted."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.schedules import send_scheduled
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


async def test_added_to_a_group_it_introduces_itself_and_says_who_sets_it_up(bot: Bot) -> None:
    bot.fake.my_chat_member(GROUP, old="left", new="member", user_id=OWNER)
    (intro,) = await bot.fake.wait_for(1, GROUP)
    assert intro.plain.startswith("大家好！") and "群管理员可以设置订阅" in intro.plain
    assert "/digest@DigestTestBot" in intro.plain
    english = GROUP - 1
    bot.fake.my_chat_member(english, old="left", new="member", user_id=OWNER)
    bot.fake.my_chat_member(GROUP, old="member", new="administrator", user_id=OWNER)  # promoted
    await bot.fake.wait_consumed()
    await settle()
    assert len(bot.fake.sent(GROUP)) == 1 and len(bot.fake.sent(english)) == 1


async def test_help_says_who_may_change_the_group_and_hides_bot_admin_commands(bot: Bot) -> None:
    bot.fake.set_admins(GROUP, [OWNER])
    (member,) = await bot.ask(GROUP, "/help@DigestTestBot", user_id=MEMBER)
    assert "/sources" not in member.plain and "机器人管理员命令" not in member.plain
    assert "只有群管理员可以修改" in member.plain and "不影响本群的定时推送" in member.plain
    (owner,) = await bot.ask(GROUP, "/help@DigestTestBot", user_id=OWNER)
    assert "你是本群管理员" in owner.plain
    (english,) = await bot.ask(GROUP, "/help", user_id=MEMBER, language_code="en")
    assert "Only the group's administrators change its subscription" in english.plain


async def test_a_members_digest_in_a_group_is_a_look_that_marks_nothing(bot: Bot) -> None:
    bot.fake.set_admins(GROUP, [OWNER])
    await bot.ask(GROUP, "/subscribe", user_id=OWNER)
    bot.drop("river")
    await bot.scan()
    (look,) = await bot.ask(GROUP, "/digest@DigestTestBot", user_id=MEMBER)
    assert "河湖长制" in look.plain and "只是查看：本群的定时推送仍会发送这些文章。" in look.plain
    assert [d.id for d in bot.services.store.unseen_documents(GROUP)]  # still unsent
    (again,) = await bot.ask(GROUP, "/digest@DigestTestBot", user_id=OWNER)
    assert "河湖长制" in again.plain  # an admin's too: the schedule delivers
    (main,) = bot.services.store.topics(GROUP)
    await send_scheduled(bot.services, GROUP, main.id, datetime.now(UTC))
    (scheduled,) = bot.fake.sent(GROUP)[3:]
    assert "河湖长制" in scheduled.plain and "只是查看" not in scheduled.plain
    assert bot.services.store.unseen_documents(GROUP) == []


async def test_members_cannot_press_the_groups_buttons_or_set_it_up(bot: Bot) -> None:
    bot.fake.set_admins(GROUP, [OWNER])
    await bot.ask(GROUP, "/subscribe 政协", user_id=OWNER)
    (schedule,) = await bot.ask(GROUP, "/schedule", user_id=MEMBER)  # reading: anyone
    assert schedule.plain.startswith("推送：每天 08:00（北京时间）")
    (refused,) = await bot.ask(GROUP, "/schedule 即时", user_id=MEMBER)
    assert refused.plain == "只有群管理员可以修改本群的订阅。"
    (topics,) = await bot.ask(GROUP, "/topics", user_id=MEMBER)
    answers = len(bot.fake.answers)
    pause = topics.reply_markup["inline_keyboard"][0][1]["callback_data"]  # type: ignore[index]
    bot.fake.press_button(topics, pause, user_id=MEMBER)
    assert await bot.fake.wait_until(lambda: len(bot.fake.answers) > answers)
    assert "管理员" in bot.fake.answers[-1]["text"] and bot.fake.answers[-1]["show_alert"]
    (main,) = bot.services.store.topics(GROUP)
    assert not main.paused
