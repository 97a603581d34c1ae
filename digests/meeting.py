"""Meeting facts: which meeting, where, and (through `people`) who chaired, attended, spoke.

Patterns run on the simplified text; values are sliced from the original text at the same
offsets (t2s keeps a line's length), so a traditional page keeps its traditional names.

The name is the most specific one the text gives: organisation, session and number, and
kind (`县十七届人大常委会第二十三次主任会议`), joined across `召开`/`举行` when a sessioned body
holds a numbered meeting, compound names (`…暨…`, `…会议、…会议`) kept whole, a dateline
(`本报讯`, `…电`) never part of it, and a generic phrase (`此次会议`, `一次十分重要的会议`)
never one.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator

from digests.meeting_words import (
    ABOUT,
    AGENDA,
    CAP,
    CLAUSE,
    CLAUSE_CHAR,
    CONVENED,
    CONVENED_MEETING,
    COUNTED,
    CREDIT,
    DATELINE,
    ELECTED,
    FOLLOWS_NAME,
    FOUNDED,
    FOUNDED_BODIES,
    FOUNDING,
    GENERIC,
    HELD_AFTER,
    HOLDS,
    MEETING,
    MEETING_BODY,
    MET,
    NAME_END,
    NAME_STOPS,
    NUMBER,
    NUMBERED_AT,
    OF_THE_NAME,
    ORG_END,
    ORGANISED,
    QUOTES,
    REFERS,
    SESSION,
    STUDY_GROUP,
    SUBJECT,
    TIME,
    VERBS,
    WEEKDAY_END,
)
from digests.model import MeetingFacts
from digests.people import extract_people, is_name
from digests.place import find_place
from digests.script import is_cjk
from digests.sentences import TERMINATORS


def extract_meeting(
    text: str, simplified: str, simplified_title: str, title: str | None = None
) -> MeetingFacts:
    """The meeting's facts, each as written in `text` (or `simplified` if lengths differ)."""
    if title is not None and len(title) == len(simplified_title) and _runs_on(simplified_title):
        text, simplified = title + text, simplified_title + simplified
    source = text if len(text) == len(simplified) else simplified
    source, simplified = _unwrapped(source, simplified)
    people = extract_people(source, simplified)
    return MeetingFacts(
        name=_name(source, simplified, simplified_title, title),
        place=find_place(source, simplified) or _title_place(title, simplified_title),
        chair="、".join(p.name for p in people.chair) or None,
        attendees=tuple(p.name for p in people.attendees),
        speakers=tuple(p.name for p in people.speakers),
        roles=people.roles,
    )


def _title_place(title: str | None, simplified_title: str) -> str | None:
    """Where it was held, from the headline when the body never says (`…会议在京召开` over
    a body that opens with what was said there)."""
    source = title if title is not None and len(title) == len(simplified_title) else None
    return find_place(source or simplified_title, simplified_title) if simplified_title else None


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


# --- the name ------------------------------------------------------------------------


def meeting_spans(s: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, named) of each meeting phrase; named means held/attended, not cited."""
    for match in MEETING.finditer(s):
        if s.rfind("《", 0, match.start()) > s.rfind("》", 0, match.start()):
            continue  # inside a document's title (《关于召开…会议的通知》): not held here
        start, stop = _past_own_verb(s, *_walk_left(s, match.start(), NAME_END, NAME_STOPS))
        if stop in MET or stop in REFERS or stop in ELECTED:
            continue  # the body visited or elected, a task about a meeting: none held
        founding = match.group() in FOUNDED_BODIES and FOUNDING.search(s, start, match.start())
        if FOUNDED.match(s, match.end()) or founding:
            continue  # `某理事会在某村成立`, `某村成立某联谊会`: a body founded
        if (
            match.group() == "选举"
            and stop not in _VOTE_HELD
            and not HELD_AFTER.match(s, match.end())
        ):
            continue  # `参加立法会选举，…`: an election taken part in, not one held here
        start = _skip_prefix(s, start, match.start())
        bare = match.start() - start < 2
        if bare and _body_meeting(s, match.start(), match.group()) is not None:
            yield match.start(), match.end(), True  # `区委常委会召开会议`: 区委常委会会议
            continue
        # a compound name is followed as a whole: `…第十三次会议暨…纪念活动在某园举行`
        follows = FOLLOWS_NAME.match(s, match.end()) or _compound_follows(s, match.end())
        held = stop in VERBS or stop == "主持" or bool(follows)
        if bare and not (_NAMES_ITSELF.match(match.group()) and _held_bare(s, match, stop, held)):
            continue  # a bare 会议 names nothing; a bare 座谈会 that was held does
        held = held or bare
        if GENERIC.search(s[start : match.end()]) or COUNTED.search(s, start, match.start()):
            continue
        if follows and _organiser(s, follows.end()):
            continue  # `某联谊会昨举行第二次会议`: the organiser, not the meeting
        if stop in VERBS and _TO_BE_HELD.search(s, max(0, start - 16), start):
            held = False  # `指28日将召开第6次程序委员会`: to be held
        held = held or _attended(s, start, match.end(), stop)
        # `舉行開幕前記者會`: the briefing before a session opens reports the session
        yield start, match.end(), held and not _BRIEFING_BEFORE.match(s, start, match.end())


_VOTE_HELD = ("举行", "举行了", "进行", "进行了", "举办")  # the verbs an election is held by


def _past_own_verb(s: str, start: int, stop: str | None) -> tuple[int, str | None]:
    """The name's start past a verb that opens it: right after the verb of holding, a verb
    says the meeting's task or guests (`召开迎接…晚会`, `举行列席代表座谈会`)."""
    if stop not in OF_THE_NAME:
        return start, stop
    verb = start - len(stop)
    return (verb, "召开") if HOLDS.search(s, max(0, verb - 2), verb) else (start, stop)


