"""The fake Bot API itself, driven by the real python-telegram-bot over loopback HTTP."""

from __future__ import annotations

import asyncio
import datetime as dtm
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest, Forbidden, InvalidToken, RetryAfter
from telegram.ext import (
    Application,
    ApplicationBuilder,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
)

from tests.fakebot import TOKEN, EntityError, FakeBotApi, check_text, fake_bot, parse_html
from tests.fakebot.flood import FloodLimiter, FloodLimits, FloodReport
from tests.fakebot.server import parse_body

__all__ = ["fake_bot"]  # the fixture, imported for the tests below

PRIVATE = 424242
GROUP = -1001234567890
ITEM = "全面从严治党"


@pytest.fixture(autouse=True)
def timedelta_retry_after(monkeypatch: pytest.MonkeyPatch) -> None:
    """PTB warns on every RetryAfter unless it may use timedeltas; warnings are errors here."""
    monkeypatch.setenv("PTB_TIMEDELTA", "true")


@asynccontextmanager
async def running_app(fake: FakeBotApi, *handlers: BaseHandler) -> AsyncIterator[Application]:
    """A real Application polling the fake, stopped cleanly afterwards."""
    app = ApplicationBuilder().token(TOKEN).base_url(fake.base_url).build()
    app.add_handlers(list(handlers))
    async with app:
        await app.start()
        assert app.updater
        await app.updater.start_polling(poll_interval=0, timeout=1)
        yield app
        await app.updater.stop()
        await app.stop()


async def reply_start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer /start with a bold greeting and one button."""
    assert update.effective_message
    button = InlineKeyboardButton("下一页", callback_data="page:2")
    await update.effective_message.reply_html(
        f"<b>欢迎</b>：{context.args}", reply_markup=InlineKeyboardMarkup([[button]])
    )


async def edit_on_press(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a button press and replace the text with its data."""
    query = update.callback_query
    assert query
    await query.answer("好的")
    await query.edit_message_text(f"第{query.data}页")


async def test_application_answers_a_command_end_to_end(fake_bot: FakeBotApi) -> None:
    async with running_app(fake_bot, CommandHandler("start", reply_start)):
        fake_bot.send_text(PRIVATE, "/start 会议")
        (reply,) = await fake_bot.wait_for(1, chat_id=PRIVATE)
    assert reply.plain == "欢迎：['会议']"
    assert reply.parse_mode == "HTML"
    assert reply.entities == ({"type": "bold", "offset": 0, "length": 2},)
    assert reply.reply_markup == {
        "inline_keyboard": [[{"text": "下一页", "callback_data": "page:2"}]]
    }
    assert [c.method for c in fake_bot.calls()][:2] == ["getMe", "deleteWebhook"]


async def test_group_command_addressed_to_the_bot_reaches_the_handler(fake_bot: FakeBotApi) -> None:
    async with running_app(fake_bot, CommandHandler("start", reply_start)):
        fake_bot.send_text(GROUP, "/start@DigestTestBot", user_id=7, message_thread_id=5)
        fake_bot.send_text(GROUP, "/start@SomeOtherBot", user_id=7)
        await fake_bot.wait_consumed()
        (reply,) = await fake_bot.wait_for(1, chat_id=GROUP)
    assert reply.message["chat"]["type"] == "supergroup"
    assert reply.message["chat"]["is_forum"] is True
    assert reply.message_thread_id == 5
    assert len(fake_bot.sent(GROUP)) == 1  # the other bot's command was ignored


async def test_button_press_is_answered_and_the_message_edited(fake_bot: FakeBotApi) -> None:
    handlers = (CommandHandler("start", reply_start), CallbackQueryHandler(edit_on_press))
    async with running_app(fake_bot, *handlers):
        fake_bot.send_text(PRIVATE, "/start")
        (sent,) = await fake_bot.wait_for(1, chat_id=PRIVATE)
        fake_bot.press_button(sent, "2")
        await fake_bot.wait_for_calls("editMessageText")
    (edit,) = fake_bot.edits(PRIVATE)
    assert (edit.message_id, edit.plain) == (sent.message_id, "第2页")
    assert fake_bot.message(PRIVATE, sent.message_id)["text"] == "第2页"  # type: ignore[index]
    assert fake_bot.answers[0]["text"] == "好的"


