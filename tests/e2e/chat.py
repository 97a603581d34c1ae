"""Helpers for e2e tests that press buttons: find one by label or data, wait for what follows."""

from __future__ import annotations

from typing import Any

from tests.e2e.conftest import Bot
from tests.fakebot import SentMessage


def buttons(message: SentMessage | Any) -> list[tuple[str, str]]:
    """(label, callback_data or url) of every inline button, row by row."""
    markup = getattr(message, "reply_markup", None) or {}
    return [
        (b["text"], b.get("callback_data") or b.get("url", ""))
        for row in markup.get("inline_keyboard", [])
        for b in row
    ]


def data_of(message: SentMessage, label: str) -> str:
    """The callback_data of the button labelled `label` (exactly, or starting with it)."""
    found = [d for text, d in buttons(message) if text == label or text.startswith(label)]
    assert found, f"no button {label!r} in {buttons(message)}"
    return found[0]


async def press(
    bot: Bot, chat: int, message: SentMessage, label: str, **kwargs: Any
) -> list[SentMessage]:
    """Press the button `label`; the messages sent or edited in the chat because of it."""
    before, answers = len(bot.fake.history(chat)), len(bot.fake.answers)
    bot.fake.press_button(message, data_of(message, label), **kwargs)
    assert await bot.fake.wait_until(lambda: len(bot.fake.answers) > answers)
    await bot.fake.wait_until(lambda: len(bot.fake.history(chat)) > before, timeout=1)
    return bot.fake.history(chat)[before:]


def notices(bot: Bot) -> list[str]:
    """The texts of the callback answers so far (alerts and short notices)."""
    return [a.get("text", "") for a in bot.fake.answers if "callback_query_id" in a]
