"""PostgreSQL's newest-first search: bucket lexemes, ranges read from the newest, phrases
checked after the index; the same answers as one scan of every match would give."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text

from bot.store import Store, open_store
from bot.store.engine import make_engine
from bot.store.newest import FINE, cover
from bot.store.terms import every_term, needs_phrase, query_runs, tsquery
from tests.bot.store import texts
from tests.bot.store.conftest import make_doc


def test_cover_takes_whole_coarse_buckets_and_fine_ones_at_the_edges() -> None:
    assert cover(5, 5) == "'~f5'"
    assert cover(0, 15) == "'~c0'"
    assert cover(14, 33) == "'~f14' | '~f15' | '~c1' | '~f32' | '~f33'"


def test_every_term_loosens_phrases_only() -> None:
    runs = query_runs("民主生活 会 AI 政协")
    assert every_term(runs) == "'民主' & '主生' & '生活' & '会':* & 'ai' & '政协'"
    assert tsquery(runs).startswith("('民主' <-> '主生' <-> '生活')")
    assert needs_phrase(runs)
    assert not needs_phrase(query_runs("政协 会 AI"))  # two characters: one bigram, exact


@pytest.fixture
def spread(pg_url: str) -> Iterator[Store]:
    """Documents far apart in id: several fine buckets, two coarse ones, many in one bucket.

    Every third document holds 民主, 主生 and 生活 apart (every term, not the phrase).
    """
    store, engine = open_store(pg_url), make_engine(pg_url)
    source = store.ensure_source("/s")
    # buckets 0, 3, 17 (coarse 1) and 40 (coarse 2); the newest holds more candidates than
    # one statement reads
    starts = {1: 6, 3 << FINE: 6, 17 << FINE: 6, 40 << FINE: 30}
    n = 0
    for start, count in starts.items():
        with engine.begin() as conn:
            jump = "SELECT setval(pg_get_serial_sequence('documents', 'id'), :v)"
            conn.execute(text(jump), {"v": start})
        for _ in range(count):
            body = (
                "民主和主生以及生活。" if n % 3 == 2 else "召开民主生活会。" * (1 + n % 4)
            ) + texts.FARM
            store.add_document(
                make_doc(f"/{n}", body), source_id=source, raw_hash=str(n), duplicate_of=None
            )
            n += 1
    yield store
    store.close()
    engine.dispose()


def _ids(pg_url: str) -> dict[str, int]:
    engine = make_engine(pg_url)
    with engine.connect() as conn:
        ids = dict(conn.execute(text("SELECT location, id FROM documents")).all())
    engine.dispose()
    return ids


def test_the_newest_window_across_buckets_and_the_older_matches_after_it(
    spread: Store, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.store.search.WINDOW", 5)
    ids = _ids(pg_url)
    assert len({i >> FINE for i in ids.values()}) == 4
    phrase = sorted((p for p in ids if int(p[1:]) % 3 != 2), key=ids.__getitem__, reverse=True)
    assert len(phrase) == 32
    every = spread.search("民主生活", limit=50)  # the window ranked, then the rest by id
    assert (every.total, every.total_is_lower_bound) == (32, True)
    window, rest = [h.location for h in every.hits[:5]], [h.location for h in every.hits[5:]]
    assert sorted(window, key=ids.__getitem__, reverse=True) == phrase[:5]
    assert rest == phrase[5:]  # none of the apart-terms documents, none lost between buckets
    scores = [h.score for h in every.hits[:5]]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[-1]
    assert [h.location for h in spread.search("民主生活", limit=3, offset=30).hits] == phrase[30:]


def test_loose_terms_match_where_the_phrase_does_not(spread: Store) -> None:
    loose = spread.search("主生 民主 生活", limit=100)
    assert loose.total == 48  # every document holds the three words
    assert spread.search("生活民主", limit=100).total == 0


@pytest.mark.parametrize(
    ("keywords", "which"),
    [
        (("民主生活",), "phrase"),
        (("主生", "草莓"), "all"),  # any of: every document holds 草莓
        (("生活", "+民主和"), "apart"),
        (("民主", "!民主生活"), "apart"),
        (("生活民主",), "none"),
    ],
)
def test_topic_digests_read_the_index_newest_first_and_skip_what_was_sent(
    spread: Store, pg_url: str, keywords: tuple[str, ...], which: str
) -> None:
    ids = _ids(pg_url)
    newest_first = sorted(ids, key=ids.__getitem__, reverse=True)
    sent = newest_first[:20:3]  # a few of the newest, in two buckets
    spread.mark_sent(5, [ids[p] for p in sent])
    kinds = {"phrase": {0, 1}, "apart": {2}, "all": {0, 1, 2}, "none": set()}[which]
    wanted = [p for p in newest_first if int(p[1:]) % 3 in kinds and p not in sent]
    for limit in (3, 50):
        got = spread.unseen_documents(5, keywords=keywords, limit=limit)
        assert [d.id for d in got] == [ids[p] for p in wanted[:limit]]