# A meeting word that names a meeting bare when it is held: `召开座谈会`, `主持院會`.
_NAMES_ITSELF = re.compile(r".{3,}|院会")
_TO_BE_HELD = re.compile(r"(?:将|拟|计划|决定)[^，,。；;\s]{0,10}?(?:召开|举行|举办)$")
_AT_IT = re.compile(r"上[，,]")  # `座谈会上,…`: at the meeting reported


def _held_bare(s: str, word: re.Match[str], stop: str | None, held: bool) -> bool:
    """Whether a bare meeting word names the meeting held: after a verb of holding, or
    opening a line as its subject (`行政会日前完成讨论…`, `座談會上,…`)."""
    if stop is not None:
        return stop in (*VERBS, "主持")
    opens_line = word.start() == 0 or s[word.start() - 1] == "\n"
    if opens_line and (held or _AT_IT.match(s, word.end())):
        return True
    if (opens_line or s[word.start() - 1] in TERMINATORS) and _CHAIRED_BY.match(s, word.end()):
        return True  # `…会长。就职仪式由副总理某某主持。`: the ceremony the page reports
    # `院會今天表決通過…`, `立法院今(21)日院會三讀通過…`: the sitting acting, that day
    return (opens_line or s[word.start() - 1] == "日") and bool(_ACTS.match(s, word.end()))


_CHAIRED_BY = re.compile(r"由[^，,。；;]{2,40}?主持")
_BRIEFING_BEFORE = re.compile(r"(?:开幕|闭幕|会)前")


# Attending what a body organised: `出席该会主办的新春团拜`; speaking at it: `在…会上致词`.
_ATTENDED_ORGANISED = re.compile(r"(?:出席|参加|参与|列席)[^，,。；;]{0,16}$")
_SPEECH = r"(?:致词|致辞|讲话|发言|作报告|作主题报告)"
# `在…会上致词` right after the name; `…会上，某某理事长首先致辞` a few words on
_SPOKE_AT = re.compile(rf"上{_SPEECH}")
_SPOKEN_AT = re.compile(rf"上[，,]?[^，,。；;！？]{{0,24}}?{_SPEECH}")


def _attended(s: str, start: int, end: int, stop: str | None) -> bool:
    """Whether the meeting at `start`…`end` is one attended: organised by a body and
    attended (`出席该会主办的…`), spoken at (`他今午在…聚餐会上致词`), or the subject of a
    sentence about what it does today (`(…電)立法院會今天繼續處理…`)."""
    if stop in ORGANISED:
        return bool(_ATTENDED_ORGANISED.search(s, max(0, start - 24), start - len(stop)))
    if stop is None and (start == 0 or s[start - 1] in "\n。)）】"):
        # `座谈交流会上，某某理事长首先致辞`: a sentence about what was said at it
        return bool(_TODAY.match(s, end) or _ACTS.match(s, end) or _SPOKEN_AT.match(s, end))
    return stop == "在" and bool(_SPOKE_AT.match(s, end) or _lede_at(s, start, end))


def _lede_at(s: str, start: int, end: int) -> bool:
    """Whether `在…会上` is in a lede after its dateline (`(北京29日讯)某商会在某大会上,获颁…`):
    what the page reports happened at that meeting."""
    if not s.startswith("上", end):
        return False
    opening = max(s.rfind(mark, 0, start) for mark in "。！？!?\n") + 1
    dateline = DATELINE.match(s, opening, start)
    return dateline is not None and opening < dateline.end() <= start


# What a sitting does: `三讀通過`, `表決通過`, `審議通過`.
_ACTS = re.compile(
    r"(?:今天|昨天|今日|昨日|今|昨)?(?:[(（]\d{1,2}[)）]日?)?(?:三读|表决|审议通过|初审|议决)"
)
_TODAY = re.compile(r"(?:今天|昨天|今日|昨日|今|昨)(?:[(（]\d{1,2}[)）]日?)?(?![年后天])")


def _compound_follows(s: str, end: int) -> re.Match[str] | None:
    """What follows a compound name joined at `end` (`…会议暨…活动在某园举行`)."""
    if not s.startswith(("暨", "和", "及", "、"), end):
        return None
    return FOLLOWS_NAME.match(s, _extended(s, end))


