"""Store contract: sources, documents, duplicates, frequencies."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from bot.sources.model import SourceState
from bot.store import Store, open_store
from digests.model import MeetingFacts
from tests.bot.store import texts
from tests.bot.store.conftest import make_doc, probe


def test_ensure_source_is_idempotent_and_keeps_state(store: Store) -> None:
    folder = store.ensure_source("/srv/news")
    feed = store.ensure_source("https://example.org/rss")
    assert store.ensure_source("/srv/news") == folder != feed
    when = datetime(2024, 5, 1, 8, 30, tzinfo=UTC)
    state = SourceState(
        etag='"abc"',
        last_modified="Wed, 01 May 2024 08:00:00 GMT",
        failures=2,
        next_attempt_at=when,
        last_error="HTTP 500",
        last_success_at=when,
    )
    store.save_source_state(feed, state)
    store.add_document(
        make_doc("/srv/news/a.txt", texts.FLOOD), source_id=folder, raw_hash="h", duplicate_of=None
    )
    rows = {row.location: row for row in store.sources()}
    assert rows["https://example.org/rss"].state == state
    assert rows["https://example.org/rss"].kind == "url"
    assert (rows["/srv/news"].kind, rows["/srv/news"].documents) == ("folder", 1)
    assert rows["/srv/news"].state == SourceState()


def test_document_round_trip(store: Store) -> None:
    source = store.ensure_source("/srv/news")
    doc = make_doc(
        "/srv/news/t.txt",
        texts.TRADITIONAL,
        title="黨建會議",
        date="2024-04-12",
        source="武漢統戰",
        keywords=("党建", "统战"),
    )
    doc_id = store.add_document(doc, source_id=source, raw_hash="raw1", duplicate_of=None)
    stored = store.document(doc_id)
    assert stored is not None
    assert stored.document == replace(doc, tokens=())
    assert stored.document.simhash == doc.simhash and stored.document.simhash >= 0
    assert (stored.id, stored.source, stored.raw_hash, stored.duplicate_of) == (
        doc_id,
        "/srv/news",
        "raw1",
        None,
    )
    assert stored.first_seen.tzinfo is not None
    assert store.document_id_for("/srv/news/t.txt") == (doc_id, "raw1")
    assert store.document_id_for("/elsewhere") is None
    assert store.document(doc_id + 1000) is None


def test_people_keep_their_roles(store: Store) -> None:
    """The card shows each person with the role the text gives: the store must keep it."""
    doc = make_doc("/s/roles", texts.FLOOD)
    facts = MeetingFacts(
        name="全市防汛工作会议",
        place="市政府",
        chair="王明",
        attendees=("李华",),
        speakers=("王明",),
        roles=(("王明", "市委常委、副市长"), ("李华", "市水务局局长")),
    )
    doc_id = store.add_document(
        replace(doc, meeting=facts),
        source_id=store.ensure_source("/s"),
        raw_hash="h",
        duplicate_of=None,
    )
    stored = store.document(doc_id)
    assert stored is not None and stored.document.meeting == facts


def test_large_signatures_survive(store: Store) -> None:
    source = store.ensure_source("/s")
    doc = replace(make_doc("/s/x", texts.FARM), simhash=(1 << 64) - 1)
    doc_id = store.add_document(doc, source_id=source, raw_hash="r", duplicate_of=None)
    stored = store.document(doc_id)
    assert stored is not None and stored.document.simhash == (1 << 64) - 1


def test_find_duplicate_exact_then_near(store: Store) -> None:
    source = store.ensure_source("/s")
    doc = make_doc("/s/a", texts.SCHOOL)
    first = store.add_document(doc, source_id=source, raw_hash="a", duplicate_of=None)
    assert store.find_duplicate(doc) == first
    assert store.find_duplicate(doc, exclude=first) is None
    assert store.find_duplicate(probe(doc, 0b10101)) == first  # 3 bits away, same shingles
    assert store.find_duplicate(probe(doc, (1 << 40) - 1)) is None  # 40 bits away
    copy = store.add_document(
        replace(doc, path="/s/b"), source_id=source, raw_hash="b", duplicate_of=first
    )
    assert store.find_duplicate(doc, exclude=first) == first
    stored = store.document(copy)
    assert stored is not None and stored.duplicate_of == first
    assert stored.document.duplicate_of == "/s/a"


def test_frequencies_follow_adds_replacements_and_skip_duplicates(store: Store) -> None:
    source = store.ensure_source("/s")
    assert store.frequencies().n_docs == 0
    flood = make_doc("/s/f", texts.FLOOD)
    doc_id = store.add_document(flood, source_id=source, raw_hash="1", duplicate_of=None)
    store.add_document(
        make_doc("/s/x", texts.SCHOOL), source_id=source, raw_hash="2", duplicate_of=None
    )
    store.add_document(
        replace(flood, path="/s/copy"), source_id=source, raw_hash="3", duplicate_of=doc_id
    )
    freq = store.frequencies()
    assert freq.n_docs == 2
    assert freq.df("防汛") == 1 and freq.df("召开") == 2
    store.replace_document(doc_id, make_doc("/s/f", texts.FARM), raw_hash="4")
    freq = store.frequencies()
    assert (freq.n_docs, freq.df("防汛"), freq.df("葡萄")) == (2, 0, 1)
    assert "防汛" not in freq.counts


def test_frequencies_see_another_process_writes(database_url: str) -> None:
    one, two = open_store(database_url), open_store(database_url)
    try:
        source = one.ensure_source("/s")
        assert two.frequencies().df("葡萄") == 0
        one.add_document(
            make_doc("/s/a", texts.FARM), source_id=source, raw_hash="a", duplicate_of=None
        )
        assert two.frequencies().df("葡萄") == 1
        two.add_document(
            make_doc("/s/b", texts.FARM + "葡萄丰收。"),
            source_id=source,
            raw_hash="b",
            duplicate_of=None,
        )
        assert one.frequencies().df("葡萄") == 2 == two.frequencies().df("葡萄")
    finally:
        one.close()
        two.close()


def test_replace_updates_the_index(store: Store) -> None:
    source = store.ensure_source("/s")
    doc_id = store.add_document(
        make_doc("/s/a", texts.FLOOD), source_id=source, raw_hash="1", duplicate_of=None
    )
    store.replace_document(doc_id, make_doc("/s/a", texts.FARM), raw_hash="2")
    assert store.search("防汛").total == 0
    assert [hit.id for hit in store.search("葡萄").hits] == [doc_id]
    assert store.document_id_for("/s/a") == (doc_id, "2")
    store.replace_document(doc_id, make_doc("/s/a", texts.FARM), raw_hash="3", duplicate_of=None)
    assert store.search("葡萄").total == 1


def test_stats(store: Store) -> None:
    source = store.ensure_source("/s")
    first = store.add_document(
        make_doc("/s/a", texts.FLOOD), source_id=source, raw_hash="1", duplicate_of=None
    )
    store.add_document(
        make_doc("/s/b", texts.FLOOD), source_id=source, raw_hash="2", duplicate_of=first
    )
    stats = store.stats()
    assert (stats["documents"], stats["duplicates"], stats["originals"], stats["sources"]) == (
        2,
        1,
        1,
        1,
    )


def test_table_counts_agree_with_the_cache_after_replacements(database_url: str) -> None:
    one = open_store(database_url)
    try:
        source = one.ensure_source("/s")
        flood = make_doc("/s/f", texts.FLOOD)
        doc_id = one.add_document(flood, source_id=source, raw_hash="1", duplicate_of=None)
        school = one.add_document(
            make_doc("/s/x", texts.SCHOOL), source_id=source, raw_hash="2", duplicate_of=None
        )
        one.replace_document(doc_id, make_doc("/s/f", texts.FARM), raw_hash="3")
        one.replace_document(school, replace(flood, path="/s/x"), raw_hash="4", duplicate_of=doc_id)
        two = open_store(database_url)  # reads the table, not `one`'s cache
        try:
            fresh, cached = two.frequencies(), one.frequencies()
            assert (fresh.n_docs, fresh.counts) == (cached.n_docs, cached.counts)
            assert (fresh.n_docs, fresh.df("召开"), fresh.df("葡萄")) == (1, 1, 1)
            assert "防汛" not in fresh.counts and "校园" not in fresh.counts
        finally:
            two.close()
    finally:
        one.close()


def test_a_duplicate_makes_no_other_process_reload(database_url: str) -> None:
    one, two = open_store(database_url), open_store(database_url)
    try:
        source = one.ensure_source("/s")
        farm = make_doc("/s/a", texts.FARM)
        first = one.add_document(farm, source_id=source, raw_hash="a", duplicate_of=None)
        before = two.frequencies()
        copy = replace(farm, path="/s/b")
        one.add_document(copy, source_id=source, raw_hash="b", duplicate_of=first)
        assert two.frequencies() is before and before.n_docs == 1
    finally:
        one.close()
        two.close()


def test_near_lookup_skips_duplicates_and_the_excluded_row(store: Store) -> None:
    source = store.ensure_source("/s")
    doc = make_doc("/s/a", texts.SCHOOL)
    first = store.add_document(doc, source_id=source, raw_hash="a", duplicate_of=None)
    near = replace(doc, path="/s/b", content_hash="1" * 64, simhash=doc.simhash ^ 0b11)
    store.add_document(near, source_id=source, raw_hash="b", duplicate_of=first)
    # both rows share three bands with the query: one is excluded, the other a duplicate
    assert store.find_duplicate(probe(doc, 0b1), exclude=first) is None
    assert store.find_duplicate(probe(doc, 0b1)) == first
