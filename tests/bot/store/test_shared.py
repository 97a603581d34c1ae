"""What processes on one database share: source leases, the schedules' version, queries."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from bot.context import SharedQueries
from bot.store import Store
from bot.store.records import Subscription, Topic


def test_a_leased_source_is_nobody_else_s_until_finished(store: Store) -> None:
    source_id, _ = store.add_source("https://a.example/feed.xml", shape="feed")
    assert store.lease_source(source_id, "worker-1", lease=60, fresh=0)
    assert not store.lease_source(source_id, "worker-2", lease=60, fresh=0)
    store.finish_source(source_id, "worker-2")  # not its lease: nothing happens
    assert not store.lease_source(source_id, "worker-2", lease=60, fresh=0)
    store.finish_source(source_id, "worker-1")
    assert not store.lease_source(source_id, "worker-2", lease=60, fresh=30)  # just scanned
    assert store.lease_source(source_id, "worker-2", lease=60, fresh=0)


def test_a_lease_that_ran_out_goes_to_the_next_worker(store: Store) -> None:
    source_id, _ = store.add_source("https://a.example/feed.xml", shape="feed")
    assert store.lease_source(source_id, "killed", lease=0.2, fresh=0)
    assert not store.lease_source(source_id, "next", lease=60, fresh=0)
    time.sleep(0.3)
    assert store.lease_source(source_id, "next", lease=60, fresh=0)


def test_the_schedules_version_moves_with_every_change_but_a_digest_s_stamp(
    store: Store,
) -> None:
    seen = [store.schedules_version()]

    def moved() -> bool:
        seen.append(store.schedules_version())
        return seen[-1] != seen[-2]

    store.save_subscription(Subscription(chat_id=7))
    assert moved()
    (main,) = store.topics(7)
    named = store.save_topic(Topic(chat_id=7, name="政协", keywords=("政协",)))
    assert moved()
    store.stamp_topic(main.id, datetime.now(UTC))
    assert not moved() and store.topics(7)[0].last_digest_at is not None
    store.delete_topics(7, [named.id])
    assert moved()
    store.deactivate(7, "blocked")
    assert moved()


def test_a_search_query_is_found_by_its_key_from_any_process(store: Store) -> None:
    store.remember_query("abc123", "民主生活会 政协")
    store.remember_query("abc123", "民主生活会 政协")  # remembered again: still one row
    assert store.recall_query("abc123") == "民主生活会 政协"
    assert store.recall_query("nothing") is None


async def test_a_page_button_pressed_on_another_replica_finds_its_query(store: Store) -> None:
    here, there = SharedQueries(store), SharedQueries(store)  # two processes' caches
    key = await here.put("民主生活会 政协")
    assert await there.get(key) == "民主生活会 政协"
    assert await there.get("0000000000") is None
