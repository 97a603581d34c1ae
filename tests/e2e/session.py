"""A chat session with the real bot through the fake Bot API, as a transcript.

`you` lines are what a reader sends; `[label]` presses the button with that label under
the bot's latest message that has one. Each reply is written as its text after Telegram's
parsing, its buttons on a last line (`[全文] [原文链接]`), a photo as `(图片)` before its
caption. The README's "A chat session" is such a transcript (`python -m tests.e2e.session`
prints it); `tests/test_readme_session.py` replays it and compares.
"""

from __future__ import annotations

import asyncio
import re
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.e2e.conftest import ADMIN, Bot, settle
from tests.fakebot import TOKEN, FakeBotApi, SentMessage

ROOT = Path(__file__).resolve().parents[2]
BUTTON = re.compile(r"^\[(.+)\]$")


@dataclass(frozen=True)
class Step:
    said: str  # what the reader sent or pressed
    replies: tuple[tuple[str, ...], ...]  # each reply's lines


def shown(message: SentMessage) -> tuple[str, ...]:
    """A reply as a reader sees it: its text, then its buttons on one line; ✎ an edit."""
    lines = message.plain.split("\n")
    if message.photo is not None:
        lines = ["(图片)", *lines]
    if message.method == "editMessageText":
        lines = ["✎ " + lines[0], *lines[1:]]
    labels = [f"[{label}]" for label in _labels(message)]
    return (*lines, *([" ".join(labels)] if labels else []))


async def run(
    said: Sequence[str], *, language_code: str = "zh-hans", chat: int = ADMIN
) -> list[Step]:
    """Send each line to a fresh bot over the seeds; what came back for each."""
    from bot.settings import Settings

    with tempfile.TemporaryDirectory() as folder, FakeBotApi() as fake:
        settings = Settings(
            token=TOKEN,
            api_url=fake.base_url,
            database_url=f"sqlite:///{Path(folder) / 'bot.db'}",
            sources=(str(ROOT / "seeds"),),
            scan_interval=3600,
            heartbeat_file=str(Path(folder) / "heartbeat"),
        )
        bot = Bot(fake, settings)
        await bot.start()
        try:
            await fake.wait_polling()
            await bot.scan()
            return [await _step(bot, chat, line, language_code) for line in said]
        finally:
            await bot.stop()


async def _step(bot: Bot, chat: int, line: str, language_code: str) -> Step:
    fake = bot.fake
    before, notices = len(fake.history(chat)), len(fake.answers)
    if match := BUTTON.match(line):
        target = _with_button(bot, chat, match[1])
        fake.press_button(target, _data(target, match[1]), language_code=language_code)
        await fake.wait_until(lambda: len(fake.answers) > notices)
    else:
        fake.send_text(chat, line, language_code=language_code)
        await fake.wait_until(lambda: len(fake.history(chat)) > before)
    await settle(0.5)
    replies = [shown(m) for m in fake.history(chat)[before:]]
    replies += [(f"（{a['text']}）",) for a in fake.answers[notices:] if a.get("text")]
    return Step(line, tuple(replies))


def _with_button(bot: Bot, chat: int, label: str) -> SentMessage:
    for message in reversed(bot.fake.history(chat)):
        if label in _labels(message):
            return message
    raise AssertionError(f"no button [{label}] in the chat")


def _labels(message: SentMessage) -> list[str]:
    rows = (message.reply_markup or {}).get("inline_keyboard", [])
    return [b["text"] for row in rows for b in row]


def _data(message: SentMessage, label: str) -> str:
    rows = (message.reply_markup or {}).get("inline_keyboard", [])
    return next(b["callback_data"] for row in rows for b in row if b["text"] == label)


def transcript(steps: Sequence[Step]) -> str:
    """The session as the README shows it: `you  …`, `bot  …`, continuation lines indented."""
    out = []
    for step in steps:
        out.append(f"    you  {step.said}")
        for reply in step.replies:
            first, *rest = reply or ("",)
            out.append(f"    bot  {first}")
            out += [f"         {line}" if line else "" for line in rest]
    return "\n".join(out)


if __name__ == "__main__":  # print the transcript of the lines given on stdin
    lines = [line.rstrip("\n") for line in sys.stdin if line.strip()]
    code = sys.argv[1] if len(sys.argv) > 1 else "zh-hans"
    print(transcript(asyncio.run(run(lines, language_code=code))))
