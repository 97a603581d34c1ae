"""The settings menu, the topics list, one topic, and the pickers they open (pure views).

Each view is (HTML, buttons); the current choice is marked ✓. Callback data, ≤ 64 bytes:
- `set:o|s|t` script, `set:pause|resume`, `set:tz`, `set:tz:N`, `set:unsub`, `set:unsub!`,
  `set:back` (the menu again);
- `sc:ORIGIN:TOPIC:STEP` the schedule pickers of a topic, opened from the settings (`s`)
  or the topic's view (`t`): STEP `i` instant, `d` → hours, `dHH` daily at HH:00,
  `w` → weekdays, `wD` → hours, `wDhHH` weekly on day D at HH:00;
- `tp:list`, `tp:ID`, `tp:ID:pause|resume|del|del!`.
"""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import texts
from bot.chats import Chat
from bot.store.records import Topic
from bot.wording import keywords_label, schedule_line, topic_name, when, zone_full, zone_label

View = tuple[str, InlineKeyboardMarkup]
SCRIPTS = {"o": "original", "s": "simplified", "t": "traditional"}
ZONES = (
    "Asia/Shanghai",
    "Asia/Hong_Kong",
    "Asia/Taipei",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Europe/London",
    "Europe/Paris",
    "America/New_York",
    "America/Los_Angeles",
    "UTC",
)


def _button(label: str, data: str, chosen: bool = False) -> InlineKeyboardButton:
    return InlineKeyboardButton(f"✓ {label}" if chosen else label, callback_data=data)


def _t(lang: str, key: str, **params: object) -> str:
    return texts.raw(lang, key, **params)  # button labels are plain text, not HTML


def _state(lang: str, paused: bool) -> str:
    return texts.text(lang, "state_paused" if paused else "state_active")


def _kinds(lang: str, topic: Topic, origin: str) -> list[InlineKeyboardButton]:
    prefix = f"sc:{origin}:{topic.id}:"
    return [
        _button(_t(lang, f"btn_{kind}"), prefix + kind[0], topic.schedule == kind)
        for kind in ("daily", "weekly", "instant")
    ]


def settings(lang: str, chat: Chat) -> View:
    """/settings: keywords, topics, schedule, state and script, with their buttons."""
    sub, main = chat.sub, chat.main
    names = [_t(lang, "topic_when", name=t.name, when=when(lang, sub, t)) for t in chat.named]
    topics = (
        texts.text(lang, "settings_topics", names=_t(lang, "list_sep").join(names)) if names else ""
    )
    body = texts.raw(
        lang,
        "settings",
        keywords=texts.escape_html(keywords_label(lang, main.keywords)),
        topics=topics,
        line=schedule_line(lang, sub, main),
        state=_state(lang, sub.paused or main.paused),
        script=texts.text(lang, f"script_{sub.script}"),
    )
    scripts = [
        _button(_t(lang, f"script_{name}"), f"set:{code}", sub.script == name)
        for code, name in SCRIPTS.items()
    ]
    pause = ("btn_resume", "set:resume") if sub.paused else ("btn_pause", "set:pause")
    zone = _t(lang, "btn_timezone", tz=zone_label(lang, sub.timezone))
    rows = [
        _kinds(lang, main, "s"),
        scripts,
        [_button(_t(lang, pause[0]), pause[1]), _button(zone, "set:tz")],
        [
            _button(_t(lang, "btn_topics"), "tp:list"),
            _button(_t(lang, "btn_unsubscribe"), "set:unsub"),
        ],
    ]
    return body, InlineKeyboardMarkup(rows)


def _back(lang: str, origin: str, topic: Topic) -> list[InlineKeyboardButton]:
    return [_button(_t(lang, "btn_back"), "set:back" if origin == "s" else f"tp:{topic.id}")]


def hours(lang: str, chat: Chat, topic: Topic, origin: str, weekday: int | None) -> View:
    """The hour of a daily digest, or of a weekly one on `weekday`."""
    tz = zone_label(lang, chat.sub.timezone)
    if weekday is None:
        body = texts.text(lang, "pick_hour", tz=tz)
        step, kind = "d", "daily"
    else:
        day = texts.weekday_name(lang, weekday)
        body = texts.text(lang, "pick_hour_weekly", day=day, tz=tz)
        step, kind = f"w{weekday}h", "weekly"
    now = topic.schedule == kind and topic.at.minute == 0 and topic.weekday == weekday
    buttons = [
        _button(
            f"{hour:02d}:00",
            f"sc:{origin}:{topic.id}:{step}{hour:02d}",
            now and topic.at.hour == hour,
        )
        for hour in range(24)
    ]
    rows = [buttons[i : i + 6] for i in range(0, 24, 6)]
    return body, InlineKeyboardMarkup([*rows, _back(lang, origin, topic)])


