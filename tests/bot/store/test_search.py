"""Search contract: parts of words, both scripts, ranking, filters, snippets, hostile input."""

from __future__ import annotations

import pytest

from bot.store import Store, search
from tests.bot.store import texts
from tests.bot.store.conftest import make_doc


@pytest.fixture
def filled(store: Store) -> Store:
    folder = store.ensure_source("/news")
    feed = store.ensure_source("https://example.org/feed.xml")
    dates = ("2024-03-01", "2024-04-12", "2024-05-20", "2024-06-03", "2024-07-08", "2024-08-15")
    for i, (text, date) in enumerate(zip(texts.ALL, dates, strict=True)):
        source_id = feed if i == 1 else folder
        publisher = "武漢統戰" if i == 1 else "区融媒体中心"
        store.add_document(
            make_doc(f"/news/{i}.txt", text, date=date, source=publisher, title=f"标题{i}"),
            source_id=source_id,
            raw_hash=f"r{i}",
            duplicate_of=None,
        )
    return store


def paths(page) -> list[str]:
    return [hit.location for hit in page.hits]


def test_part_of_a_jieba_word_is_found(filled: Store) -> None:
    page = filled.search("生活会")
    # 民主生活会 (simplified text) and 組織生活會 (traditional text) both contain it
    assert sorted(paths(page)) == ["/news/0.txt", "/news/1.txt"]
    assert page.total == 2


def test_traditional_query_finds_simplified_text_and_back(filled: Store) -> None:
    assert paths(filled.search("防汛抗旱")) == ["/news/2.txt"]
    assert paths(filled.search("防汛抗旱")) == paths(filled.search("防汛抗旱"))
    assert paths(filled.search("黨建工作")) == ["/news/1.txt"]  # text written traditional
    assert paths(filled.search("党建工作")) == ["/news/1.txt"]


def test_ranking_puts_the_denser_match_first(store: Store) -> None:
    source = store.ensure_source("/news")
    once = "会议研究了防汛工作。" + texts.SCHOOL
    many = "防汛防汛，防汛是头等大事。" + texts.FARM
    store.add_document(make_doc("/a", once), source_id=source, raw_hash="a", duplicate_of=None)
    store.add_document(make_doc("/b", many), source_id=source, raw_hash="b", duplicate_of=None)
    page = store.search("防汛")
    assert paths(page) == ["/b", "/a"]
    assert page.hits[0].score > page.hits[1].score


def test_words_in_a_query_must_all_occur(filled: Store) -> None:
    assert paths(filled.search("政协 整改")) == ["/news/0.txt"]
    assert filled.search("政协 草莓").total == 0


def test_single_character_and_latin_words(filled: Store) -> None:
    assert "/news/4.txt" in paths(filled.search("莓", limit=10))
    assert paths(filled.search("ai")) == ["/news/5.txt"]
    assert paths(filled.search("5G")) == ["/news/5.txt"]


def test_date_and_source_filters(filled: Store) -> None:
    assert filled.search("召开").total == 6
    assert sorted(paths(filled.search("召开", limit=10, date_from="2024-06-01"))) == [
        "/news/3.txt",
        "/news/4.txt",
        "/news/5.txt",
    ]
    in_spring = filled.search("召开", limit=10, date_from="2024-03-01", date_to="2024-04-30")
    assert sorted(paths(in_spring)) == ["/news/0.txt", "/news/1.txt"]
    assert paths(filled.search("召开", source="https://example.org/feed.xml")) == ["/news/1.txt"]
    assert paths(filled.search("召开", source="武汉统战")) == [
        "/news/1.txt"
    ]  # publisher, any script
    assert filled.search("召开", date_from="2025-01-01").total == 0


def test_limit_offset_and_total(filled: Store) -> None:
    first = filled.search("会", limit=2)
    second = filled.search("会", limit=2, offset=2)
    assert first.total == second.total >= 5
    assert len(first.hits) == len(second.hits) == 2
    assert not set(paths(first)) & set(paths(second))


