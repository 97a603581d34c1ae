"""Where a meeting was held, on sentences of our own in both scripts."""

from __future__ import annotations

import pytest

from digests.place import find_place
from digests.script import to_simplified


def place(text: str) -> str | None:
    return find_place(text, to_simplified(text))


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("3月2日上午,東湖區政協座談會在區行政中心第二會議室召開。", "區行政中心第二會議室"),
        ("某同鄉會昨午假某酒店舉行春茗。", "某酒店"),
        ("特區政府今日下午於政府總部舉辦研討會。", "政府總部"),
        ("全国政协某会议提案交办会18日在京举行。", "北京"),
        ("某商会系列活动在某某市成功举办。", "某某市"),
    ],
)
def test_places_as_written(text: str, where: str) -> None:
    assert place(text) == where


@pytest.mark.parametrize(
    "text",
    [
        "某會員大會於近日召開。",
        "会议于3月5日上午召开。",
        "会上,王明讲话。",
        "将三个会议合在一起召开,减少会议次数。",
        "全会是在向奋斗目标进军的新征程上举行的一次重要会议。",
    ],
)
def test_times_are_no_places(text: str) -> None:
    assert place(text) is None