def _body_meeting(s: str, at: int, word: str) -> tuple[int, int] | None:
    """The body whose own meeting a bare `召开会议` is (`区委常委会召开会议`): a standing
    committee, a party group or committee, a presidium meets as `常委会会议`, `党组会议`."""
    verb = next((v for v in ("召开", "举行") if s.endswith(v, 0, at)), None)
    if word not in ("会议", "大会") or verb is None:
        return None
    org_end = _before_place_and_time(s, at - len(verb))
    subject, _ = _walk_left(s, org_end, NAME_END, ("在", "由", "主持"))
    bodies = MEETING_BODY if word == "会议" else _SITTING_BODY
    if 2 <= org_end - subject <= 30 and bodies.search(s, subject, org_end):
        return subject, org_end
    return None


_SITTING_BODY = re.compile(r"(?:立法会|议会)$")  # `立法會昨日舉行大會`: a council's sitting


def _organiser(s: str, at: int) -> bool:
    """Whether the verb before `at` holds another meeting later in the same clause."""
    end = _clause_end(s, at)
    # `某联谊会昨日假某酒家举行…茶聚`, `某联谊会日前在某会馆举行…`: past the place to its verb
    placed = s[at - 1] in "在于假" or s.startswith(("在", "于", "假"), at)
    if placed and (verb := HOLDS.search(s, at, end)) is not None:
        at = verb.end()
    if not HOLDS.search(s, max(0, at - 3), at):
        return False
    return bool(MEETING.search(s, at, end))


def _clause_end(s: str, at: int) -> int:
    """Where the clause running at `at` ends."""
    match = CLAUSE_CHAR.search(s, at)
    return match.start() if match else len(s)


Name = tuple[
    tuple[int, int], ...
]  # the pieces of a name: `县十七届人大常委会` + `第二十三次主任会议`


def find_meeting_name(s: str) -> tuple[int, int] | None:
    """The span of the first meeting said to be held or attended in `s`, in full."""
    name = _first_named(s)
    return (name[0][0], name[-1][1]) if name else None


def _first_named(s: str, numbered: bool = False) -> Name | None:
    """The first meeting held; else (`numbered`) the first numbered one that a clause is
    about (`第4次定期大会26日进入…`): a cited one is `…会议精神`, an organ `…大会新闻中心`;
    else a committee convened (`法院召开审判委员会`); else the first numbered one at all."""
    fallback = future = session = None
    for start, end, named in meeting_spans(s):
        if named and fallback and _same_unnumbered(s[fallback[0] : fallback[1]], s[start:end]):
            break  # `某议会第四届第七次定期会从昨日起…`, then `某议会定期会于昨日…`: the same
        if named and future is None and _ahead(s, end):
            future = (start, end)  # `某会议将于8日开幕，为做好…召开了安保工作会议`
            continue
        if named and future and start < _extended(s, future[1]):
            continue  # the previewed compound's second meeting (`…会议和…会议将于8日开幕`)
        if named:
            start, end = _studied_later(s, start, end)
            return _joined(s, start, _together(s, end))
        if numbered and fallback is None and SESSION.search(s, start, end):
            fallback = (start, end) if ABOUT.match(s, end) else None
            session = session or (start, end)
    if future:
        return _joined(s, future[0], _extended(s, future[1]))
    if fallback:
        return _joined(s, fallback[0], _extended(s, fallback[1]))
    for convened in CONVENED.finditer(s) if numbered else ():  # `法院召开审判委员会`
        if s.rfind("《", 0, convened.start()) <= s.rfind("》", 0, convened.start()):
            return (convened.span(1),)
    for convened in CONVENED_MEETING.finditer(s) if numbered else ():
        return (convened.span(1),)  # `召开整域推进乡村振兴战略上劲会。`: a kind not listed
    if session:  # `某縣議會第二十屆第六次定期會縣政總質詢議程昨日結束`: the session reported
        return _joined(s, session[0], _extended(s, session[1]))
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
    if not _previewed(s, end):
        return False
    paragraph = s.find("\n", end)
    return bool(_HELD_AFTER.search(s, end, paragraph if paragraph >= 0 else len(s)))


# A meeting held, later in a paragraph that previews another: `召开了…会议`.
_HELD_AFTER = re.compile(r"(?:召开|举行)了")


def _same_unnumbered(numbered: str, name: str) -> bool:
    """Whether `name` is the numbered meeting written again without its number (its
    characters, in order, are the numbered name's, and it ends with the same meeting word),
    or without the body that opened it."""
    body = numbered[: len(numbered) - len(name)]
    if numbered.endswith(name) and SESSION.search(name) and ORG_END.search(body):
        return True  # `某鄉代表會第七屆第五次定期大會…`, then `召開第七屆第五次定期大會`
    if not SESSION.search(numbered) or SESSION.search(name) or _kind(numbered) != _kind(name):
        return False
    rest = iter(numbered)
    return all(char in rest for char in name)


# `升格后的首次`, `换届以后的第一次`: the first meeting since an event, before a name in full.
_FIRST_SINCE = re.compile(
    r"[^，,。；;的]{1,12}?(?:(?:之?后|以来)的|(?:世纪|时代)的)(?:首次|第一次)"
)
_DEICTIC = re.compile(
    r"(?:本公所|本[所会會院局校处處]|我[校院所局会會])(?![务務长長])"
)  # both scripts


