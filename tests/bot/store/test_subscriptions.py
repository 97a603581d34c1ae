"""Store contract: chats, subscriptions, deliveries, trending."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta

from bot.store import Store, Subscription, Topic
from tests.bot.store import texts
from tests.bot.store.conftest import make_doc


def _add(store: Store, path: str, text: str, **kwargs) -> int:
    source = store.ensure_source("/s")
    return store.add_document(
        make_doc(path, text, **kwargs), source_id=source, raw_hash=path, duplicate_of=None
    )


def test_subscription_round_trip_and_deactivate(store: Store) -> None:
    store.upsert_chat(-100123, kind="supergroup", title="新闻群", language="zh")
    store.upsert_chat(-100123, kind="supergroup", title="新闻群2", language="en")
    assert store.subscription(-100123) is None
    sub = Subscription(
        chat_id=-100123,
        timezone="Europe/Berlin",
        paused=True,
        script="traditional",
        thread_id=77,
        language="en",
    )
    store.save_subscription(sub)
    assert store.subscription(-100123) == sub
    store.save_subscription(Subscription(chat_id=5))  # chat row made on demand
    assert [s.chat_id for s in store.active_subscriptions()] == [-100123, 5]
    store.deactivate(5, "403 Forbidden: bot was blocked by the user")
    assert [s.chat_id for s in store.active_subscriptions()] == [-100123]
    found = store.subscription(5)
    assert found is not None and found.active is False
    assert store.stats()["chats"] == 2 and store.stats()["subscriptions"] == 1


def test_a_subscription_has_a_main_topic_and_named_ones_in_order(store: Store) -> None:
    store.save_subscription(Subscription(chat_id=9))
    (main,) = store.topics(9)
    assert main.is_main and main.id and main.keywords == () and main.schedule == "daily"
    weekly = replace(
        main,
        keywords=("政协", "+座谈会", "!足球"),
        schedule="weekly",
        at=time(19, 45),
        weekday=4,
        paused=True,
        last_digest_at=datetime(2024, 6, 1, 12, 0, tzinfo=UTC),
    )
    assert store.save_topic(weekly) == weekly
    second = store.save_topic(Topic(chat_id=9, name="纪委", keywords=("纪律",), schedule="instant"))
    first = store.save_topic(Topic(chat_id=9, name="统战", keywords=("统战",)))
    assert second.id and first.id > second.id
    store.save_subscription(Subscription(chat_id=9, script="simplified"))  # keeps the topics
    assert store.topics(9) == [weekly, second, first]
    assert store.topics(10) == []
    store.save_subscription(Subscription(chat_id=10))
    assert [(s.chat_id, t.name) for s, t in store.scheduled_topics()] == [
        (9, ""),
        (9, "纪委"),
        (9, "统战"),
        (10, ""),
    ]
    assert store.delete_topics(9, [second.id, main.id, 999]) == 1  # never the main topic
    assert [t.name for t in store.topics(9)] == ["", "统战"]
    store.deactivate(10, "gone")
    assert [s.chat_id for s, _ in store.scheduled_topics()] == [9, 9]


def test_keyword_rules_require_and_exclude(store: Store) -> None:
    flood = _add(store, "/s/flood", texts.FLOOD)
    farm = _add(store, "/s/farm", texts.FARM)
    life = _add(store, "/s/life", texts.LIFE_MEETING)
    assert [d.id for d in store.unseen_documents(1, keywords=("防汛", "生活会"))] == [life, flood]
    assert [d.id for d in store.unseen_documents(1, keywords=("防汛", "!堤防"))] == []
    assert [d.id for d in store.unseen_documents(1, keywords=("防汛", "生活会", "!堤防"))] == [life]
    assert [d.id for d in store.unseen_documents(1, keywords=("+防汛",))] == [flood]
    both = ("防汛", "生活会", "+汛期")
    assert [d.id for d in store.unseen_documents(1, keywords=both)] == [flood]
    assert [d.id for d in store.unseen_documents(1, keywords=("!防汛",))] == [life, farm]
    assert store.unseen_documents(1, keywords=("+量子",)) == []


def test_the_last_days_are_counted_by_publish_date(store: Store) -> None:
    now = datetime.now(UTC)
    today = now.date().isoformat()
    recent = _add(store, "/s/recent", texts.FLOOD, date=today, keywords=("防汛",))
    old = _add(store, "/s/old", texts.FARM, date="2019-08-11", keywords=("防汛", "葡萄"))
    undated = _add(store, "/s/undated", texts.SCHOOL, date=None, keywords=("校园",))
    week = now - timedelta(days=7)
    found = store.digest_documents(1, published=week, unseen=False)
    assert [d.id for d in found] == [undated, recent]  # the 2019 article found today is not
    assert store.trending(now=now) == [("校园", 1), ("防汛", 1)]
    later = now + timedelta(days=30)
    assert store.digest_documents(1, published=later - timedelta(days=7), unseen=False) == []
    assert [d.id for d in store.digest_documents(1, unseen=False, limit=1, offset=1)] == [old]


def test_unseen_documents_and_mark_sent(store: Store) -> None:
    flood = _add(store, "/s/flood", texts.FLOOD)
    farm = _add(store, "/s/farm", texts.FARM)
    life = _add(store, "/s/life", texts.LIFE_MEETING)
    copy = store.add_document(
        make_doc("/s/copy", texts.FARM),
        source_id=store.ensure_source("/s"),
        raw_hash="c",
        duplicate_of=farm,
    )
    unseen = store.unseen_documents(7)
    assert [d.id for d in unseen] == [life, farm, flood]  # newest first, no duplicate
    assert copy not in [d.id for d in unseen]
    assert [d.id for d in store.unseen_documents(7, keywords=("防汛", "生活会"))] == [life, flood]
    store.mark_sent(7, [flood, life])
    store.mark_sent(7, [flood])  # twice: still one delivery
    assert [d.id for d in store.unseen_documents(7)] == [farm]
    assert [d.id for d in store.unseen_documents(8)] == [life, farm, flood]  # per chat
    assert store.stats()["deliveries"] == 2
    later = datetime.now(UTC) + timedelta(hours=1)
    assert store.unseen_documents(8, since=later) == []
    assert [d.id for d in store.unseen_documents(8, limit=1)] == [life]


def test_a_delivery_given_up_on_is_never_offered_again_and_counted(store: Store) -> None:
    flood = _add(store, "/s/flood", texts.FLOOD)
    farm = _add(store, "/s/farm", texts.FARM)
    store.mark_sent(7, [farm])
    store.mark_failed(7, [flood, farm])  # farm was sent: it stays sent
    assert store.unseen_documents(7) == []
    assert [d.id for d in store.unseen_documents(8)] == [farm, flood]  # per chat
    assert (store.stats()["deliveries"], store.stats()["failed_deliveries"]) == (1, 1)


def test_digest_documents_match_keywords_in_the_index_sent_or_not(store: Store) -> None:
    life = _add(store, "/s/life", texts.LIFE_MEETING)
    flood = _add(store, "/s/flood", texts.FLOOD)
    party = _add(store, "/s/party", texts.TRADITIONAL)  # 組織生活會, found as 生活会
    store.add_document(
        make_doc("/s/copy", texts.FLOOD),
        source_id=store.ensure_source("/s"),
        raw_hash="c",
        duplicate_of=flood,
    )
    assert [d.id for d in store.digest_documents(7)] == [party, flood, life]  # no duplicate
    assert [d.id for d in store.digest_documents(7, keywords=("生活会",))] == [party, life]
    assert [d.id for d in store.digest_documents(7, keywords=("汛期", "民主"))] == [flood, life]
    store.mark_sent(7, [life])
    assert [d.id for d in store.digest_documents(7, keywords=("生活会",))] == [party]
    both = store.digest_documents(7, keywords=("生活会",), unseen=False)
    assert [d.id for d in both] == [party, life]  # sent ones too, when asked
    later = datetime.now(UTC) + timedelta(hours=1)
    assert store.digest_documents(7, since=later, unseen=False) == []
    assert store.digest_documents(7, keywords=("。,",)) == []  # nothing to search: no match
    assert store.digest_documents(7, keywords=("量子",)) == []


def test_keywords_match_literally(store: Store) -> None:
    _add(store, "/s/a", texts.SCHOOL)
    assert store.unseen_documents(1, keywords=("%",)) == []
    assert store.unseen_documents(1, keywords=("_",)) == []


def test_new_documents_since(store: Store) -> None:
    first = _add(store, "/s/a", texts.FLOOD)
    second = _add(store, "/s/b", texts.FARM)
    third = _add(store, "/s/c", texts.SCHOOL)
    assert [d.id for d in store.new_documents_since(first)] == [second, third]
    assert store.new_documents_since(third) == []
    assert [d.document.path for d in store.new_documents_since(0)] == ["/s/a", "/s/b", "/s/c"]


def test_trending_counts_recent_keywords(store: Store) -> None:
    today = datetime.now(UTC).date().isoformat()
    _add(store, "/s/a", texts.FLOOD, keywords=("防汛", "堤防"), date=today)
    _add(store, "/s/b", texts.FARM, keywords=("防汛", "葡萄"), date=today)
    _add(store, "/s/c", texts.SCHOOL, keywords=("校园", "防汛", "葡萄"), date=today)
    assert store.trending(limit=2) == [("防汛", 3), ("葡萄", 2)]
    assert store.trending(now=datetime.now(UTC) + timedelta(days=8)) == []
