"""A feed's entries are looked up in one query, on every backend."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import event

from bot.store import Store
from bot.store.store import LOOKUP_CHUNK
from tests.bot.store import texts
from tests.bot.store.conftest import make_doc


@pytest.fixture
def statements(store: Store) -> Iterator[list[str]]:
    """Every SQL statement the store's engine runs from here on."""
    ran: list[str] = []

    def record(conn: object, cursor: object, statement: str, *args: object) -> None:
        ran.append(statement)

    engine = store._engine
    event.listen(engine, "before_cursor_execute", record)
    yield ran
    event.remove(engine, "before_cursor_execute", record)


def test_ten_thousand_links_are_one_query(store: Store, statements: list[str]) -> None:
    source = store.ensure_source("https://example.org/rss")
    stored = "https://example.org/a/1.html"
    store.add_document(
        make_doc(stored, texts.FLOOD), source_id=source, raw_hash="h", duplicate_of=None
    )
    links = [f"https://example.org/a/{n}.html" for n in range(10_000)]
    statements.clear()
    assert store.stored_locations(links) == {stored}
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 1


def test_more_links_than_a_chunk_are_a_query_per_chunk(store: Store, statements: list[str]) -> None:
    links = [f"https://example.org/a/{n}.html" for n in range(LOOKUP_CHUNK + 1)]
    assert store.stored_locations(links) == set()
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 2


def test_no_links_no_query(store: Store, statements: list[str]) -> None:
    assert store.stored_locations([]) == set()
    assert statements == []
