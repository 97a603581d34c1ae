"""A numbered meeting joined with the body that holds it: `县十七届人大常委会召开第二十三次
主任会议` names `县十七届人大常委会第二十三次主任会议`."""

from __future__ import annotations

import re

from digests.meeting_spans import OPENS_BODY, before_place_and_time, body_meeting, past_attribute
from digests.meeting_text import Name
from digests.meeting_walk import walk_left
from digests.meeting_words import (
    DATELINE,
    DEICTIC,
    GENERIC,
    MEETING,
    NAME_END,
    NUMBERED_AT,
    ORG_END,
    SESSION,
    STUDY_GROUP,
    SUBJECT,
)


def joined(s: str, start: int, end: int) -> Name:
    """The name with its organisation when a body holds a numbered meeting:
    `县十七届人大常委会召开第二十三次主任会议` → `县十七届人大常委会` + `第二十三次主任会议`."""
    if end - start == 2 and (body := body_meeting(s, start, s[start:end])) is not None:
        return body, (start, end)
    head = start - s.endswith(("召开了", "举行了", "举办了"), 0, start)  # `舉行了…`: past the 了
    for verb in ("召开", "举行", "举办", "甫落幕"):
        if not s.endswith(verb, 0, head):
            continue
        org_end = before_place_and_time(s, head - len(verb))
        # (a dash ends the subject: `新征程 再出发——集团公司召开…`, the slogan before it)
        subject, _ = walk_left(s, org_end, NAME_END + "—", ("在", "由", "主持"))
        subject = _past_relative(s, past_attribute(s, subject, org_end), org_end)
        org = s[subject:org_end]
        # a session holds its 预备会议 or 主席团会议: the meeting is named by the session
        numbered = _own_session(s, start, end) or (SESSION.search(org) and MEETING.search(org[-3:]))
        if numbered and _names_its_body(s, start, end):
            break  # `团市委召开共青团某市二十一届五次全委会议`: the name has its own body
        if numbered:
            if (
                2 <= len(org) <= 30
                and ORG_END.search(org)
                and not GENERIC.search(org)
                and not DEICTIC.search(org)  # `大学召开2012年第12次校长办公会议`: its own
            ):
                return (subject, org_end), (start, end)
            if SESSION.match(s, start) and (body := _subject(s, start)) is not None:
                return body, (start, end)
        elif STUDY_GROUP.search(org) and 4 <= len(org) <= 30 and end - start <= 8:
            return (subject, org_end), (start, end)  # `某党委理论学习中心组召开集中学习会`
        elif _PLAIN_KIND.fullmatch(s, start, end) and _COUNCIL.search(org) and len(org) <= 30:
            return (subject, org_end), (start, end)  # `立法會今日舉行全體會議`
        elif _holder(s, (holder := _past_tag(s, subject, org_end)), org_end, start, end):
            return (holder, org_end), (start, end)  # `某学院召开党政联席扩大会议`
    return ((start, end),)


def _holder(s: str, subject: int, org_end: int, start: int, end: int) -> bool:
    """Whether the subject of `…召开<name>` is the body whose meeting it is: a named body
    (`化工学院`, `集团`, `某公会`) before a name that does not say whose it is itself."""
    org, name = s[subject:org_end], s[start:end]
    return (
        2 <= len(org) <= 16
        and bool(ORG_END.search(org))
        and not any(mark in org for mark in "()（）【】")
        and not GENERIC.search(org)
        and not DEICTIC.search(org)
        and not OPENS_BODY.match(name)
        and not _SCOPED.match(name)
        and not _SLOGAN_THEN_BODY.match(name)  # `“…”某某大学2022年度…评议会`: its own body
        and "精神" not in name  # `学习某大会精神座谈会`: named by the meeting it studies
        and not _ORGANISING.search(org)  # `某处组织离退休老干部…座谈会`: who organised whom
        and not name.startswith((org[-2:], org[:2]))  # `区委召开区委常委会`: the body in the name
        and org[-2:] not in _QUOTED.sub("", name)  # `市工商联召开区县工商联…会议`: theirs
        and not _PLACE_OR_TIME.search(org)  # `3时于政府总部`: when and where, no body
        and not _titled(s, start, end)
    )


