"""Time zones as readers name them: `北京`, `台北`, `伦敦`, `UTC+8`, `asia/shanghai`, `Tokyo`.

A small table of Chinese (and English) city and region names, UTC offsets, and IANA names
matched without regard to case, or by their city alone (`london` → Europe/London).
Each resolves to an IANA name, the only thing stored; `label` names it back for a reader.
"""

from __future__ import annotations

import functools
import re
import unicodedata
import zoneinfo

from digests.script import to_simplified


def _names_of(text: str) -> tuple[str, ...]:
    return tuple(text.split("|"))


# Simplified names (traditional input is converted first); the first name of each zone is
# the one a Chinese reader is shown.
CITIES: dict[str, tuple[str, ...]] = {
    "Asia/Shanghai": _names_of(
        "北京|上海|中国|大陆|内地|广州|深圳|天津|重庆|成都|武汉|南京|杭州|西安|沈阳|哈尔滨|长沙|"
        "郑州|济南|青岛|厦门|福州|昆明|南宁|合肥|南昌|太原|石家庄|长春|贵阳|兰州|海口|"
        "呼和浩特|银川|西宁|拉萨|乌鲁木齐|苏州|宁波|大连|beijing|shanghai|china|prc"
    ),
    "Asia/Hong_Kong": _names_of("香港|hong kong|hongkong|hk|hkt"),
    "Asia/Macau": _names_of("澳门|macau|macao"),
    "Asia/Taipei": _names_of("台北|台湾|台中|台南|高雄|新北|桃园|taipei|taiwan"),
    "Asia/Singapore": _names_of("新加坡|singapore|sgt"),
    "Asia/Kuala_Lumpur": _names_of("吉隆坡|马来西亚|kuala lumpur|malaysia"),
    "Asia/Tokyo": _names_of("东京|日本|大阪|tokyo|japan|osaka|jst"),
    "Asia/Seoul": _names_of("首尔|韩国|seoul|korea|kst"),
    "Asia/Bangkok": _names_of("曼谷|泰国|bangkok|thailand"),
    "Asia/Ho_Chi_Minh": _names_of("胡志明市|河内|越南|hanoi|vietnam"),
    "Asia/Jakarta": _names_of("雅加达|印尼|jakarta"),
    "Asia/Manila": _names_of("马尼拉|菲律宾|manila"),
    "Asia/Kolkata": _names_of("新德里|印度|孟买|new delhi|delhi|mumbai|india"),
    "Asia/Dubai": _names_of("迪拜|阿联酋|dubai"),
    "Europe/Moscow": _names_of("莫斯科|俄罗斯|moscow"),
    "Europe/London": _names_of("伦敦|英国|london|uk|britain"),
    "Europe/Paris": _names_of("巴黎|法国|paris|france"),
    "Europe/Berlin": _names_of("柏林|德国|法兰克福|berlin|germany|frankfurt"),
    "Europe/Brussels": _names_of("布鲁塞尔|比利时|brussels"),
    "Europe/Zurich": _names_of("苏黎世|日内瓦|瑞士|zurich|geneva"),
    "Europe/Rome": _names_of("罗马|意大利|rome"),
    "Europe/Madrid": _names_of("马德里|西班牙|madrid"),
    "Europe/Amsterdam": _names_of("阿姆斯特丹|荷兰|amsterdam"),
    "America/New_York": _names_of(
        "纽约|华盛顿|波士顿|美东|美国东部|new york|nyc|washington|boston"
    ),
    "America/Chicago": _names_of("芝加哥|美中|chicago"),
    "America/Los_Angeles": _names_of(
        "洛杉矶|旧金山|西雅图|硅谷|美西|美国西部|los angeles|san francisco|seattle"
    ),
    "America/Toronto": _names_of("多伦多|渥太华|toronto|ottawa"),
    "America/Vancouver": _names_of("温哥华|vancouver"),
    "America/Sao_Paulo": _names_of("圣保罗|巴西|sao paulo"),
    "Australia/Sydney": _names_of("悉尼|堪培拉|sydney|canberra"),
    "Australia/Melbourne": _names_of("墨尔本|melbourne"),
    "Pacific/Auckland": _names_of("奥克兰|新西兰|auckland|new zealand"),
    "UTC": _names_of("utc|gmt|协调世界时|世界时|格林尼治"),
}
_ENGLISH = {  # a reader's name for a zone where the IANA city is not it
    "Asia/Shanghai": "Beijing",
    "Asia/Kolkata": "India",
    "Asia/Ho_Chi_Minh": "Vietnam",
}
# offsets that are not whole hours: the zone most people on them live in
_HALF_HOURS = {
    (3, 30): "Asia/Tehran",
    (4, 30): "Asia/Kabul",
    (5, 30): "Asia/Kolkata",
    (5, 45): "Asia/Kathmandu",
    (6, 30): "Asia/Yangon",
    (9, 30): "Australia/Darwin",
    (-3, -30): "America/St_Johns",
}
_OFFSET = re.compile(r"^(?:utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?$")
_NUMERALS = "一二三四五六七八九十"
_BAND = re.compile(r"^([东西])(十[一二]|[一二三四五六七八九十])区$")
_AREAS = {"Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe"}
_AREAS |= {"Indian", "Pacific"}
MAX_NAME = 64


