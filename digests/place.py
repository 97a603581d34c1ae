"""Where a meeting was held, as the sentence says (`在…召开`, `假…舉行`, `於…舉行`).

Patterns run on the simplified text; the value is sliced from the original text at the
same offsets, and a city's one-character form (`在京召开`) is written in full.
"""

from __future__ import annotations

import re

from digests.script import CJK, to_simplified

_PLACE = re.compile(
    # 于 of 关于, 由于, 对于, 在 of 在意 (cares) no preposition; `来到某里召开`: went there;
    # Hong Kong's `假座某酒樓` as its `假某酒樓`
    r"(?:在(?![意乎](?!大利))|(?<![渡度休放请暑寒长])假座?|(?<![关由对至属等鉴基])于|来到"
    r"|(?<![直来得收受达遇等提想说回看找做])到(?=[^，,。；;]{1,12}?主持))"  # `到深圳主持座談會`
    r"((?:(?!在)(?!(?<![渡度休放请暑寒长])假)[^，,。；;：:！!？?\n“”《》]){1,30}?)"
    r"(?:与[^，,。；;]{1,12}?)?"  # `在台中市与有关单位举行`: the place, not its company
    # `在北京主持召开`, `在周一繼續主持`
    r"(?:隆重|顺利|正式|圆满|胜利|成功|共同|联合|组织|专门|集中|主持|继续|再次|再度|开始)*"
    r"(?:召开|举行|开幕(?![辞词])|闭幕|举办|开议|会见|接见|揭幕|[掀拉]开(?:序幕|帷幕)|落下帷幕"
    r"|结束了?为期"  # `在法国巴黎结束了为期两天的日程`
    # `在政府總部主持學習…座談會`, `在某会议室开展…座谈会`: the meeting chaired or held there
    r"|(?:主持|开展)(?=(?:[^，,。；;！？“]|“[^”]{0,40}”){0,40}?会))"  # (a quoted slogan in it)
    r"(?!前|后|期间|之际)"  # `在人代会召开前`, `继…在高雄市舉辦後`: a time, not a place
)
_NOT_PLACE = re.compile(
    r"\d+[月日]|[上下]午|晚上|会上|期间|基础上|背景下|关键时刻"
    r"|^(?:近日|日前|今日|昨日|今天|昨天|即日|今年|本月|近期|同日|当日|此|是|本次|视频|该$)"
    r"|^(?:上月|上周|上星期|去年|前年|早前|此前|[上下这本]个?月)"  # `在上月舉行的…`: when
    r"|^(?:召集|组织|邀请)|以[^，,。]{0,10}(?:方式|形式)"  # `在召集…举行的`, `在某地以视频方式出席`
    r"|^(?:线上?|网上|云端)$"  # `在线举办`: online, no place
    r"|^(?:这里|那里|此地|该地|当地|本地|指定地点|同一地点)$"  # where, said without saying
    # `本立法年度已`, `即将`, `过去一年`: a time; `在某届某次会议`: a meeting
    r"|年度|^即将|次(?:会议|大会)$|出席$|^(?:过去|未来)"
    r"|^一[起块道]$"  # `合在一起召开`: together, not a place
    # a day, not a place: `下次會議將於星期五舉行`, `于明日召开`
    r"|(?:周|星期|礼拜)[一二三四五六日天末]$|^(?:明天|明日|后天|次日|翌日|当天|下周|下月|明年)"
    # a time of history, not a place: `在…奋斗目标进军的新征程上举行的`
    r"|(?:征程|时代|阶段|时期|进程|关头|节点|之际|形势|框架|前提|指导|领导)[上中下]?$"
    r"|过后|过了|以后|之后|以前|之前|就要"  # `在春节过后就要举办`: a time
    r"|针对|(?:对于?|就|向)$"  # `於某頻道針對開閉幕…轉播`: what it is about, not where
    r"|后再?$|\d{1,2}[时点]|今午|今晨|今早|昨晚"  # `于选举后再召开`, `于今午5时举行`: times
    r"|^党的|[一二三四五六七八九十]大$|全会$"  # `在党的二十大胜利召开`: a meeting, not its place
    # `在某大会暨某博览会开幕式上`: the meeting that opened, not where
    r"|(?:大会|会议|论坛|博览会|峰会|年会|交易会|展览会|运动会)$"
    # `在庄严的国歌(声)中开幕`, `在热烈的氛围中`, `在会期结束前举行`
    r"|声中$|氛围中$|的[^的]{1,8}中$|(?:结束|开始|开幕|闭幕)前$"
)
# Short place forms that a report writes for a city (在京召开 is held in Beijing).
_SHORT_PLACES = {
    "京": "北京",
    "沪": "上海",
    "津": "天津",
    "渝": "重庆",
    "穗": "广州",
    "杭": "杭州",
    "宁": "南京",
    "蓉": "成都",
    "汉": "武汉",
    "榕": "福州",
    "港": "香港",
    "澳": "澳门",
}