def _titled(s: str, start: int, end: int) -> bool:
    """Whether the name is the event's quoted title, whole (`举行「 2025某某春茗」`)."""
    quoted = _TITLED.match(s, max(0, start - 2), min(len(s), end + 1))
    return quoted is not None and quoted.end() >= end


# A name that says whose it is by its scope: `全市…工作调度会议`, `各民主党派…交流会`.
_SCOPED = re.compile(r"[全各]|县区|县[(（]区[)）]")  # (`县区党委换届期间…谈话会`: theirs)
_ORGANISING = re.compile(r"组织|带领|邀请|率领|联合|[与和及、]")  # (co-hosts: `某部与某市`)
_SLOGAN_THEN_BODY = re.compile(
    r"[“「『][^“”「」『』]+[”」』]\s*[^\W\d]{2,12}?(?:大学|学院|学校|中学|小学|公司|集团|医院|[省市县区])"
)
_QUOTED = re.compile(r"[“「『][^“”「」『』]*[”」』]")  # (`“书香政协”读书活动`: no body)
# `举行「 2025某某春茗」`, `举行“乙巳年春节团拜茶聚”`: the event's own title, whole
_TITLED = re.compile(r".{0,2}?[「『“][^「」『』“”]+[」』”]")
_PLACE_OR_TIME = re.compile(r"[\d于]")
_TAG = re.compile(r"[(（【\[][^()（）【】\[\]]{1,12}[)）】\]]\s*")  # a dateline's `(本报讯)`


def _past_tag(s: str, subject: int, org_end: int) -> int:
    """The subject's start past a dateline's tag opening it (`(本报讯)某同乡会`) and past a
    clause that describes it."""
    tag = _TAG.match(s, subject, org_end)
    return _past_relative(s, tag.end() if tag else subject, org_end)


def _past_relative(s: str, subject: int, org_end: int) -> int:
    """The subject's start past a clause that describes it: `營運《某報》的某某有限公司` is
    the 某某有限公司 (the party's own `党的` is no such clause)."""
    after = s.rfind("的", subject, org_end) + 1
    if after > subject + 1 and s[after - 2] != "党" and org_end - after >= 2:
        return after if ORG_END.search(s[after:org_end]) else subject
    return subject


# A kind that names no meeting without its body (`全體會議`, a council's `臨時會`), and a
# council that meets as one: `澳門立法會昨日舉行全體會議` is the 立法會全體會議,
# `某縣議會昨天召開臨時會` the 某縣議會臨時會.
_PLAIN_KIND = re.compile(r"(?:全体|特别|例行|平常)(?:会议|大会)|(?:临时|定期)大?会(?:议)?")
_COUNCIL = re.compile(r"(?:立法会|议会|代表会|委员会|常委会|理事会|董事会|政协|人大)$")


# A name that opens with its own organisation before its number: a party, league or
# conference (`共青团某市`, `中共某县`, `政协某县`), or a place (`某某市`, `某县`).
_OWN_BODY = re.compile(r"(?:中共|共青团|政协|中国).+|.+[省市县区州旗镇乡](?:委会?)?")  # `民盟市委`


def _names_its_body(s: str, start: int, end: int) -> bool:
    """Whether the numbered meeting at `start` spells its organisation before its number."""
    session = SESSION.search(s, start, end)
    return session is not None and bool(_OWN_BODY.fullmatch(s[start : session.start()]))


def _own_session(s: str, start: int, end: int) -> bool:
    """Whether the meeting at `start` carries its own number: in `十七届五中全会精神学习会`
    the number is the cited plenum's (its 精神 is studied), not the study meeting's."""
    session = SESSION.search(s, start, min(end, start + NUMBERED_AT))
    return session is not None and "精神" not in s[session.end() : end]


def _subject(s: str, at: int) -> tuple[int, int] | None:
    """The body the sentence before `at` opens with, when a clause came between it and its
    numbered meeting (`高雄县议会应县府要求，自27日起召开第十六届第一次临时会`)."""
    opening = max(s.rfind(mark, 0, at) for mark in "。！？!?\n】") + 1
    if (dateline := DATELINE.match(s, opening, at)) is not None:
        opening = dateline.end()
    match = SUBJECT.match(s, opening, at)
    return match.span(1) if match else None
