"""What /subscribe, /unsubscribe, /schedule and /timezone do, and what they answer.

Each takes the command's arguments, changes the chat (see `bot.chats`) and returns the
reply. Without arguments they show the current value and how to change it; nothing is
changed silently. A leading `#名称` picks (or makes) a named topic.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import rules, texts
from bot.chats import MAX_TOPICS, Asker, Chat, load, restarted, save
from bot.parsing import (
    MAX_KEYWORDS,
    InputError,
    parse_keywords,
    parse_schedule,
    parse_timezone,
    parse_topic,
)
from bot.store.records import Topic
from bot.wording import keywords_label, schedule_line, words, zone_full

if TYPE_CHECKING:
    from telegram.ext import JobQueue

    from bot.context import Services


@dataclass(frozen=True, slots=True)
class Reply:
    """A reply's HTML and its buttons."""

    html: str
    markup: InlineKeyboardMarkup | None = None


Change = Callable[["Services", "JobQueue[Any] | None", Asker, Sequence[str]], Awaitable[Reply]]


def who(asker: Asker) -> str:
    return texts.raw(asker.lang, "who_group" if asker.group else "who_private")


def _merge(old: Sequence[str], new: Sequence[str]) -> tuple[str, ...]:
    merged = tuple(dict.fromkeys((*old, *new)))
    if len(merged) > MAX_KEYWORDS:
        raise InputError("too_many_keywords", limit=MAX_KEYWORDS)
    return merged


def _started(chat: Chat) -> tuple[Chat, bool]:
    """The chat, subscribed again from scratch if it was not; whether it was not."""
    if chat.subscribed:
        return chat, False
    chat = restarted(chat)
    main = replace(chat.main, last_digest_at=datetime.now(UTC))  # a digest is due from now
    return chat.with_topic(main), True


async def subscribe(
    services: Services, jobs: JobQueue[Any] | None, asker: Asker, args: Sequence[str]
) -> Reply:
    """All news, keywords added to the main topic, or to the named topic `#名称`."""
    name, rest = parse_topic(args)
    wanted = parse_keywords(rest)
    chat, new = _started(await load(services, asker))
    lang = asker.lang
    if name is not None:
        return await _subscribe_topic(services, jobs, asker, chat, new, name, wanted)
    main = chat.main
    if not wanted and not new:
        if main.keywords and not main.paused:
            return _ask_all_or_keep(asker, main)
        if not main.paused:
            return Reply(
                texts.raw(
                    lang, "already_all", who=who(asker), line=schedule_line(lang, chat.sub, main)
                )
            )
    main = replace(main, keywords=_merge(main.keywords if not new else (), wanted), paused=False)
    chat = await save(services, jobs, chat.with_topic(main), [main])
    line = schedule_line(lang, chat.sub, chat.main)
    if not main.keywords:
        return Reply(texts.raw(lang, "subscribed_all", line=line))
    label = texts.escape_html(keywords_label(lang, main.keywords))
    return Reply(texts.raw(lang, "subscribed_keywords", keywords=label, line=line))


async def _subscribe_topic(
    services: Services,
    jobs: JobQueue[Any] | None,
    asker: Asker,
    chat: Chat,
    new: bool,
    name: str,
    wanted: tuple[str, ...],
) -> Reply:
    topic = chat.topic(name)
    if topic is None:
        if not wanted:
            raise InputError("topic_needs_keywords", name=name)
        if len(chat.named) >= MAX_TOPICS:
            raise InputError("too_many_topics", limit=MAX_TOPICS)
        main = chat.main
        topic = Topic(
            chat_id=asker.chat_id,
            name=name,
            schedule=main.schedule,
            at=main.at,
            weekday=main.weekday,
            last_digest_at=datetime.now(UTC),
        )
    topic = replace(topic, keywords=_merge(topic.keywords, wanted))
    changed = [topic]
    if new:  # a chat that starts with a named topic wants that topic, not all news besides
        changed.append(replace(chat.main, paused=True))
        chat = chat.with_topic(changed[-1])
    chat = await save(services, jobs, chat.with_topic(topic), changed)
    stored = chat.topic(name) or topic
    lang = asker.lang
    return Reply(
        texts.raw(
            lang,
            "subscribed_topic",
            name=texts.escape_html(stored.name),
            keywords=texts.escape_html(keywords_label(lang, stored.keywords)),
            line=schedule_line(lang, chat.sub, stored),
        )
    )


