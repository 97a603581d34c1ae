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
import unicodedata
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
    said: Sequence[str],
    *,
    language_code: str = "zh-hans",
    chat: int = ADMIN,
    admins: Sequence[int] = (),
) -> list[Step]:
    """Send each line to a fresh bot over the seeds; what came back for each.

    In a group (a negative `chat`), lines are sent by user 100001, an admin if in `admins`.
    """
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
        if admins:
            fake.set_admins(chat, list(admins))
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


WIDE, TALL = 88, 14  # a README line is cut after WIDE columns, a reply after TALL lines

ZH = (
    "/subscribe 民主生活会，政协",
    "/subscribe",
    "[保留关键词]",
    "/schedule 每天 07：30",
    "/timezone 台北",
    "/timezone 北京",
    "/digest",
    "[全文 1]",
    "/digest",
    "生活會",
    "/unsubscribe 不存在的词",
    "/subscribe #纪委 纪律 监察",
    "/schedule #纪委 即时",
    "/topics",
    "/settings",
    "[每周]",
    "[周五]",
    "[18:00]",
    "/timezone Mars/Base",
    "/trending",
)
EN = (
    "/subscribe 民主生活会, 政协",
    "/schedule weekly fri 18:00",
    "/timezone London",
    "/settings",
    "/unsubscribe 量子",
)


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _narrowed(line: str) -> str:
    """The line cut to WIDE columns (a Chinese character takes two), `…` marking the cut."""
    if _columns(line) <= WIDE:
        return line
    while _columns(line) > WIDE - 2:
        line = line[:-1]
    return line + "…"


def _cut(reply: Sequence[str]) -> list[str]:
    lines = [_narrowed(line) for line in reply]
    if len(lines) > TALL:
        buttons = [lines[-1]] if lines[-1].startswith("[") else []
        lines = [*lines[: TALL - 2], "…", *buttons]
    return lines


def transcript(steps: Sequence[Step], *, cut: bool = False) -> str:
    """The session as the README shows it: `you  …`, `bot  …`, continuation lines indented."""
    out = []
    for step in steps:
        out.append(f"    you  {step.said}")
        for reply in step.replies:
            first, *rest = _cut(reply) if cut else (reply or ("",))
            out.append(f"    bot  {first}")
            out += [f"         {line}" if line else "" for line in rest]
    return "\n".join(out)


def readme_blocks(text: str) -> list[list[tuple[str, list[list[str]]]]]:
    """The README's sessions: per block, each `you` line with the bot's replies' lines."""
    section = text.split("\n## A chat session\n", 1)[1].split("\n## ", 1)[0]
    blocks, block = [], None
    for line in section.split("\n"):
        if line.startswith("    you  "):
            if block is None:
                block = []
                blocks.append(block)
            block.append((line[9:], []))
        elif line.startswith("    bot  ") and block:
            block[-1][1].append([line[9:]])
        elif (line.startswith("         ") or line == "") and block and block[-1][1]:
            block[-1][1][-1].append(line[9:])
        elif not line.startswith("    "):
            block = None
    for block in blocks:  # blank lines closing a block belong to no reply
        for _, replies in block:
            while replies and replies[-1] and replies[-1][-1] == "":
                replies[-1].pop()
    return blocks


def matches(expected: Sequence[str], actual: Sequence[str]) -> bool:
    """README lines against a reply's: `…` alone skips lines, a line ending in `…` is a prefix."""
    if not expected:
        return not actual
    head, rest = expected[0], expected[1:]
    if head == "…":
        return any(matches(rest, actual[i:]) for i in range(len(actual) + 1))
    if not actual:
        return False
    same = actual[0].startswith(head[:-1]) if head.endswith("…") else actual[0] == head
    return same and matches(rest, actual[1:])


async def readme() -> str:
    """Both sessions, cut for the README."""
    zh = transcript(await run(ZH, chat=USER), cut=True)
    en = transcript(await run(EN, language_code="en", chat=USER + 1), cut=True)
    return f"{zh}\n\n{en}"


USER = 424242

if __name__ == "__main__":  # print the README's sessions, or the transcript of stdin's lines
    if sys.argv[1:] == ["readme"]:
        print(asyncio.run(readme()))
    else:
        lines = [line.rstrip("\n") for line in sys.stdin if line.strip()]
        code = sys.argv[1] if len(sys.argv) > 1 else "zh-hans"
        print(transcript(asyncio.run(run(lines, language_code=code, chat=USER))))
