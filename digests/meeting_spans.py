"""The meeting phrases of a text, each marked held (or attended) or only cited, and the
extent of each: past a prefix that is no part of the name, on across a compound's `暨`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from digests.meeting_walk import walk_left
from digests.meeting_words import (
    CAP,
    CLAUSE,
    CLAUSE_CHAR,
    COUNTED,
    DATELINE,
    DEICTIC,
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
    OF_THE_NAME,
    ORGANISED,
    RECURRING,
    REFERS,
    TIME,
    VERBS,
)
from digests.sentences import TERMINATORS


def meeting_spans(s: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, named) of each meeting phrase; named means held/attended, not cited."""
    for match in MEETING.finditer(s):
        if s.rfind("《", 0, match.start()) > s.rfind("》", 0, match.start()):
            continue  # inside a document's title (《关于召开…会议的通知》): not held here
        start, stop = _past_own_verb(s, *walk_left(s, match.start(), NAME_END, NAME_STOPS))
        if stop in MET or stop in REFERS or stop in ELECTED:
            continue  # the body visited or elected, a task about a meeting: none held
        founding = match.group() in FOUNDED_BODIES and FOUNDING.search(s, start, match.start())
        if _CALLED_OFF.match(s, match.end()):
            continue  # `某諮詢會議延期`, `某會議宣布取消`: not held, whatever else is said of it
        if FOUNDED.match(s, match.end()) or founding:
            continue  # `某理事会在某村成立`, `某村成立某联谊会`: a body founded
        if (
            match.group() == "选举"
            and stop not in _VOTE_HELD
            and not HELD_AFTER.match(s, match.end())
        ):
            continue  # `参加立法会选举，…`: an election taken part in, not one held here
        start = skip_prefix(s, start, match.start())
        bare = match.start() - start < 2
        if bare and body_meeting(s, match.start(), match.group()) is not None:
            yield match.start(), match.end(), True  # `区委常委会召开会议`: 区委常委会会议
            continue
        # a compound name is followed as a whole: `…第十三次会议暨…纪念活动在某园举行`
        follows = FOLLOWS_NAME.match(s, match.end()) or compound_follows(s, match.end())
        held = stop in VERBS or stop == "主持" or bool(follows)
        if bare and not (_NAMES_ITSELF.match(match.group()) and _held_bare(s, match, stop, held)):
            continue  # a bare 会议 names nothing; a bare 座谈会 that was held does
        held = held or bare
        if GENERIC.search(s[start : match.end()].lstrip("「“『")) or COUNTED.search(
            s, start, match.start()
        ):
            continue
        if follows and _organiser(s, follows.end()):
            continue  # `某联谊会昨举行第二次会议`: the organiser, not the meeting
        if stop in VERBS and _TO_BE_HELD.search(s, max(0, start - 16), start):
            held = False  # `指28日将召开第6次程序委员会`: to be held
        if stop in VERBS and _HELD_BEFORE.search(s, max(0, start - 12), start):
            held = False  # `上月舉行第四次大會中`: an earlier sitting, recalled
        if RECALLED.search(s, max(0, start - 14), start):
            held = False  # `兩地在上月舉行的某某會議第六次會議上簽署…`: the same, as background
        held = held or _attended(s, start, match.end(), stop)
        if s.startswith(("代表资格", "代表职务"), match.end()):
            continue  # `终止其某市第五次代表大会代表资格`: a delegate's seat, not a meeting
        if stop in ("出席", "列席") and s.startswith("代表", match.end()):
            held = False  # `选举产生出席党的十八大代表`: delegates to it, elected elsewhere
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
# A sitting held before, recalled: `上月舉行第四次大會中`, or as background to the one reported
# (`兩地在上月舉行的某某會議上簽署…`).
_EARLIER = r"(?:上月|上周|上週|上星期|上次|前次|去年|早前|此前)[^，,。；;]{0,6}?(?:召开|举行|举办)"
_HELD_BEFORE = re.compile(rf"{_EARLIER}了?$")
RECALLED = re.compile(rf"{_EARLIER}的$")
_CALLED_OFF = re.compile(r"[」”』]?(?:将|已|宣布|再度|再次)?(?:延期|取消|改期|推迟|延后|押后)")
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
# what was said or done at it: `在…座谈会上表示`, `在…会议上，都批评…`
_SPEECH = (
    r"(?:致词|致辞|讲话|发言|作报告|作主题报告|表示|指出|强调|透露|呼吁|说|批评|质疑|提出"
    r"|宣布|通过|发布|宣读|介绍|通报"
    r"|动议|提问|质询|投票)"  # what a councillor does at a sitting: `在…會議上，動議一項議案`
)
# `在…会上致词`, or a few words on: `…会上，某某理事长首先致辞`
# (not `在…座谈会上的重要讲话精神`: the speech given there, cited)
_SPOKEN_AT = re.compile(rf"上(?!的)[，,]?[^，,。；;！？]{{0,40}}?{_SPEECH}")