def weekdays(lang: str, topic: Topic, origin: str) -> View:
    """The day of a weekly digest."""
    buttons = [
        _button(
            _t(lang, "btn_weekday", day=texts.weekday_name(lang, day)),
            f"sc:{origin}:{topic.id}:w{day}",
            topic.schedule == "weekly" and topic.weekday == day,
        )
        for day in range(7)
    ]
    rows = [buttons[:4], buttons[4:], _back(lang, origin, topic)]
    return texts.text(lang, "pick_weekday"), InlineKeyboardMarkup(rows)


def timezones(lang: str, chat: Chat) -> View:
    """A few common zones; any other by /timezone."""
    body = texts.text(lang, "pick_timezone", tz=zone_full(lang, chat.sub.timezone))
    buttons = [
        _button(zone_label(lang, zone), f"set:tz:{n}", chat.sub.timezone == zone)
        for n, zone in enumerate(ZONES)
    ]
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    return body, InlineKeyboardMarkup([*rows, [_button(_t(lang, "btn_back"), "set:back")]])


def confirm_unsubscribe(lang: str) -> View:
    rows = [
        [
            _button(_t(lang, "btn_confirm_unsubscribe"), "set:unsub!"),
            _button(_t(lang, "btn_back"), "set:back"),
        ]
    ]
    return texts.text(lang, "confirm_unsubscribe"), InlineKeyboardMarkup(rows)


def topics(lang: str, chat: Chat) -> View:
    """/topics: every topic with its keywords and schedule; buttons to edit, pause, delete."""
    lines = [texts.text(lang, "topics_head")]
    rows = []
    for n, topic in enumerate(chat.topics, 1):
        lines.append(
            texts.text(
                lang,
                "topic_line",
                n=n,
                name=topic_name(lang, topic),
                keywords=keywords_label(lang, topic.keywords),
                when=when(lang, chat.sub, topic),
                state=_t(lang, "topic_paused") if topic.paused else "",
            )
        )
        pause = ("btn_resume", "resume") if topic.paused else ("btn_pause", "pause")
        row = [
            _button(f"{topic_name(lang, topic)} ✎", f"tp:{topic.id}"),
            _button(_t(lang, pause[0]), f"tp:{topic.id}:{pause[1]}"),
        ]
        if not topic.is_main:
            row.append(_button(_t(lang, "btn_delete"), f"tp:{topic.id}:del"))
        rows.append(row)
    lines += ["", texts.text(lang, "topics_hint")]
    rows.append([_button(_t(lang, "btn_back"), "set:back")])
    return "\n".join(lines), InlineKeyboardMarkup(rows)


def topic(lang: str, chat: Chat, item: Topic) -> View:
    """One topic: its keywords, schedule and state, how to change its keywords."""
    tag = "" if item.is_main else f"#{item.name} "
    body = texts.raw(
        lang,
        "topic_view",
        name=texts.escape_html(topic_name(lang, item)),
        keywords=texts.escape_html(keywords_label(lang, item.keywords)),
        line=schedule_line(lang, chat.sub, item),
        state=_state(lang, item.paused),
        tag=texts.escape_html(tag),
    )
    pause = ("btn_resume", "resume") if item.paused else ("btn_pause", "pause")
    actions = [_button(_t(lang, pause[0]), f"tp:{item.id}:{pause[1]}")]
    if not item.is_main:
        actions.append(_button(_t(lang, "btn_delete"), f"tp:{item.id}:del"))
    rows = [_kinds(lang, item, "t"), actions, [_button(_t(lang, "btn_back"), "tp:list")]]
    return body, InlineKeyboardMarkup(rows)


def confirm_delete(lang: str, item: Topic) -> View:
    rows = [
        [
            _button(_t(lang, "btn_confirm_delete"), f"tp:{item.id}:del!"),
            _button(_t(lang, "btn_back"), f"tp:{item.id}"),
        ]
    ]
    return texts.text(lang, "confirm_delete", name=item.name), InlineKeyboardMarkup(rows)


__all__ = [
    "SCRIPTS",
    "ZONES",
    "confirm_delete",
    "confirm_unsubscribe",
    "hours",
    "settings",
    "timezones",
    "topic",
    "topics",
    "weekdays",
]
