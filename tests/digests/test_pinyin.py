"""Tests for digests.pinyin."""

from __future__ import annotations

import re

import pytest

from digests.pinyin import strip_pinyin
from tests.conftest import seed_path

_LATIN = "a-zA-Züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
ANNOTATION_AFTER_CJK = re.compile(rf"[\u4e00-\u9fff][(（][{_LATIN}]+[)）]")
ANY_READING = re.compile(rf"[(（][{_LATIN}]+[)）]")
DAMAGED = re.compile(rf"[{_LATIN}]+[)）]")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("學(xué)習", "學習"),
        ("會(hui)(hui)議", "會議"),
        ("學（xué）習", "學習"),
        ("綠(lǜ)色發展", "綠色發展"),
        ("綠(lv)色發展", "綠色發展"),
        ("長(Zhǎng)江", "長江"),
        ("召開(kāi)會(huì)議", "召開會議"),
        ("上??萍紕?chuàng)新", "上??萍紕?新"),
        # a toned reading after a character that mojibake changed is still a converter's
        ("吃拢髸(huì)第五次會議", "吃拢髸第五次會議"),
    ],
)
def test_readings_are_removed(text: str, expected: str) -> None:
    assert strip_pinyin(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "落實《市直單位黨組(黨委)辦法》",
        "工作報告(2023)",
        "(记者 张三)",
        "管理办法(试行)",
        "Visit (Beijing) today",
        "位於中國(China)的會場",
        "他说(hello)",
        "代表(fine)發言",
        "北(fang)",  # untoned: a reading only where it is the character's
    ],
)
def test_real_parentheses_survive(text: str) -> None:
    assert strip_pinyin(text) == text


def test_english_word_that_is_not_a_reading_survives_after_cjk() -> None:
    # "fang" is a syllable, but not a reading of 北.
    assert strip_pinyin("北(fang)") == "北(fang)"


def test_damaged_reading_needs_a_tone_mark() -> None:
    assert strip_pinyin("上?abc)新") == "上?abc)新"


@pytest.mark.parametrize(("number", "count"), [(0, 285), (1, 55), (2, 183)])
def test_no_reading_survives_in_seeds(number: int, count: int) -> None:
    text = seed_path(number).read_text(encoding="utf-8")
    assert len(ANNOTATION_AFTER_CJK.findall(text)) == count
    cleaned = strip_pinyin(text)
    assert ANNOTATION_AFTER_CJK.findall(cleaned) == []
    assert ANY_READING.findall(cleaned) == []
    assert DAMAGED.findall(cleaned) == []


def test_seed_004_keeps_its_real_parenthesis() -> None:
    cleaned = strip_pinyin(seed_path(4).read_text(encoding="utf-8"))
    assert "(黨委)" in cleaned
    assert ANY_READING.findall(cleaned) == []


def test_seed_000_mojibake_reading_is_removed() -> None:
    cleaned = strip_pinyin(seed_path(0).read_text(encoding="utf-8"))
    assert "chuàng" not in cleaned
    assert "萍紕?新" in cleaned
