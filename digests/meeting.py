"""Meeting facts: which meeting, where, who chaired, who attended and who spoke.

Patterns run on the simplified text; values are sliced from the original text at the same
offsets (t2s keeps a line's length), so a traditional page keeps its traditional names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from digests.model import MeetingFacts

CAP = 80  # no fact may grow into a paragraph
_CLAUSE = "，,。；;：:！!？?\n"
_NAME_END = _CLAUSE + "、 \t\u3000"  # a list comma or a space also ends a meeting name
_PERSON_END = _CLAUSE + '“”"（）() \t\u3000'

# A meeting word; the lookaheads keep 会场/会堂/会员/会长 and references such as 会议精神 out.
_MEETING = re.compile(
    r"(?:座谈|生活|研讨|推进|部署|动员|报告|交流|协商|恳谈|茶话|评议|述职|学习|汇报|通报|现场"
    r"|见面|联席|推介|培训|发布|调度|务虚|总结|表彰|纪念|启动|分析|讨论|对接|观摩|议政|协调)"
    r"会(?![议场堂员长所])|大会(?![堂场])|全会(?!精神)|会议(?![室厅]|中心|精神)|论坛"
)
# Words that end a phrase when walking left, longest first; verbs mark a named meeting.
_VERBS = ("召开了", "举行了", "参加了", "出席了", "召开", "举行", "参加", "出席", "列席")
_NAME_STOPS = (*_VERBS, "主持", "在", "对", "是", "了")
_FOLLOWS_NAME = re.compile(r"\s*(?:在|于|召开|举行|隆重|顺利|近日|日前|开幕)")
_PLACE = re.compile(
    r"在((?:(?!在)[^，,。；;：:！!？?\n“”]){1,30}?)(?:隆重|顺利|正式)?(?:召开|举行|开幕|举办)"
)
_NOT_PLACE = re.compile(r"\d+[月日]|[上下]午|晚上|会上|期间")
_CHAIR = re.compile(r"主持(?!人)")
_ATTEND = re.compile(r"(?:出席|参加|列席)(?=会议|并|大会|座谈|活动|[，,。；;]|$)")
_SPEAK = re.compile(
    r"(?:出席(?:会议)?并|在(?:会上|会议上|讲话中|总结讲话中|讲话时)|并)?(?:讲话|强调|指出|要求|表示)"
)
_NOT_PERSON = re.compile(
    r"主持|出席|参加|列席|讲话|召开|举行|指出|强调|要求|会上|会议|[上下]午|在|是|\d"
)
_TRIM_TAIL = ("受邀", "应邀", "特邀", "也", "均", "分别", "一同", "等", "来")
_TITLES = re.compile(
    r"总书记|书记|部长|主席|主任|主委|秘书长|委员|常委|[市区县镇省]长|局长|厅长|院长|处长|科长"
    r"|理事长|会长|社长|组长|巡视员|调研员"
)
_NOT_NAMES = frozenset({"会议", "会上", "大会", "全会", "我们", "他们", "大家", "同志们", "文件"})
# Characters a personal name does not hold, though the words before 要求/讲话 often do.
_NOT_IN_NAME = re.compile(r"[委部党会市省区县镇的和与]|工作|重要")
_ADVERBS = re.compile(r"(?:最后|同时|再次|还|也|并|进一步|特别)+$")


def extract_meeting(
    text: str, simplified: str, simplified_title: str, title: str | None = None
) -> MeetingFacts:
    """The meeting's facts, each as written in `text` (or `simplified` if lengths differ)."""
    source = text if len(text) == len(simplified) else simplified
    chair = _first(_chair_spans(simplified))
    return MeetingFacts(
        name=_name(source, simplified, simplified_title, title),
        place=_slice(source, _first(_place_spans(simplified))),
        chair=_slice(source, chair),
        attendees=_unique(source, _attendee_spans(simplified)),
        speakers=_unique(source, _speaker_spans(simplified)),
    )