def _ask_all_or_keep(asker: Asker, main: Topic) -> Reply:
    lang = asker.lang
    label = texts.escape_html(keywords_label(lang, main.keywords))
    buttons = [
        InlineKeyboardButton(texts.text(lang, "btn_all_news"), callback_data="sub:all"),
        InlineKeyboardButton(texts.text(lang, "btn_keep"), callback_data="sub:keep"),
    ]
    html = texts.raw(lang, "ask_all_or_keep", who=who(asker), keywords=label)
    return Reply(html, InlineKeyboardMarkup([buttons]))


async def choose_all(
    services: Services, jobs: JobQueue[Any] | None, asker: Asker, keep: bool
) -> Reply:
    """The answer to 全部新闻 / 保留关键词 under a bare /subscribe."""
    chat, _ = _started(await load(services, asker))
    lang = asker.lang
    if keep:
        label = texts.escape_html(keywords_label(lang, chat.main.keywords))
        return Reply(texts.raw(lang, "kept_keywords", keywords=label))
    main = replace(chat.main, keywords=(), paused=False)
    chat = await save(services, jobs, chat.with_topic(main), [main])
    return Reply(texts.raw(lang, "subscribed_all", line=schedule_line(lang, chat.sub, chat.main)))


async def add_word(services: Services, jobs: JobQueue[Any] | None, asker: Asker, word: str) -> str:
    """订阅「词」 under a card: the word added to the main topic (plain text for an alert)."""
    chat, new = _started(await load(services, asker))
    main = replace(
        chat.main, keywords=_merge(() if new else chat.main.keywords, (word,)), paused=False
    )
    await save(services, jobs, chat.with_topic(main), [main])
    return texts.raw(asker.lang, "subscribed_word", word=word)


async def unsubscribe(
    services: Services, jobs: JobQueue[Any] | None, asker: Asker, args: Sequence[str]
) -> Reply:
    """Keywords of the main or a named topic, a named topic, or everything."""
    chat = await load(services, asker)
    if not chat.subscribed:
        raise InputError("not_subscribed", who=who(asker))
    name, rest = parse_topic(args)
    dropped = parse_keywords(rest)
    target = chat.main if name is None else chat.topic(name)
    if target is None:
        raise InputError("no_topic", name=name)
    if not dropped:
        return await _drop_topic(services, jobs, asker, chat, target)
    have = {rules.bare(k): k for k in target.keywords}
    removed = [have[rules.bare(w)] for w in dropped if rules.bare(w) in have]
    missing = [w for w in dropped if rules.bare(w) not in have]
    lang = asker.lang
    current = texts.escape_html(keywords_label(lang, target.keywords))
    if not removed:
        shown = texts.escape_html(words(lang, missing))
        return Reply(texts.raw(lang, "not_following", words=shown, keywords=current))
    left = tuple(k for k in target.keywords if k not in removed)
    if not rules.split(left).wanted:  # nothing left to match: the topic goes
        return await _emptied(services, jobs, asker, chat, target)
    topic = replace(target, keywords=left)
    await save(services, jobs, chat.with_topic(topic), [topic])
    html = texts.raw(
        lang,
        "unsubscribed_keywords",
        removed=texts.escape_html(words(lang, removed)),
        keywords=texts.escape_html(keywords_label(lang, left)),
    )
    if missing:
        extra = texts.escape_html(words(lang, missing))
        html += "\n" + texts.raw(
            lang,
            "not_following",
            words=extra,
            keywords=texts.escape_html(keywords_label(lang, left)),
        )
    return Reply(html)


