"""Duplicates: one rule, the engine's, for every `duplicate_of` link, old ones included.

The store used to call a page a repost when its SimHash was within 14 bits of an original's
through one of four exact 16-bit bands; different stories of one genre come that close by
chance and vanished (stored as copies: never indexed, counted or delivered). From here the
store asks `digests.dedupe.is_repost` (the SimHash *and* the shingles), and finds every
original within the threshold through the same four bands, each looked up at every value
within 3 bits of the query's: the 697 masks of `band_masks`. The band indexes now cover
the signature and the link, so on SQLite a candidate costs no row read.

Every existing link is checked again with the rule (`bot.store.duplicates.recheck`): a copy
of some other original is linked to that one, a story that copies none is restored as an
original (indexed, its words counted, deliverable as first seen now). Downgrading drops the
masks table and keeps the restored documents (merging different stories again would only
lose them again).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from bot.store.duplicates import recheck
from digests.dedupe import BANDS, band_masks

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

log = logging.getLogger(__name__)


def _band_indexes(*columns: str) -> None:
    """Each band's index again, over the band and `columns`."""
    for i in range(BANDS):
        op.drop_index(f"ix_documents_band{i}", "documents")
        op.create_index(f"ix_documents_band{i}", "documents", [f"band{i}", *columns])


def upgrade() -> None:
    # covering: SQLite reads a candidate's signature and link from the index alone, not
    # from its row (text and all; at 5,000 pages the row reads were half the time).
    # PostgreSQL's bitmap scan reads the rows all the same.
    _band_indexes("simhash", "duplicate_of")
    table = op.create_table(
        "band_masks", sa.Column("mask", sa.Integer, primary_key=True, autoincrement=False)
    )
    op.bulk_insert(table, [{"mask": mask} for mask in band_masks()])
    done = recheck(op.get_bind(), datetime.now(UTC))
    log.info(
        "duplicate links: %d confirmed, %d moved, %d restored as originals %s",
        done.kept,
        done.moved,
        len(done.restored),
        list(done.restored),
    )


def downgrade() -> None:
    op.drop_table("band_masks")
    _band_indexes()
