"""People as people: who chaired, attended and spoke, each a whole name with its role.

A report writes `区政协党组书记、主席宋泓主持会议`, `副主任王旺来、施爱枝出席`, `会议由郑南贵
主持`, `許宏綺區長主持`: this module finds the lists before 主持, 出席 and 讲话 (past the day
and place written between, `議長某某今（20）日上午主持`), and `digests.person_names` reads
each list's names and roles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from digests.model import Person
from digests.person_names import WIRE_DAY, is_name, parse_people
from digests.script import CJK

_CLAUSE = "，,。；;：:！!？?\n"
_PERSON_END = _CLAUSE + '“”"（）() \t\u3000'
_SPACED_END = _PERSON_END.replace(" ", "").replace("\u3000", "")  # a name set off by spaces
CAP = 120  # characters of a list of people, at most
# leading a toast or a draw chairs nothing; Taiwan's 院長 convening talks chairs them
_CHAIR = re.compile(r"主持(?!人|词|祝酒|抽奖)|召集(?=(?:朝野|党团)+协商)")
_ATTEND = re.compile(r"(?:出席|参加|列席)(?=会议|并|大会|座谈|活动|[，,。；;]|$)")
_SPEAK = re.compile(
    r"(?:出席(?:会议)?并|在(?:会上|会议上|讲话中|总结讲话中|讲话时))?(?:讲话|强调|指出|要求|表示)"
)
# The day, hour and place of a sitting written between its chair's name and 主持.
_DAY = (  # `某某6月1日主持`, `某某今（20）日主持`
    rf"(?:(?:\d{{1,2}}月)?\d{{1,2}}日|[今昨明][天日]|当[天日]|日前|近日|{WIRE_DAY}\s*日?)"
)
_ADVERBIAL = re.compile(
    rf"{_DAY}?(?:[上中下]午|晚上?|早上?)?"
    r"(?:(?:星期|礼拜|周)[一二三四五六日天])?"  # `某某星期一(10月31日)主持`
    r"(?:在[^在，,。、]{1,12})?(?:出席(?:会议)?并)?"  # `书记某某出席并主持会议`
    r"(?:随即|随后|亲自|首先|接着|再次)?$"  # `某某助理校长随即主持`
)
_BRACKETED_DATE = re.compile(r"[(（]\d{1,2}月\d{1,2}日[)）]$")
# A bracketed day the walk left steps over rather than stopping at its bracket.
_BRACKETED_DAY = re.compile(rf"(?:{WIRE_DAY}|[(（]\d{{1,2}}月\d{{1,2}}日[)）])$")
_BARE_VERB = re.compile(r"(?:出席(?:会议)?并|的)$")  # `在书记某某的主持下`
_NOT_PEOPLE = re.compile(r"主持|出席|参加|列席|讲话|召开|举行|指出|强调|要求|会上|会议|[上下]午|\d")


@dataclass(frozen=True, slots=True)
class People:
    chair: tuple[Person, ...] = ()
    attendees: tuple[Person, ...] = ()
    speakers: tuple[Person, ...] = ()

    @property
    def roles(self) -> tuple[tuple[str, str], ...]:
        """(name, role) of everyone whose role the text gives, first-seen order, once each."""
        seen: dict[str, str] = {}
        for person in (*self.chair, *self.attendees, *self.speakers):
            if person.role:
                seen.setdefault(person.name, person.role)
        return tuple(seen.items())


def extract_people(source: str, s: str) -> People:
    """Chair, attendees and speakers of the report `s` (simplified), as `source` writes them."""
    chair = next(_chairs(source, s), ())
    attendees = _unique(p for span in _attendee_spans(s) for p in parse_people(source, s, *span))
    speakers = _unique(_speakers(source, s))
    return People(tuple(chair), attendees, speakers)


def _walk_left(s: str, end: int, ends: str) -> int:
    i = end
    while i > 0 and end - i < CAP:
        if s[i - 1] in ")）" and (day := _BRACKETED_DAY.search(s, max(0, i - 10), i)):
            i = day.start()  # `议长某某今（20）日出席`: the bracket is the day's
            continue
        if s[i - 1] in ends:
            break
        if s.endswith("由", 0, i):
            return i
        i -= 1
    return i


def _chairs(source: str, s: str) -> Iterator[list[Person]]:
    for match in _CHAIR.finditer(s):
        people = _chair_at(source, s, match.start(), _PERSON_END)
        if not people and s[match.start() - 1 : match.start()] == " ":  # `由議長 王大同 主持`
            people = _chair_at(source, s, match.start(), _SPACED_END)
        if people:
            yield people
    for match in _PRESIDING.finditer(s):  # `開幕典禮主席某某某致詞`: the ceremony's chair
        group = 1 if match.group(1) else 2
        if is_name(match.group(group)):
            a, b = match.span(group)
            yield [Person(source[a:b], source[match.start() : a])]
    for match in _SERVES_AS.finditer(s):  # `会中推派某某议员担任主席`: the sitting's chair
        start = _walk_left(s, match.start(), _PERSON_END)
        if (verb := _CHOSEN.match(s, start, match.start())) is not None:
            start = verb.end()
        if people := parse_people(source, s, start, match.start()):
            yield people
    for field in _CHAIR_FIELD.finditer(s):  # a notice's `会议主持人:董事长某某先生`
        end = next((i for i in range(field.end(), len(s)) if s[i] in _CLAUSE), len(s))
        if people := _field_chair(source, s, field.end(), end):
            yield people


def _field_chair(source: str, s: str, start: int, end: int) -> list[Person]:
    """The people a `主持人：` field names, or the one bracketed after the office it names
    (`主持人：法規委員會召集人(某某某議員)`)."""
    if people := parse_people(source, s, start, end):
        return people
    held = _HOLDER.search(s, start, end)
    return parse_people(source, s, *held.span(1)) if held else []


_CHAIR_FIELD = re.compile(r"主持人\s*[:：]\s*")
_HOLDER = re.compile(r"[(（]([^()（）]{2,12})[)）]")
# A ceremony's or a congress's chair named by the office before a speech: `大会主席某某致辞`;
# a sitting's, opening it (`主席某某宣布開會`, as a council's minutes write it).
_PRESIDING = re.compile(
    rf"(?:典礼|仪式|大会|年会|开幕式)主席([{CJK}]{{2,4}}?)"
    r"(?:致词|致辞|讲话|宣布|表示|报告|理事长|会长|议长|先生|女士)"  # `大会主席某某理事长`
    rf"|(?<![{CJK}])主席([{CJK}]{{2,4}}?)宣布(?:开会|开议|开幕|会议开始|大会开始)"
)
# Who a sitting puts in its chair: `推派某某议员担任主席`, `由某某担任大会主席`.
_SERVES_AS = re.compile(r"担任(?:会议|大会|临时)?主席(?![团台])")
_CHOSEN = re.compile(r"(?:会中|会上|大会)?(?:推派|推选|推举|公推|选举|由)")


def _chair_at(source: str, s: str, at: int, ends: str) -> list[Person]:
    """The chairs written before the 主持 at `at`, the list running back to one of `ends`."""
    if (dated := _BRACKETED_DATE.search(s, max(0, at - 12), at)) is not None:
        at = dated.start()  # `某某星期一(10月31日)主持`: the bracket is the day's
    start = _walk_left(s, at, ends)
    together = s.endswith("共同", 0, at)
    if together:  # `县长王五，副书记李四共同主持`: the list runs past a comma
        start = _earlier_segments(s, start, at)
    for end in _name_ends(s, start, at):  # (`局長某某與副市長某某，在香港共同主持`: both)
        if people := parse_people(source, s, start, end, "与" if together else ""):
            return people
    return []


def _name_ends(s: str, start: int, end: int) -> list[int]:
    """Where the chair's name may end, likeliest first: before the day, hour or place of the
    sitting written between it and 主持 (`主席某某22日下午主持`, `主席某某在北京主持`), before
    a bare `的` or `出席并`, or at 主持 (`会议在书记某某主持下召开`: the 在 opens the clause)."""
    ends = [found.start() for found in (_ADVERBIAL.search(s, start, end),) if found]
    ends += [found.start() for found in (_BARE_VERB.search(s, start, end),) if found]
    return [e for e in dict.fromkeys([*ends, end]) if e > start]


def _attendee_spans(s: str) -> Iterator[tuple[int, int]]:
    for match in _ATTEND.finditer(s):
        start = _walk_left(s, match.start(), _PERSON_END)
        yield _earlier_segments(s, start, match.start()), match.start()


def _earlier_segments(s: str, start: int, end: int) -> int:
    """Take in earlier comma-separated segments that are lists of people, within CAP."""
    while start > 1 and s[start - 1] in ",，":
        prev = _walk_left(s, start - 1, _PERSON_END)
        segment = s[prev : start - 1]
        if not segment or _NOT_PEOPLE.search(segment) or end - prev > CAP:
            break
        start = prev
    return start


def _speakers(source: str, s: str) -> Iterator[Person]:
    for match in _SPEAK.finditer(s):
        start = _walk_left(s, match.start(), _PERSON_END + "、")
        people = parse_people(source, s, start, match.start())
        if people:
            yield people[-1]


def _unique(people: Iterator[Person] | list[Person]) -> tuple[Person, ...]:
    """People in first-seen order, each name once (its first role kept)."""
    seen: dict[str, Person] = {}
    for person in people:
        seen.setdefault(person.name, person)
    return tuple(seen.values())


__all__ = ["People", "extract_people", "is_name", "parse_people"]