def meeting_spans(s: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, named) of each meeting phrase; named means held/attended, not cited."""
    for match in _MEETING.finditer(s):
        start, stop = _walk_left(s, match.start(), _NAME_END, _NAME_STOPS)
        if match.start() - start < 2:  # a bare 会议 names nothing
            continue
        named = stop in _VERBS or bool(_FOLLOWS_NAME.match(s, match.end()))
        yield start, match.end(), named


def find_meeting_name(s: str) -> tuple[int, int] | None:
    """The span of the first meeting said to be held or attended in `s`."""
    return next(((a, b) for a, b, named in meeting_spans(s) if named), None)


def _name(source: str, s: str, s_title: str, title: str | None) -> str | None:
    """The title's meeting, as the body spells it in full; else the body's first meeting."""
    in_title = [(a, b) for a, b, _ in meeting_spans(s_title)]
    if in_title:
        a, b = in_title[-1]  # a headline's last meeting is the one it reports
        at = s.find(s_title[a:b])
        if at >= 0:
            start, _ = _walk_left(s, at, _NAME_END, _NAME_STOPS)
            return _slice(source, _cap(s, start, at + b - a))
        original = title if title is not None and len(title) == len(s_title) else s_title
        return original[a:b]
    return _slice(source, find_meeting_name(s))


def _walk_left(s: str, end: int, ends: str, stops: tuple[str, ...]) -> tuple[int, str | None]:
    """Start of the phrase ending at `end`, and the stop word that bounded it, if any."""
    i = end
    while i > 0 and end - i < CAP:
        if s[i - 1] == "”" and (j := s.rfind("“", max(0, i - 40), i - 1)) >= 0:
            i = j  # a quoted slogan belongs to the name even with commas inside
            continue
        if s[i - 1] in ends or (s[i - 1] in "日午" and i > 1 and s[i - 2] in "0123456789上下中"):
            return i, None
        for word in stops:
            if s.endswith(word, 0, i):
                return i, word
        i -= 1
    return i, None


def _place_spans(s: str) -> Iterator[tuple[int, int]]:
    for match in _PLACE.finditer(s):
        if not _NOT_PLACE.search(match.group(1)):
            yield match.span(1)


def _chair_spans(s: str) -> Iterator[tuple[int, int]]:
    for match in _CHAIR.finditer(s):
        start, _ = _walk_left(s, match.start(), _PERSON_END, ("由",))
        span = _trimmed(s, start, match.start())
        if span is not None:
            yield span


def _attendee_spans(s: str) -> Iterator[tuple[int, int]]:
    for match in _ATTEND.finditer(s):
        start, _ = _walk_left(s, match.start(), _PERSON_END, ("由",))
        start = _earlier_segments(s, start, match.start())
        span = _trimmed(s, start, match.start())
        if span is not None:
            yield span


def _earlier_segments(s: str, start: int, end: int) -> int:
    """Take in earlier comma-separated segments that are lists of people, within CAP."""
    while start > 1 and s[start - 1] in ",，":
        prev, _ = _walk_left(s, start - 1, _PERSON_END, ())
        segment = s[prev : start - 1]
        if not segment or _NOT_PERSON.search(segment) or end - prev > CAP:
            break
        start = prev
    return start


def _trimmed(s: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without trailing 等/受邀…; None when nothing person-like is left."""
    changed = True
    while changed:
        changed = False
        for tail in _TRIM_TAIL:
            if s.endswith(tail, start, end) and end - start > len(tail):
                end -= len(tail)
                changed = True
    if end - start < 2 or s[start:end] in _NOT_NAMES:
        return None
    return _cap(s, start, end)


def _speaker_spans(s: str) -> Iterator[tuple[int, int]]:
    for match in _SPEAK.finditer(s):
        start, _ = _walk_left(s, match.start(), _PERSON_END + "、", ())
        span = _person_name(s, start, match.start())
        if span is not None:
            yield span


def _person_name(s: str, start: int, end: int) -> tuple[int, int] | None:
    """The 2–4 character name in `主席曹卫东` or `习近平总书记` or a bare `钱锋`."""
    titles = list(_TITLES.finditer(s, start, end))
    if titles:
        last = titles[-1]
        start, end = (last.end(), end) if last.end() < end else (start, last.start())
    if adverbs := _ADVERBS.search(s, start, end):
        end = adverbs.start()
    name = s[start:end]
    if not 2 <= len(name) <= 4 or name in _NOT_NAMES or _NOT_IN_NAME.search(name):
        return None
    return (start, end) if _is_han(name) else None


def _is_han(text: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" or ch == "*" for ch in text)


def _cap(s: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading list items (or characters) until the span fits in CAP."""
    while end - start > CAP:
        cut = min((i for i in (s.find(c, start, end) for c in "、,，") if i >= 0), default=-1)
        start = cut + 1 if cut >= 0 else end - CAP
    return start, end


def _slice(source: str, span: tuple[int, int] | None) -> str | None:
    return source[span[0] : span[1]].strip() or None if span else None


def _first(spans: Iterator[tuple[int, int]]) -> tuple[int, int] | None:
    return next(spans, None)


def _unique(source: str, spans: Iterator[tuple[int, int]]) -> tuple[str, ...]:
    """Values in first-seen order, each once."""
    seen: dict[str, None] = {}
    for span in spans:
        value = _slice(source, span)
        if value:
            seen.setdefault(value, None)
    return tuple(seen)