def _key(name: str) -> str:
    """What a name is looked up by: NFKC, simplified, lower case, one space, no 时间/time."""
    text = to_simplified(unicodedata.normalize("NFKC", name)).lower().strip()
    text = re.sub(r"[\s_]+", " ", text)
    return re.sub(r"(?:标准时间|时间|时区|time)$", "", text).strip() or text


@functools.cache
def _names() -> dict[str, str]:
    """Every name a reader may type → its IANA zone (built once, on first use)."""
    found: dict[str, str] = {}
    by_city: dict[str, set[str]] = {}
    for zone in zoneinfo.available_timezones():
        found[_key(zone)] = zone
        area, _, city = zone.partition("/")
        if area in _AREAS and city:
            by_city.setdefault(_key(city.rpartition("/")[2]), set()).add(zone)
    for city, zones in by_city.items():
        if len(zones) == 1:  # an ambiguous city name resolves to nothing
            found.setdefault(city, next(iter(zones)))
    for zone, cities in CITIES.items():
        for city in cities:
            found[_key(city)] = zone
    return found


def _offset_zone(sign: str, hours: int, minutes: int) -> str | None:
    if sign == "-":
        hours, minutes = -hours, -minutes
    if minutes:
        return _HALF_HOURS.get((hours, minutes))
    if not -12 <= hours <= 14:
        return None
    return "UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"  # POSIX: Etc/GMT-8 is UTC+8


def _band_zone(text: str) -> str | None:
    """东八区 → Etc/GMT-8 (UTC+8), 西五区 → Etc/GMT+5."""
    match = _BAND.match(text)
    if not match:
        return None
    number = match[2]
    hours = 10 + _NUMERALS.index(number[1]) + 1 if len(number) == 2 else _NUMERALS.index(number) + 1
    return _offset_zone("+" if match[1] == "东" else "-", hours, 0)


def resolve(name: str) -> str | None:
    """The IANA zone `name` means, or None."""
    if not name.strip() or len(name) > MAX_NAME:
        return None
    try:
        key = _key(name)
    except UnicodeEncodeError:  # a lone surrogate (JSON's \ud800) names no zone
        return None
    if found := _names().get(key):
        return found
    compact = key.replace(" ", "")
    if match := _OFFSET.match(compact):
        return _offset_zone(match[1], int(match[2]), int(match[3] or 0))
    return _band_zone(compact) or _names().get(compact)


def _offset_label(zone: str) -> str | None:
    match = re.fullmatch(r"Etc/GMT([+-]\d{1,2})", zone)
    if zone in ("UTC", "Etc/UTC", "Etc/GMT", "GMT"):
        return "UTC"
    return f"UTC{-int(match[1]):+d}" if match else None


def label(lang: str, zone: str) -> str:
    """北京时间 / Beijing time, 伦敦时间, UTC+8; an unnamed zone by its IANA name."""
    if offset := _offset_label(zone):
        return offset
    cities = CITIES.get(zone)
    if lang == "en":
        city = _ENGLISH.get(zone) or zone.rpartition("/")[2].replace("_", " ")
        return f"{city} time" if cities else zone
    return f"{cities[0]}时间" if cities else zone


__all__ = ["CITIES", "label", "resolve"]
