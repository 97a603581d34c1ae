"""The contract suite's backends: SQLite always, PostgreSQL when a server answers."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from functools import cache

import pytest

from bot.store import Store, open_store
from bot.store.duplicates import Probe
from digests.dedupe import content_hash, simhash
from digests.model import Document, MeetingFacts
from digests.script import to_simplified
from digests.segment import tokenize

PG_URLS = (
    "postgresql+psycopg://postgres@127.0.0.1:5432/test",
    "postgresql+psycopg://root@127.0.0.1:5432/test",
)


@cache
def postgres_url() -> str | None:
    """The first PostgreSQL URL that accepts a connection, else None."""
    try:
        import psycopg
    except ImportError:
        return None
    for url in PG_URLS:
        try:
            psycopg.connect(url.replace("+psycopg", ""), connect_timeout=3).close()
        except psycopg.Error:
            continue
        return url
    return None


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A URL whose tables live in a fresh schema, dropped afterwards."""
    url = postgres_url()
    if url is None:
        pytest.skip("no PostgreSQL server reachable at 127.0.0.1:5432 (database test)")
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    plain = url.replace("+psycopg", "")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield f"{url}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path) -> str:
    """A fresh, empty database of each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'db' / 'store.db'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    opened = open_store(database_url)
    yield opened
    opened.close()


def make_doc(
    path: str,
    text: str,
    *,
    title: str = "会议报道",
    date: str | None = "2024-03-01",
    source: str | None = "市委宣传部",
    keywords: tuple[str, ...] = (),
) -> Document:
    """A Document built by hand, with real hashes and tokens of its text."""
    simplified = to_simplified(text)
    return Document(
        path=path,
        title=title,
        date=date,
        source=source,
        meeting=MeetingFacts(name="民主生活会", chair="王明", attendees=("李华", "张强")),
        keywords=keywords,
        highlights=(text.split("。")[0] + "。",),
        text=text,
        simplified=simplified,
        content_hash=content_hash(simplified),
        simhash=simhash(simplified),
        tokens=tuple(tokenize(simplified)),
    )


def probe(doc: Document, flips: int = 0) -> Probe:
    """`doc`'s text under another content hash, its SimHash with the bits of `flips` flipped:
    the near (not exact) path of the duplicate search."""
    return Probe("f" * 64, doc.simhash ^ flips, doc.simplified)
