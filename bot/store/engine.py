"""Engines for both backends and the migrations applied when the store opens."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from bot.store.locks import hold_in_transaction

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
WRITE = {"sqlite_begin": "BEGIN IMMEDIATE"}  # execution options of the writing engine


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)  # Chinese stays readable in the database


def make_engine(database_url: str) -> Engine:
    """An engine for `database_url`; SQLite gets its folder, WAL and foreign keys."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, json_serializer=_json)
    if url.database and url.database != ":memory:" and not url.database.startswith("file:"):
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url, json_serializer=_json, connect_args={"check_same_thread": False, "timeout": 30}
    )
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    """Let SQLAlchemy, not pysqlite, decide where transactions begin (DDL included)."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")  # WAL keeps committed data safe from kill -9
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    """BEGIN IMMEDIATE for writers, so two writers queue instead of failing on upgrade."""
    connection.exec_driver_sql(connection.get_execution_options().get("sqlite_begin", "BEGIN"))


def migrate(engine: Engine) -> None:
    """Upgrade the schema to the newest revision; a no-op when it is there already.

    Under a lock, so any number of processes may start at once on a fresh or an old
    database: the first upgrades, the others wait for it and then find nothing to do.
    """
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.execution_options(**WRITE).begin() as connection:
        hold_in_transaction(connection, "migrate")
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


__all__ = ["WRITE", "make_engine", "migrate"]
