"""/addsource refuses at once what can never be fetched or should never be read: private
addresses (the URL guard, before any fetch) and folders outside SOURCES_FOLDER_ROOT."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest

from bot.settings import Settings
from tests.e2e.conftest import ADMIN, Bot, settle
from tests.fakebot import FakeBotApi


def locations(bot: Bot) -> list[str]:
    return [row.location for row in bot.services.store.sources()]


async def only_reply(bot: Bot, text: str, **kwargs: object) -> str:
    """The one message the command gets (nothing else follows it)."""
    before = len(bot.fake.sent(ADMIN))
    (answer,) = await bot.ask(ADMIN, text, **kwargs)
    await settle()
    assert len(bot.fake.sent(ADMIN)) == before + 1, "one reply, no 'checking' first"
    return answer.plain


@pytest.mark.parametrize(
    ("url", "address"),
    [
        ("http://10.1.2.3/news/", "10.1.2.3"),
        ("http://127.0.0.1:9/feed", "127.0.0.1"),
        ("http://[::1]/", "::1"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254"),
        ("http://[::ffff:192.168.1.1]/", "::ffff:c0a8:101"),
    ],
)
async def test_a_private_address_is_refused_at_once_with_the_reason(
    bot: Bot, url: str, address: str
) -> None:
    zh = await only_reply(bot, f"/addsource {url}")
    assert zh == f"未添加 {url}：内网地址 {address}（SOURCES_ALLOW_PRIVATE 未允许）。"
    en = await only_reply(bot, f"/addsource {url}", language_code="en")
    assert (
        en == f"Not added {url}: private address {address} (not allowed by SOURCES_ALLOW_PRIVATE)."
    )
    assert url not in locations(bot)


async def test_a_malformed_address_gets_the_usage(bot: Bot) -> None:
    assert (await only_reply(bot, "/addsource http://[::1/x")).startswith("用法：/addsource")


async def test_without_a_folder_root_no_folder_is_added_from_the_chat(bot: Bot) -> None:
    for folder in (bot.settings.sources[0], "/etc", "/", "/root"):
        zh = await only_reply(bot, f"/addsource {folder}")
        assert zh == (
            f"未添加 {folder}：目录只能由运维在 DIGEST_SOURCES 中配置"
            "（未设置 SOURCES_FOLDER_ROOT，聊天中不能添加目录）。"
        )
    en = await only_reply(bot, "/addsource /etc", language_code="en")
    assert en.startswith("Not added /etc: folders come only from DIGEST_SOURCES")
    assert "/etc" not in locations(bot)


@pytest.fixture
async def rooted(fake: FakeBotApi, settings: Settings, tmp_path: Path) -> AsyncIterator[Bot]:
    """The bot with SOURCES_FOLDER_ROOT set to the test's folder."""
    running = Bot(fake, replace(settings, folder_root=str(tmp_path / "shared")))
    await running.start()
    await fake.wait_polling()
    try:
        yield running
    finally:
        await running.stop()


async def test_a_folder_under_the_root_is_added_and_one_outside_refused(
    rooted: Bot, tmp_path: Path
) -> None:
    shared = tmp_path / "shared"
    (shared / "news").mkdir(parents=True)
    (shared / "escape").symlink_to("/etc")
    added = await only_reply(rooted, f"/addsource {shared / 'news'}")
    assert added.startswith("目录，已加入（编号 ")
    assert str(shared / "news") in locations(rooted)
    for outside in ("/etc", f"{shared}/../", f"{shared}/news/../../..", str(shared / "escape")):
        refused = await only_reply(rooted, f"/addsource {outside}")
        assert refused == f"未添加 {outside}：目录不在 SOURCES_FOLDER_ROOT（{shared}）之下。"
    missing = await only_reply(rooted, f"/addsource {shared / 'gone'}", language_code="en")
    assert missing == f"Not added {shared / 'gone'}: folder not found."
    assert set(locations(rooted)) <= {*rooted.settings.sources, str(shared / "news")}
