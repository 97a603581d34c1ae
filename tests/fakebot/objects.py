"""Telegram objects as JSON dicts, shaped so python-telegram-bot's de_json accepts them."""

from __future__ import annotations

import re
import time
from typing import Any

from tests.fakebot.html_check import utf16_len

JSON = dict[str, Any]
BOT_ID = 7000000001
_COMMAND = re.compile(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?")


def now() -> int:
    """A Telegram date: whole seconds since the epoch."""
    return int(time.time())


def bot_user(username: str) -> JSON:
    """The bot as getMe and `from` of its messages describe it."""
    return {"id": BOT_ID, "is_bot": True, "first_name": "Digest Test", "username": username}


def user(user_id: int, language_code: str | None = "zh-hans") -> JSON:
    """A human user."""
    found: JSON = {"id": user_id, "is_bot": False, "first_name": f"用户{user_id}"}
    if language_code:
        found["language_code"] = language_code
    return found


def chat(chat_id: int, chat_type: str, *, is_forum: bool = False) -> JSON:
    """A chat of the given type; private chats are named after their user."""
    if chat_type == "private":
        return {"id": chat_id, "type": "private", "first_name": f"用户{chat_id}"}
    found: JSON = {"id": chat_id, "type": chat_type, "title": f"测试群{abs(chat_id)}"}
    if is_forum:
        found["is_forum"] = True
    return found


def command_entities(text: str) -> list[JSON]:
    """The bot_command entity Telegram puts on a text starting with a command."""
    match = _COMMAND.match(text)
    if not match:
        return []
    return [{"type": "bot_command", "offset": 0, "length": utf16_len(match.group())}]


def member(user_json: JSON, status: str) -> JSON:
    """A ChatMember of the given status with every field its class requires."""
    found: JSON = {"user": user_json, "status": status}
    if status == "creator":
        found["is_anonymous"] = False
    elif status == "administrator":
        found.update(dict.fromkeys(_ADMIN_RIGHTS, True), can_be_edited=False, is_anonymous=False)
    elif status == "restricted":
        found.update(dict.fromkeys(_RESTRICTED_RIGHTS, False), is_member=True, until_date=0)
    elif status == "kicked":
        found["until_date"] = 0
    return found


_ADMIN_RIGHTS = (
    "can_manage_chat",
    "can_delete_messages",
    "can_manage_video_chats",
    "can_restrict_members",
    "can_promote_members",
    "can_change_info",
    "can_invite_users",
    "can_post_stories",
    "can_edit_stories",
    "can_delete_stories",
)
_RESTRICTED_RIGHTS = (
    "can_send_messages",
    "can_send_audios",
    "can_send_documents",
    "can_send_photos",
    "can_send_videos",
    "can_send_video_notes",
    "can_send_voice_notes",
    "can_send_polls",
    "can_send_other_messages",
    "can_add_web_page_previews",
    "can_change_info",
    "can_invite_users",
    "can_pin_messages",
    "can_manage_topics",
)


def sticker() -> JSON:
    """A regular static sticker."""
    return {
        "file_id": "CAACAgIAAxkBAAEBsticker",
        "file_unique_id": "AgADsticker",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
        "emoji": "👍",
    }


def photo_sizes() -> list[JSON]:
    """Two sizes of one photo, as Telegram sends them."""
    return [
        {"file_id": "AgACphoto_s", "file_unique_id": "AQADs", "width": 90, "height": 60},
        {"file_id": "AgACphoto_m", "file_unique_id": "AQADm", "width": 800, "height": 533},
    ]
