"""Opening the store creates or upgrades the schema; reopening is safe and keeps data."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from bot.store import Store, Topic, documents, open_store
from bot.store.engine import MIGRATIONS, make_engine
from tests.bot.store import texts
from tests.bot.store.conftest import make_doc
from tests.digests.test_dedupe import OTHER, REPORT

HEAD = "0011"
TABLES = {
    "sources",
    "documents",
    "term_frequencies",
    "meta",
    "chats",
    "subscriptions",
    "deliveries",
    "topics",
    "alembic_version",
    "band_masks",
    "rejected_pages",
    "search_queries",
}


def test_open_twice_keeps_data_and_schema(database_url: str) -> None:
    store = open_store(database_url)
    source = store.ensure_source("/s")
    store.add_document(
        make_doc("/s/a", texts.FLOOD), source_id=source, raw_hash="r", duplicate_of=None
    )
    store.close()
    again = open_store(database_url)
    try:
        assert again.stats()["documents"] == 1
        assert again.search("防汛").total == 1
        assert again.frequencies().n_docs == 1
    finally:
        again.close()
    engine = make_engine(database_url)
    with engine.connect() as conn:
        assert set(inspect(conn).get_table_names()) >= TABLES
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == HEAD
    engine.dispose()


def _upgrade(database_url: str, revision: str, *, down: bool = False) -> None:
    engine = make_engine(database_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(config, revision)
    engine.dispose()


def _at_0002_with_subscriptions(database_url: str) -> None:
    """Two chats subscribed before topics existed: one to keywords weekly, one to all news."""
    _upgrade(database_url, "0002")
    engine = make_engine(database_url)
    rows = [
        (-100, '["政协", "统战"]', "weekly", "18:30", 4, "Europe/London", True, "traditional"),
        (7, "[]", "instant", "08:00", None, "Asia/Shanghai", False, "original"),
    ]
    with engine.begin() as conn:
        for chat, keywords, schedule, at, weekday, zone, paused, script in rows:
            conn.execute(
                text("INSERT INTO chats (id, kind, updated_at) VALUES (:id, 'x', :now)"),
                {"id": chat, "now": datetime(2024, 1, 1)},
            )
            conn.execute(
                text(
                    "INSERT INTO subscriptions (chat_id, keywords, schedule, at, weekday,"
                    " timezone, paused, script, thread_id, active, language, last_digest_at)"
                    " VALUES (:chat, :keywords, :schedule, :at, :weekday, :zone, :paused,"
                    " :script, NULL, :active, 'zh', :last)"
                ),
                {
                    "chat": chat,
                    "keywords": keywords,
                    "schedule": schedule,
                    "at": at,
                    "weekday": weekday,
                    "zone": zone,
                    "paused": paused,
                    "script": script,
                    "active": True,
                    "last": datetime(2024, 6, 1, 12),
                },
            )
    engine.dispose()


def test_subscriptions_move_to_their_main_topic_and_back(database_url: str) -> None:
    _at_0002_with_subscriptions(database_url)
    store = open_store(database_url)
    try:
        sub = store.subscription(-100)
        assert sub is not None and sub.paused and sub.script == "traditional"
        assert sub.timezone == "Europe/London"
        (main,) = store.topics(-100)
        assert main.is_main and main.keywords == ("政协", "统战") and not main.paused
        assert (main.schedule, main.at, main.weekday) == ("weekly", time(18, 30), 4)
        assert main.last_digest_at == datetime(2024, 6, 1, 12, tzinfo=UTC)
        (other,) = store.topics(7)
        assert other.schedule == "instant" and other.keywords == ()
        store.save_topic(Topic(chat_id=7, name="纪委", keywords=("纪律",)))
    finally:
        store.close()
    _upgrade(database_url, "0002", down=True)  # and back: the main topic's values return
    engine = make_engine(database_url)
    with engine.connect() as conn:
        row = conn.execute(text("SELECT * FROM subscriptions WHERE chat_id = -100")).one()
        assert (row.schedule, row.at, row.weekday) == ("weekly", "18:30", 4)
        assert "topics" not in inspect(conn).get_table_names()
    engine.dispose()


def _at_0001(database_url: str) -> None:
    """A database at revision 0001 holding an original, a copy of it and another original."""
    engine = make_engine(database_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        source = conn.execute(
            text(
                "INSERT INTO sources (location, kind, failures) VALUES ('/s', 'folder', 0)"
                " RETURNING id"
            )
        ).scalar_one()
        first, _ = documents.insert(
            conn, make_doc("/s/a", texts.FLOOD), source_id=source, raw_hash="a", duplicate_of=None
        )
        documents.insert(
            conn, make_doc("/s/b", texts.FLOOD), source_id=source, raw_hash="b", duplicate_of=first
        )
        documents.insert(
            conn, make_doc("/s/c", texts.FARM), source_id=source, raw_hash="c", duplicate_of=None
        )
    engine.dispose()


def test_a_0001_database_upgrades_and_its_search_still_works(database_url: str) -> None:
    _at_0001(database_url)
    store = open_store(database_url)  # upgrades past 0002: the index is built again
    try:
        assert store.stats()["documents"] == 3
        assert [h.location for h in store.search("防汛").hits] == ["/s/a"]  # not the copy
        assert [h.location for h in store.search("莓").hits] == ["/s/c"]  # the prefix index
        assert store.search("汛", source="市委宣传部").total == 1
    finally:
        store.close()
    engine = make_engine(database_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == HEAD
        assert "ix_documents_publisher" in {
            i["name"] for i in inspect(conn).get_indexes("documents")
        }
    engine.dispose()


def test_sqlite_creates_its_folder_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "bot.db"
    store = open_store(f"sqlite:///{path}")
    store.close()
    assert path.is_file()
    engine = make_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
    engine.dispose()


def test_foreign_keys_are_enforced(store) -> None:
    with pytest.raises(IntegrityError, match=r"(?i)foreign key"):
        store.add_document(
            make_doc("/s/a", texts.FLOOD), source_id=999, raw_hash="r", duplicate_of=None
        )
    assert store.stats()["documents"] == 0


def _at_0006_with_a_wrong_link(database_url: str) -> dict[str, int]:
    """A 0006 store the old rule filled: OTHER stored as a copy of REPORT (their SimHashes
    collide, their text shares nothing), a true copy of REPORT, an exact copy of OTHER made
    a copy of REPORT too, and FARM's copy linked to REPORT."""
    _upgrade(database_url, "0006")
    report = make_doc("/s/report", REPORT)
    collide = report.simhash
    rows = [
        ("report", report, None),
        ("other", replace(make_doc("/s/other", OTHER), simhash=collide), "report"),
        ("copy", make_doc("/s/copy", REPORT.replace("务实管用", "切实可行")), "report"),
        ("farm", make_doc("/s/farm", texts.FARM), None),
        ("other2", replace(make_doc("/s/other2", OTHER), simhash=collide), "report"),
        (
            "farm2",
            replace(make_doc("/s/farm2", texts.FARM + "。"), simhash=report.simhash),
            "report",
        ),
    ]
    engine = make_engine(database_url)
    ids: dict[str, int] = {}
    with engine.begin() as conn:
        source = conn.execute(
            text("INSERT INTO sources (location, kind, failures) VALUES ('/s', 'folder', 0)"
                 " RETURNING id")
        ).scalar_one()  # fmt: skip
        for name, doc, linked in rows:
            original = None if linked is None else ids[linked]
            ids[name], delta = documents.insert(
                conn, doc, source_id=source, raw_hash=name, duplicate_of=original
            )
            documents.count_terms(conn, delta)
        old = {"now": datetime(2024, 1, 1)}  # stored long ago: no push is due for them
        conn.execute(text("UPDATE documents SET first_seen = :now"), old)
        conn.execute(text("INSERT INTO chats (id, kind, updated_at) VALUES (5, 'x', :now)"), old)
    engine.dispose()
    return ids