def _skip_prefix(s: str, start: int, end: int) -> int:
    """Past a leading 的 or dateline that the walk left in (`的政协…`, `本报讯…`), and an
    attribute, a head count or a region before a name that opens with its own body."""
    while start < end and s[start] in "的之暨和及":
        start += 1
    for attribute in (_ORGANISED_BY, _RECURRING):  # `由某会主办的`, `一年一度的`: not the name
        if (found := attribute.match(s, start, end)) is not None:
            start = found.end()
    start = _past_attribute(s, start, end)
    if (first := _FIRST_SINCE.match(s, start, end)) is not None and end - first.end() >= 6:
        start = first.end()  # `升格后的首次中央政法工作会议`: the first since, not a number
    if (own := _DEICTIC.match(s, start, end)) is not None and end - own.end() >= 2:
        return own.end()  # `本所108年度…会报`: this office's, as its own page says
    return start + 3 if s.startswith("本年度", start, end) else start


# Who organised it, before its name: `由某中心和某总会联办的新春团拜`.
_ORGANISED_BY = re.compile(r"由[^，,。；;]{1,40}?(?:主办|联办|合办|举办|承办|协办|筹办|组织)的")
# How often it is held: `一年一度的新春团拜`, `一年一度大闸蟹宴`.
_RECURRING = re.compile(
    r"(?:[一每两三]年一[度次]|每年一[度次])的?"
    r"|(?:一连|一連)?(?:为期|為期|历时|歷時|会期|會期)[^，,。；;的]{1,6}的"
    r"|(?:盛大|隆重|热烈|熱烈|温馨|溫馨|精彩|简朴|簡樸|别开生面|別開生面)的"
)  # and how long it lasts (`为期三天的`), how it went (`盛大的`); in either script, since
# `_text` reads the page's own
# A name's own body opening it (`共青团某市第十三次`, `政协第十届`, `全国政协`, `十四届政协`).
_OPENS_BODY = re.compile(rf"(?:中国共产|中共|共青团|中国人民政治协商会议|政协|全国|第?{NUMBER}届)")
# Before such a name, none of it: a head count (`300名`), a region tag that Taiwan's and
# Hong Kong's press writes (`中国大陆`, `大陆`), a caption's bullet (`▲`).
_BEFORE_BODY = re.compile(rf"(?:{NUMBER}(?:多|余)?[名位])|(?:中国)?大陆|[^\w\s]")


def _past_attribute(s: str, start: int, end: int) -> int:
    """Past what describes a name that opens with its own body: `历时四天的共青团某市第十三次
    代表大会`, `各条战线的300名共青团…大会(代表)`, `▲大陆全国政协…会议`; an attribute with a
    meeting in it (`…会议代表中的中共党员会议`) is the name's."""
    at = s.rfind("的", start, end) + 1 or start
    if at > start and (MEETING.search(s, start, at) or s[at - 2] == "党"):
        at = start  # `党的十八届六中全会`: the party's, no attribute
    while (lead := _BEFORE_BODY.match(s, at, end)) is not None and lead.end() > at:
        at = lead.end()
    return at if at > start and _OPENS_BODY.match(s, at) else start


def _extended(s: str, end: int) -> int:
    """The end of a compound name: on past `暨…会议`, `…会议和…会议`, `(扩大)会议` in the clause."""
    clause_end = _clause_end(s, end)
    best = end
    for match in MEETING.finditer(s, end, min(clause_end, end + CAP)):
        gap = s[best : match.start()]
        if any(verb in gap for verb in (*VERBS, *_BUSINESS, "在", "于", "主持")) or " " in gap:
            break
        if gap.count("(") + gap.count("（") > gap.count(")") + gap.count("）"):
            break  # `…推进会(某委员会第三次会议、…)`: the meetings it stands for, in brackets
        if len(gap) > _GAP and not (gap.startswith(_JOINS) or "暨" in gap):
            break  # `某会年会每年针对…以「高峰论坛」`: the sentence went on, no second name
        if gap.startswith("上"):
            break  # `…开幕会上向大会报告`: at it, the sentence goes on
        if not gap and _SITTING_PART.match(s, match.start()):
            break  # `…论坛开幕式`: the ceremony that opens the meeting named, not a second one
        if "《" in gap or gap.startswith("以"):
            break  # `…审议了《…代表大会议事规则》`: a title; `…以视频会议形式`: a manner
        if gap and FOLLOWS_NAME.match(gap):
            break  # `…会议圆满完成大会各项议程`: the name has ended, its sentence goes on
        best = match.end()
    if (event := _EVENT_AFTER.match(s, best, clause_end)) is not None:
        best = event.end()  # `…述职评议会暨首届乡村振兴发展讲堂`: the 暨 joins an event
    elif best > end and "暨" in s[end:best] and (vote := _ELECTION_AFTER.match(s, best)):
        best = vote.end()
    elif (titled := _QUOTED_TITLE.match(s, best, clause_end + 1)) is not None:
        best = titled.end()  # `年度晚宴“狮城庆新春2017”`: the name it is held under
    return best


