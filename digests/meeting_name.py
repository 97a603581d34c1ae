"""The meeting's name from a headline and a body together: the headline's meeting as the
body spells it in full, or the body's own when it is more specific."""

from __future__ import annotations

import re

from digests.meeting_first import first_named, meeting_kind, previewed, same_unnumbered
from digests.meeting_join import joined
from digests.meeting_spans import compound_end, meeting_spans, skip_prefix, together_end
from digests.meeting_text import Name, name_text
from digests.meeting_walk import walk_left
from digests.meeting_words import AGENDA, MEETING, MET, NAME_END, NAME_STOPS, SESSION


def meeting_name(source: str, s: str, s_title: str, title: str | None) -> str | None:
    """The title's meeting as the body spells it in full, or the body's own when it is the
    same kind of meeting and more specific; else the body's first meeting."""
    body = _past_headlines(s, first_named(s, numbered=True))
    spans = list(meeting_spans(s_title))
    in_title = [(a, b) for a, b, _ in spans]
    if not in_title:
        if body is not None and _visit_previewing(s, s_title, body):
            return None  # `某長官會見某會領導`: the 聯誼會 `將於本月中舉辦` is not reported
        bare = name_text(s, body) or ""
        if 2 < len(bare) <= 4 and (quoted := _quoted_in_full(s, bare)) is not None:
            return name_text(source, quoted)  # `出席交流會`, then `「某某經貿合作交流會」由…主辦`
        return name_text(source, body)
    # a headline's last meeting is the one it reports, unless one it decides to convene
    # (`某某主持召开第六十七次主席会议 决定明年1月召开常委会第二十四次会议`)
    held = [(a, b, n) for a, b, n in spans if not _PLANNED.search(s_title, max(0, a - 16), a)]
    # and one it says was held over one it cites (`某某主持某党组会议 学习某某在五中全会上的讲话`)
    a, b = next(((a, b) for a, b, n in reversed(held) if n), None) or (held or spans)[-1][:2]
    if body is not None and previewed(s_title, b) and not previewed(s, body[-1][1]):
        return name_text(source, body)  # `某大會將於下月召開`: the body's press conference was held
    if (same := _same_session(s, s_title[a:b])) is not None:
        return name_text(source, same)  # `…召开成立后第一次会议` is the body's `…党委第一次会议`
    original = title if title is not None and len(title) == len(s_title) else s_title
    if body is not None and same_unnumbered(s_title[a:b], name_text(s, body) or ""):
        return name_text(original, joined(s_title, a, b))  # the headline numbers the body's
    # a headline's meeting the body never writes, where the body holds or reports one of its
    # own (a session it only mentions, `某省委十一届十次全会对…作出部署`, is neither)
    if _held_elsewhere(s, body, s_title[a:b]) and _reports_own(s):
        return _with_council(
            original[a:b], s_title[a:b], name_text(s, body) or "", name_text(source, body)
        )
    named = s_title[a:b]
    if (full := _numbered_in_full(s, named)) is not None:
        return name_text(source, full)
    at = _written_as_meeting(s, named)
    if at >= 0:
        start, _ = walk_left(s, at, NAME_END, NAME_STOPS)
        stop = at + b - a
        stop += named.endswith("会") and bool(_SPELLED_AS.match(s, stop))  # the body's 常委会议
        spelled = _quoted_in_full(s, named) or joined(
            s, skip_prefix(s, start, at), together_end(s, stop)
        )
        if body is None or not _more_specific(s, body, spelled):
            return name_text(source, spelled)
        return name_text(source, body)
    body_name = name_text(s, body) or ""
    same_kind = meeting_kind(body_name) == meeting_kind(named)
    if body_name and same_kind and body_name not in named and _reports_own(s):
        return _with_council(original[a:b], named, body_name, name_text(source, body))
    # with the body the headline says held it, and its compound (`…晚會暨換屆典禮`)
    return name_text(original, joined(s_title, a, together_end(s_title, b)))


def _reports_own(s: str) -> bool:
    """Whether the body holds or reports a meeting of its own, not only mentions a session:
    asked last, as it reads the body again."""
    return first_named(s, numbered=True, mentioned=False) is not None


# The council a headline's sitting opens with (`某市議會臨時會開議`).
_TITLE_COUNCIL = re.compile(r".{1,12}?(?:议会|代表会|立法会)(?!议)")


def _with_council(title_name: str, named: str, body_name: str, written: str | None) -> str | None:
    """The body's session with the council that the headline names and the body leaves out
    (`第四屆第十次臨時會今天開議` under `某市議會臨時會開議`) or writes bare (`議會…`)."""
    council = _TITLE_COUNCIL.match(named)
    if council is None or written is None:
        return written
    if body_name.startswith("议会") and council.end() > 2:
        return title_name[: council.end()] + written[2:]  # `議會召開…` under `某市議會…`
    if SESSION.match(body_name) or body_name.startswith("本届"):
        return title_name[: council.end()] + written
    return written


# A meeting decided on or planned, not held: `决定明年1月召开…`, `拟于3月举行…`.
_PLANNED = re.compile(r"(?:决定|拟|计划|定于)[^，,。；;\s]{0,10}?(?:召开|举行|举办)$")


