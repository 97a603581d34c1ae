"""Tests for digests.script."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from digests.script import convert, to_simplified, to_traditional


def test_to_simplified_converts_traditional_meeting_text() -> None:
    assert to_simplified("九三學社召開領導班子民主生活會") == "九三学社召开领导班子民主生活会"


def test_to_traditional_converts_simplified_text() -> None:
    assert to_traditional("统战部召开会议") == "統戰部召開會議"


def test_simplified_text_is_unchanged_by_to_simplified() -> None:
    text = "区委成立24个督导组,对乡镇党委进行督导。"
    assert to_simplified(text) == text


def test_empty_text_stays_empty() -> None:
    assert to_simplified("") == ""
    assert to_traditional("") == ""


def test_convert_dispatches_on_script() -> None:
    text = "學習會議"
    assert convert(text, "original") == text
    assert convert(text, "simplified") == "学习会议"
    assert convert("学习会议", "traditional") == "學習會議"


def test_converters_are_safe_from_threads() -> None:
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(to_simplified, ["會議"] * 32))
    assert results == ["会议"] * 32