_GAP = 12  # what may come between two parts of one name without a word joining them
_JOINS = ("暨", "和", "及", "与", "、", "并")
# (a session's 开幕会 is a sitting of it, joined: `…十三届二次会议开幕会`)
_SITTING_PART = re.compile(r"(?:开幕|闭幕)(?:式|礼|典礼)")
# What a meeting does to another's business: `召开临时会审议第8次定期会未完成的议案`.
_BUSINESS = ("审议", "听取", "表决")


def _together(s: str, end: int) -> int:
    """The end of a compound name held as one; meetings held each on its own day
    (`第一次全体会议和第二次全体会议分别于10日和12日举行`) are named by the first."""
    extended = _extended(s, end)
    return end if s.startswith("分别", extended) else extended


# After a meeting, `暨` and an event that is no meeting word: a lecture, ceremony, forum.
_EVENT_AFTER = re.compile(
    r"暨[^，,。；;：:\s在于召举]{2,30}?(?:讲堂|仪式|典礼|活动|论坛|选举|改选|开放日|嘉年华)"
)
# A quoted title right after the meeting word, then the clause ends: the event's own name.
_QUOTED_TITLE = re.compile(r"[“「『][^“”「」『』，,。；;]{2,20}[”」』](?=[，,。；;\s]|$)")
# A compound's second part that is an election: `…大会暨新届理事会选举`, not `大会选举产生…`.
_ELECTION_AFTER = re.compile(r"(?:选举|改选)(?![产出了为通])")


def _joined(s: str, start: int, end: int) -> Name:
    """The name with its organisation when a body holds a numbered meeting:
    `县十七届人大常委会召开第二十三次主任会议` → `县十七届人大常委会` + `第二十三次主任会议`."""
    if end - start == 2 and (body := _body_meeting(s, start, s[start:end])) is not None:
        return body, (start, end)
    for verb in ("召开", "举行", "举办", "甫落幕"):
        if not s.endswith(verb, 0, start):
            continue
        org_end = _before_place_and_time(s, start - len(verb))
        subject, _ = _walk_left(s, org_end, NAME_END, ("在", "由", "主持"))
        subject = _past_attribute(s, subject, org_end)
        org = s[subject:org_end]
        # a session holds its 预备会议 or 主席团会议: the meeting is named by the session
        numbered = _own_session(s, start, end) or (SESSION.search(org) and MEETING.search(org[-3:]))
        if numbered and _names_its_body(s, start, end):
            break  # `团市委召开共青团某市二十一届五次全委会议`: the name has its own body
        if numbered:
            if 2 <= len(org) <= 30 and ORG_END.search(org) and not GENERIC.search(org):
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
        and not _DEICTIC.search(org)
        and not _OPENS_BODY.match(name)
        and not _SCOPED.match(name)
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
_QUOTED = re.compile(r"[“「『][^“”「」『』]*[”」』]")  # (`“书香政协”读书活动`: no body)
# `举行「 2025某某春茗」`, `举行“乙巳年春节团拜茶聚”`: the event's own title, whole
_TITLED = re.compile(r".{0,2}?[「『“][^「」『』“”]+[」』”]")
_PLACE_OR_TIME = re.compile(r"[\d于]")
_TAG = re.compile(r"[(（【\[][^()（）【】\[\]]{1,12}[)）】\]]\s*")  # a dateline's `(本报讯)`


def _past_tag(s: str, subject: int, org_end: int) -> int:
    """The subject's start past a dateline's tag opening it (`(本报讯)某同乡会`)."""
    tag = _TAG.match(s, subject, org_end)
    return tag.end() if tag else subject


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


def _before_place_and_time(s: str, at: int) -> int:
    """Where the subject of `…在人民大会堂举行` ends: before its place and time phrases."""
    # `在…召开`, and Hong Kong's and Macau's `假…舉行`
    place = max(s.rfind("在", max(0, at - 25), at), s.rfind("假", max(0, at - 25), at))
    if place >= 0 and not any(c in CLAUSE for c in s[place:at]):
        at = place
    time = TIME.search(s, max(0, at - 14), at)
    return time.start() if time and time.end() == at else at


def _kind(name: str) -> str:
    """The last character of the meeting word a name ends with (座谈会, 大会 → 会)."""
    kinds = list(MEETING.finditer(name))
    return kinds[-1].group()[-1] if kinds else ""


