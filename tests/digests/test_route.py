"""The one-pass route gives jieba's own words: on the seeds, on text of every kind jieba
splits differently (Latin, digits, spaces, punctuation, unknown names), and on random text."""

from __future__ import annotations

from pathlib import Path

import jieba
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digests import route, segment
from digests.script import to_simplified

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def tokenizer() -> jieba.Tokenizer:
    return segment._get()


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_every_line_of_the_seeds_segments_as_jieba_does(
    tokenizer: jieba.Tokenizer, path: Path
) -> None:
    for line in to_simplified(path.read_text(encoding="utf-8")).splitlines():
        assert route.cut(tokenizer, line) == tokenizer.lcut(line)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "  \t\n",
        "中共某某县委第十五届第三次全体会议12月3日在县委礼堂召开",
        "曹卫东、欧阳明远和司马光出席了COVID-19防控工作会议（扩大）。",
        "2024年GDP增长5.2%，R&D投入达3.6万亿元，A+B#C_d.e%f-g",
        "某某某某某某某某某",  # a run no dictionary word covers: the HMM's
        "會議於台北舉行，與會者逾百人",  # traditional text, as jieba sees it unconverted
        "第 6次會議\u3000\u3000一、二、三……！？",
    ],
)
def test_text_of_every_kind_segments_as_jieba_does(tokenizer: jieba.Tokenizer, text: str) -> None:
    assert route.cut(tokenizer, text) == tokenizer.lcut(text)


_CHARS = "会议召开第十届人大常委主任市县区政协党组书记某张王李在于和的了。，、 \nAB12-%"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_CHARS, max_size=60))
def test_random_text_segments_as_jieba_does(text: str) -> None:
    tokenizer = segment._get()
    assert route.cut(tokenizer, text) == tokenizer.lcut(text)


def test_tokenize_gives_jiebas_words_with_and_without_the_hmm() -> None:
    text = "县十七届人大常委会召开第二十三次主任会议，曹卫东主持。"
    assert segment.tokenize(text) == segment._get().lcut(text)
    assert segment.tokenize(text, hmm=False) == segment._get().lcut(text, HMM=False)