async def test_bot_sees_realistic_objects(fake_bot: FakeBotApi) -> None:
    async with Bot(TOKEN, base_url=fake_bot.base_url) as bot:
        me = await bot.get_me()
        first = await bot.send_message(PRIVATE, "<i>第一</i> &amp; 二", parse_mode="HTML")
        second = await bot.send_message(PRIVATE, "第二")
        other = await bot.send_message(GROUP, "群里")
    assert (me.username, me.can_join_groups, me.supports_inline_queries) == (
        "DigestTestBot",
        True,
        True,
    )
    assert (first.text, first.entities[0].type) == ("第一 & 二", "italic")
    assert (first.message_id, second.message_id, other.message_id) == (1, 2, 1)
    assert first.from_user and first.from_user.id == me.id
    assert [m.text for m in fake_bot.sent(PRIVATE)] == ["<i>第一</i> &amp; 二", "第二"]


async def test_get_updates_long_polls_and_offset_acknowledges(fake_bot: FakeBotApi) -> None:
    async with Bot(TOKEN, base_url=fake_bot.base_url) as bot:
        assert await bot.get_updates(timeout=0) == ()
        poll = asyncio.create_task(bot.get_updates(timeout=30))
        await fake_bot.wait_polling()
        fake_bot.send_text(PRIVATE, ITEM)
        (update,) = await poll  # woken by the injected update, long before 30 s
        again = await bot.get_updates(timeout=0)
        after = await bot.get_updates(offset=update.update_id + 1, timeout=0)
    assert update.message and update.message.text == ITEM
    assert [u.update_id for u in again] == [update.update_id]
    assert after == ()


async def test_stop_wakes_a_waiting_long_poll() -> None:
    fake = FakeBotApi().start()
    async with Bot(TOKEN, base_url=fake.base_url) as bot:
        poll = asyncio.create_task(bot.get_updates(timeout=60, read_timeout=90))
        await fake.wait_polling()
        await asyncio.get_running_loop().run_in_executor(None, fake.stop)
        assert await poll == ()


async def test_updates_of_every_kind_parse(fake_bot: FakeBotApi) -> None:
    fake_bot.send_sticker(PRIVATE)
    fake_bot.send_photo(PRIVATE, caption="照片")
    fake_bot.inline_query(PRIVATE, ITEM)
    fake_bot.channel_post(-1009, "/digest")
    fake_bot.my_chat_member(GROUP, old="left", new="administrator")
    async with Bot(TOKEN, base_url=fake_bot.base_url) as bot:
        updates = await bot.get_updates(timeout=0)
    assert [u.update_id for u in updates] == [1, 2, 3, 4, 5]
    assert updates[0].message and updates[0].message.sticker
    assert updates[1].message and updates[1].message.photo[-1].width == 800
    assert updates[2].inline_query and updates[2].inline_query.query == ITEM
    assert updates[3].channel_post and updates[3].channel_post.entities[0].length == 7
    assert updates[4].my_chat_member and updates[4].my_chat_member.new_chat_member.status == (
        "administrator"
    )