def test_0007_restores_the_stories_the_old_rule_merged(database_url: str) -> None:
    ids = _at_0006_with_a_wrong_link(database_url)
    store = open_store(database_url)
    try:
        before = datetime.now(UTC)
        links = {name: store.document(doc_id).duplicate_of for name, doc_id in ids.items()}
        assert links == {
            "report": None,
            "other": None,  # restored
            "copy": ids["report"],  # a true repost: kept
            "farm": None,
            "other2": ids["other"],  # an exact copy of the restored story: moved to it
            "farm2": ids["farm"],  # a copy of another original: moved to it
        }
        assert [h.location for h in store.search("民主生活会").hits] == ["/s/other"]
        assert store.frequencies().n_docs == 3
        assert store.frequencies().df("民主生活会") == 1
        unseen = store.unseen_documents(5)
        assert {d.id for d in unseen} == {ids["report"], ids["other"], ids["farm"]}
        restored = store.document(ids["other"])
        assert restored is not None and restored.first_seen <= before  # instant pushes see it
        pushed = store.unseen_documents(5, since=before - timedelta(minutes=5))
        assert [d.id for d in pushed] == [ids["other"]]
    finally:
        store.close()
    _upgrade(database_url, "0006", down=True)
    engine = make_engine(database_url)
    with engine.connect() as conn:
        assert "band_masks" not in inspect(conn).get_table_names()
    engine.dispose()


def test_0011_gives_stored_documents_their_buckets(pg_url: str) -> None:
    store = open_store(pg_url)
    source = store.ensure_source("/s")
    store.add_document(
        make_doc("/a", texts.FARM), source_id=source, raw_hash="a", duplicate_of=None
    )
    store.close()
    _upgrade(pg_url, "0010", down=True)  # as a store indexed before 0011 holds it
    old = Store(make_engine(pg_url))
    assert old.search("草莓").total == 0  # the newest-first scan finds no bucket to read
    old.close()
    reopened = open_store(pg_url)
    assert reopened.search("草莓").total == 1
    reopened.close()
