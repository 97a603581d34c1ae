"""People as people: who chaired, attended and spoke, each a whole name with its role.

A report writes `区政协党组书记、主席宋泓主持会议`, `副主任王旺来、施爱枝出席`, `会议由郑南贵
主持`, `許宏綺區長主持`: a list of items where titles run into names, a bare name sharing
the role before it, a name before its title. Each item is split at its last title word;
what is left must be a person's name (2–4 ideographs led by a surname), or it is dropped,
so `赵明在` (from `赵明在讲话中`) or `按照` never becomes a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from digests.model import Person
from digests.script import CJK
from digests.segment import SURNAMES

_CLAUSE = "，,。；;：:！!？?\n"
_PERSON_END = _CLAUSE + '“”"（）() \t\u3000'
_SPACED_END = _PERSON_END.replace(" ", "").replace("\u3000", "")  # a name set off by spaces
CAP = 120  # characters of a list of people, at most
_TITLES = re.compile(
    r"总书记|副书记|书记员|书记|副部长|部长|副主席|主席|副主任委员|主任委员|副主任|主任|副主委|主委"
    r"|副秘书长|秘书长|副委员长|委员长|常务委员|委员|常委|副市长|市长|副区长|区长|副县长|县长|副镇长|镇长"
    r"|副乡长|乡长|副省长|省长|州长|副局长|局长|副厅长|厅长|副院长|院长|副校长|校长|副处长|处长|副科长|科长"
    r"|副理事长|理事长|常务理事|理事|副会长|会长|社长|副组长|组长|巡视员|调研员|董事长|董事|副总经理|总经理|经理|副议长"
    r"|议长|议员|里长|团长|司长|行长|总裁|检察长|庭长|所长|站长|馆长|大使|发言人|教授|研究员|监事长|监事"
    r"|主编|同志|代表|负责人|顾问|助理|干部|督学|老师|先生|女士|博士|牧师|法师|神父|长老|道长"
)
_COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "令狐",
    "公孙",
    "慕容",
    "尉迟",
    "长孙",
    "宇文",
    "司徒",
    "夏侯",
    "端木",
    "轩辕",
    "呼延",
    "万俟",
)
_TRIM_TAIL = (
    "同志",
    "受邀",
    "应邀",
    "特邀",
    "共同",
    "分别",
    "一同",
    "等",
    "也",
    "均",
    "还",
    "在",
    "又",
    "则",
    "就",
    "来",
    "亲自",
    "轮流",
    "先后",
    "先生",  # `董事长某某先生`: an honorific after the name
    "女士",
    "分工",  # `某某分工主持院會`: how several share the chair
    "交替",
)
# leading a toast or a draw chairs nothing; Taiwan's 院長 convening talks chairs them
_CHAIR = re.compile(r"主持(?!人|词|祝酒|抽奖)|召集(?=(?:朝野|党团)+协商)")
_ATTEND = re.compile(r"(?:出席|参加|列席)(?=会议|并|大会|座谈|活动|[，,。；;]|$)")
_SPEAK = re.compile(
    r"(?:出席(?:会议)?并|在(?:会上|会议上|讲话中|总结讲话中|讲话时))?(?:讲话|强调|指出|要求|表示)"
)
# The day, hour and place of a sitting written between its chair's name and 主持.
_DAY = (
    r"(?:(?:\d{1,2}月)?\d{1,2}日|[今昨明][天日]|当[天日]|日前|近日"  # `某某6月1日主持`
    r"|[今昨明本]\s*[(（](?:\d{1,2}|[一二三四五六七八九十廿卅]{1,3})日?[)）]\s*日?)"
)  # Taiwan's wire style brackets the day: `今（20）日`, `昨(二十九)日`
_ADVERBIAL = re.compile(
    rf"{_DAY}?(?:[上中下]午|晚上?|早上?)?"
    r"(?:(?:星期|礼拜|周)[一二三四五六日天])?"  # `某某星期一(10月31日)主持`
    r"(?:在[^在，,。、]{1,12})?(?:出席(?:会议)?并)?"  # `书记某某出席并主持会议`
    r"(?:随即|随后|亲自|首先|接着|再次)?$"  # `某某助理校长随即主持`
)
_BRACKETED_DATE = re.compile(r"[(（]\d{1,2}月\d{1,2}日[)）]$")
# A bracketed day the walk left steps over rather than stopping at its bracket.
_BRACKETED_DAY = re.compile(
    r"(?:[今昨明本]\s*[(（](?:\d{1,2}|[一二三四五六七八九十廿卅]{1,3})日?|[(（]\d{1,2}月\d{1,2}日)[)）]$"
)
# The day or hour of a sitting left at the end of a name: `副议长李四昨日` + 出席.
_TIME_TAIL = re.compile(
    r"(?:\d{1,2}日|[今昨][天日]|当[天日]|日前|近日"
    r"|[今昨明本]\s*[(（](?:\d{1,2}|[一二三四五六七八九十廿卅]{1,3})日?[)）]\s*日?)?"
    r"(?:[上中下]午|晚上|早上|[今昨]晚)?$"  # a bare 晚 or 早 may end a given name
)
_BARE_VERB = re.compile(r"(?:出席(?:会议)?并|的)$")  # `在书记某某的主持下`
_NOT_PEOPLE = re.compile(r"主持|出席|参加|列席|讲话|召开|举行|指出|强调|要求|会上|会议|[上下]午|\d")
# Surnames beyond the segmenter's common list, frequent among officials' names.
_MORE_SURNAMES = frozenset(
    "习洪练况栗茆衣问查封巴羊沙单连扈訾郜雍邰燕晋鄢易解宦植麦闻荣谈原幸伏"
    "路关邸荆寿晁庹琚仇冀郁邴湛厉阎鞠廉芦杭怀"
)
_TITLE_WORDS = frozenset({"常务", "执行", "轮值", "名誉", "荣誉", "首席", "常務", "執行", "輪值"})
_NAME_DOT = re.compile("[·•・‧]")  # the dot between a minority or foreign name's parts
_NOT_LAST = frozenset("在等和与及的了是")  # `赵明在` is 赵明 and the start of 在讲话中
# A body's last character, which no given name ends with: `龙湖区委` is the district's committee.
_BODY_LAST = frozenset("委局府厅处司部办")
_NEVER_LAST = _NOT_LAST | _BODY_LAST
# the last ideograph of a title (专员, 督导员, 召集人)
_TITLE_END = frozenset("长员记任席理师官人")
_HAN = re.compile(f"^[{CJK}*]+$")
_INSTITUTION = re.compile(
    r"(?:大学|学院|中学|小学|学校|医院|研究院|研究所|委员会|学会|协会|公司|集团"
    r"|侨联|妇联|工商联|文联|科协|残联|总会|商会|联合会)$"  # `侨联简汉生` + 理事长
)


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


def is_name(name: str) -> bool:
    """A person's whole name: 2–4 ideographs led by a surname (or a `·`-joined name)."""
    if (parts := _NAME_DOT.split(name)) and len(parts) > 1:  # `嘉木样•洛桑久美•…`, any dot
        return all(len(part) >= 2 for part in parts) and len(name) <= 16
    if not (2 <= len(name) <= 4 and _HAN.match(name)) or name[-1] in _NEVER_LAST:
        return False
    if name in _TITLE_WORDS:  # `常务` of 常务副主席, split from its title
        return False
    first = name[0]
    return first in SURNAMES or first in _MORE_SURNAMES or name.startswith(_COMPOUND_SURNAMES)


