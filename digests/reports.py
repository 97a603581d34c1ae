"""One meeting, several reports: write-ups of the same meeting by different outlets.

Reposts (the same text elsewhere) are `dedupe`'s business and never reach this step; here
each report has its own text, so text overlap says nothing. The evidence is the meeting
itself: the same name (one outlet may spell it in fuller form than another), the same day
(a day apart when one dates the meeting and the other its publication), and no place that
contradicts. The best report (most facts, then most text) keeps its card; the others are
named under it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from digests.model import Document
from digests.script import to_simplified

MIN_NAME = 6  # characters of a meeting name that identify a meeting (not 座谈会)
DAYS_APART = 1


@dataclass(frozen=True, slots=True)
class Coverage:
    """The reports of one meeting: the one shown, and the others."""

    best: Document
    others: tuple[Document, ...] = ()


def _key(text: str | None) -> str:
    return "".join(ch for ch in to_simplified(text or "") if ch.isalnum())


def _days(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


def same_meeting(a: Document, b: Document) -> bool:
    """Whether two documents report one meeting: name, date and place agree."""
    name_a, name_b = _key(a.meeting.name), _key(b.meeting.name)
    if min(len(name_a), len(name_b)) < MIN_NAME or not (name_a in name_b or name_b in name_a):
        return False
    days = _days(a.date, b.date)
    if days is None or days > DAYS_APART:
        return False
    place_a, place_b = _key(a.meeting.place), _key(b.meeting.place)
    return not (place_a and place_b and place_a not in place_b and place_b not in place_a)


def _richness(document: Document) -> tuple[int, int]:
    meeting = document.meeting
    facts = [meeting.name, meeting.place, meeting.chair, *meeting.attendees, *meeting.speakers]
    return sum(1 for fact in facts if fact) + len(document.highlights), len(document.text)


def group_reports(documents: Sequence[Document]) -> list[Coverage]:
    """The documents as coverages, in order of each meeting's first report."""
    groups: list[list[Document]] = []
    for document in documents:
        home = next((g for g in groups if any(same_meeting(document, d) for d in g)), None)
        if home is None:
            groups.append([document])
        else:
            home.append(document)
    out = []
    for group in groups:
        best = max(group, key=_richness)
        out.append(Coverage(best, tuple(d for d in group if d is not best)))
    return out


def outlet(document: Document) -> str:
    """How a report is named under the best one's card: its source, else its address."""
    return document.source or document.path.rsplit("/", 1)[-1] or document.path


__all__ = ["Coverage", "group_reports", "outlet", "same_meeting"]
