"""End to end on seeds/: the properties the issue requires, through the CLI's JSON output."""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from digests.furniture import is_furniture
from digests.pipeline import analyse_paths
from digests.render import render_json
from digests.script import to_simplified
from tests.conftest import seed_path

PINYIN = re.compile(r"[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]")
TITLES = {
    0: "九三學社上海市委召開2022年度領導班子民主生活會",
    1: "18個社省級組織傳達學習部署“不忘合作初心,繼續攜手前進”主題教育工作",
    2: "進一步凝聚合力,貢獻智慧力量!青浦區政協召開黨派團體負責人座談會",
    4: "2023年市委統戰部機關黨的工作暨2022年黨支部書記抓黨建述職評議大會召開",
}
DATES = {1: "2019-08-11", 2: "2024-10-29", 3: "2023-12-26", 4: "2023-04-19"}
KEYWORDS = {0: {"民主生活会"}, 1: {"主题教育"}, 2: {"座谈会", "政协"}, 3: {"民主生活会"}}
KEYWORDS[4] = {"党建", "述职"}
CLOSINGS = ("谢谢大家", "謝謝大家")
FIELDS = {"path", "title", "date", "source", "meeting", "keywords", "highlights"}
FIELDS |= {"duplicate_of", "text"}
MEETING_FIELDS = {"name", "place", "chair", "attendees", "speakers"}


def digest_json(capsys: pytest.CaptureFixture[str], *paths: Path) -> dict[str, dict[str, Any]]:
    """`digestbot digest --format json PATHS`, documents keyed by their seed number."""
    assert main(["digest", "--format", "json", *map(str, paths)]) == 0
    documents = json.loads(capsys.readouterr().out)["documents"]
    return {Path(d["path"]).name[:3]: d for d in documents}


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> dict[int, dict[str, Any]]:
    """The seeds as the CLI's JSON shows them, keyed by number (module scope: one run)."""
    documents, failures = analyse_paths([seeds_dir])
    assert failures == []
    payload = json.loads(render_json(documents))["documents"]
    return {int(Path(d["path"]).name[:3]): d for d in payload}


def test_the_cli_prints_the_same_json(
    capsys: pytest.CaptureFixture[str], seeds_dir: Path, seeds: dict[int, dict[str, Any]]
) -> None:
    assert digest_json(capsys, seeds_dir) == {f"{n:03d}": d for n, d in seeds.items()}


def same(a: str, b: str) -> bool:
    """Equal once half- and full-width punctuation are folded (NFKC)."""
    return unicodedata.normalize("NFKC", a) == unicodedata.normalize("NFKC", b)


def test_every_seed_is_digested_with_every_field(seeds: dict[int, dict[str, Any]]) -> None:
    assert sorted(seeds) == [0, 1, 2, 3, 4]
    for document in seeds.values():
        assert set(document) >= FIELDS
        assert set(document["meeting"]) >= MEETING_FIELDS


def test_no_pinyin_annotation_survives(seeds: dict[int, dict[str, Any]]) -> None:
    for document in seeds.values():
        shown = [document["title"], document["text"], *document["highlights"]]
        assert not [PINYIN.findall(s) for s in shown if PINYIN.search(s)], document["path"]


def test_a_real_parenthesis_survives(seeds: dict[int, dict[str, Any]]) -> None:
    assert "(黨委)" in seeds[4]["text"] or "（黨委）" in seeds[4]["text"]


@pytest.mark.parametrize("number", sorted(TITLES))
def test_titles(seeds: dict[int, dict[str, Any]], number: int) -> None:
    assert same(seeds[number]["title"], TITLES[number])


def test_the_speech_has_a_real_title(seeds: dict[int, dict[str, Any]]) -> None:
    title = seeds[3]["title"]
    assert title and title != "同志们:" and not title.endswith((":", "："))
    assert not is_furniture(title)


@pytest.mark.parametrize("number", sorted(DATES))
def test_dates(seeds: dict[int, dict[str, Any]], number: int) -> None:
    assert seeds[number]["date"] == DATES[number]


@pytest.mark.parametrize("number", sorted(KEYWORDS))
def test_keywords(seeds: dict[int, dict[str, Any]], number: int) -> None:
    assert KEYWORDS[number] & set(seeds[number]["keywords"])


def test_highlights_are_news_not_furniture_or_closings(seeds: dict[int, dict[str, Any]]) -> None:
    for document in seeds.values():
        assert document["highlights"], document["path"]
        for highlight in document["highlights"]:
            assert not is_furniture(highlight), highlight
            assert not any(closing in highlight for closing in CLOSINGS), highlight


def test_nothing_is_a_duplicate_among_the_seeds(seeds: dict[int, dict[str, Any]]) -> None:
    assert [d["duplicate_of"] for d in seeds.values()] == [None] * 5


def reposted(number: int) -> bytes:
    """Seed `number` as another site serves it: simplified, other furniture, GBK."""
    (document,), _ = analyse_paths([seed_path(number)])
    page = "\n".join(
        [
            "首页>政协·协商>会议",
            to_simplified(document.title),
            f"{document.date or '2023-02-22'} 来源:转载  分享到:",
            to_simplified(document.text),
            "打印该页 关闭窗口 返回到页面顶部",
            "编辑:李四",
        ]
    )
    return page.encode("gbk")


@pytest.mark.parametrize("number", range(5))
def test_a_reposted_seed_is_a_duplicate_of_the_original(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seeds_dir: Path, number: int
) -> None:
    folder = tmp_path / "batch"
    shutil.copytree(seeds_dir, folder)
    (folder / "zz_repost.txt").write_bytes(reposted(number))
    documents = digest_json(capsys, folder)
    original = str(seed_path(number)).replace(str(seeds_dir), str(folder))
    assert documents["zz_"]["duplicate_of"] == original
    assert [d["duplicate_of"] for k, d in documents.items() if k != "zz_"] == [None] * 5
