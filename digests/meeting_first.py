"""The first meeting a text reports: held rather than cited or previewed, and the one a
later study meeting studies when the first is only its background."""

from __future__ import annotations

import re

from digests.meeting_join import joined
from digests.meeting_spans import (
    RECALLED,
    compound_end,
    compound_follows,
    meeting_spans,
    together_end,
)
from digests.meeting_text import Name
from digests.meeting_words import (
    ABOUT,
    BODY_AT_MEETING,
    CONVENED,
    CONVENED_MEETING,
    FOLLOWS_NAME,
    GENERIC,
    MEETING,
    ORG_END,
    SESSION,
    SITTING_COMMITTEE,
)


def find_meeting_name(s: str) -> tuple[int, int] | None:
    """The span of the first meeting said to be held or attended in `s`, in full."""
    name = first_named(s)
    return (name[0][0], name[-1][1]) if name else None


def first_named(s: str, numbered: bool = False, mentioned: bool = True) -> Name | None:
    """The first meeting held; else (`numbered`) the first numbered one that a clause is
    about (`第4次定期大会26日进入…`): a cited one is `…会议精神`, an organ `…大会新闻中心`;
    else a committee convened (`法院召开审判委员会`); else (`mentioned`) the first numbered one
    at all, the session a report is about."""
    fallback = future = session = None
    for start, end, named in meeting_spans(s):
        if named and fallback and same_unnumbered(s[fallback[0] : fallback[1]], s[start:end]):
            break  # `某议会第四届第七次定期会从昨日起…`, then `某议会定期会于昨日…`: the same
        if named and future is None and _ahead(s, end):
            future = (start, end)  # `某会议将于8日开幕，为做好…召开了安保工作会议`
            continue
        if named and future and start < compound_end(s, future[1]):
            continue  # the previewed compound's second meeting (`…会议和…会议将于8日开幕`)
        if named:
            start, end = _studied_later(s, start, end)
            return joined(s, start, together_end(s, end))
        if RECALLED.search(s, max(0, start - 14), start):
            continue  # `在上月舉行的某會議第六次會議上`: background, not the session reported
        if numbered and fallback is None and SESSION.search(s, start, end):
            fallback = (start, end) if ABOUT.match(s, end) else None
            session = session or (start, end)
    if future:
        return joined(s, future[0], compound_end(s, future[1]))
    if fallback:
        return joined(s, fallback[0], compound_end(s, fallback[1]))
    for convened in CONVENED.finditer(s) if numbered else ():  # `法院召开审判委员会`
        if s.rfind("《", 0, convened.start()) <= s.rfind("》", 0, convened.start()):
            return (convened.span(1),)
    for convened in CONVENED_MEETING.finditer(s) if numbered else ():
        if not GENERIC.search(convened[1]):  # (`召开3场座谈会`: how many)
            return (convened.span(1),)  # `召开整域推进乡村振兴战略上劲会。`: a kind not listed
    if numbered and (sitting := SITTING_COMMITTEE.search(s)) is not None:
        return (sitting.span(1),)
    if numbered and (at := BODY_AT_MEETING.search(s)) is not None:
        return at.span(1), at.span(2)
    if session and mentioned:  # `某縣議會第二十屆第六次定期會縣政總質詢議程昨日結束`
        return joined(s, session[0], compound_end(s, session[1]))
    return None


def _studied_later(s: str, start: int, end: int) -> tuple[int, int]:
    """The meeting held later that studies the one at `start` (`某大会…闭幕`, then `召开学习
    贯彻某大会精神座谈会`): the page reports the study, the first is its background."""
    cited = re.compile(re.escape(s[start:end]) + r"(?:会议)?精神")
    if not cited.search(s, end):
        return start, end  # cited nowhere later: the usual page, spared a second reading
    for later_start, later_end, held in meeting_spans(s[end:]):
        if held and cited.search(s, end + later_start, end + later_end):
            return end + later_start, end + later_end
    return start, end


def _ahead(s: str, end: int) -> bool:
    """Whether the meeting ending at `end` is still to be held (`…会议将于元月8日开幕`): a
    meeting held in the same paragraph is then the one the page reports."""
    if not previewed(s, end):
        return False
    paragraph = s.find("\n", end)
    return bool(_HELD_AFTER.search(s, end, paragraph if paragraph >= 0 else len(s)))


# A meeting held, later in a paragraph that previews another: `召开了…会议`.
_HELD_AFTER = re.compile(r"(?:召开|举行)了")


def same_unnumbered(numbered: str, name: str) -> bool:
    """Whether `name` is the numbered meeting written again without its number (its
    characters, in order, are the numbered name's, and it ends with the same meeting word),
    or without the body that opened it."""
    body = numbered[: len(numbered) - len(name)]
    if numbered.endswith(name) and SESSION.search(name) and ORG_END.search(body):
        return True  # `某鄉代表會第七屆第五次定期大會…`, then `召開第七屆第五次定期大會`
    if (
        not SESSION.search(numbered)
        or SESSION.search(name)
        or meeting_kind(numbered) != meeting_kind(name)
    ):
        return False
    rest = iter(numbered)
    return all(char in rest for char in name)


def meeting_kind(name: str) -> str:
    """The last character of the meeting word a name ends with (座谈会, 大会 → 会)."""
    kinds = list(MEETING.finditer(name))
    return kinds[-1].group()[-1] if kinds else ""


def previewed(s: str, end: int) -> bool:
    """Whether the meeting ending at `end` is said to be held later (`…大會將於8月29日召開`)."""
    follows = FOLLOWS_NAME.match(s, end) or compound_follows(s, end)
    return follows is not None and "将" in follows.group()
