"""Tests for digests.sentences.split_sentences."""

from __future__ import annotations

import pytest

from digests.sentences import split_sentences


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "会议指出,要抓落实。要强化学习！对吗？好;",
            ["会议指出,要抓落实。", "要强化学习！", "对吗？", "好;"],
        ),
        ("真的吗?!是的。", ["真的吗?!", "是的。"]),
        ("一是会前准备充分；二是批评深刻到位。", ["一是会前准备充分；", "二是批评深刻到位。"]),
        ("结尾没有句号", ["结尾没有句号"]),
        ("  前面有空格。  后面也有。 ", ["前面有空格。", "后面也有。"]),
        ("", []),
        ("   ", []),
        ("。。", ["。。"]),
    ],
)
def test_splits_on_terminators_and_keeps_them(line: str, expected: list[str]) -> None:
    assert split_sentences(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "他说:“要抓落实。要强化学习。”随后散会。",
            ["他说:“要抓落实。要强化学习。”", "随后散会。"],
        ),
        ("他强调:“要抓落实。”", ["他强调:“要抓落实。”"]),
        ("「一是。二是。」三是。", ["「一是。二是。」", "三是。"]),
        ('他说"我们来了。"然后走了。', ['他说"我们来了。"', "然后走了。"]),
        (
            "提出“学思想、强党性”的总要求。会议结束。",
            ["提出“学思想、强党性”的总要求。", "会议结束。"],
        ),
        ("他说:“甲说‘好。’我们同意。”散会。", ["他说:“甲说‘好。’我们同意。”", "散会。"]),
        ("引用“他说:‘好。’”后散会。", ["引用“他说:‘好。’”", "后散会。"]),
    ],
)
def test_never_splits_inside_quotes(line: str, expected: list[str]) -> None:
    assert split_sentences(line) == expected


def test_an_unclosed_quote_does_not_swallow_the_line() -> None:
    assert split_sentences("他说:“未闭合。后面还有。") == ["他说:“未闭合。", "后面还有。"]


def test_pieces_rebuild_the_line() -> None:
    line = "会上,他作对照检查并讲话。他指出:“要抓整改。”大家表示赞同!"
    assert "".join(split_sentences(line)) == line