def test_snippet_is_original_text_with_the_match_marked(filled: Store) -> None:
    (hit,) = filled.search("组织生活会").hits
    assert hit.title == "标题1" and hit.date == "2024-04-12" and hit.source == "武漢統戰"
    assert "組織生活會" in hit.snippet  # shown as written: traditional
    assert [hit.snippet[a:b] for a, b in hit.marks] == ["組織生活會"]
    assert 20 <= len(hit.snippet) <= 80 and "\n" not in hit.snippet


def test_snippet_of_a_late_match_is_a_window(filled: Store) -> None:
    (hit,) = filled.search("秋季开学").hits
    assert hit.snippet.startswith("…")
    assert [hit.snippet[a:b] for a, b in hit.marks] == ["秋季开学"]


def test_duplicates_are_not_found_twice(filled: Store) -> None:
    source = filled.ensure_source("/news")
    original = filled.document_id_for("/news/2.txt")
    assert original is not None
    filled.add_document(
        make_doc("/copy.txt", texts.FLOOD), source_id=source, raw_hash="c", duplicate_of=original[0]
    )
    assert paths(filled.search("防汛")) == ["/news/2.txt"]


@pytest.mark.parametrize(
    "query",
    [
        '"民主',
        '民主"生活会"',
        "*",
        "民主*",
        "(民主",
        "民主)",
        "[民主]",
        "{民主}",
        "-民主",
        "民主-生活",
        ":",
        ":民主",
        "^民主",
        "民主^",
        "'; DROP TABLE documents; --",
        "\\",
        "&|!<->",
        "'",
        "%",
        "_",
        "民主 +",
        "民主~",
        "民主 @@ 生活",
        "<民主>",
    ],
)
def test_query_syntax_is_plain_text(filled: Store, query: str) -> None:
    page = filled.search(query)
    assert page.total == (1 if "民主" in query else 0)
    assert paths(page) == (["/news/0.txt"] if "民主" in query else [])
    assert filled.stats()["documents"] == 6


@pytest.mark.parametrize(
    "query",
    ["NEAR(民主 生活)", "民主 OR 政协", "民主 AND 草莓", "NOT 民主", "terms:民主", "民主^2"],
)
def test_operator_words_are_words_that_must_occur(filled: Store, query: str) -> None:
    assert filled.search(query).total == 0  # none of these texts holds NEAR, OR, AND, NOT, …


def test_operators_are_searched_as_words(store: Store) -> None:
    source = store.ensure_source("/x")
    store.add_document(
        make_doc("/or", "会议讨论了 OR 和 NEAR 两个英文单词。"),
        source_id=source,
        raw_hash="o",
        duplicate_of=None,
    )
    store.add_document(
        make_doc("/no", texts.FARM), source_id=source, raw_hash="n", duplicate_of=None
    )
    assert paths(store.search("OR")) == ["/or"]
    assert paths(store.search("near")) == ["/or"]


def test_long_and_empty_queries(filled: Store) -> None:
    passage = (texts.LIFE_MEETING * 40)[:3000]
    assert paths(filled.search(passage)) == ["/news/0.txt"]
    assert filled.search("草" * 3000).total == 0
    for empty in ("", "   ", "，。！", "\x00"):
        assert filled.search(empty).hits == []
    assert filled.search("会议", limit=0).hits == []