def _visit_previewing(s: str, s_title: str, body: Name) -> bool:
    """Whether a visit's headline (`…會見…`) is over a body that only previews a meeting."""
    return any(verb in s_title for verb in MET) and previewed(s, body[-1][1])


def _same_session(s: str, named: str) -> Name | None:
    """The body's meeting that ends with the headline's numbered one (`第一次会议`), when the
    body does not write the headline's name itself."""
    session = SESSION.search(named)
    if session is None or _written_as_meeting(s, named) >= 0:
        return None
    tail, body = named[session.start() :], named[: session.start()]
    for start, end, held in meeting_spans(s):
        if not s.endswith(tail, start, end) or end - start <= len(tail):
            continue
        # held, or the headline's own body in it: `臺南市議會第4屆第2次臨時會為期10天` is
        # `南市議會第2次臨時會` spelled in full, though the sentence says no verb of holding
        if held or (len(body) >= 2 and body in s[start:end]):
            return joined(s, start, compound_end(s, end))
    return None


def _written_as_meeting(s: str, named: str) -> int:
    """Where the body writes the headline's meeting as a meeting: not `…会议制度`, the rule
    of having one (`检察长列席法院审委会会议制度`); -1 when it never does."""
    at = s.find(named)
    while at >= 0 and s.startswith("制度", at + len(named)):
        at = s.find(named, at + 1)
    return at


def _quoted_in_full(s: str, named: str) -> Name | None:
    """The body's quoted name that ends with the headline's meeting and says more of it
    (`今日是「某市108學年度第2學期高中職暨國民中小學校長會議」` under `…在校長會議期許…`):
    a name in quotes is the one the page gives, where the bare words may be cut by a list
    (`在高、國中、小校長會議中`)."""
    pattern = rf"[「“『]([^「“『」”』。！？!?\n]{{1,40}}?{re.escape(named)})[」”』]"
    quoted = re.search(pattern, s)
    if quoted is None or quoted.end(1) - quoted.start(1) <= len(named):
        return None
    return (quoted.span(1),)


def _held_elsewhere(s: str, body: Name | None, named: str) -> bool:
    """Whether the body holds a meeting of its own that the headline's `named` is not: the
    body never writes `named` (a spammed headline's `…論壇`) nor is the body's a piece of it."""
    body_name = name_text(s, body)
    if body_name is None or _written_as_meeting(s, named) >= 0:
        return False
    return body_name not in named and body_name[-4:] not in named  # `七次常委會` of a compound


def _numbered_in_full(s: str, named: str) -> Name | None:
    """The body's numbered session that a headline abbreviates: `莒光鄉代會定期會` for
    `莒光鄉民代表會第七屆第一次定期大會`, its characters in order, with the same meeting word."""
    if len(named) < 4 or SESSION.search(named):
        return None
    for start, end, _ in meeting_spans(s):
        if SESSION.search(s, start, end) and same_unnumbered(s[start:end], named):
            return joined(s, start, compound_end(s, end))
    return None


# The 议 that spells a `…常委会` as `…常委会议`, not a session's 议员 or 议事日程.
_SPELLED_AS = re.compile(rf"议(?![室厅]|中心|{AGENDA})")


def _past_headlines(s: str, name: Name | None) -> Name | None:
    """The lede's meeting when the first one named is in a headline left in the text
    (`某联谊会理事会换届会议召开`, a short line with no sentence in it) and the lede names the
    same kind of meeting with more of its name (`…换届暨工作委员会第一次会议今天在…召开`)."""
    later, line_end = name, 0
    while later is not None and (line_end := _headline_end(s, later)) >= 0:
        found = first_named(s[line_end:], numbered=True)
        later = tuple((a + line_end, b + line_end) for a, b in found) if found else None
    if name is None or later is None or later == name or not _more_specific(s, later, name):
        return name
    return later


_SENTENCE_MARK = re.compile("[，,。；;！!？?]")


def _headline_end(s: str, name: Name) -> int:
    """The end of the line holding `name` when it is a headline (short, no sentence mark)."""
    line_start = s.rfind("\n", 0, name[0][0]) + 1
    line_end = s.find("\n", name[-1][1])
    line_end = len(s) if line_end < 0 else line_end
    if line_end - line_start > 40 or _SENTENCE_MARK.search(s, line_start, line_end):
        return -1
    return line_end


def _more_specific(s: str, body: Name, spelled: Name) -> bool:
    """Whether the body's meeting is the title's, spelled with more of its name."""
    name, other = name_text(s, body) or "", name_text(s, spelled) or ""
    if meeting_kind(name) == meeting_kind(other) and len(name) > len(other):
        return True
    # `某会常务理事会拟定…` over `某会第八届常务理事会第六次会议`: a numbered sitting of it
    organ = [m.group() for m in MEETING.finditer(other)][-1:]
    return bool(organ) and organ[0] in name and _numbered(name) and not _numbered(other)


def _numbered(name: str) -> bool:
    return SESSION.search(name) is not None
