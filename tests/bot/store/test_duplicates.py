"""The store's duplicate search: the engine's rule, every near signature found, no story lost."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.store import Store, open_store
from bot.store.duplicates import _NEAR, near_originals
from digests.dedupe import NEAR_DUPLICATE_BITS, content_hash, hamming, mark_duplicates, simhash
from digests.model import Document, MeetingFacts
from digests.pipeline import prepare
from tests.bot.store import texts
from tests.bot.store.conftest import make_doc, probe
from tests.bot.store.mix import build_mix, reposts
from tests.digests.test_dedupe import OTHER, REPORT

HEADLINE = "关于召开工作会议的报道\n2024年5月6日\n"  # the title rule takes it, not the body
FIXTURE_STORE = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def test_the_store_keeps_apart_what_the_engine_keeps_apart(store: Store) -> None:
    """REPORT and OTHER share no shingle; with colliding signatures the old store merged them."""
    source = store.ensure_source("/s")
    report = make_doc("/s/report", REPORT)
    first = store.add_document(report, source_id=source, raw_hash="a", duplicate_of=None)
    colliding = replace(make_doc("/s/other", OTHER), simhash=report.simhash)
    assert mark_duplicates([report, colliding])[1].duplicate_of is None
    assert near(store, colliding.simhash) == {first}  # near in SimHash, yet:
    assert store.find_duplicate(colliding) is None


def test_the_nearest_confirmed_original_wins(store: Store) -> None:
    source = store.ensure_source("/s")
    doc = make_doc("/s/a", texts.FLOOD)
    stranger = replace(make_doc("/s/x", texts.FARM), simhash=doc.simhash ^ 0b1)  # nearer
    far = store.add_document(replace(doc, simhash=doc.simhash ^ 0b111), source_id=source,
                             raw_hash="a", duplicate_of=None)  # fmt: skip
    store.add_document(stranger, source_id=source, raw_hash="x", duplicate_of=None)
    assert store.find_duplicate(probe(doc)) == far  # 3 bits, but the text confirms it


@FIXTURE_STORE
@given(
    signature=st.integers(0, 2**64 - 1),
    bits=st.sets(st.integers(0, 63), max_size=NEAR_DUPLICATE_BITS),
)
@example(signature=0, bits={7, 23, 39, 55, 8})  # a bit or two a band: the old bands missed it
@example(signature=0x0123456789ABCDEF, bits={0, 1, 2, 3, 16, 17, 18, 19, 32, 33, 34, 48, 49, 50})
def test_every_signature_within_the_threshold_is_found(
    store: Store, signature: int, bits: set[int]
) -> None:
    doc_id = stored_with(store, signature)
    flips = sum(1 << bit for bit in bits)
    assert doc_id in near(store, signature ^ flips)
    copy = replace(make_doc("/q", texts.SCHOOL), simhash=signature ^ flips)
    assert store.find_duplicate(probe(copy)) is not None  # and the rule merges it


@FIXTURE_STORE
@given(
    signature=st.integers(0, 2**64 - 1),
    bits=st.sets(st.integers(0, 63), min_size=NEAR_DUPLICATE_BITS + 1),
)
def test_no_signature_beyond_the_threshold_is_near(
    store: Store, signature: int, bits: set[int]
) -> None:
    doc_id = stored_with(store, signature)
    flips = sum(1 << bit for bit in bits)
    assert doc_id not in near(store, signature ^ flips)


# The precision case of issue 8: 1,500 pages of one genre sharing paragraphs, none a repost.


@cache
def mix_documents() -> tuple[Document, ...]:
    # hashed, not segmented: the rule reads no tokens, and jieba would take most of the time
    return tuple(
        Document(f"/mix/{i}", "报道", "2024-05-06", None, MeetingFacts(), (), (), page, page,
                 content_hash(page), simhash(page))
        for i, page in enumerate(build_mix(1500).pages)
    )  # fmt: skip


@cache
def chance_collisions() -> int:
    """Pages within the SimHash threshold of an earlier page: what SimHash alone merges."""
    signatures = [doc.simhash for doc in mix_documents()]
    return len(
        {
            j
            for i, j in itertools.combinations(range(len(signatures)), 2)
            if hamming(signatures[i], signatures[j]) <= NEAR_DUPLICATE_BITS
        }
    )


@cache
def prepared_reposts() -> tuple[tuple[int, str, object], ...]:
    pages = [doc.text for doc in mix_documents()]
    return tuple(
        (index, kind, prepare((HEADLINE + text).encode(), f"/elsewhere/{index}"))
        for index, kind, text in reposts(pages, 40)
    )


def test_a_mix_of_pages_sharing_paragraphs_merges_none_and_its_reposts_all(
    store: Store,
) -> None:
    assert chance_collisions() >= 10  # SimHash alone would merge these: the case is real
    source = store.ensure_source("/mix")
    ids, merged = [], []
    for doc in mix_documents():
        original = store.find_duplicate(doc)
        merged += [doc.path] if original is not None else []
        ids.append(store.add_document(doc, source_id=source, raw_hash="r", duplicate_of=original))
    assert merged == []
    assert store.stats()["originals"] == 1500
    found = {(kind, store.find_duplicate(page) == ids[i]) for i, kind, page in prepared_reposts()}
    assert found == {(kind, True) for kind in ("edited", "furniture", "script", "numbers", "all")}


def stored_with(store: Store, signature: int) -> int:
    """A new original holding `signature`."""
    count = store.stats()["documents"]
    doc = replace(make_doc(f"/p/{count}", texts.SCHOOL), simhash=signature)
    source = store.ensure_source("/p")
    return store.add_document(doc, source_id=source, raw_hash="p", duplicate_of=None)


def near(store: Store, signature: int) -> set[int]:
    """Ids of the originals the band search finds within the threshold of `signature`."""
    with store._read() as conn:
        return {doc_id for _, doc_id in near_originals(conn, signature)}


def test_the_band_search_reads_the_covering_band_indexes(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'plan.db'}")
    try:
        sql = re.sub(r":band\d", "?", str(_NEAR["sqlite"]))
        with store._read() as conn:
            plan = [row[3] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", (0,) * 8)]
    finally:
        store.close()
    searches = [step for step in plan if step.startswith(("SEARCH", "SCAN"))]
    wanted = "SEARCH documents USING COVERING INDEX ix_documents_band{0} (band{0}=?)"
    assert searches == [step for i in range(4) for step in (wanted.format(i), "SCAN band_masks")]
