"""Topics: several named keyword sets per chat, each with its own schedule.

A subscription keeps what concerns the chat as a whole (time zone, script, forum topic,
paused, active, language); its keywords, schedule and last digest move to the chat's main
topic (name ""), so every existing chat keeps receiving exactly what it did.

Revision ID: 0004
Revises: 0002 (to be re-chained onto 0003 when both are on one branch)
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0002"
branch_labels = None
depends_on = None

MOVED = ("keywords", "schedule", "at", "weekday", "last_digest_at")


def _subscriptions() -> sa.TableClause:
    return sa.table(
        "subscriptions",
        *(sa.column(name) for name in ("chat_id", "paused", *MOVED)),
    )


def _topics() -> sa.TableClause:
    return sa.table(
        "topics",
        *(sa.column(name) for name in ("chat_id", "name", "paused", *MOVED)),
    )


def upgrade() -> None:
    op.create_table(
        "topics",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("chat_id", sa.BigInteger, sa.ForeignKey("chats.id"), nullable=False),
        sa.Column("name", sa.String(32), nullable=False),
        sa.Column("keywords", sa.JSON, nullable=False),
        sa.Column("schedule", sa.String(16), nullable=False),
        sa.Column("at", sa.String(5), nullable=False),
        sa.Column("weekday", sa.Integer),
        sa.Column("paused", sa.Boolean, nullable=False),
        sa.Column("last_digest_at", sa.DateTime()),  # naive UTC, as every other timestamp
        sa.UniqueConstraint("chat_id", "name"),
    )
    op.create_index("ix_topics_chat_id", "topics", ["chat_id"])
    subs = _subscriptions()
    main = sa.select(subs.c.chat_id, sa.literal(""), sa.false(), *(subs.c[name] for name in MOVED))
    op.execute(_topics().insert().from_select(["chat_id", "name", "paused", *MOVED], main))
    with op.batch_alter_table("subscriptions") as batch:  # SQLite: the table is rebuilt
        for name in MOVED:
            batch.drop_column(name)


def downgrade() -> None:
    with op.batch_alter_table("subscriptions") as batch:
        batch.add_column(sa.Column("keywords", sa.JSON, nullable=False, server_default="[]"))
        batch.add_column(
            sa.Column("schedule", sa.String(16), nullable=False, server_default="daily")
        )
        batch.add_column(sa.Column("at", sa.String(5), nullable=False, server_default="08:00"))
        batch.add_column(sa.Column("weekday", sa.Integer))
        batch.add_column(sa.Column("last_digest_at", sa.DateTime()))
    topics, subs = _topics(), _subscriptions()
    main = topics.c.chat_id == subs.c.chat_id, topics.c.name == ""
    kept = {  # for a chat without a main topic
        "keywords": sa.literal([], sa.JSON),
        "schedule": sa.literal("daily"),
        "at": sa.literal("08:00"),
    }
    values = {}
    for name in MOVED:
        found: sa.ColumnElement[object] = sa.select(topics.c[name]).where(*main).scalar_subquery()
        values[name] = sa.func.coalesce(found, kept[name]) if name in kept else found
    op.execute(subs.update().values(values))
    op.drop_index("ix_topics_chat_id", "topics")
    op.drop_table("topics")
