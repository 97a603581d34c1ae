"""Grouping a batch of documents into a digest."""

from __future__ import annotations

from digests.digest import MAX_GROUPS, build_digest, period_label, top_keywords
from digests.model import Document, MeetingFacts


def doc(
    path: str, keywords: tuple[str, ...], date: str | None = None, duplicate_of: str | None = None
) -> Document:
    """A document carrying only what grouping reads."""
    return Document(
        path=path,
        title=path,
        date=date,
        source=None,
        meeting=MeetingFacts(),
        keywords=keywords,
        highlights=(),
        text="",
        simplified="",
        content_hash=path,
        simhash=0,
        duplicate_of=duplicate_of,
    )


FIVE = [
    doc("a", ("民主生活会", "整改", "九三学社"), "2023-02-21"),
    doc("b", ("主题教育", "九三学社", "履职"), "2019-08-11"),
    doc("c", ("政协", "座谈会", "协商"), "2024-10-29"),
    doc("d", ("对照检查", "民主生活会", "督导"), "2023-12-26"),
    doc("e", ("党建", "述职", "统战部"), "2023-04-19"),
]


def test_five_documents_group_under_shared_then_own_keywords() -> None:
    digest = build_digest(FIVE)
    groups = [(g.keyword, [d.path for d in g.documents]) for g in digest.groups]
    assert groups[0] == ("民主生活会", ["d", "a"])  # shared by two, newest first
    # b's first keyword is its alone; its first shared one files it.
    assert ("九三学社", ["b"]) in groups
    assert ("政协", ["c"]) in groups and ("党建", ["e"]) in groups
    assert digest.count == 5


def test_only_leading_keywords_decide_the_group() -> None:
    late = doc("f", ("统战", "同心", "联谊", "民主生活会"))
    groups = {g.keyword: [d.path for d in g.documents] for g in build_digest([*FIVE, late]).groups}
    assert groups["统战"] == ["f"] and groups["民主生活会"] == ["d", "a"]


def test_period_defaults_to_the_documents_dates() -> None:
    assert build_digest(FIVE).period == "2019-08-11 – 2024-10-29"
    assert build_digest(FIVE, period=("2024-01-01", "2024-01-07")).period == (
        "2024-01-01 – 2024-01-07"
    )
    assert period_label(None, [doc("x", ())]) == ""
    assert period_label(None, [doc("x", (), "2024-05-01")]) == "2024-05-01"


def test_duplicates_are_left_out() -> None:
    digest = build_digest([*FIVE, doc("f", ("民主生活会",), "2025-01-01", duplicate_of="a")])
    assert digest.count == 5
    assert "f" not in [d.path for d in digest.documents]
    assert digest.period.endswith("2024-10-29")


def test_top_keywords_prefer_the_widely_carried() -> None:
    assert top_keywords(FIVE, 3) == ("民主生活会", "九三学社", "主题教育")
    assert build_digest(FIVE, top=2).keywords == ("民主生活会", "九三学社")
    assert build_digest(FIVE, top=0).keywords == ()


def test_a_large_batch_folds_lone_documents_into_other() -> None:
    topics = [f"话题{i}" for i in range(MAX_GROUPS)]
    common = [doc(f"c{i}", (topics[i % MAX_GROUPS],)) for i in range(3 * MAX_GROUPS)]
    lone = [doc(f"l{i}", (f"孤词{i}",)) for i in range(50)]
    digest = build_digest(lone[:5] + common + lone[5:])  # lone ones first must not crowd in
    assert len(digest.groups) == MAX_GROUPS + 1
    other = digest.groups[-1]
    assert other.keyword is None and len(other.documents) == 50
    assert all(len(g.documents) == 3 for g in digest.groups[:-1])


def test_documents_without_keywords_go_to_other() -> None:
    digest = build_digest([doc("x", ()), doc("y", ("会议",))])
    assert [(g.keyword, len(g.documents)) for g in digest.groups] == [("会议", 1), (None, 1)]


def test_an_empty_batch_is_an_empty_digest() -> None:
    digest = build_digest([])
    assert (digest.count, digest.groups, digest.keywords, digest.period) == (0, (), (), "")
