"""The store's document frequencies, cached in memory and kept in step with the table."""

from __future__ import annotations

import threading
from collections import Counter

from sqlalchemy import Connection, select

from bot.store.documents import Delta
from bot.store.schema import meta, term_frequencies
from digests.keywords import DocumentFrequencies


def _version(conn: Connection) -> int:
    return int(conn.execute(select(meta.c.value).where(meta.c.key == "df_version")).scalar_one())


class FrequencyCache:
    """One in-memory copy per store: reloaded only when another process changed the table."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version = -1
        self._value = DocumentFrequencies()

    def current(self, conn: Connection) -> DocumentFrequencies:
        """The frequencies as of now; the cached object itself, to be read, not changed."""
        version = _version(conn)
        with self._lock:
            if version != self._version:
                self._value = self._load(conn)
                self._version = version
            return self._value

    @staticmethod
    def _load(conn: Connection) -> DocumentFrequencies:
        n_docs = conn.execute(select(meta.c.value).where(meta.c.key == "n_docs")).scalar_one()
        rows = conn.execute(select(term_frequencies.c.term, term_frequencies.c.df))
        counts = Counter({term: df for term, df in rows})
        return DocumentFrequencies(int(n_docs), counts)

    def applied(self, version: int, delta: Delta) -> None:
        """Apply our own committed write, unless the cache missed another one (then reload)."""
        with self._lock:
            if version != self._version + 1:
                self._version = -1
                return
            self._version = version
            value = self._value
            if delta.removed is not None:
                value.n_docs -= 1
                value.counts.subtract(delta.removed)
                for term in delta.removed:
                    if value.counts[term] <= 0:
                        del value.counts[term]
            if delta.added is not None:
                value.n_docs += 1
                value.counts.update(delta.added)


__all__ = ["FrequencyCache"]
