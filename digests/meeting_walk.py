"""Where a meeting's name starts: the walk left from its meeting word to the first word or
mark that cannot be part of it (a verb, a clause mark, a dateline's close, a column's tag)."""

from __future__ import annotations

import functools
import re

from digests.meeting_words import CAP, CLAUSE, CREDIT, HOLDS, MEETING, ORG_END, QUOTES, WEEKDAY_END
from digests.person_names import is_name


def walk_left(s: str, end: int, ends: str, stops: tuple[str, ...]) -> tuple[int, str | None]:
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
        if s[i - 1] in "/／" and i > 1 and s[i - 2] in _NUMERALS and s[i : i + 1] in _NUMERALS:
            i -= 1  # `第56/57屆董事局交代就職典禮`: the outgoing and incoming terms
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
                if word == "闭幕" and s[i : i + 1] in "式礼会典":
                    continue  # `…闭幕式`: the word is the name's
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