def test_many_matches_rank_the_newest_window_and_count_at_least_it(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.store.search.WINDOW", 2)
    source = store.ensure_source("/s")
    bodies = [
        "防汛防汛防汛防汛。" + texts.FARM,
        "防汛。" + texts.SCHOOL,
        "防汛防汛。" + texts.FLOOD,
        "防汛。" + texts.LIFE_MEETING,
    ]
    for i, body in enumerate(bodies):
        store.add_document(
            make_doc(f"/{i}", body), source_id=source, raw_hash=str(i), duplicate_of=None
        )
    page = store.search("防汛", limit=2)
    assert (page.total, page.total_is_lower_bound) == (2, True)  # "2+": counting stops there
    assert paths(page) == ["/2", "/3"]  # the densest old /0 is outside the newest two
    older = store.search("防汛", limit=2, offset=2)  # beyond the window: newest first
    assert (older.total, older.total_is_lower_bound, paths(older)) == (4, True, ["/1", "/0"])
    straddling = store.search("防汛", limit=2, offset=1)
    assert paths(straddling) == ["/3", "/1"]
    assert [h.score for h in older.hits] == [0.0, 0.0]
    assert paths(store.search("防汛", limit=1, source="/s", date_from="2024-01-01")) == ["/2"]
    assert paths(store.search("防汛", limit=5, offset=3)) == ["/0"]


def test_a_total_within_the_window_is_exact(filled: Store) -> None:
    page = filled.search("召开", limit=1)
    assert (page.total, page.total_is_lower_bound) == (6, False)


def test_dates_out_of_id_order_are_still_filtered(filled: Store) -> None:
    source = filled.ensure_source("/news")
    late = make_doc("/news/late.txt", texts.FLOOD + "补记。", date="2024-01-05")
    filled.add_document(late, source_id=source, raw_hash="late", duplicate_of=None)
    spring = filled.search("召开", limit=10, date_from="2024-03-01", date_to="2024-04-30")
    assert sorted(paths(spring)) == ["/news/0.txt", "/news/1.txt"]
    winter = filled.search("召开", limit=10, date_to="2024-02-01")
    assert paths(winter) == ["/news/late.txt"]


def test_a_source_nothing_came_from_finds_nothing(filled: Store) -> None:
    assert filled.search("召开", source="/elsewhere").hits == []
    assert filled.search("召开", source="融媒体").total == 5  # part of a publisher's name


def _scope(store: Store, **filters: str) -> search._Scope | None:
    with store._engine.connect() as conn:
        return search._scope(conn, search.Filters(**filters))


def test_dated_ids_far_from_the_newest_drive_the_scan(
    filled: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.store.search.WINDOW", 2)
    source = filled.ensure_source("/news")
    late = make_doc("/news/late.txt", texts.FLOOD + "补记。", date="2024-03-15")
    filled.add_document(late, source_id=source, raw_hash="late", duplicate_of=None)
    spring = _scope(filled, date_from="2024-03-01", date_to="2024-04-30")  # ids 1, 2 and 7
    assert spring is not None and spring.ids.startswith("SELECT d.id FROM documents")
    assert not any("date" in clause for clause in spring.clauses)
    summer = _scope(filled, date_from="2024-06-01", source="/news")  # ids 4-6: dense at the top
    assert summer is not None and summer.ids == ""
    assert [c for c in summer.clauses if "date" in c] == ["d.date >= :date_from"]
    assert _scope(filled, date_from="2025-01-01") is None


@pytest.mark.parametrize(
    ("filters", "total"),
    [
        ({"date_from": "2024-03-01", "date_to": "2024-04-30"}, 3),
        ({"date_to": "2024-04-05"}, 2),
        ({"date_from": "2024-04-01", "source": "/news"}, 5),
        ({"date_from": "2024-04-01", "date_to": "2024-05-31"}, 3),
        ({"date_from": "2024-08-01"}, 1),
    ],
)
def test_driving_by_dated_ids_or_checking_each_match_finds_the_same(
    filled: Store, monkeypatch: pytest.MonkeyPatch, filters: dict[str, str], total: int
) -> None:
    source = filled.ensure_source("/news")  # a spring report stored last: ids 1-7 hold spring
    late = make_doc("/news/late.txt", texts.FLOOD + "补记召开情况。", date="2024-04-01")
    filled.add_document(late, source_id=source, raw_hash="late", duplicate_of=None)
    monkeypatch.setattr("bot.store.search.WINDOW", 2)  # pages cross the window too
    pages = {}
    for drive in (True, False):
        monkeypatch.setattr("bot.store.search._few", lambda *_, drive=drive: drive)
        pages[drive] = [filled.search("召开", limit=2, offset=o, **filters) for o in (0, 1, 3)]
        assert len({path for page in pages[drive] for path in paths(page)}) == total
    assert pages[True] == pages[False]