def _attended(s: str, start: int, end: int, stop: str | None) -> bool:
    """Whether the meeting at `start`…`end` is one attended: organised by a body and
    attended (`出席该会主办的…`), spoken at (`他今午在…聚餐会上致词`), or the subject of a
    sentence about what it does today (`(…電)立法院會今天繼續處理…`)."""
    if stop in ORGANISED:
        return bool(_ATTENDED_ORGANISED.search(s, max(0, start - 24), start - len(stop)))
    if stop is None and (start == 0 or s[start - 1] in "\n。)）】"):
        # `座谈交流会上，某某理事长首先致辞`: a sentence about what was said at it
        return bool(_TODAY.match(s, end) or _ACTS.match(s, end) or _SPOKEN_AT.match(s, end))
    return stop == "在" and bool(_SPOKEN_AT.match(s, end) or _lede_at(s, start, end))


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


def compound_follows(s: str, end: int) -> re.Match[str] | None:
    """What follows a compound name joined at `end` (`…会议暨…活动在某园举行`)."""
    if not s.startswith(("暨", "和", "及", "、"), end):
        return None
    return FOLLOWS_NAME.match(s, compound_end(s, end))


def body_meeting(s: str, at: int, word: str) -> tuple[int, int] | None:
    """The body whose own meeting a bare `召开会议` is (`区委常委会召开会议`): a standing
    committee, a party group or committee, a presidium meets as `常委会会议`, `党组会议`."""
    verb = next((v for v in ("召开", "举行") if s.endswith(v, 0, at)), None)
    if word not in ("会议", "大会") or verb is None:
        return None
    org_end = before_place_and_time(s, at - len(verb))
    subject, _ = walk_left(s, org_end, NAME_END, ("在", "由", "主持"))
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


# `升格后的首次`, `换届以后的第一次`: the first meeting since an event, before a name in full.
_FIRST_SINCE = re.compile(
    r"[^，,。；;的]{1,12}?(?:(?:之?后|以来)的|(?:世纪|时代)的)(?:首次|第一次)"
)


def skip_prefix(s: str, start: int, end: int) -> int:
    """Past a leading 的 or dateline that the walk left in (`的政协…`, `本报讯…`), and an
    attribute, a head count or a region before a name that opens with its own body."""
    while start < end and s[start] in "的之暨和及":
        start += 1
    # `由某会主办的`, `一年一度的`, `周二的`: not the name
    for attribute in (_ORGANISED_BY, RECURRING, _WHEN_OF):
        if (found := attribute.match(s, start, end)) is not None:
            start = found.end()
    start = past_attribute(s, start, end)
    if (first := _FIRST_SINCE.match(s, start, end)) is not None and end - first.end() >= 6:
        start = first.end()  # `升格后的首次中央政法工作会议`: the first since, not a number
    if (own := DEICTIC.match(s, start, end)) is not None and end - own.end() >= 2:
        return own.end()  # `本所108年度…会报`: this office's, as its own page says
    return start + 3 if s.startswith("本年度", start, end) else start


