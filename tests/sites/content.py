"""The articles of the fixture sites: a lede written from a template, then sentences of the
seed pages, each sentence used by one article only, so no two articles are reposts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import opencc

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
_READING = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
_ORGS = (
    "东湖区政协",
    "南坪县委统战部",
    "北岸市人大常委会",
    "西港经开区党工委",
    "青石镇党委",
    "柳溪街道党工委",
    "北岸市妇联",
    "南坪县工商联",
    "东湖区纪委监委",
    "西港市总工会",
    "北岸市民宗委",
    "南坪县政协",
    "东湖区人大常委会",
    "青石县委组织部",
    "西港市侨联",
)
_MEETINGS = (
    "党组理论学习中心组专题学习会",
    "主席会议",
    "常委会会议",
    "党外人士座谈会",
    "工作推进会",
    "年度工作会议",
    "专题协商会",
    "执委会议",
    "民主评议会",
    "调研座谈会",
    "业务培训班开班式",
    "半年工作总结会",
    "重点工作部署会",
    "党建工作例会",
    "界别委员活动日",
)
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
_GIVEN = (
    "建国",
    "明远",
    "海峰",
    "秋实",
    "晓兰",
    "文博",
    "雅琴",
    "志强",
    "丽华",
    "国庆",
    "春生",
    "卫东",
    "玉梅",
    "德胜",
    "思远",
)


@dataclass(frozen=True, slots=True)
class Article:
    number: int
    title: str
    date: str  # YYYY-MM-DD
    paragraphs: tuple[str, ...]


@cache
def converter(config: str) -> opencc.OpenCC:
    """One converter per direction: building one reads its dictionaries."""
    return opencc.OpenCC(config)


@cache
def _sentences() -> tuple[str, ...]:
    """Clean seed sentences (simplified), in seed order."""
    convert = converter("t2s")
    out: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = convert.convert(_READING.sub("", path.read_text(encoding="utf-8")))
        for sentence in re.split(r"(?<=[。！？])", text.replace("\n", "")):
            sentence = sentence.strip()
            if 25 <= len(sentence) <= 150 and "?" not in sentence and "：" not in sentence[:6]:
                out.append(sentence)
    return tuple(out)


@cache
def article(number: int, *, script: str = "simplified") -> Article:
    """Article `number` (0-based, distinct for every site's numbers): two seed sentences each."""
    org = _ORGS[number % len(_ORGS)]
    meeting = _MEETINGS[(number * 7 + number // len(_MEETINGS)) % len(_MEETINGS)]
    chair = _SURNAMES[number % 20] + _GIVEN[number % 15]
    speaker = _SURNAMES[(number * 3 + 7) % 20] + _GIVEN[(number * 2 + 4) % 15]
    month, day = 1 + number // 28 % 12, 1 + number % 28
    title = f"{org}召开第{number + 1}次{meeting}"
    lede = (
        f"{month}月{day}日，{org}召开第{number + 1}次{meeting}，{chair}主持会议，"
        f"{speaker}出席并讲话，会议研究了编号为{1000 + number}的议题。"
    )
    sentences = _sentences()
    body = (
        lede,
        sentences[(2 * number) % len(sentences)],
        sentences[(2 * number + 1) % len(sentences)],
    )
    found = Article(number, title, f"2024-{month:02d}-{day:02d}", body)
    if script == "traditional":
        convert = converter("s2t")
        return Article(
            number, convert.convert(title), found.date, tuple(map(convert.convert, body))
        )
    return found


def capacity() -> int:
    """How many articles have sentences of their own."""
    return len(_sentences()) // 2