async def _drop_topic(
    services: Services, jobs: JobQueue[Any] | None, asker: Asker, chat: Chat, topic: Topic
) -> Reply:
    if not topic.is_main:
        await save(services, jobs, chat.without(topic))
        return Reply(texts.text(asker.lang, "unsubscribed_topic", name=topic.name))
    return await cancel(services, jobs, asker, chat)


async def _emptied(
    services: Services, jobs: JobQueue[Any] | None, asker: Asker, chat: Chat, topic: Topic
) -> Reply:
    if not topic.is_main:
        return await _drop_topic(services, jobs, asker, chat, topic)
    if not chat.named:
        return await cancel(services, jobs, asker, chat)
    main = replace(topic, keywords=(), paused=True)
    await save(services, jobs, chat.with_topic(main), [main])
    return Reply(texts.text(asker.lang, "main_emptied"))


async def cancel(
    services: Services, jobs: JobQueue[Any] | None, asker: Asker, chat: Chat | None = None
) -> Reply:
    """Unsubscribe from everything: named topics deleted, the main one back to all news."""
    chat = chat or await load(services, asker)
    stopped = restarted(chat)
    stopped = replace(stopped, sub=replace(stopped.sub, active=False))
    await save(services, jobs, stopped, [stopped.main])
    return Reply(texts.text(asker.lang, "unsubscribed_all"))


async def set_schedule(
    services: Services, jobs: JobQueue[Any] | None, asker: Asker, args: Sequence[str]
) -> Reply:
    """The schedule of the main topic or of `#名称`; none given: the current one."""
    name, rest = parse_topic(args)
    chat = await load(services, asker)
    topic = chat.main if name is None else chat.topic(name)
    if topic is None:
        raise InputError("no_topic", name=name)
    lang = asker.lang
    if not rest:
        return Reply(texts.raw(lang, "schedule_now", line=schedule_line(lang, chat.sub, topic)))
    spec = parse_schedule(rest)
    topic = replace(topic, schedule=spec.kind, at=spec.at or topic.at, weekday=spec.weekday)
    chat = await save(services, jobs, _kept_inactive(chat).with_topic(topic), [topic])
    line = schedule_line(lang, chat.sub, topic)
    if not chat.sub.active:
        return Reply(texts.raw(lang, "schedule_saved_unsubscribed", line=line))
    if topic.is_main:
        return Reply(texts.raw(lang, "schedule_set", line=line))
    return Reply(
        texts.raw(lang, "schedule_set_topic", name=texts.escape_html(topic.name), line=line)
    )


def _kept_inactive(chat: Chat) -> Chat:
    """A chat not subscribed keeps a setting without starting to receive news."""
    return chat if chat.subscribed else replace(chat, sub=replace(chat.sub, active=False))


async def set_timezone(
    services: Services, jobs: JobQueue[Any] | None, asker: Asker, args: Sequence[str]
) -> Reply:
    """The chat's time zone; none given: the current one and how to change it."""
    chat = await load(services, asker)
    lang = asker.lang
    if not args:
        return Reply(texts.text(lang, "timezone_now", tz=zone_full(lang, chat.sub.timezone)))
    zone = parse_timezone(args)
    chat = _kept_inactive(replace(chat, sub=replace(chat.sub, timezone=zone)))
    chat = await save(services, jobs, chat, [chat.main])
    line = schedule_line(lang, chat.sub, chat.main)
    return Reply(
        texts.raw(lang, "timezone_set", tz=texts.escape_html(zone_full(lang, zone)), line=line)
    )


__all__ = [
    "Change",
    "Reply",
    "add_word",
    "cancel",
    "choose_all",
    "set_schedule",
    "set_timezone",
    "subscribe",
    "unsubscribe",
    "who",
]
