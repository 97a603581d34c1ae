"""Documents as JSON: every fact the pipeline found, for scripts and for the golden tests."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from digests.model import Document, MeetingFacts


def _people(meeting: MeetingFacts, names: tuple[str, ...]) -> list[dict[str, str | None]]:
    """Each person as `{"name": "胡勇政", "role": "市委常委、统战部部长"}`."""
    return [{"name": p.name, "role": p.role} for p in map(meeting.person, names)]


def document_json(document: Document) -> dict[str, Any]:
    """One document as a JSON-ready dict (original script; keywords simplified)."""
    meeting = document.meeting
    return {
        "path": document.path,
        "title": document.title,
        "date": document.date,
        "source": document.source,
        "meeting": {
            "name": meeting.name,
            "place": meeting.place,
            "chair": _people(meeting, meeting.chairs),
            "attendees": _people(meeting, meeting.attendees),
            "speakers": _people(meeting, meeting.speakers),
        },
        "keywords": list(document.keywords),
        "highlights": list(document.highlights),
        "duplicate_of": document.duplicate_of,
        "content_hash": document.content_hash,
        "simhash": document.simhash,
        "text": document.text,
    }


def render_json(documents: Sequence[Document]) -> str:
    """`{"documents": [...]}`, Chinese kept as characters, indented for reading."""
    payload = {"documents": [document_json(doc) for doc in documents]}
    return json.dumps(payload, ensure_ascii=False, indent=2)


__all__ = ["document_json", "render_json"]
