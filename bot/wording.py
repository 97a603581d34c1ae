"""How a chat's choices read in a reply: schedules, time zones, keyword rules (pure)."""

from __future__ import annotations

from collections.abc import Sequence

from bot import rules, texts, zones
from bot.store.records import Subscription, Topic


def zone_label(lang: str, zone: str) -> str:
    """北京时间, 伦敦时间, UTC+8, or the IANA name (plain text)."""
    return zones.label(lang, zone)


def zone_full(lang: str, zone: str) -> str:
    """北京时间（Asia/Shanghai）; an offset or unnamed zone once (plain text)."""
    shown = zones.label(lang, zone)
    if shown == zone or shown.startswith("UTC"):
        return shown
    return texts.raw(lang, "zone_named", label=shown, zone=zone)


def when(lang: str, sub: Subscription, topic: Topic) -> str:
    """每天 08:00（北京时间）, 每周五 18:00（伦敦时间）, 有新文章即推送 (plain text)."""
    if topic.schedule == "instant":
        return texts.raw(lang, "when_instant")
    at, tz = topic.at.strftime("%H:%M"), zone_label(lang, sub.timezone)
    if topic.schedule == "weekly":
        day = texts.weekday_name(lang, topic.weekday or 0)
        return texts.raw(lang, "when_weekly", day=day, at=at, tz=tz)
    return texts.raw(lang, "when_daily", at=at, tz=tz)


def schedule_line(lang: str, sub: Subscription, topic: Topic) -> str:
    """推送：每天 08:00（北京时间）, as HTML."""
    return texts.text(lang, "schedule_line", when=when(lang, sub, topic))


def words(lang: str, items: Sequence[str]) -> str:
    """民主生活会、政协 / 民主生活会, 政协 (plain text)."""
    return texts.raw(lang, "list_sep").join(items)


def keywords_label(lang: str, keywords: Sequence[str]) -> str:
    """民主生活会、政协（必含：座谈会；排除：足球）, or 全部新闻 (plain text)."""
    split = rules.split(keywords)
    shown = words(lang, split.any_of) if split.any_of else texts.raw(lang, "all_news")
    extra = []
    if split.all_of:
        extra.append(texts.raw(lang, "rules_required", words=words(lang, split.all_of)))
    if split.none_of:
        extra.append(texts.raw(lang, "rules_excluded", words=words(lang, split.none_of)))
    if not extra:
        return shown
    joined = texts.raw(lang, "rules_sep").join(extra)
    return texts.raw(lang, "rules_wrap", words=shown, rules=joined)


def topic_name(lang: str, topic: Topic) -> str:
    """The topic's name, 默认 / Main for the chat's main topic (plain text)."""
    return topic.name or texts.raw(lang, "topic_main")


__all__ = [
    "keywords_label",
    "schedule_line",
    "topic_name",
    "when",
    "words",
    "zone_full",
    "zone_label",
]
