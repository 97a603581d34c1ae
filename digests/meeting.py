"""Meeting facts: which meeting, where, and (through `people`) who chaired, attended, spoke.

Patterns run on the simplified text; values are sliced from the original text at the same
offsets (t2s keeps a line's length), so a traditional page keeps its traditional names.

The name is the most specific one the text gives: organisation, session and number, and
kind (`县十七届人大常委会第二十三次主任会议`), joined across `召开`/`举行` when a sessioned body
holds a numbered meeting, compound names (`…暨…`, `…会议、…会议`) kept whole, a dateline
(`本报讯`, `…电`) never part of it, and a generic phrase (`此次会议`, `一次十分重要的会议`)
never one.

The reading is split by step: `meeting_spans` finds the meeting phrases and marks the held
ones, `meeting_walk` finds where a name starts, `meeting_join` joins a numbered meeting with
the body that holds it, `meeting_first` picks the meeting the text reports, `meeting_name`
reconciles the headline's with the body's, and `meeting_text` writes the name out.
"""

from __future__ import annotations

import re
from collections import Counter

from digests.meeting_first import find_meeting_name
from digests.meeting_name import meeting_name
from digests.meeting_words import CAP
from digests.model import MeetingFacts, Person
from digests.people import extract_people
from digests.place import find_place
from digests.script import is_cjk


def extract_meeting(
    text: str, simplified: str, simplified_title: str, title: str | None = None
) -> MeetingFacts:
    """The meeting's facts, each as written in `text` (or `simplified` if lengths differ)."""
    if title is not None and len(title) == len(simplified_title) and _runs_on(simplified_title):
        text, simplified = title + text, simplified_title + simplified
    source = text if len(text) == len(simplified) else simplified
    source, simplified = _unwrapped(source, simplified)
    people = extract_people(source, simplified)
    chair = people.chair or _title_chair(title, simplified_title)
    return MeetingFacts(
        name=meeting_name(source, simplified, simplified_title, title),
        place=find_place(source, simplified) or _title_place(title, simplified_title),
        chair="、".join(p.name for p in chair) or None,
        attendees=tuple(p.name for p in people.attendees),
        speakers=tuple(p.name for p in people.speakers),
        roles=people.roles,
    )


def _title_chair(title: str | None, simplified_title: str) -> tuple[Person, ...]:
    """Who chaired, from the headline when the body never names them by the verb
    (`某某在政總主持…座談會` over `某某在社交專頁表示，今天在政府總部主持…`)."""
    if not simplified_title:
        return ()
    return extract_people(_title_source(title, simplified_title), simplified_title).chair


def _title_place(title: str | None, simplified_title: str) -> str | None:
    """Where it was held, from the headline when the body never says (`…会议在京召开` over
    a body that opens with what was said there)."""
    if not simplified_title:
        return None
    return find_place(_title_source(title, simplified_title), simplified_title)


def _title_source(title: str | None, simplified_title: str) -> str:
    """The headline as the page writes it, when its offsets are the simplified one's."""
    return title if title is not None and len(title) == len(simplified_title) else simplified_title


# A title cut from a lede's first line, ending on its verb (`…在某会议厅召開了`): the
# sentence, and the meeting's name, run on into the body's first line.
# A headline may end on its verb too (`凝心聚力，某会议召开`); a lede opens with its day.
_RUNS_ON = re.compile(
    r"^(?:\d{2,4}年)?\d{1,2}月\d{1,2}日[^，,]{0,4}[，,].*(?:召开|举行|举办)了?$"
    r"|(?:召开|举行|举办)了$"
)


def _runs_on(title: str) -> bool:
    """Whether the title is a lede's first line that the body's first line continues."""
    return bool(_RUNS_ON.search(title))


_WRAPPED_AT = 4  # lines of one width, ending mid-sentence, that make a page hard-wrapped


def _unwrapped(source: str, s: str) -> tuple[str, str]:
    """The text with its hard line wraps undone: a page that breaks its sentences at a fixed
    width (`某鄉民代表會第七屆` / `第一次定期大會…`) splits names at the break."""
    lines = s.split("\n")
    widths = Counter(len(line) for line in lines if len(line) >= 12 and _mid_sentence(line))
    if not widths or (common := widths.most_common(1)[0])[1] < _WRAPPED_AT:
        return source, s
    width, starts, at = common[0], [], 0
    for line in lines[:-1]:
        at += len(line) + 1
        # ASCII and punctuation make a wrapped line a few characters shorter or longer
        if width - 4 <= len(line) <= width + 2 and _mid_sentence(line):
            starts.append(at - 1)  # the break after a wrapped line
    cut = set(starts)
    keep = [i for i in range(len(s)) if i not in cut]
    return "".join(source[i] for i in keep), "".join(s[i] for i in keep)


def _mid_sentence(line: str) -> bool:
    """Whether a line stops in the middle of a sentence: on a character of a word."""
    return bool(line) and is_cjk(line[-1])


__all__ = ["CAP", "extract_meeting", "find_meeting_name"]
