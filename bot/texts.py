"""Every reply the bot sends, in Chinese (the default) and English.

Texts are HTML (the bot's parse mode): placeholders are escaped by `text()`, so user
input can never break a message's markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Literal

Lang = Literal["zh", "en"]


@dataclass(frozen=True, slots=True)
class Command:
    """One bot command: its name, what /help and the client menu say, who may use it."""

    name: str
    zh: str
    en: str
    admin: bool = False


COMMANDS: tuple[Command, ...] = (
    Command("start", "开始使用", "start here"),
    Command("help", "帮助与全部命令", "help and every command"),
    Command(
        "subscribe",
        "订阅全部新闻或关键词：/subscribe [关键词 …]",
        "subscribe to all news or to keywords",
    ),
    Command("unsubscribe", "取消关键词或全部订阅", "drop keywords, or the whole subscription"),
    Command(
        "schedule",
        "推送方式：instant | daily HH:MM | weekly mon HH:MM",
        "when to send: instant | daily HH:MM | weekly mon HH:MM",
    ),
    Command("timezone", "时区：/timezone Asia/Shanghai", "time zone: /timezone Europe/London"),
    Command("settings", "查看并修改订阅设置", "see and change this chat's settings"),
    Command(
        "digest",
        "立即生成摘要：未发送过的；/digest 关键词 只看相关的；/digest 7d 近 7 天全部（含已发送）",
        "a digest now of what is unsent; /digest keyword: unsent matches; "
        "/digest 7d: the last 7 days, sent or not",
    ),
    Command("search", "搜索：/search 关键词", "search: /search keyword"),
    Command("doc", "查看一篇文档：/doc ID", "one document: /doc ID"),
    Command("trending", "近 7 天热门关键词", "top keywords of the last 7 days"),
    Command("sources", "管理员：来源列表", "admin: list sources", admin=True),
    Command(
        "addsource", "管理员：添加来源 URL 或目录", "admin: add a source URL or folder", admin=True
    ),
    Command("ingest", "管理员：立即抓取", "admin: scan the sources now", admin=True),
    Command("stats", "管理员：统计", "admin: statistics", admin=True),
)

_TEXTS: dict[str, tuple[str, str]] = {
    "start": (
        "你好！我把中文会议新闻整理成关键词摘要，按你设定的时间推送。\n"
        "发送 /subscribe 订阅全部新闻，或 /subscribe 关键词 只看相关内容。",
        "Hello! I turn Chinese meeting news into keyword digests and send them on your schedule.\n"
        "Send /subscribe for all news, or /subscribe keyword for matching news only.",
    ),
    "help_head": ("命令列表：", "Commands:"),
    "help_admin": ("管理员命令：", "Admin commands:"),
    "help_tail": (
        "私聊中直接发送文字即可搜索；在任意聊天输入 @{bot} 关键词 可分享文档。",
        "In a private chat, any text is a search; "
        "type @{bot} keyword in any chat to share a document.",
    ),
    "unknown": (
        "我不认识这个命令。发送 /help 查看全部命令。",
        "I don't know that command. Send /help for the list.",
    ),
    "not_text": (
        "我只能处理文字消息。发送 /help 查看我能做什么，或直接发送关键词搜索。",
        "I can only read text messages. Send /help to see what I do, or send a keyword to search.",
    ),
    "subscribed_all": ("已订阅全部新闻。{when}", "Subscribed to all news. {when}"),
    "subscribed_keywords": (
        "已订阅关键词：{keywords}。{when}",
        "Subscribed to keywords: {keywords}. {when}",
    ),
    "unsubscribed_all": ("已取消订阅。", "Unsubscribed."),
    "unsubscribed_keywords": (
        "已移除关键词。剩余：{keywords}",
        "Keywords removed. Remaining: {keywords}",
    ),
    "not_subscribed": (
        "本聊天尚未订阅。发送 /subscribe 开始。",
        "This chat has no subscription. Send /subscribe to start.",
    ),
    "too_many_keywords": (
        "关键词太多：最多 {limit} 个。",
        "Too many keywords: {limit} at most.",
    ),
    "all_news": ("全部新闻", "all news"),
    "when_instant": ("有新文档即推送。", "Each new document is sent as soon as it arrives."),
    "when_daily": ("每天 {at}（{tz}）推送摘要。", "A digest every day at {at} ({tz})."),
    "when_weekly": ("每周{day} {at}（{tz}）推送摘要。", "A digest every {day} at {at} ({tz})."),
    "schedule_usage": (
        "用法：/schedule instant | daily HH:MM | weekly mon..sun HH:MM",
        "Usage: /schedule instant | daily HH:MM | weekly mon..sun HH:MM",
    ),
    "bad_time": (
        "时间 {value} 无效：请用 HH:MM，00:00 到 23:59。",
        "Time {value} is not valid: use HH:MM, 00:00 to 23:59.",
    ),
    "bad_weekday": (
        "星期 {value} 无效：请用 mon tue wed thu fri sat sun。",
        "Weekday {value} is not valid: use mon tue wed thu fri sat sun.",
    ),
    "schedule_set": ("已设置：{when}", "Done: {when}"),
    "timezone_usage": (
        "用法：/timezone Area/City，例如 /timezone Asia/Shanghai",
        "Usage: /timezone Area/City, for example /timezone Europe/London",
    ),
    "bad_timezone": (
        "未知时区 {value}。请用 IANA 名称，例如 Asia/Shanghai。",
        "Unknown time zone {value}. Use an IANA name such as Asia/Shanghai.",
    ),
    "timezone_set": ("时区已设为 {tz}。{when}", "Time zone set to {tz}. {when}"),
    "settings": (
        "<b>订阅设置</b>\n关键词：{keywords}\n推送：{when}\n状态：{state}\n字体：{script}",
        "<b>Settings</b>\nKeywords: {keywords}\nSchedule: {when}\n"
        "Status: {state}\nScript: {script}",
    ),
    "state_active": ("接收中", "active"),
    "state_paused": ("已暂停", "paused"),
    "script_original": ("原文", "original"),
    "script_simplified": ("简体", "simplified"),
    "script_traditional": ("繁體", "traditional"),
    "btn_pause": ("暂停", "Pause"),
    "btn_resume": ("恢复", "Resume"),
    "btn_instant": ("即时", "Instant"),
    "btn_daily": ("每天", "Daily"),
    "btn_weekly": ("每周", "Weekly"),
    "btn_prev": ("‹ 上一页", "‹ Previous"),
    "btn_next": ("下一页 ›", "Next ›"),
    "bad_digest_args": (
        "用法：/digest [关键词 …] [天数d]，例如 /digest 7d 或 /digest 防汛 30d",
        "Usage: /digest [keyword …] [Nd] (N days), for example /digest 7d or /digest 防汛 30d",
    ),
    "nothing_new": ("没有新的文档。", "Nothing new."),
    "nothing_new_matching": (
        "没有未发送过的「{keywords}」相关文档。发送 /digest {query} 7d 查看近 7 天的全部"
        "（含已发送），或 /search {query} 查找更早的。",
        "Nothing new about “{keywords}”. Send /digest {query} 7d for the last 7 days, sent or "
        "not, or /search {query} for older ones.",
    ),
    "nothing_in_days": ("近 {days} 天没有文档。", "No documents in the last {days} days."),
    "nothing_in_days_matching": (
        "近 {days} 天没有「{keywords}」相关文档。",
        "Nothing about “{keywords}” in the last {days} days.",
    ),
    "search_usage": ("用法：/search 关键词", "Usage: /search keyword"),
    "query_too_long": (
        "关键词太长，已截取前 {limit} 个字搜索。",
        "The query is too long; searching only its first {limit} characters.",
    ),
    "no_results": ("没有找到与「{query}」相关的文档。", "No documents match “{query}”."),
    "results_head": (
        "「{query}」共 {total} 条结果，第 {page}/{pages} 页：",
        "{total} results for “{query}”, page {page}/{pages}:",
    ),
    "no_more_results": ("没有更多结果了。", "No more results."),
    "search_expired": (
        "这次搜索已过期，请重新发送 /search。",
        "This search has expired; send /search again.",
    ),
    "doc_usage": ("用法：/doc ID（数字）", "Usage: /doc ID (a number)"),
    "no_doc": ("没有编号为 {id} 的文档。", "There is no document with ID {id}."),
    "trending_head": ("近 7 天热门关键词：", "Top keywords of the last 7 days:"),
    "trending_empty": ("近 7 天还没有文档。", "No documents in the last 7 days."),
    "admins_only": (
        "只有群组管理员可以修改本群的订阅。",
        "Only the group's administrators can change its subscription.",
    ),
    "bot_admins_only": ("此命令仅限机器人管理员。", "This command is for the bot's admins only."),
    "sources_head": ("来源：", "Sources:"),
    "addsource_usage": (
        "用法：/addsource URL（http:// 或 https://）或服务器上的目录",
        "Usage: /addsource URL (http:// or https://) or a folder on the server",
    ),
    "source_added": ("已添加来源 {location}（编号 {id}）。", "Source {location} added (id {id})."),
    "ingest_started": ("开始抓取…", "Scanning the sources…"),
    "ingest_busy": ("已有抓取在进行中。", "A scan is already running."),
    "ingest_done": (
        "抓取完成：新增 {new}，更新 {updated}，未变 {unchanged}，"
        "重复 {duplicates}，失败 {failed}。",
        "Scan done: new {new}, updated {updated}, unchanged {unchanged}, "
        "duplicates {duplicates}, failed {failed}.",
    ),
    "stats_head": ("统计：", "Statistics:"),
    "stat_line": ("{label}：{n}", "{label}: {n}"),
    "stat_documents": ("文档", "documents"),
    "stat_originals": ("原创文档", "originals"),
    "stat_duplicates": ("重复转载", "duplicates"),
    "stat_sources": ("来源", "sources"),
    "stat_chats": ("聊天", "chats"),
    "stat_subscriptions": ("有效订阅", "active subscriptions"),
    "stat_deliveries": ("已推送", "deliveries"),
    "error": ("出错了，请稍后再试。", "Something went wrong; please try again later."),
}


def language_of(language_code: str | None) -> Lang:
    """English for users whose Telegram language is English, Chinese for everyone else."""
    return "en" if (language_code or "").lower().startswith("en") else "zh"


def text(lang: str, key: str, /, **params: object) -> str:
    """The reply `key` in `lang`, with `params` HTML-escaped and filled in."""
    return raw(lang, key, **{k: escape_html(v) for k, v in params.items()})


def raw(lang: str, key: str, /, **params: object) -> str:
    """Like `text`, but `params` are trusted HTML (already escaped by the caller)."""
    zh, en = _TEXTS[key]
    return (en if lang == "en" else zh).format(**params)


def escape_html(value: object) -> str:
    """`value` as text safe inside an HTML message."""
    return escape(str(value), quote=False)


def help_text(lang: str, bot_username: str) -> str:
    """/help: every command with a line each, the admin ones last."""
    lines = [text(lang, "help_head")]
    lines += [_command_line(c, lang) for c in COMMANDS if not c.admin]
    lines += ["", text(lang, "help_admin")]
    lines += [_command_line(c, lang) for c in COMMANDS if c.admin]
    lines += ["", text(lang, "help_tail", bot=bot_username)]
    return "\n".join(lines)


def _command_line(command: Command, lang: str) -> str:
    return f"/{command.name} — {escape_html(command.en if lang == 'en' else command.zh)}"


def key_exists(key: str) -> bool:
    """True when `key` names a text (tests use it to check handlers' keys)."""
    return key in _TEXTS


_WEEKDAYS_ZH = ("一", "二", "三", "四", "五", "六", "日")
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def weekday_name(lang: str, weekday: int) -> str:
    """0 → 一 / Monday."""
    return _WEEKDAYS_EN[weekday] if lang == "en" else _WEEKDAYS_ZH[weekday]
