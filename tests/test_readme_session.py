"""The README's chat sessions are the bot's actual replies: replayed through the fake Bot API."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.session import USER, matches, readme_blocks, run

README = Path(__file__).resolve().parent.parent / "README.md"
LANGUAGES = ("zh-hans", "en")  # the first session is a Chinese reader's, the second English


def test_the_readme_has_both_sessions() -> None:
    blocks = readme_blocks(README.read_text(encoding="utf-8"))
    assert len(blocks) == len(LANGUAGES) and all(len(block) >= 5 for block in blocks)


@pytest.mark.parametrize("number", range(len(LANGUAGES)))
async def test_the_readme_session_is_what_the_bot_says(number: int) -> None:
    block = readme_blocks(README.read_text(encoding="utf-8"))[number]
    steps = await run(
        [said for said, _ in block], language_code=LANGUAGES[number], chat=USER + number
    )
    for (said, expected), step in zip(block, steps, strict=True):
        got = "\n".join("\n".join(reply) for reply in step.replies)
        assert len(expected) == len(step.replies), f"{said}: {len(step.replies)} replies\n{got}"
        for lines, reply in zip(expected, step.replies, strict=True):
            assert matches(lines, reply), (
                f"README after `{said}`:\n" + "\n".join(lines) + f"\n\nthe bot:\n{got}"
            )
