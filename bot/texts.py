"""Every reply the bot sends, in Chinese (the default) and English.

Texts are HTML (the bot's parse mode): placeholders are escaped by `text()`, so user
input can never break a message's markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape, unescape
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
        "订阅全部新闻或关键词：/subscribe 关键词…；/subscribe #主题名 关键词… 新建主题",
        "subscribe to all news or to keywords; /subscribe #topic keyword… makes a topic",
    ),
    Command(
        "unsubscribe",
        "取消关键词、主题或全部订阅：/unsubscribe 关键词…、/unsubscribe #主题名",
        "drop keywords, a topic (/unsubscribe #topic), or everything",
    ),
    Command(
        "schedule",
        "推送时间：/schedule 每天 08:00、每周五 18:00 或 即时",
        "when to send: /schedule daily 08:00, weekly fri 18:00 or instant",
    ),
    Command(
        "timezone",
        "时区：/timezone 北京、伦敦、纽约或 UTC+8",
        "time zone: /timezone London, New York, Beijing or UTC+8",
    ),
    Command("settings", "查看并修改订阅设置", "see and change the settings"),
    Command("topics", "主题：各有关键词和推送时间", "topics, each with its keywords and schedule"),
    Command(
        "digest",
        "立即推送未推送过的文章；/digest 关键词 只看相关的；"
        "/digest 7d 近 7 天发布的全部（含已推送）",
        "a digest now of what is unsent; /digest keyword: unsent matches; "
        "/digest 7d: published in the last 7 days, sent or not",
    ),
    Command("search", "搜索：/search 关键词", "search: /search keyword"),
    Command("doc", "阅读一篇文章的全文：/doc 编号", "read an article in full: /doc number"),
    Command("trending", "近 7 天热门关键词图表", "chart of the top keywords of the last 7 days"),
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
    # greeting, help, groups
    "start": (
        "你好！我把中文会议新闻整理成摘要，按你设定的时间推送。\n"
        "发送 /subscribe 订阅全部新闻，或 /subscribe 关键词 只看相关内容。",
        "Hello! I turn Chinese meeting news into digests and send them on your schedule.\n"
        "Send /subscribe for all news, or /subscribe keyword for matching news only.",
    ),
    "intro_group": (
        "大家好！我把中文会议新闻整理成摘要，定时推送到本群。\n"
        "群管理员可以设置订阅：/subscribe 关键词 订阅，/schedule 每天 08:00 设定推送时间，"
        "/settings 查看全部设置。\n"
        "所有成员都可以用 /search 关键词 搜索，用 /digest@{bot} 查看最新摘要。",
        "Hello everyone! I turn Chinese meeting news into digests and post them here on a "
        "schedule.\nThe group's administrators set it up: /subscribe keyword to subscribe, "
        "/schedule daily 08:00 for the time, /settings for everything.\n"
        "Everyone can /search keyword, or see the latest digest with /digest@{bot}.",
    ),
    "help_head": ("命令列表：", "Commands:"),
    "help_admin": ("机器人管理员命令：", "Bot admin commands:"),
    "help_tail": (
        "私聊中直接发送文字即可搜索；在任意聊天输入 @{bot} 关键词 可分享文章。",
        "In a private chat, any text is a search; "
        "type @{bot} keyword in any chat to share an article.",
    ),
    "help_group_member": (
        "本群的订阅（/subscribe、/unsubscribe、/schedule、/timezone 和设置按钮）"
        "只有群管理员可以修改。在群里发送 /digest 只是查看，不影响本群的定时推送。",
        "Only the group's administrators change its subscription (/subscribe, /unsubscribe, "
        "/schedule, /timezone and the settings buttons). A /digest here is a look only: "
        "the group's scheduled digests still send everything.",
    ),
    "help_group_admin": (
        "你是本群管理员，可以修改本群的订阅。在群里发送 /digest 只是查看，不影响本群的定时推送。",
        "You are an administrator here and can change the group's subscription. A /digest "
        "here is a look only: the group's scheduled digests still send everything.",
    ),
    "unknown": (
        "我不认识这个命令。发送 /help 查看全部命令。",
        "I don't know that command. Send /help for the list.",
    ),
    "not_text": (
        "我只能处理文字消息。发送 /help 查看我能做什么，或直接发送关键词搜索。",
        "I can only read text messages. Send /help to see what I do, or send a keyword to search.",
    ),
    "who_private": ("你", "You are"),
    "who_group": ("本群", "This chat is"),
    "admins_only": (
        "只有群管理员可以修改本群的订阅。",
        "Only the group's administrators can change its subscription.",
    ),
    "bot_admins_only": (
        "此命令仅限机器人管理员使用。",
        "This command is for the bot's admins only.",
    ),
    # subscribing
    "subscribed_all": ("已订阅全部新闻。\n{line}", "Subscribed to all news.\n{line}"),
    "subscribed_keywords": (
        "已订阅关键词：{keywords}。\n{line}",
        "Subscribed to keywords: {keywords}.\n{line}",
    ),
    "subscribed_topic": (
        "主题「{name}」的关键词：{keywords}。\n{line}",
        "Topic “{name}”: {keywords}.\n{line}",
    ),
    "already_all": (
        "{who}已订阅全部新闻。\n{line}\n只看相关内容：/subscribe 关键词",
        "{who} subscribed to all news.\n{line}\nFor matching news only: /subscribe keyword",
    ),
    "ask_all_or_keep": (
        "{who}已订阅关键词：{keywords}。\n改为订阅全部新闻，还是保留关键词？",
        "{who} subscribed to: {keywords}.\nSwitch to all news, or keep the keywords?",
    ),
    "kept_keywords": ("已保留关键词：{keywords}。", "Keywords kept: {keywords}."),
    "topic_needs_keywords": (
        "新主题需要关键词，例如 /subscribe #{name} 纪律 监察",
        "A new topic needs keywords, for example /subscribe #{name} keyword",
    ),
    "bad_topic_name": (
        "主题名请用 1 到 {limit} 个字，例如 #纪委",
        "A topic name has 1 to {limit} characters, for example #discipline",
    ),
    "too_many_topics": ("主题太多：最多 {limit} 个。", "Too many topics: {limit} at most."),
    "no_topic": (
        "没有名为「{name}」的主题。发送 /topics 查看全部主题。",
        "There is no topic “{name}”. Send /topics to see them.",
    ),
    "not_subscribed": (
        "{who}还没有订阅。发送 /subscribe 开始。",
        "{who} not subscribed yet. Send /subscribe to start.",
    ),
    "too_many_keywords": ("关键词太多：最多 {limit} 个。", "Too many keywords: {limit} at most."),
    "unsubscribed_all": ("已取消订阅。", "Unsubscribed."),
    "unsubscribed_topic": ("已删除主题「{name}」。", "Topic “{name}” deleted."),
    "unsubscribed_keywords": (
        "已移除关键词：{removed}。剩余：{keywords}",
        "Removed: {removed}. Remaining: {keywords}",
    ),
    "not_following": (
        "没有订阅过：{words}。当前关键词：{keywords}",
        "Not subscribed to: {words}. Current keywords: {keywords}",
    ),
    "main_emptied": (
        "默认主题已没有关键词，已暂停；其他主题照常推送。",
        "The main topic has no keywords left and is paused; the other topics go on.",
    ),
    "all_news": ("全部新闻", "all news"),
    "rules_required": ("必含：{words}", "must include: {words}"),
    "rules_excluded": ("排除：{words}", "excluding: {words}"),
    "rules_wrap": ("{words}（{rules}）", "{words} ({rules})"),
    "rules_sep": ("；", "; "),
    "list_sep": ("、", ", "),
    # schedule and time zone
    "when_instant": ("有新文章即推送", "each new article as soon as it arrives"),
    "when_daily": ("每天 {at}（{tz}）", "daily at {at} ({tz})"),
    "when_weekly": ("每周{day} {at}（{tz}）", "every {day} at {at} ({tz})"),
    "schedule_line": ("推送：{when}", "Schedule: {when}"),
    "schedule_set": ("已设置。{line}", "Done. {line}"),
    "schedule_set_topic": ("主题「{name}」已设置。{line}", "Topic “{name}” set. {line}"),
    "schedule_saved_unsubscribed": (
        "已设置。{line}\n发送 /subscribe 开始订阅。",
        "Done. {line}\nSend /subscribe to start receiving it.",
    ),
    "schedule_now": (
        "{line}\n修改：/schedule 每天 HH:MM、/schedule 每周一…周日 HH:MM 或 /schedule 即时，"
        "例如 /schedule 每天 07:30、/schedule 每周五 18:00",
        "{line}\nTo change: /schedule daily HH:MM, /schedule weekly Monday…Sunday HH:MM or "
        "/schedule instant, for example /schedule daily 07:30 or /schedule weekly fri 18:00",
    ),
    "schedule_usage": (
        "用法：/schedule 每天 HH:MM、每周一…周日 HH:MM 或 即时，例如 /schedule 每天 07:30",
        "Usage: /schedule daily HH:MM, weekly Monday…Sunday HH:MM or instant, "
        "for example /schedule daily 07:30",
    ),
    "bad_time": (
        "时间「{value}」无效：请用 HH:MM，从 00:00 到 23:59，例如 07:30。",
        "Time “{value}” is not valid: use HH:MM, 00:00 to 23:59, for example 07:30.",
    ),
    "bad_weekday": (
        "星期「{value}」无效：请用周一到周日，例如 /schedule 每周五 18:00。",
        "Weekday “{value}” is not valid: use Monday to Sunday, "
        "for example /schedule weekly fri 18:00.",
    ),
    "timezone_now": (
        "时区：{tz}\n修改：/timezone 城市名或 UTC 时差，例如 /timezone 上海、/timezone 伦敦、"
        "/timezone UTC+8",
        "Time zone: {tz}\nTo change: /timezone city or UTC offset, for example "
        "/timezone London, /timezone New York or /timezone UTC+8",
    ),
    "timezone_usage": (
        "用法：/timezone 城市名，例如 /timezone 上海",
        "Usage: /timezone city, for example /timezone London",
    ),
    "bad_timezone": (
        "不认识的时区「{value}」。请发送城市名（如北京、伦敦、纽约）或 UTC+8 这样的时差。",
        "Unknown time zone “{value}”. Send a city (London, New York, Beijing) "
        "or an offset such as UTC+8.",
    ),
    "timezone_set": ("时区已设为{tz}。\n{line}", "Time zone set to {tz}.\n{line}"),
    "zone_named": ("{label}（{zone}）", "{label} ({zone})"),
    # settings, pickers
    "settings": (
        "<b>订阅设置</b>\n关键词：{keywords}\n{topics}{line}\n状态：{state}\n简繁：{script}",
        "<b>Settings</b>\nKeywords: {keywords}\n{topics}{line}\nStatus: {state}\nScript: {script}",
    ),
    "settings_topics": ("主题：{names}\n", "Topics: {names}\n"),
    "state_active": ("接收中", "active"),
    "state_paused": ("已暂停", "paused"),
    "script_original": ("原文", "Original"),
    "script_simplified": ("简体", "Simplified"),
    "script_traditional": ("繁體", "Traditional"),
    "btn_instant": ("即时", "Instant"),
    "btn_daily": ("每天", "Daily"),
    "btn_weekly": ("每周", "Weekly"),
    "btn_pause": ("暂停推送", "Pause"),
    "btn_resume": ("恢复推送", "Resume"),
    "btn_timezone": ("时区：{tz}", "Time zone: {tz}"),
    "btn_topics": ("关键词与主题", "Keywords and topics"),
    "btn_unsubscribe": ("取消订阅", "Unsubscribe"),
    "btn_back": ("‹ 返回", "‹ Back"),
    "btn_confirm_unsubscribe": ("确定取消订阅", "Yes, unsubscribe"),
    "btn_delete": ("删除", "Delete"),
    "btn_confirm_delete": ("确定删除", "Yes, delete"),
    "btn_all_news": ("全部新闻", "All news"),
    "btn_keep": ("保留关键词", "Keep keywords"),
    "btn_subscribe_all": ("订阅全部新闻", "Subscribe to all news"),
    "btn_weekday": ("周{day}", "{day}"),
    "confirm_unsubscribe": (
        "确定取消全部订阅吗？关键词和主题都会删除。",
        "Unsubscribe from everything? The keywords and topics will be deleted.",
    ),
    "confirm_delete": ("确定删除主题「{name}」吗？", "Delete the topic “{name}”?"),
    "pick_hour": (
        "选择每天推送的时间（{tz}）：\n其他时间请发送 /schedule 每天 07:30",
        "Pick the time of the daily digest ({tz}):\nFor another time send /schedule daily 07:30",
    ),
    "pick_hour_weekly": (
        "选择每周{day}推送的时间（{tz}）：\n其他时间请发送 /schedule 每周{day} 07:30",
        "Pick the time on {day} ({tz}):\nFor another time send /schedule weekly {day} 07:30",
    ),
    "pick_weekday": ("选择每周哪天推送：", "Pick the day of the weekly digest:"),
    "pick_timezone": (
        "选择时区（当前：{tz}）：\n其他时区请发送 /timezone 城市名，例如 /timezone 悉尼",
        "Pick a time zone (now: {tz}):\nFor another one send /timezone city, "
        "for example /timezone Sydney",
    ),
    # topics
    "topics_head": ("<b>主题</b>", "<b>Topics</b>"),
    "topic_line": (
        "{n}. {name}：{keywords} · {when}{state}",
        "{n}. {name}: {keywords} · {when}{state}",
    ),
    "topic_main": ("默认", "Main"),
    "topic_paused": ("（已暂停）", " (paused)"),
    "topic_when": ("{name}（{when}）", "{name} ({when})"),
    "topics_hint": (
        "新建主题或添加关键词：/subscribe #主题名 关键词…\n"
        "每个主题有自己的推送时间：/schedule #主题名 每天 08:00\n"
        "同一篇文章只推送一次，归入最先到点的主题。",
        "New topic or more keywords: /subscribe #topic keyword…\n"
        "Each topic has its own schedule: /schedule #topic daily 08:00\n"
        "An article is sent once, under the first topic due.",
    ),
    "topic_view": (
        "<b>主题：{name}</b>\n关键词：{keywords}\n{line}\n状态：{state}\n"
        "添加关键词：/subscribe {tag}关键词…\n移除关键词：/unsubscribe {tag}关键词…",
        "<b>Topic: {name}</b>\nKeywords: {keywords}\n{line}\nStatus: {state}\n"
        "More keywords: /subscribe {tag}keyword…\nFewer: /unsubscribe {tag}keyword…",
    ),
    "topic_head": ("主题：{name}", "Topic: {name}"),
    "topic_gone": ("这个主题已删除。", "This topic was deleted."),
    # cards and digests
    "card_number": ("编号 {id}", "No. {id}"),
    "digest_count": ("{n} 篇", "{n} articles"),
    "digest_count_one": ("{n} 篇", "{n} article"),
    "card_matched": ("命中：{words}", "Matched: {words}"),
    "group_heading": ("{name}（{n}）", "{name} ({n})"),
    "page_of": ("第 {page}/{pages} 页", "Page {page}/{pages}"),
    "btn_full": ("全文", "Full text"),
    "btn_full_n": ("全文 {n}", "Text {n}"),
    "btn_link": ("原文链接", "Original page"),
    "btn_subscribe_word": ("订阅「{word}」", "Subscribe to “{word}”"),
    "btn_more": ("更多（还有 {n} 篇）", "More ({n} left)"),
    "btn_prev": ("‹ 上一页", "‹ Previous"),
    "btn_next": ("下一页 ›", "Next ›"),
    "digest_look": (
        "<i>只是查看：本群的定时推送仍会发送这些文章。</i>",
        "<i>A look only: the group's scheduled digest still sends these.</i>",
    ),
    "subscribed_word": ("已订阅关键词「{word}」。", "Subscribed to “{word}”."),
    "digest_expired": (
        "这份摘要已过期，请重新发送 /digest。",
        "This digest has expired; send /digest again.",
    ),
    "nothing_more": ("没有更多了。", "Nothing more."),
    "bad_digest_args": (
        "用法：/digest [关键词…] [天数d]，例如 /digest 7d 或 /digest 防汛 30d",
        "Usage: /digest [keyword…] [Nd] (N days), for example /digest 7d or /digest 防汛 30d",
    ),
    "nothing_new": ("没有新的文章。", "Nothing new."),
    "nothing_new_matching": (
        "没有未推送过的「{keywords}」相关文章。发送 /digest {query} 7d 查看近 7 天发布的全部"
        "（含已推送），或 /search {query} 查找更早的。",
        "Nothing new about “{keywords}”. Send /digest {query} 7d for what was published in "
        "the last 7 days, sent or not, or /search {query} for older ones.",
    ),
    "nothing_in_days": (
        "近 {days} 天没有发布的文章。",
        "Nothing published in the last {days} days.",
    ),
    "nothing_in_days_matching": (
        "近 {days} 天没有发布「{keywords}」相关文章。",
        "Nothing about “{keywords}” published in the last {days} days.",
    ),
    # search, documents, trending
    "search_usage": ("用法：/search 关键词", "Usage: /search keyword"),
    "query_too_long": (
        "关键词太长，已截取前 {limit} 个字搜索。",
        "The query is too long; searching only its first {limit} characters.",
    ),
    "no_results": ("没有找到与「{query}」相关的文章。", "No articles match “{query}”."),
    "results_head": (
        "「{query}」共 {total} 条结果，第 {page}/{pages} 页：",
        "{total} results for “{query}”, page {page}/{pages}:",
    ),
    "no_more_results": ("没有更多结果了。", "No more results."),
    "button_unknown": (
        "这个按钮已失效，请重新发送命令。",
        "This button no longer works; send the command again.",
    ),
    "search_expired": (
        "这次搜索已过期，请重新发送 /search。",
        "This search has expired; send /search again.",
    ),
    "doc_usage": ("用法：/doc 编号，例如 /doc 12", "Usage: /doc number, for example /doc 12"),
    "no_doc": ("没有编号为 {id} 的文章。", "There is no article number {id}."),
    "trending_head": ("近 7 天热门关键词：", "Top keywords of the last 7 days:"),
    "trending_line": ("{n}. #{word}（{count}）", "{n}. #{word} ({count})"),
    "trending_caption": (
        "近 7 天热门关键词，按文章发布日期统计。点按钮搜索或订阅。",
        "Top keywords of the last 7 days, counted by publish date. Tap to search or subscribe.",
    ),
    "trending_title": ("近 7 天热门关键词", "Top keywords of the last 7 days"),
    "trending_footer": ("数字为包含该词的文章篇数", "Bars: articles carrying the keyword"),
    "trending_empty": ("近 7 天没有发布的文章。", "Nothing published in the last 7 days."),
    "btn_search_word": ("🔍 {word}", "🔍 {word}"),
    "btn_subscribe_short": ("订阅", "Subscribe"),
    "trending_expired": (
        "这份榜单已过期，请重新发送 /trending。",
        "This chart has expired; send /trending again.",
    ),
    # admin
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
    "ingest_failed_head": ("失败的页面或来源：", "What failed:"),
    "failure_line": ("• {location}：{reason}", "• {location}: {reason}"),
    "failures_more": ("……另有 {n} 个", "… and {n} more"),
    "source_rejected": (
        "\n    ⚠ {n} 篇提取不到正文，最近一篇：{location}（{reason}）",
        "\n    ⚠ {n} page(s) with no text to digest, the latest: {location} ({reason})",
    ),
    "stats_head": ("统计：", "Statistics:"),
    "stat_line": ("{label}：{n}", "{label}: {n}"),
    "stat_documents": ("文章", "articles"),
    "stat_originals": ("原创文章", "originals"),
    "stat_duplicates": ("重复转载", "duplicates"),
    "stat_sources": ("来源", "sources"),
    "stat_chats": ("群组与私聊", "chats"),
    "stat_subscriptions": ("有效订阅", "active subscriptions"),
    "stat_deliveries": ("已推送", "deliveries"),
    "stat_failed_deliveries": ("推送失败（已放弃）", "deliveries given up"),
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


def plain(lang: str, key: str, /, **params: object) -> str:
    """The reply `key` as plain text (a button's alert): markup dropped, entities decoded."""
    return unescape(re.sub(r"<[^>]+>", "", text(lang, key, **params)))


def escape_html(value: object) -> str:
    """`value` as text safe inside an HTML message."""
    return escape(str(value), quote=False)


def help_text(lang: str, bot_username: str, *, admin: bool = True, group: str = "") -> str:
    """/help: every command with a line each; the bot admins' only for them (`admin`).

    `group` is "member" or "admin" in a group: who may change its subscription is said.
    """
    lines = [text(lang, "help_head")]
    lines += [_command_line(c, lang) for c in COMMANDS if not c.admin]
    if admin:
        lines += ["", text(lang, "help_admin")]
        lines += [_command_line(c, lang) for c in COMMANDS if c.admin]
    lines += ["", text(lang, "help_tail", bot=bot_username)]
    if group:
        lines += ["", text(lang, f"help_group_{group}")]
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
            r"^no text left after cleaning$",
            "去掉页面杂项后没有正文",
            "no text left once the page furniture is removed",
        ),
        (r"^could not be digested$", "无法处理这个页面", "the page could not be digested"),
        (r"^could not be stored$", "保存失败（详见日志）", "could not be stored (see the log)"),
        (
            r"^over the (.+) s budget$",
            "处理超过 {0} 秒，已跳过",
            "took over {0} s to digest: skipped",
        ),
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
        (
            r"^folders come only from DIGEST_SOURCES$",
            "目录只能由运维在 DIGEST_SOURCES 中配置"
            "（未设置 SOURCES_FOLDER_ROOT，聊天中不能添加目录）",
            "folders come only from DIGEST_SOURCES (SOURCES_FOLDER_ROOT is not set, so none can "
            "be added from a chat)",
        ),
        (
            r"^outside SOURCES_FOLDER_ROOT (.+)$",
            "目录不在 SOURCES_FOLDER_ROOT（{0}）之下",
            "the folder is not under SOURCES_FOLDER_ROOT ({0})",
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
_WEEKDAYS_EN_SHORT = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def weekday_name(lang: str, weekday: int, *, short: bool = False) -> str:
    """0 → 一 / Monday (Mon when `short`)."""
    if lang == "en":
        return (_WEEKDAYS_EN_SHORT if short else _WEEKDAYS_EN)[weekday]
    return _WEEKDAYS_ZH[weekday]
