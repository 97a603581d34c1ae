"""Every reply the bot sends, in Chinese (the default) and English.

Texts are HTML (the bot's parse mode): placeholders are escaped by `text()`, so user
input can never break a message's markup.
"""

from __future__ import annotations

import re
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
        "addsource",
        "管理员：添加来源（栏目页、RSS、站点地图、文章页或目录）",
        "admin: add a source (listing page, feed, sitemap, article or folder)",
        admin=True,
    ),
    Command(
        "removesource",
        "管理员：停止抓取一个来源（已收录的文章保留）：/removesource 编号",
        "admin: stop following a source (its articles stay): /removesource ID",
        admin=True,
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
    "sources_none": (
        "还没有来源。发送 /addsource 网址 添加。",
        "No sources yet. Send /addsource URL.",
    ),
    "source_line": (
        "{id}. {location}\n    {kind} · {n} 篇",
        "{id}. {location}\n    {kind} · {n} articles",
    ),
    "source_success": (" · 最近成功 {at}", " · last success {at}"),
    "source_never": (" · 尚未抓取", " · not fetched yet"),
    "source_error": (
        "\n    ⚠ 连续失败 {n} 次：{reason}",
        "\n    ⚠ {n} failure(s) in a row: {reason}",
    ),
    "kind_feed": ("RSS", "RSS feed"),
    "kind_listing": ("栏目页", "listing page"),
    "kind_sitemap": ("站点地图", "sitemap"),
    "kind_article": ("文章页", "article page"),
    "kind_page": ("网页", "web page"),
    "kind_folder": ("目录", "folder"),
    "kind_url": ("网址（待抓取）", "address (not fetched yet)"),
    "addsource_usage": (
        "用法：/addsource 网址（栏目页、RSS、站点地图或文章页，http:// 或 https://）或服务器上的目录",
        "Usage: /addsource URL (a listing page, feed, sitemap or article; http:// or https://) "
        "or a folder on the server",
    ),
    "addsource_checking": ("正在检查 {location} …", "Checking {location} …"),
    "found_listing": (
        "栏目页：发现 {n} 篇文章，已加入（编号 {id}）。",
        "Listing page: {n} articles found, added (id {id}).",
    ),
    "found_feed": ("RSS：{n} 条，已加入（编号 {id}）。", "RSS feed: {n} entries, added (id {id})."),
    "found_sitemap": (
        "站点地图：{n} 篇，已加入（编号 {id}）。",
        "Sitemap: {n} articles, added (id {id}).",
    ),
    "found_article": ("文章页，已加入（编号 {id}）。", "Article page, added (id {id})."),
    "found_folder": ("目录，已加入（编号 {id}）。", "Folder, added (id {id})."),
    "found_again": ("（此前已添加过。）", "(It was added before.)"),
    "found_next_scan": (
        "下次抓取（{minutes} 分钟内）收录文章；发送 /ingest 立即抓取。",
        "Its articles come with the next scan (within {minutes} min); /ingest scans now.",
    ),
    "addsource_refused": ("未添加 {location}：{reason}。", "Not added {location}: {reason}."),
    "removesource_usage": (
        "用法：/removesource 编号（见 /sources）",
        "Usage: /removesource ID (see /sources)",
    ),
    "no_source": ("没有编号为 {id} 的来源。", "There is no source with ID {id}."),
    "source_removed": (
        "已停止抓取来源 {id}（{location}），已收录的 {n} 篇文章保留。",
        "Stopped following source {id} ({location}); its {n} articles stay.",
    ),
    "opml_imported": (
        "OPML 导入完成：新增 {added} 个来源，已有 {known} 个，无法添加 {refused} 个。",
        "OPML imported: {added} sources added, {known} already there, {refused} refused.",
    ),
    "opml_refused_line": ("• {location}：{reason}", "• {location}: {reason}"),
    "opml_invalid": (
        "这个文件不是 OPML（{reason}）。",
        "This file is not OPML ({reason}).",
    ),
    "opml_too_big": ("OPML 文件太大：最大 {limit}。", "The OPML file is too big: {limit} at most."),
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


# Why a source failed, as sources/ says it (English, short), in the reader's language.
_REASONS: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(pattern), zh, en)
    for pattern, zh, en in (
        (r"^HTTP (\d+)$", "服务器返回 HTTP {0}", "the server answered HTTP {0}"),
        (r"^timed out$", "连接超时", "timed out"),
        (r"^connection failed", "无法连接服务器", "could not connect to the server"),
        (
            r"^private address (.+)$",
            "内网地址 {0}（SOURCES_ALLOW_PRIVATE 未允许）",
            "private address {0} (not allowed by SOURCES_ALLOW_PRIVATE)",
        ),
        (r"^cannot resolve (.+)$", "无法解析域名 {0}", "cannot resolve {0}"),
        (
            r"^robots\.txt disallows it$",
            "网站的 robots.txt 不允许抓取",
            "the site's robots.txt forbids it",
        ),
        (
            r"^the listing shows no articles$",
            "栏目页上没有文章（可能临时变成了错误页）",
            "the listing shows no articles (an error page for now?)",
        ),
        (r"^over the (.+) cap$", "超过 {0} 上限", "over the {0} cap"),
        (r"^invalid feed$", "不是有效的 RSS/Atom", "not a valid RSS/Atom feed"),
        (r"^too many redirects$", "重定向次数过多", "too many redirects"),
        (
            r"^only http and https, not (.+)$",
            "只支持 http 和 https，不支持 {0}",
            "only http and https, not {0}",
        ),
        (
            r"^the page is neither an article nor a list of articles$",
            "这个页面既不是文章页也不是栏目页",
            "the page is neither an article nor a list of articles",
        ),
        (r"^not a web page \((.*)\)$", "不是网页（{0}）", "not a web page ({0})"),
        (
            r"^neither an http\(s\) URL nor a folder on this machine$",
            "既不是 http(s) 网址，也不是服务器上的目录",
            "neither an http(s) URL nor a folder on this machine",
        ),
        (r"^folder not found$", "目录不存在", "folder not found"),
        (r"^not a folder$", "不是目录", "not a folder"),
        (r"^undecodable content encoding$", "无法解码的压缩内容", "undecodable content encoding"),
        (r"^invalid URL$", "网址无效", "invalid URL"),
    )
)


def reason(lang: str, why: str) -> str:
    """A fetch failure's reason in `lang` (escaped); an unknown one as it is."""
    for pattern, zh, en in _REASONS:
        if match := pattern.match(why):
            return escape_html((en if lang == "en" else zh).format(*match.groups()))
    return escape_html(why)


def key_exists(key: str) -> bool:
    """True when `key` names a text (tests use it to check handlers' keys)."""
    return key in _TEXTS


_WEEKDAYS_ZH = ("一", "二", "三", "四", "五", "六", "日")
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def weekday_name(lang: str, weekday: int) -> str:
    """0 → 一 / Monday."""
    return _WEEKDAYS_EN[weekday] if lang == "en" else _WEEKDAYS_ZH[weekday]
