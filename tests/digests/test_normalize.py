"""Tests for digests.normalize."""

from __future__ import annotations

import pytest

from digests.normalize import normalize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2月21日下午,九三學社召開會議", "2月21日下午，九三學社召開會議"),
        ("北京:把主題教育活動落實、落細", "北京：把主題教育活動落實、落細"),
        ("一是學習;二是落實", "一是學習；二是落實"),
        ("謝謝大家!", "謝謝大家！"),
        ("怎么办?", "怎么办？"),
        ("“不忘初心,繼續前進”,要落實", "“不忘初心，繼續前進”，要落實"),
        ("来源: 武汉统战", "来源：武汉统战"),
        ("浏览量:226", "浏览量：226"),
    ],
)
def test_ascii_punctuation_inside_chinese_becomes_full_width(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "共有1,000人參加",
        "2023-04-19 16:15:00",
        "Copyright 2023, All rights reserved",
        "見 http://www.example.cn/a?b=1,2;c=3",
        "上??萍紕?新",  # mojibake: a `?` between characters is not a question
        "市直單位黨組(黨委)",  # parentheses stay as written
        "Hello, world: ok!",
    ],
)
def test_punctuation_outside_chinese_is_untouched(text: str) -> None:
    assert normalize(text) == text


def test_line_ends_are_unified() -> None:
    assert normalize("第一行\r\n第二行\r第三行") == "第一行\n第二行\n第三行"


def test_odd_spaces_collapse_and_lines_are_stripped() -> None:
    text = "  宣傳部\u3000\u30002019-08-11\t\t打印\u00a0分享  "
    assert normalize(text) == "宣傳部 2019-08-11 打印 分享"


def test_zero_width_characters_and_bom_are_removed() -> None:
    assert normalize("\ufeff會\u200b議\u200d召開") == "會議召開"


def test_blank_line_runs_collapse_and_ends_are_trimmed() -> None:
    assert normalize("\n\n標題\n\n\n\n\n正文\n \n\t\n結尾\n\n") == "標題\n\n正文\n\n結尾"


def test_full_width_digits_and_letters_fold_but_chinese_punctuation_stays() -> None:
    assert normalize("２０２３年ＡＢｃ，會議。") == "2023年ABc，會議。"


def test_normalize_is_idempotent() -> None:
    text = "  2月21日下午,會議在上海召開:\r\n\r\n\r\n一要學習!  "
    assert normalize(normalize(text)) == normalize(text)