def _name(source: str, s: str, s_title: str, title: str | None) -> str | None:
    """The title's meeting as the body spells it in full, or the body's own when it is the
    same kind of meeting and more specific; else the body's first meeting."""
    body = _past_headlines(s, _first_named(s, numbered=True))
    spans = list(meeting_spans(s_title))
    in_title = [(a, b) for a, b, _ in spans]
    if not in_title:
        if body is not None and _visit_previewing(s, s_title, body):
            return None  # `某長官會見某會領導`: the 聯誼會 `將於本月中舉辦` is not reported
        return _text(source, body)
    # a headline's last meeting is the one it reports, unless one it decides to convene
    # (`某某主持召开第六十七次主席会议 决定明年1月召开常委会第二十四次会议`)
    held = [(a, b) for a, b in in_title if not _PLANNED.search(s_title, max(0, a - 16), a)]
    a, b = (held or in_title)[-1]
    if body is not None and _previewed(s_title, b) and not _previewed(s, body[-1][1]):
        return _text(source, body)  # `某大會將於下月召開`: the body's press conference was held
    if (same := _same_session(s, s_title[a:b])) is not None:
        return _text(source, same)  # `…召开成立后第一次会议` is the body's `…党委第一次会议`
    original = title if title is not None and len(title) == len(s_title) else s_title
    if body is not None and _same_unnumbered(s_title[a:b], _text(s, body) or ""):
        return _text(original, _joined(s_title, a, b))  # the headline numbers the body's
    if _held_elsewhere(s, body, s_title[a:b]):  # a headline's meeting the body never writes
        return _with_council(original[a:b], s_title[a:b], _text(s, body) or "", _text(source, body))
    named = s_title[a:b]
    if (full := _numbered_in_full(s, named)) is not None:
        return _text(source, full)
    at = _written_as_meeting(s, named)
    if at >= 0:
        start, _ = _walk_left(s, at, NAME_END, NAME_STOPS)
        stop = at + b - a
        stop += named.endswith("会") and bool(_SPELLED_AS.match(s, stop))  # the body's 常委会议
        spelled = _joined(s, _skip_prefix(s, start, at), _together(s, stop))
        if body is None or not _more_specific(s, body, spelled):
            return _text(source, spelled)
        return _text(source, body)
    body_name = _text(s, body) or ""
    if body_name and _kind(body_name) == _kind(named) and body_name not in named:
        return _with_council(original[a:b], named, body_name, _text(source, body))
    # with the body the headline says held it, and its compound (`…晚會暨換屆典禮`)
    return _text(original, _joined(s_title, a, _together(s_title, b)))


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
    return any(verb in s_title for verb in MET) and _previewed(s, body[-1][1])


def _previewed(s: str, end: int) -> bool:
    """Whether the meeting ending at `end` is said to be held later (`…大會將於8月29日召開`)."""
    follows = FOLLOWS_NAME.match(s, end) or _compound_follows(s, end)
    return follows is not None and "将" in follows.group()


def _same_session(s: str, named: str) -> Name | None:
    """The body's meeting that ends with the headline's numbered one (`第一次会议`), when the
    body does not write the headline's name itself."""
    session = SESSION.search(named)
    if session is None or _written_as_meeting(s, named) >= 0:
        return None
    tail = named[session.start() :]
    for start, end, held in meeting_spans(s):
        if held and s.endswith(tail, start, end) and end - start > len(tail):
            return _joined(s, start, _extended(s, end))
    return None


def _written_as_meeting(s: str, named: str) -> int:
    """Where the body writes the headline's meeting as a meeting: not `…会议制度`, the rule
    of having one (`检察长列席法院审委会会议制度`); -1 when it never does."""
    at = s.find(named)
    while at >= 0 and s.startswith("制度", at + len(named)):
        at = s.find(named, at + 1)
    return at


def _held_elsewhere(s: str, body: Name | None, named: str) -> bool:
    """Whether the body holds a meeting of its own that the headline's `named` is not: the
    body never writes `named` (a spammed headline's `…論壇`) nor is the body's a piece of it."""
    body_name = _text(s, body)
    if body_name is None or _written_as_meeting(s, named) >= 0:
        return False
    return body_name not in named and body_name[-4:] not in named  # `七次常委會` of a compound


def _numbered_in_full(s: str, named: str) -> Name | None:
    """The body's numbered session that a headline abbreviates: `莒光鄉代會定期會` for
    `莒光鄉民代表會第七屆第一次定期大會`, its characters in order, with the same meeting word."""
    if len(named) < 4 or SESSION.search(named):
        return None
    for start, end, _ in meeting_spans(s):
        if SESSION.search(s, start, end) and _same_unnumbered(s[start:end], named):
            return _joined(s, start, _extended(s, end))
    return None


# The 议 that spells a `…常委会` as `…常委会议`, not a session's 议员 or 议事日程.
_SPELLED_AS = re.compile(rf"议(?![室厅]|中心|{AGENDA})")


def _past_headlines(s: str, name: Name | None) -> Name | None:
    """The lede's meeting when the first one named is in a headline left in the text
    (`某联谊会理事会换届会议召开`, a short line with no sentence in it) and the lede names the
    same kind of meeting with more of its name (`…换届暨工作委员会第一次会议今天在…召开`)."""
    later, line_end = name, 0
    while later is not None and (line_end := _headline_end(s, later)) >= 0:
        found = _first_named(s[line_end:], numbered=True)
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
    name, other = _text(s, body) or "", _text(s, spelled) or ""
    if _kind(name) == _kind(other) and len(name) > len(other):
        return True
    # `某会常务理事会拟定…` over `某会第八届常务理事会第六次会议`: a numbered sitting of it
    organ = [m.group() for m in MEETING.finditer(other)][-1:]
    return bool(organ) and organ[0] in name and _numbered(name) and not _numbered(other)