# Where someone attended the meeting, when no sentence says where it was held: a city or a
# hall (`在北京出席某会议`), not a state (`仍在羁押中未出席`) or a time (`于下周…出席`).
_ATTENDED_AT = re.compile(
    r"在([^\W\d_]{0,8}?(?:[京市省县区州]|会堂|中心|宾馆|酒店|礼堂))出席"
    # `在法國巴黎出席交流會`; `在會議地點義大利北部斯特里薩告訴記者`
    r"|在([^\W\d_]{2,8}?)出席(?!的)(?=[^，,。；;]{0,20}?(?:会|论坛|峰会))"
    r"|在(?:会议|活动)地点([^\W\d_]{2,12}?)(?=[(（，,。\s]|告诉|表示|指出|说)"
)


# A notice's or a record's field: `现场会议地点:公司会议室`, `地 點 本院議場`.
_PLACE_FIELD = re.compile(
    r"(?:(?:^|\n)[^\n:：]{0,8}?地\s*点(?:\s*[:：]\s*|\s+)"
    r"|(?:开会|会议|活动|举办)地点\s*[:：]\s*)"  # or a notice's fields run on one line
    r"([^\s，,。；;(（]{2,30})"
)
_ITS_OWN = re.compile(r"该[会院校馆所局]")  # (本院議場 is how a page names its own hall)
# A session decided on, not held: `通过十至十九日于某厅召开第十次临时会`.
_DECIDED = re.compile(r"(?:通过|决定|拟|计划)[^，,。；;]{0,10}$")


def find_place(source: str, s: str) -> str | None:
    """Where it was held, as written; a city's one-character form written in full, or the
    place a later sentence spells in full from that city (`在京召开`, then `在北京某會館`)."""
    places = [
        match.span(match.lastindex or 1)  # (the one group of its alternatives that matched)
        for match in (*_PLACE.finditer(s), *_ATTENDED_AT.finditer(s), *_PLACE_FIELD.finditer(s))
        if not _NOT_PLACE.search(match.group(match.lastindex or 1))
        and not _DECIDED.search(s, max(0, match.start() - 12), match.start())
    ]
    if not places:
        return None
    a, b = places[0]
    if (of := s.rfind("的", a, b)) >= 0 and b - of > 2:
        # `在美丽的海滨城市珠海`, `在新建成的乡议局举行`: the place, not what describes it
        a = of + 1
    if (own := _ITS_OWN.match(s, a, b)) is not None and b - own.end() >= 2:
        a = own.end()  # `假该会大礼堂举行`: the body's own hall
    value = source[a:b].strip()
    full = _SHORT_PLACES.get(to_simplified(value), value)
    if len(full) == 1:
        full = _city_of(full, source, s)
    for a, b in places[1:] if full != value else ():
        if to_simplified(source[a:b]).startswith(full) and b - a > len(full):
            return source[a:b].strip()
    value_s = s[places[0][1] - len(value) : places[0][1]] if full == value else ""
    for a, b in places[1:] if len(value_s) >= 3 else ():
        if s.endswith(value_s, a, b) and len(value_s) < b - a <= len(value_s) + 6:
            return source[a:b].strip()  # `於民治議事廳召開`, then `於新營民治議事廳召開`
    return full or None


def _city_of(char: str, source: str, s: str) -> str:
    """A one-character place the text writes in full elsewhere (`九三学社温州市…在温召开`:
    温州), as the text writes it; or the character as it is."""
    city = re.search(f"{re.escape(to_simplified(char))}[{CJK}]{{1,2}}?(?=[市县区])", s)
    return source[city.start() : city.end()] if city else char


__all__ = ["find_place"]
