"""Tests for digests.clean, on the seeds and on the noise fixtures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from digests.clean import clean
from digests.furniture import is_spam
from digests.model import Cleaned
from tests.conftest import seed_path

NOISE = Path(__file__).resolve().parent.parent / "fixtures" / "noise"
READING = re.compile(r"[(（][a-zA-Züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+[)）]")

# Furniture named in DOMAIN.md's table, as it reads after normalisation.
SEED_FURNITURE = {
    0: ["密碼："],
    1: ["宣傳部 2019-08-11 打印 分享"],
    2: ["字號：", "1029_100229_685.jpg", "1029_100242_953.jpg", "分享："],
    3: ["浏览量：226 | 发布时间：2023-12-26", "点赞：", "收藏："],
    4: ["2023-04-19 16:15:00 來源：武漢統戰", "• 為你推薦", "熱點推薦", "即時新聞", "武漢"],
}
SEED_CONTENT = {
    1: ["北京：把主題教育活動落實、落細", "浙江：成立領導小組"],
    3: ["同志们：", "谢谢大家！"],
    4: ["會議強調", "要永葆政治機關鮮明本色，帶頭做到“兩個維護”"],
}


def _seed(number: int) -> Cleaned:
    return clean(seed_path(number).read_text(encoding="utf-8"))


def _classified(cleaned: Cleaned) -> dict[str, bool]:
    return dict(zip(cleaned.lines, cleaned.content, strict=True))


def _sentences(raw: str) -> list[str]:
    """Lines of the raw text that hold a sentence (a 。) and are not spam, cleaned."""
    lines = clean(raw).lines
    return [line for line in lines if "。" in line and not is_spam(line)]


@pytest.mark.parametrize("number", range(5))
def test_seed_furniture_is_classified_furniture(number: int) -> None:
    classified = _classified(_seed(number))
    for line in SEED_FURNITURE[number]:
        assert classified[line] is False, line


@pytest.mark.parametrize("number", range(5))
def test_no_seed_sentence_is_lost(number: int) -> None:
    cleaned = _seed(number)
    sentences = _sentences(seed_path(number).read_text(encoding="utf-8"))
    lost = [line for line in sentences if line not in cleaned.body_lines]
    assert len(sentences) >= 5
    assert lost == []


@pytest.mark.parametrize("number", sorted(SEED_CONTENT))
def test_seed_subheads_stay_content(number: int) -> None:
    classified = _classified(_seed(number))
    for line in SEED_CONTENT[number]:
        assert classified[line] is True, line


@pytest.mark.parametrize("number", range(5))
def test_seed_lines_are_clean(number: int) -> None:
    cleaned = _seed(number)
    assert len(cleaned.lines) == len(cleaned.content)
    assert all(line and line == line.strip() for line in cleaned.lines)
    assert not any(READING.search(line) for line in cleaned.lines)


def test_seed_004_keeps_its_real_parenthesis_and_drops_the_menu_tail() -> None:
    cleaned = _seed(4)
    assert any("(黨委)" in line for line in cleaned.body_lines)
    assert cleaned.body_lines[-1].startswith("市委統戰部領導班子成員")


def test_hacked_page_loses_spam_and_furniture() -> None:
    raw = (NOISE / "hacked_page.txt").read_text(encoding="utf-8")
    body = clean(raw).body_lines
    assert body[0] == "县政协召开十届五次常委会议"
    assert body[-1] == "县政协副主席、秘书长，常委会组成人员参加会议。"
    assert len(body) == 5
    for noise in ("赌场", "发票", "当前位置", "分享到", "字号", "图为", ".jpg", "编辑", "关键词"):
        assert not any(noise in line for line in body), noise


def test_hacked_page_keeps_sentences_that_mention_furniture_words() -> None:
    raw = (NOISE / "hacked_page.txt").read_text(encoding="utf-8")
    body = clean(raw).body_lines
    assert any("大家分享了" in line for line in body)
    assert any("严厉打击" in line for line in body)
    assert [line for line in _sentences(raw) if line not in body] == []


def test_hacked_page_keeps_the_date_line_as_furniture() -> None:
    cleaned = clean((NOISE / "hacked_page.txt").read_text(encoding="utf-8"))
    line = "发布时间：2024-06-12 09:30 来源：县政协办公室 浏览次数：358"
    assert _classified(cleaned)[line] is False


def test_traditional_page() -> None:
    cleaned = clean((NOISE / "traditional_page.txt").read_text(encoding="utf-8"))
    assert cleaned.body_lines == (
        "區政協召開界別協商會議",
        "9月13日下午，區政協召開界別協商會議，圍繞社區嵌入式服務設施建設開展協商。",
        "會議強調",
        "要堅持人民至上，把好事辦好、實事辦實。",
        "委員們還就收藏文物保護和打印服務便民化提出了建議。",
    )
    assert "宣傳科 2023-09-14 打印 分享" in cleaned.lines


def test_menu_heading_before_the_body_does_not_swallow_it() -> None:
    cleaned = clean("相关新闻\n会议在京召开\n会议强调，要抓好落实。")
    assert cleaned.content == (False, True, True)


def test_long_line_after_a_menu_ends_the_tail() -> None:
    text = "会议召开。\n为你推荐\n链接一\n" + "会议还指出，" + "要把工作做实做细" * 5 + "。"
    assert clean(text).content == (True, False, False, True)


def test_pinyin_and_punctuation_are_cleaned_first() -> None:
    cleaned = clean("會(huì)議在上海召開(kāi),強(qiáng)調(diào)落實。\r\n\r\n\r\n分享:")
    assert cleaned.lines == ("會議在上海召開，強調落實。", "分享：")
    assert cleaned.content == (True, False)


def test_empty_text_gives_no_lines() -> None:
    assert clean(" \n\n\t") == Cleaned(lines=(), content=())