def _numbered(name: str) -> bool:
    return SESSION.search(name) is not None


def _text(source: str, name: Name | None) -> str | None:
    """The name's pieces as `source` writes them, joined; within CAP characters."""
    if not name:
        return None
    pieces = [source[a:b] for a, b in name]
    text = _ALIAS_OPEN.sub("", "".join(pieces)).strip().lstrip(_CLOSERS)
    text = _MEDIA_TAG.sub("", text)  # `(影音)某會第2屆第3次會員大會`: what the page carries
    if (how := _RECURRING.match(text)) is not None and len(text) - how.end() >= 4:
        text = text[how.end() :]  # `盛大的慈善餐舞會`: how it went, not which
    # `某总会(以下简称“马福”)马福第三十五届…大会`: what a sentence calls it, then the name;
    # `某大学社会科学联合会(以下简称社科联)成立暨首届代表大会`: the body's own event
    text = _past_alias(text)
    text = _without_short_form(text)
    closing = {v: k for k, v in QUOTES.items()}.get(text[:1])
    if closing and closing not in text:
        text = text[1:].strip()  # a quoted name's opening quote, its closing one after it
    elif (after := source[name[-1][1] : name[-1][1] + 1]) not in QUOTES:
        text = _UNCLOSED.sub("", text)  # `某会庆三八“某论坛:副题”`: the quote's name, cut short
    elif _UNCLOSED.match(text):
        text += after  # `某会“庆祝…典礼”`: the quoted event closed as the page closes it
    if (umbrella := _UMBRELLA.match(text)) is not None:
        text = umbrella.group(1)  # `某某系列活动——“某推介会”“某大会”…`: the series held
    text = _DAY_WORD.sub("", text).lstrip("的之")  # `某市議會今天定期會`: the day is the date's
    if (own := _DEICTIC.match(text)) is not None and len(text) - own.end() >= 4:
        text = text[own.end() :]  # `我院第八届五次职工代表大会`: this hospital's, as its page says
    return text[-CAP:] if text not in _BARE_KINDS else None


_BARE_KINDS = frozenset({"", "会", "會", "会议", "會議", "大会", "大會"})  # no name on its own


_MEDIA_TAG = re.compile(r"^[(（【\[](?:影音|视频|視頻|影片|图文|圖文|直播)[)）】\]]\s*")
_CLOSERS = ")）」』”]】》>"  # a bracket the walk left open before a name: `(芙蓉讯)某会…`
# (in either script: `_text` reads the page's own)
_ALIAS_WORD = r"(?:以下|下)?(?:简称|簡稱|称|稱)"
_ALIAS = re.compile(rf"[(（]{_ALIAS_WORD}[^)）]{{0,20}}[)）]")


def _past_alias(text: str) -> str:
    """The name after an alias in brackets when it opens with the alias, else the name
    without the brackets."""
    aliases = list(_ALIAS.finditer(text))
    if not aliases:
        return text
    last = aliases[-1]
    short = _ALIAS_WORD_RE.sub("", last.group()).strip("()（）“”「」\"' ")
    after = text[last.end() :].strip()
    return after if short and after.startswith(short) else _ALIAS.sub("", text).strip()


_ALIAS_WORD_RE = re.compile(_ALIAS_WORD)
_SHORT_FORM = re.compile(
    r"(?<=[会會联聯委协協])[(（]([^()（）]{2,5}[会會联聯委协協])[)）](?=.{4,})"
)


def _without_short_form(text: str) -> str:
    """`某省同乡会联合会(某联会)“庆祝…典礼”` → without the body's short form in brackets: its
    characters are all the body's; `工商联(总商会)` is a second name, kept."""
    for match in _SHORT_FORM.finditer(text):
        body = text[max(0, match.start() - 20) : match.start()]
        if all(char in body for char in match.group(1)):
            return text[: match.start()] + text[match.end() :]
    return text


_ALIAS_OPEN = re.compile(rf"[(（]{_ALIAS_WORD}[^)）]{{0,20}}$")
_UNCLOSED = re.compile(r"^[^“「『]*[“「『](?=[^”」』]*$)")  # up to an opening quote never closed
_DAY_WORD = re.compile(
    r"(?:今天|今日|昨天|昨日|今早|今晨|今午|昨晚|今晚|明天|明日)(?:[(（]\d{1,2}日?[)）])?"
)


# A series and the quoted events it lists after a dash: the series is what was held.
_UMBRELLA = re.compile(r"(.{2,40}?)——[“「][^”」]+[”」][“「]")


