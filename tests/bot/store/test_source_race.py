"""Two workers that meet one new source at once: the later one takes the row the other
committed between its look and its insert, instead of failing on the unique location.
PostgreSQL only: SQLite's writer lock lets no other writer in between."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import event

from bot.store import Store, open_store
from bot.store.engine import make_engine, migrate

LOCATION = "https://race.example/feed.xml"

pytestmark = pytest.mark.postgres


@pytest.fixture
def rival(pg_url: str) -> Iterator[Store]:
    """The other worker, on its own connections; it also creates the tables."""
    opened = open_store(pg_url)
    yield opened
    opened.close()


@pytest.fixture
def racing(pg_url: str, rival: Store) -> Iterator[Store]:
    """A store whose first look at `sources` is followed at once by the rival adding LOCATION,
    committed before this store's transaction goes on: the interleaving of the race."""
    engine = make_engine(pg_url)
    migrate(engine)
    fired: list[int] = []

    def rival_adds_after_look(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        if not fired and statement.lstrip().upper().startswith("SELECT") and "sources" in statement:
            fired.append(rival.add_source(LOCATION, shape="feed")[0])

    event.listen(engine, "after_cursor_execute", rival_adds_after_look)
    opened = Store(engine)
    yield opened
    assert fired, "the rival never added the source: the race was not staged"
    opened.close()


ADDERS = {
    "add_source": lambda store: store.add_source(LOCATION)[0],
    "ensure_source": lambda store: store.ensure_source(LOCATION),
}


@pytest.mark.parametrize("adding", ADDERS.values(), ids=ADDERS.keys())
def test_the_later_worker_reads_the_rivals_row(
    racing: Store, rival: Store, adding: Callable[[Store], int]
) -> None:
    source_id = adding(racing)
    rows = [row for row in rival.sources() if row.location == LOCATION]
    assert [row.id for row in rows] == [source_id]


def test_add_source_after_the_race_says_the_source_was_there(racing: Store) -> None:
    _, new = racing.add_source(LOCATION)
    assert new is False
