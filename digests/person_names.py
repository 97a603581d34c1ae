"""Names in a list of people: `区政协党组书记、主席宋泓`, `許宏綺區長`, `督导专员熊健`.

Each item is split at its last title word; what is left must be a person's name (2–4
ideographs led by a surname), or it is dropped, so `赵明在` (from `赵明在讲话中`) or `按照`
never becomes a person. A role written once before several names is shared by them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from digests.meeting_words import DAY_NUMBER
from digests.model import Person
from digests.script import CJK
from digests.segment import SURNAMES

_TITLES = re.compile(
    r"副总统|总统|副总理|总理|总书记|副书记|书记员|书记|副部长|部长|副主席|主席|副主任委员|主任委员|副主任|主任|副主委|主委"
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
# Taiwan's wire style brackets the day: `今（20）日`, `昨(二十九)日`.
WIRE_DAY = rf"[今昨明本]\s*[(（]{DAY_NUMBER}日?[)）]"
# The day or hour of a sitting left at the end of a name: `副议长李四昨日` + 出席.
_TIME_TAIL = re.compile(
    rf"(?:\d{{1,2}}日|[今昨][天日]|当[天日]|日前|近日|{WIRE_DAY}\s*日?)?"
    r"(?:[上中下]午|晚上|早上|[今昨]晚)?$"  # a bare 晚 or 早 may end a given name
)
# Surnames beyond the segmenter's common list, frequent among officials' names.
_MORE_SURNAMES = frozenset(
    "习洪练况栗茆衣问查封巴羊沙单连扈訾郜雍邰燕晋鄢易解宦植麦闻荣谈原幸伏"
    "路关邸荆寿晁庹琚仇冀郁邴湛厉阎鞠廉芦杭怀赖萧傅"  # (赖, 萧: 賴清德, 蕭美琴)
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


def parse_people(source: str, s: str, start: int, end: int, joins: str = "") -> list[Person]:
    """The people of a list `s[start:end]`: titles split off their names, roles shared;
    `joins` are more marks that split it (与, where two people chair together)."""
    people: list[Person] = []
    pending: list[str] = []  # role-only items (`区政协党组书记`) waiting for their name
    last_role: str | None = None
    for a, b in _items(s, start, end, "、，,及" + joins):
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


def _items(s: str, start: int, end: int, marks: str) -> Iterator[tuple[int, int]]:
    """Spans of the list's items, split at `marks`: 、, commas and 及 (`许孝新及各专委会负责人`)."""
    a = start
    for i in range(start, end + 1):
        if i == end or s[i] in marks:
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


__all__ = ["WIRE_DAY", "is_name", "parse_people"]