async def test_admins_are_configured_per_chat(fake_bot: FakeBotApi) -> None:
    fake_bot.set_admins(GROUP, [11, 12])
    async with Bot(TOKEN, base_url=fake_bot.base_url) as bot:
        statuses = [(await bot.get_chat_member(GROUP, u)).status for u in (11, 12, 13)]
        admins = await bot.get_chat_administrators(GROUP)
        chat = await bot.get_chat(GROUP)
    assert statuses == ["creator", "administrator", "member"]
    assert [a.user.id for a in admins] == [11, 12]
    assert chat.type == "supergroup"


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("<b>会议<i>精神</i></b>", "会议精神"),
        ('<a href="https://example.cn/?a=1&amp;b=2">链接</a>', "链接"),
        ('<pre><code class="language-python">x &lt; 1</code></pre>', "x < 1"),
        ('<span class="tg-spoiler">秘</span><tg-spoiler>密</tg-spoiler>', "秘密"),
        ("<blockquote expandable>&#20013;&#x6587;&quot;</blockquote>", '中文"'),
        (
            "<u>下</u><s>划</s><del>线</del><ins>插</ins><em>强</em><strong>调</strong>",
            "下划线插强调",
        ),
    ],
)
def test_html_telegram_accepts_is_parsed(text: str, plain: str) -> None:
    assert parse_html(text).plain == plain


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("<div>会议</div>", 'Unsupported start tag "div"'),
        ("a < b", 'Unsupported start tag ""'),
        ("a > b", 'unescaped ">"'),
        ("人大&政协", 'unescaped "&"'),
        ("<b>未闭合", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b><i>交错</b></i>", 'Unmatched end tag, expected "</i>", found "</b>"'),
        ('<span class="red">x</span>', 'Tag "span" must have class "tg-spoiler"'),
        ('<a href="u" target="_blank">x</a>', 'Unsupported attribute "target"'),
        ("<code><b>x</b></code>", 'Tag "b" can\'t be inside "code"'),
        ("<blockquote><blockquote>x</blockquote></blockquote>", "can't be nested"),
    ],
)
def test_html_telegram_refuses_is_refused(text: str, reason: str) -> None:
    with pytest.raises(EntityError) as refused:
        parse_html(text)
    assert str(refused.value).startswith("Bad Request: can't parse entities: ")
    assert reason in str(refused.value)


def test_length_is_counted_in_utf16_after_parsing() -> None:
    assert check_text("<b>" + "字" * 4096 + "</b>", "HTML").plain == "字" * 4096
    assert check_text("😀" * 2048, None).plain == "😀" * 2048
    for too_long in ("😀" * 2049, "字" * 4097):
        with pytest.raises(EntityError, match=r"^Bad Request: message is too long$"):
            check_text(too_long, None)
    with pytest.raises(EntityError, match="message text is empty"):
        check_text("<b> </b>", "HTML")


async def test_refusals_reach_the_bot_as_bad_request(fake_bot: FakeBotApi) -> None:
    long_data = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="d" * 65)]])
    async with Bot(TOKEN, base_url=fake_bot.base_url) as bot:
        with pytest.raises(BadRequest, match=r"^Can't parse entities: unsupported start tag"):
            await bot.send_message(PRIVATE, "<div>x</div>", parse_mode="HTML")
        with pytest.raises(BadRequest, match=r"^Message is too long$"):
            await bot.send_message(PRIVATE, "长" * 4097)
        with pytest.raises(BadRequest, match=r"^Button_data_invalid$"):
            await bot.send_message(PRIVATE, "按钮", reply_markup=long_data)
        sent = await bot.send_message(PRIVATE, "同样")
        with pytest.raises(BadRequest, match=r"^Message is not modified"):
            await bot.edit_message_text("同样", PRIVATE, sent.message_id)
    assert [c.status for c in fake_bot.calls("sendMessage")] == [400, 400, 400, 200]
    assert len(fake_bot.sent()) == 1


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


async def test_photos_are_uploaded_checked_and_recorded(fake_bot: FakeBotApi) -> None:
    buttons = InlineKeyboardMarkup([[InlineKeyboardButton("搜", callback_data="s")]])
    async with Bot(TOKEN, base_url=fake_bot.base_url) as bot:
        sent = await bot.send_photo(
            PRIVATE, PNG, caption="<b>热门</b>关键词", parse_mode="HTML", reply_markup=buttons
        )
        with pytest.raises(BadRequest, match=r"^Image_process_failed$"):
            await bot.send_photo(PRIVATE, b"GIF89a not a photo")
        with pytest.raises(BadRequest, match=r"^Message caption is too long$"):
            await bot.send_photo(PRIVATE, PNG, caption="长" * 1025)
    assert sent.caption == "热门关键词" and sent.photo
    (photo,) = fake_bot.sent(PRIVATE)
    assert photo.method == "sendPhoto" and photo.photo == PNG and photo.plain == "热门关键词"
    assert photo.reply_markup is not None


