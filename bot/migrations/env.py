"""Alembic environment: run with the connection `bot.store.engine.migrate` hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from bot.store.schema import metadata

config = context.config


def run_migrations_online() -> None:
    """Upgrade on the given connection (the store's), or on a URL when run by hand."""
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=metadata)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.begin() as conn:
        context.configure(connection=conn, target_metadata=metadata)
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