def _walk_left(s: str, end: int, ends: str, stops: tuple[str, ...]) -> tuple[int, str | None]:
    """Start of the phrase ending at `end`, and the stop word that bounded it, if any."""
    i = end
    while i > 0 and end - i < CAP:
        opening = QUOTES.get(s[i - 1])
        if opening and (j := s.rfind(opening, max(0, i - 40), i - 1)) >= 0:
            i = j  # a quoted slogan belongs to the name even with commas inside
            continue
        if s[i - 1] in "(（" and not any(c in ")）" for c in s[i:end]):
            return i, None  # `…推进会(某委员会第三次会议、…`: the name is inside the bracket
        if s[i - 1] in " \u3000" and i > 1 and s[i - 2] in "「『“":
            i -= 1  # `举行「 2025某某春茗」`: a space inside the opening quote
            continue
        if s[i - 1] == "、" and i > 1 and s[i - 2] in ",，":
            i -= 2  # `党派,、团体`: a garbled page doubles its list commas
            continue
        if s[i - 1] in ")）" and (_credit_before(s, i) or WEEKDAY_END.search(s, max(0, i - 5), i)):
            return i, None  # a reporter's credit ends the dateline; a weekday, the date
        if (
            s[i - 1] == "、"
            and i > 1
            and (MEETING.search(s[max(0, i - 4) : i - 1]) or s[i - 2] == "会")
        ):
            i -= 1  # `…会议、…会议`: two meetings held together are one name
            continue
        if s[i - 1] == "、" and i > 1 and s[i - 2] in _NUMERALS and s[i : i + 1] in _NUMERALS:
            i -= 1  # `第20屆第2、3次臨時會`: two sessions' numbers, listed
            continue
        if s[i - 1] == "、" and _listed_in_name(s, i - 1):
            i -= 1  # `召开县(区)委书记、县(区)长集体谈心谈话会`: whose meeting, listed
            continue
        if s[i - 1] in _TAGS and _column_tag(s, i):
            return i, None  # `《駐京專電》全國宣傳部長會議召開`, `[图文]`: a column's tag
        if s[i - 1] in ends or (s[i - 1] in "日午" and i > 1 and s[i - 2] in "0123456789上下中)）"):
            return i, None
        if s[i - 1] == "电" and i > 1 and s[i - 2] == "日":
            return i, None  # `新华社北京3月4日电` is a dateline
        for word in _ending_in(stops).get(s[i - 1], ()):
            if s.endswith(word, 0, i) and not (word == "在" and _residents(s, i)):
                return i, word
        i -= 1
    return i, None


@functools.cache
def _ending_in(stops: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The stop words by their last character, each group in the tuple's order: the walk
    tries only the words that can end at the character it stands on."""
    groups: dict[str, list[str]] = {}
    for word in stops:
        groups.setdefault(word[-1], []).append(word)
    return {last: tuple(words) for last, words in groups.items()}


_NUMERALS = frozenset("0123456789一二三四五六七八九十")
# A year's gathering of those living in a city (`2013年在京台胞中秋茶话会`): no place phrase.
_RESIDENTS = re.compile(r"(?:19|20)\d\d年在[京沪津渝穗港澳台蓉杭华]")
# Those of a body living in a city: `某同学会在京理事暨亲属迎春茶话会`.
_RESIDENT_GROUP = re.compile(
    r"在[京沪津渝穗港澳台蓉杭](?:理事|台胞|校友|会员|委员|代表|乡亲|同学|侨胞|人士|干部|专家|老同志)"
)


def _residents(s: str, i: int) -> bool:
    """Whether the 在 before `i` opens a group of a city's residents, not a place phrase."""
    return bool(_RESIDENTS.match(s, max(0, i - 6)) or _RESIDENT_GROUP.match(s, i - 1))


_TAGS = {"》": "《", "]": "[", "〕": "〔", "〗": "〖", "］": "［"}  # closing: opening


def _column_tag(s: str, i: int) -> bool:
    """Whether the bracket closing at `i` (`《…》`, `[…]`) opens its line: a column's tag."""
    opening = s.rfind(_TAGS[s[i - 1]], max(0, i - 12), i)
    return opening >= 0 and not s[s.rfind("\n", 0, opening) + 1 : opening].strip()


def _listed_in_name(s: str, at: int) -> bool:
    """Whether the list comma at `at` is inside a name held in its clause: a holding verb
    comes before it in the same clause."""
    opening = max(s.rfind(mark, max(0, at - CAP), at) for mark in CLAUSE)
    verb = HOLDS.search(s, opening + 1, at)
    return verb is not None and at - verb.end() >= 2


def _credit_before(s: str, i: int) -> bool:
    """Whether the parenthesis closing at `i` is a reporter's credit (`(记者 张三)`)."""
    j = max(s.rfind("(", 0, i), s.rfind("（", 0, i))
    if j < i - 30:
        return False
    inside = s[j + 1 : i - 1].strip()
    # a byline's names alone in brackets: `(李某梅)第十次…代表大会`, `（张三 李四）`
    names = inside.replace("、", " ").split()
    if CREDIT.search(inside):
        return True  # `(记者 张三)`, `(某网前方报道组)`
    # `某社团联合会(欧华联会)`: a body's short form, not a byline's names
    return bool(names) and not ORG_END.search(inside) and all(map(is_name, names))


__all__ = ["CAP", "extract_meeting", "find_meeting_name", "meeting_spans"]
