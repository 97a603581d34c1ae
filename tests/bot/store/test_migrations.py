"""Opening the store creates or upgrades the schema; reopening is safe and keeps data."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from bot.store import open_store
from bot.store.engine import make_engine
from tests.bot.store import texts
from tests.bot.store.conftest import make_doc

TABLES = {
    "sources",
    "documents",
    "term_frequencies",
    "meta",
    "chats",
    "subscriptions",
    "deliveries",
    "alembic_version",
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
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "0001"
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
