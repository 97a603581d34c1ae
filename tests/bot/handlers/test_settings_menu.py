"""The settings menu: what each button does, and that the menu is valid HTML."""

from __future__ import annotations

from datetime import time

import pytest

from bot.handlers.settings_menu import apply, render
from bot.store.records import Subscription
from tests.fakebot import check_text

SUB = Subscription(chat_id=1, keywords=("政协", "<统战>"), at=time(7, 5))


def test_buttons_change_one_thing_each() -> None:
    assert apply(SUB, "pause").paused and not apply(apply(SUB, "pause"), "resume").paused
    assert apply(SUB, "weekly").weekday == 0 and apply(SUB, "instant").schedule == "instant"
    assert apply(SUB, "t").script == "traditional" and apply(SUB, "s").script == "simplified"
    assert apply(SUB, "o") == SUB
    with pytest.raises(ValueError):
        apply(SUB, "explode")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_menu_shows_the_subscription(lang: str) -> None:
    body, markup = render(lang, apply(SUB, "pause"))
    plain = check_text(body, "HTML").plain
    assert "<统战>" in plain and "07:05" in plain
    labels = [b.text for row in markup.inline_keyboard for b in row]
    assert ("恢复" if lang == "zh" else "Resume") in labels and "繁" in labels
