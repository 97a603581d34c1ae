"""A batch of documents as a digest: the period, the batch's keywords, documents grouped.

Grouping rule, chosen to read well with 5 documents and with 500:
- the batch's *shared* keywords are those at least two documents carry, ranked by how many
  documents carry them; the first `MAX_GROUPS` of them may head a group;
- a document joins the group of its first keyword among those, looking only at its
  `DOMINANT` leading keywords (a shared tenth keyword says little about the story);
- a document sharing none heads a group with its own first keyword while there is room
  (small batches: each story its own topic), else it goes to the "other" group
  (large batches: no wall of one-document groups).
Groups are ordered by size, then by first appearance; the "other" group comes last.
Several reports of one meeting (`reports.group_reports`) are one card: the best report's,
the others named under it (`Digest.others`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from digests.model import Document
from digests.reports import group_reports

MAX_GROUPS = 10
DOMINANT = 3


@dataclass(frozen=True, slots=True)
class Group:
    """Documents filed under one keyword; `keyword` None is the "other" group."""

    keyword: str | None
    documents: tuple[Document, ...]


@dataclass(frozen=True, slots=True)
class Digest:
    """What a digest message says: when, how many, about what, and the documents."""

    period: str  # "2023-04-19 – 2024-10-29", one date, or "" when no document is dated
    count: int
    keywords: tuple[str, ...]  # the batch's top keywords, simplified
    groups: tuple[Group, ...]
    also: tuple[
        tuple[str, tuple[Document, ...]], ...
    ] = ()  # a card's path, its meeting's other reports

    @property
    def documents(self) -> tuple[Document, ...]:
        """Every document shown as a card, group by group."""
        return tuple(doc for group in self.groups for doc in group.documents)

    def others(self, document: Document) -> tuple[Document, ...]:
        """The other reports of the meeting that `document`'s card reports."""
        return dict(self.also).get(document.path, ())


def period_label(period: tuple[str, str] | None, documents: Sequence[Document]) -> str:
    """The given period, else the documents' earliest to latest date."""
    if period is None:
        dates = sorted(doc.date for doc in documents if doc.date)
        if not dates:
            return ""
        period = (dates[0], dates[-1])
    start, end = period
    return start if start == end else f"{start} – {end}"


def shared_keywords(documents: Sequence[Document]) -> list[str]:
    """Keywords carried by two documents or more, most widely carried first.

    Ties go to the keyword ranked higher inside the documents (summed rank), then to
    the one seen first, so the order never depends on set iteration.
    """
    spread: Counter[str] = Counter()
    rank: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for doc in documents:
        for position, keyword in enumerate(dict.fromkeys(doc.keywords)):
            spread[keyword] += 1
            rank[keyword] += position
            first_seen.setdefault(keyword, len(first_seen))
    shared = [k for k, n in spread.items() if n >= 2]
    return sorted(shared, key=lambda k: (-spread[k], rank[k], first_seen[k]))


def top_keywords(documents: Sequence[Document], top: int) -> tuple[str, ...]:
    """The batch's `top` keywords: shared ones first, then the documents' leading ones."""
    leading = (doc.keywords[0] for doc in documents if doc.keywords)
    return tuple(dict.fromkeys([*shared_keywords(documents), *leading]))[: max(top, 0)]


def _file(documents: Sequence[Document]) -> dict[str | None, list[Document]]:
    """Each document under its group's keyword; shared keywords are filed first."""
    headings = shared_keywords(documents)[:MAX_GROUPS]
    keys = [next((k for k in doc.keywords[:DOMINANT] if k in headings), None) for doc in documents]
    room = MAX_GROUPS - len(set(keys) - {None})
    for i, doc in enumerate(documents):
        own = doc.keywords[0] if doc.keywords and keys[i] is None else None
        if own is not None and (own in keys or room > 0):
            room -= own not in keys
            keys[i] = own
    groups: dict[str | None, list[Document]] = {}
    for key, doc in zip(keys, documents, strict=True):
        groups.setdefault(key, []).append(doc)
    return groups


def _newest_first(documents: Sequence[Document]) -> tuple[Document, ...]:
    """Dated documents newest first, undated ones after, otherwise in batch order."""
    return tuple(sorted(documents, key=lambda doc: doc.date or "", reverse=True))


def build_digest(
    documents: Sequence[Document], period: tuple[str, str] | None = None, top: int = 5
) -> Digest:
    """Group a batch for display; duplicates are left out."""
    kept = [doc for doc in documents if doc.duplicate_of is None]
    coverages = group_reports(kept)
    cards = [coverage.best for coverage in coverages]
    filed = _file(cards)
    order = sorted(filed, key=lambda k: (k is None, -len(filed[k])))  # stable: first met
    return Digest(
        period=period_label(period, kept),
        count=len(kept),
        keywords=top_keywords(kept, top),
        groups=tuple(Group(key, _newest_first(filed[key])) for key in order),
        also=tuple((c.best.path, c.others) for c in coverages if c.others),
    )


__all__ = [
    "DOMINANT",
    "MAX_GROUPS",
    "Digest",
    "Group",
    "build_digest",
    "period_label",
    "top_keywords",
]
