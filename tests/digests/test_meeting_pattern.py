"""The lookahead of the meeting-word pattern (`meeting_words.MEETING`) for its opening
characters is a speed-up only: it must find exactly what the pattern finds without it."""

from __future__ import annotations

import re
from pathlib import Path

from digests import meeting_words
from digests.script import to_simplified

ROOT = Path(__file__).resolve().parents[2]


def _texts() -> list[str]:
    """The seeds and every fixture sentence of the meeting tests, in simplified script (the
    form the pattern reads): hundreds of meeting words in their sentences."""
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    files = [*seeds, *sorted(Path(__file__).parent.glob("test_*.py"))]
    return [to_simplified(path.read_text(encoding="utf-8")) for path in files]


def test_the_lookahead_drops_no_meeting_word() -> None:
    lookahead = f"(?=[{re.escape(meeting_words.OPENERS)}])"
    assert meeting_words.MEETING.pattern.startswith(lookahead)
    plain = re.compile(meeting_words.MEETING.pattern.removeprefix(lookahead))
    found = 0
    for text in _texts():
        spans = [m.span() for m in meeting_words.MEETING.finditer(text)]
        assert spans == [m.span() for m in plain.finditer(text)]
        found += len(spans)
    assert found > 1000  # the texts hold meeting words enough for the comparison to mean something


def test_the_opening_bracket_of_an_enlarged_meeting_is_an_opener() -> None:
    assert meeting_words.MEETING.search("党组（扩大）会议").group() == "（扩大）会议"
    assert meeting_words.MEETING.search("党组(扩大)会议").group() == "(扩大)会议"