def parse_people(source: str, s: str, start: int, end: int) -> list[Person]:
    """The people of a list `s[start:end]`: titles split off their names, roles shared."""
    people: list[Person] = []
    pending: list[str] = []  # role-only items (`区政协党组书记`) waiting for their name
    last_role: str | None = None
    for a, b in _items(s, start, end):
        item, original = s[a:b], source[a:b]
        if " " in item and len(item) == len(original):  # `議長 王大同 `: spaces set off a name
            kept = [i for i, ch in enumerate(item) if ch != " "]
            item, original = "".join(item[i] for i in kept), "".join(original[i] for i in kept)
        person, role_only = _person(item, original, pending, last_role)
        if role_only:
            pending.append(original)
            continue
        pending = []
        if person is not None:
            people.append(person)
            last_role = person.role
    return people


def _items(s: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Spans of the list's items, split at 、, commas and 及 (`许孝新及各专委会负责人`)."""
    a = start
    for i in range(start, end + 1):
        if i == end or s[i] in "、，,及":
            if i > a:
                yield a, i
            a = i + 1


def _person(
    item: str, original: str, pending: list[str], last_role: str | None
) -> tuple[Person | None, bool]:
    """(person, whether the item is a role waiting for its name) of one list item."""
    item, original = _trimmed(item, original)
    titles = list(_TITLES.finditer(item))
    if titles and titles[-1].end() == len(item):
        k = len(titles) - 1  # titles written one after another are one: `某某助理校长`
        while (
            k > 0
            and titles[k - 1].end() == titles[k].start()
            and not is_name(item[: titles[k].start()])
        ):
            k -= 1
        head = item[: titles[k].start()]
        if is_name(head):  # `許宏綺區長`: a name before its title
            return Person(original[: len(head)], original[len(head) :]), False
        if (cut := _after_institution(head)) is not None:  # `某大学某学院杨某某教授`
            role = original[:cut] + original[len(head) :]
            return Person(original[cut : len(head)], "、".join([*pending, role])), False
        if (titled := _after_unlisted_title(head, original[: len(head)])) is not None:
            role = (titled.role or "") + original[len(head) :]  # `召集人郭信良議長`
            return Person(titled.name, "、".join([*pending, role])), False
        return None, True
    if titles:
        cut = titles[-1].end()
        name, role = original[cut:], "、".join([*pending, original[:cut]])
        if is_name(item[cut:]):
            return Person(name, role), False
        return _after_unlisted_title(item, original), False  # `主席团成员某某`
    if is_name(item):
        return Person(original, "、".join(pending) or last_role), False
    return _after_unlisted_title(item, original), False


def _after_institution(head: str) -> int | None:
    """Where a name starts after the institution that employs it, before its title
    (`西南大学地理科学学院杨某某` + 教授, `某市第一中学王某` + 校长)."""
    for size in (3, 2):
        cut = len(head) - size
        if cut >= 2 and _INSTITUTION.search(head, 0, cut) and is_name(head[cut:]):
            return cut
    return None


def _after_unlisted_title(item: str, original: str) -> Person | None:
    """`督导专员熊健`: a name after a title the list lacks, which ends as titles do (…员,
    …长, …师, …官); the longer name first (`专员林苏泉`, not `苏泉`)."""
    for size in (3, 2):
        cut = len(item) - size
        if cut >= 2 and item[cut - 1] in _TITLE_END and is_name(item[cut:]):
            return Person(original[cut:], original[:cut])
    return None


def _trimmed(item: str, original: str) -> tuple[str, str]:
    """The item without trailing 等/同志/在… and leading connectives."""
    changed = True
    while changed:
        changed = False
        for tail in _TRIM_TAIL:
            if item.endswith(tail) and len(item) > len(tail) + 1:
                item, original = item[: -len(tail)], original[: -len(tail)]
                changed = True
    if (time := _TIME_TAIL.search(item)) is not None and time.start() >= 2:
        item, original = item[: time.start()], original[: time.start()]
    for head in ("由", "和", "及", "与"):
        if item.startswith(head) and len(item) > 3:
            item, original = item[1:], original[1:]
    return item, original


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
    if s.endswith("共同", 0, at):  # `县长王五，副书记李四共同主持`: the list runs past a comma
        start = _earlier_segments(s, start, at)
    for end in _name_ends(s, start, at):
        if people := parse_people(source, s, start, end):
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