# The day it was held, before its name: `在周二的元朗區議會會議上`.
_WHEN_OF = re.compile(
    r"(?:[上本下]?周[一二三四五六日天]|星期[一二三四五六日天]|[昨今前][天日]|日前|近日|当[天日]"
    r"|[上本]周)的"
)
# Who organised it, before its name: `由某中心和某总会联办的新春团拜`.
_ORGANISED_BY = re.compile(r"由[^，,。；;]{1,40}?(?:主办|联办|合办|举办|承办|协办|筹办|组织)的")


# A name's own body opening it (`共青团某市第十三次`, `政协第十届`, `全国政协`, `十四届政协`).
OPENS_BODY = re.compile(rf"(?:中国共产|中共|共青团|中国人民政治协商会议|政协|全国|第?{NUMBER}届)")
# Before such a name, none of it: a head count (`300名`), a region tag that Taiwan's and
# Hong Kong's press writes (`中国大陆`, `大陆`), a caption's bullet (`▲`).
_BEFORE_BODY = re.compile(rf"(?:{NUMBER}(?:多|余)?[名位])|(?:中国)?大陆|[^\w\s]")


def past_attribute(s: str, start: int, end: int) -> int:
    """Past what describes a name that opens with its own body: `历时四天的共青团某市第十三次
    代表大会`, `各条战线的300名共青团…大会(代表)`, `▲大陆全国政协…会议`; an attribute with a
    meeting in it (`…会议代表中的中共党员会议`) is the name's."""
    at = s.rfind("的", start, end) + 1 or start
    if at > start and (MEETING.search(s, start, at) or s[at - 2] == "党"):
        at = start  # `党的十八届六中全会`: the party's, no attribute
    while (lead := _BEFORE_BODY.match(s, at, end)) is not None and lead.end() > at:
        at = lead.end()
    return at if at > start and OPENS_BODY.match(s, at) else start


def compound_end(s: str, end: int) -> int:
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


def together_end(s: str, end: int) -> int:
    """The end of a compound name held as one; meetings held each on its own day
    (`第一次全体会议和第二次全体会议分别于10日和12日举行`) are named by the first."""
    extended = compound_end(s, end)
    return end if s.startswith("分别", extended) else extended


# After a meeting, `暨` and an event that is no meeting word: a lecture, ceremony, forum.
_EVENT_AFTER = re.compile(
    r"暨[^，,。；;：:\s在于召举]{2,30}?(?:讲堂|仪式|典礼|活动|论坛|选举|改选|开放日|嘉年华)"
)
# A quoted title right after the meeting word, then the clause ends: the event's own name.
_QUOTED_TITLE = re.compile(r"[“「『][^“”「」『』，,。；;]{2,20}[”」』](?=[，,。；;\s]|$)")
# A compound's second part that is an election: `…大会暨新届理事会选举`, not `大会选举产生…`.
_ELECTION_AFTER = re.compile(r"(?:选举|改选)(?![产出了为通])")


def before_place_and_time(s: str, at: int) -> int:
    """Where the subject of `…在人民大会堂举行` ends: before its place and time phrases."""
    # `在…召开`, and Hong Kong's and Macau's `假…舉行`
    place = max(s.rfind("在", max(0, at - 25), at), s.rfind("假", max(0, at - 25), at))
    if place >= 0 and not any(c in CLAUSE for c in s[place:at]):
        at = place
    if (adverb := _GOES_ON.search(s, max(0, at - 4), at)) is not None:
        at = adverb.start()  # `某委員會今日繼續召開第二次會議`: how, not who
    time = TIME.search(s, max(0, at - 14), at)
    at = time.start() if time and time.end() == at else at
    # a session or a body named, then when and where it sits: `…第十四次會議，上午在…舉行`,
    # `某市議會某專案調查小組，今（13）日上午召開會議`
    return at - 1 if s[at - 1 : at] in ("，", ",") and _SESSION_BEFORE.search(s, 0, at - 1) else at


_SESSION_BEFORE = re.compile(rf"{NUMBER}次(?:会议|大会)$|(?:委员会|小组|常委会|理事会)$")


_GOES_ON = re.compile(r"(?:继续|再次|再度|首次|正式|专门|随即)$")