async def test_injected_failures_become_ptb_exceptions(fake_bot: FakeBotApi) -> None:
    fake_bot.fail_next("sendMessage", status=429, retry_after=7, times=2)
    fake_bot.block_chat(PRIVATE + 1)
    fake_bot.forget_chat(PRIVATE + 2)
    async with Bot(TOKEN, base_url=fake_bot.base_url) as bot:
        for _ in range(2):
            with pytest.raises(RetryAfter) as flooded:
                await bot.send_message(PRIVATE, ITEM)
            assert flooded.value.retry_after == dtm.timedelta(seconds=7)
        await bot.send_message(PRIVATE, ITEM)
        with pytest.raises(Forbidden, match="blocked by the user"):
            await bot.send_message(PRIVATE + 1, ITEM)
        with pytest.raises(BadRequest, match=r"^Chat not found$"):
            await bot.send_message(PRIVATE + 2, ITEM)
    with pytest.raises(InvalidToken, match="rejected by the server"):
        async with Bot("1:wrong", base_url=fake_bot.base_url):
            pass
    assert [m.chat_id for m in fake_bot.sent()] == [PRIVATE]


def test_flood_windows_answer_an_honest_retry_after() -> None:
    clock = [100.0]
    limiter = FloodLimiter(FloodLimits(3, 1, 2), clock=lambda: clock[0])
    assert [limiter.admit(c) for c in (1, 2, 3)] == [None, None, None]
    assert limiter.admit(4) == 1  # fourth message in the same second overall
    assert limiter.admit(4) == 1 and limiter.report().early == 1  # retried too soon
    clock[0] += 1.0
    assert [limiter.admit(-5), limiter.admit(4)] == [None, None]
    assert limiter.admit(-5) == 1  # one per second per chat
    clock[0] += 1.0
    # Two per minute per group: the first of the two (sent at 101 s) leaves the window at 161 s.
    assert [limiter.admit(-5), limiter.admit(-5)] == [None, 59]
    assert limiter.report() == FloodReport(accepted=6, rejected=4, early=1, max_retry_after=59)


async def test_flood_limits_over_http_are_counted(fake_bot: FakeBotApi) -> None:
    fake_bot.enforce_flood_limits(global_per_sec=100, per_chat_per_sec=1, per_group_per_min=20)
    async with Bot(TOKEN, base_url=fake_bot.base_url) as bot:
        await bot.send_message(PRIVATE, "一")
        with pytest.raises(RetryAfter):
            await bot.send_message(PRIVATE, "二")
    report = fake_bot.flood_report()
    assert (report.accepted, report.rejected) == (1, 1)
    assert [m.plain for m in fake_bot.sent(PRIVATE)] == ["一"]


def test_bodies_parse_as_ptb_sends_them() -> None:
    markup = json.dumps({"inline_keyboard": [[{"text": "a", "callback_data": "1"}]]})
    form = f"chat_id=-100&text=123&reply_markup={markup}&disable_notification=true"
    parsed = parse_body("application/x-www-form-urlencoded", form.encode())
    assert parsed["chat_id"] == -100 and parsed["text"] == "123"
    assert parsed["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "1"
    assert parsed["disable_notification"] is True
    assert parse_body("application/json", b'{"chat_id": "@news"}') == {"chat_id": "@news"}
    multipart = (
        b'--XX\r\nContent-Disposition: form-data; name="chat_id"\r\n\r\n5\r\n'
        b'--XX\r\nContent-Disposition: form-data; name="document"; filename="a.txt"\r\n'
        b"Content-Type: text/plain\r\n\r\n\xe4\xbc\x9a\r\n--XX--\r\n"
    )
    found = parse_body("multipart/form-data; boundary=XX", multipart)
    assert found == {"chat_id": 5, "document": "会".encode()}


def test_blocking_wait_reports_what_was_sent_on_timeout(fake_bot: FakeBotApi) -> None:
    fake_bot.call("sendMessage", {"chat_id": PRIVATE, "text": ITEM})
    assert fake_bot.wait_for_messages(1, PRIVATE)[0].plain == ITEM
    with pytest.raises(AssertionError, match=ITEM):
        fake_bot.wait_for_messages(2, PRIVATE, timeout=0.05)
