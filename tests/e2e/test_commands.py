"""Talking to the bot: greetings, the command menu, bad input answered while it keeps serving."""

from __future__ import annotations

import logging
import re

import pytest

from bot import texts
from bot.logs import QUIET, configure_logging
from bot.settings import Settings
from tests.e2e.conftest import ADMIN, Bot, settle
from tests.fakebot import FakeBotApi

USER = 5001


async def test_start_answers_with_the_commands_admin_ones_for_admins_only(bot: Bot) -> None:
    (reply,) = await bot.ask(USER, "/start")
    assert "/subscribe" in reply.plain and "/search" in reply.plain and reply.parse_mode == "HTML"
    listed = set(re.findall(r"^/([a-z]+) — ", reply.plain, flags=re.MULTILINE))
    assert listed == {c.name for c in texts.COMMANDS if not c.admin}
    (admin,) = await bot.ask(ADMIN, "/help")
    listed = set(re.findall(r"^/([a-z]+) — ", admin.plain, flags=re.MULTILINE))
    assert listed == {c.name for c in texts.COMMANDS} and "机器人管理员命令" in admin.plain


async def test_english_users_get_english(bot: Bot) -> None:
    (reply,) = await bot.ask(USER, "/help", language_code="en-US")
    assert reply.plain.startswith("Commands:")
    (other,) = await bot.ask(USER + 1, "/help", language_code="de")
    assert other.plain.startswith("命令列表")


async def test_command_menu_is_set_at_start(bot: Bot) -> None:
    menus = {
        call.params.get("language_code"): call.params["commands"]
        for call in bot.fake.calls("setMyCommands")
    }
    assert set(menus) == {None, "en"}
    assert [c["command"] for c in menus[None]] == [c.name for c in texts.COMMANDS if not c.admin]


BAD_INPUT = [
    ("/search", "用法：/search 关键词"),
    ("/schedule daily 25:99", "时间「25:99」无效"),
    ("/schedule 每天 25:99", "时间「25:99」无效"),
    ("/schedule weekly someday 08:00", "星期「someday」无效"),
    ("/schedule hourly", "用法：/schedule 每天 HH:MM"),
    ("/timezone Mars/Base", "不认识的时区「Mars/Base」"),
    ("/doc 999999", "没有编号为 999999 的文章"),
    ("/doc abc", "用法：/doc 编号"),
    ("/unsubscribe", "你还没有订阅"),
    ("/subscribe #", "主题名请用 1 到 16 个字"),
    ("/digest 0d", "用法：/digest"),
    ("/frobnicate", "我不认识这个命令"),
    ("/addsource http://example.com/feed", "仅限机器人管理员"),
]


@pytest.mark.parametrize(("text", "answer"), BAD_INPUT)
async def test_bad_input_is_answered_clearly(bot: Bot, text: str, answer: str) -> None:
    (reply,) = await bot.ask(USER, text)
    assert answer in reply.plain
    (still,) = await bot.ask(USER, "/help")  # and the bot still serves
    assert still.plain.startswith("命令列表")


async def test_a_3000_character_query_is_cut_and_searched(bot: Bot) -> None:
    replies = await bot.ask(USER, "/search " + "会议" * 1500, replies=2)
    assert "前 200 个字" in replies[0].plain
    assert "没有找到" in replies[1].plain and len(replies[1].text) < 4096


async def test_stickers_and_photos_get_a_hint(bot: Bot) -> None:
    bot.fake.send_sticker(USER)
    bot.fake.send_photo(USER, caption="看看这个")
    hints = await bot.fake.wait_for(2, USER)
    assert all("/help" in hint.plain for hint in hints)


async def test_commands_for_other_bots_in_groups_are_ignored(bot: Bot) -> None:
    bot.fake.send_text(-1001, "/frobnicate@SomeOtherBot")
    bot.fake.send_text(-1001, "/frobnicate")
    await bot.fake.wait_consumed()
    await settle()
    assert bot.fake.sent(-1001) == []
    (reply,) = await bot.ask(-1001, "/frobnicate@DigestTestBot")
    assert "我不认识这个命令" in reply.plain


async def test_the_token_never_reaches_the_log(
    bot: Bot, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("", *QUIET):  # configure_logging sets their levels: restored after the test
        logger = logging.getLogger(name)
        monkeypatch.setattr(logger, "level", logger.level)
    caplog.set_level(logging.DEBUG)
    token = bot.settings.token
    assert token
    configure_logging(token, "DEBUG")  # formats every handler, the capture's included
    await bot.ask(USER, "/start")
    bot.fake.send_photo(USER)
    await bot.fake.wait_for(2, USER)
    log = logging.getLogger("tests.e2e")
    log.warning("calling %s", f"{bot.fake.base_url}{token}/getMe")
    try:
        raise RuntimeError(f"refused: {token}")
    except RuntimeError:
        log.exception("failed")
    assert "calling http://127.0.0.1" in caplog.text and "RuntimeError: refused" in caplog.text
    assert token not in caplog.text and token.partition(":")[2] not in caplog.text


async def test_a_failing_command_menu_does_not_stop_the_bot(
    fake: FakeBotApi, settings: Settings
) -> None:
    fake.fail_next("setMyCommands", status=500, times=5)
    running = Bot(fake, settings)
    await running.start()
    try:
        (reply,) = await running.ask(USER, "/start")
        assert "/subscribe" in reply.plain
    finally:
        await running.stop()


async def test_an_id_past_any_stored_one_is_no_article(bot: Bot) -> None:
    (reply,) = await bot.ask(USER, "/doc 99999999999999")
    assert reply.plain == "没有编号为 99999999999999 的文章。"
