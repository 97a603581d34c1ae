"""The Bot API methods the fake implements; each runs with the state's lock held."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from tests.fakebot import objects
from tests.fakebot.html_check import EntityError, Parsed, check_text, parse_html, utf16_len
from tests.fakebot.objects import JSON
from tests.fakebot.state import ApiError, SentMessage, State, describe_chat_member, full_chat

Method = Callable[[State, JSON], Any]
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are"
    " exactly the same as a current content and reply markup of the message"
)
TERMINATED = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is"
    " running"
)
OLD_QUERY = "Bad Request: query is too old and response timeout expired or query ID is invalid"


def get_me(state: State, params: JSON) -> JSON:
    """The bot itself."""
    me = objects.bot_user(state.username)
    me.update(can_join_groups=True, can_read_all_group_messages=False)
    return {**me, "supports_inline_queries": True}


def get_updates(state: State, params: JSON) -> list[JSON]:
    """Long poll: acknowledge below `offset`, wait up to `timeout` s for anything newer."""
    if state.webhook.get("url"):
        raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active")
    offset = int(params.get("offset") or 0)
    if offset > 0:
        state.updates = [u for u in state.updates if u["update_id"] >= offset]
    deadline = time.monotonic() + float(params.get("timeout") or 0)
    state.poll_turn += 1  # as Telegram: a new long poll ends the one waiting, with a 409
    turn = state.poll_turn
    state.cond.notify_all()
    state.polls_waiting += 1
    while (
        not state.updates
        and not state.closed
        and state.poll_turn == turn
        and time.monotonic() < deadline
    ):
        state.cond.wait(deadline - time.monotonic())
    state.polls_waiting -= 1
    if state.poll_turn != turn:
        raise ApiError(409, TERMINATED)
    found = state.updates[: int(params.get("limit") or 100)]
    if found:
        state.fetched_upto = max(state.fetched_upto, found[-1]["update_id"])
    return found


def set_webhook(state: State, params: JSON) -> bool:
    """Remember the webhook; getUpdates refuses while one is set."""
    state.webhook = dict(params)
    return True


def delete_webhook(state: State, params: JSON) -> bool:
    """Forget the webhook, dropping queued updates when asked."""
    state.webhook = {}
    if params.get("drop_pending_updates"):
        state.updates.clear()
    return True


def get_webhook_info(state: State, params: JSON) -> JSON:
    """The webhook as set, and how many updates wait."""
    return {
        "url": state.webhook.get("url", ""),
        "has_custom_certificate": False,
        "pending_update_count": len(state.updates),
    }


def set_my_commands(state: State, params: JSON) -> bool:
    """Record the command menu per scope and language."""
    state.commands[_scope_key(params)] = list(params["commands"])
    return True


def get_my_commands(state: State, params: JSON) -> list[JSON]:
    """The command menu recorded for that scope and language."""
    return state.commands.get(_scope_key(params), [])


def _scope_key(params: JSON) -> str:
    scope = params.get("scope") or {"type": "default"}
    return f"{scope.get('type')}:{scope.get('chat_id', '')}:{params.get('language_code', '')}"


def send_message(state: State, params: JSON) -> JSON:
    """Check the text and keyboard as Telegram does, then store and record the message."""
    chat_id = params["chat_id"]
    parsed = _checked(params)
    _check_flood(state, chat_id)
    message: JSON = {
        "message_id": state.new_message_id(chat_id),
        "date": objects.now(),
        "chat": state.chat_json(chat_id),
        "from": objects.bot_user(state.username),
    }
    thread = params.get("message_thread_id")
    if thread:
        message.update(message_thread_id=thread, is_topic_message=True)
    _set_content(message, parsed, params.get("reply_markup"))
    state.messages[(str(chat_id), message["message_id"])] = message
    state.accepted.append(_record(message, params, "sendMessage"))
    return message


MAX_CAPTION = 1024
_IMAGES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")  # PNG, JPEG


def send_photo(state: State, params: JSON) -> JSON:
    """An uploaded PNG or JPEG (or a file_id) with an optional caption of ≤ 1024 characters."""
    chat_id, photo = params["chat_id"], params.get("photo")
    if not photo:
        raise ApiError(400, "Bad Request: there is no photo in the request")
    if isinstance(photo, bytes) and not photo.startswith(_IMAGES):
        raise ApiError(400, "Bad Request: IMAGE_PROCESS_FAILED")
    caption = str(params.get("caption") or "")
    parsed = Parsed("")
    if caption:
        try:
            parsed = parse_html(caption) if params.get("parse_mode") else Parsed(caption)
        except EntityError as error:
            raise ApiError(400, str(error)) from None
    if utf16_len(parsed.plain) > MAX_CAPTION:
        raise ApiError(400, "Bad Request: message caption is too long")
    _check_markup(params.get("reply_markup"))
    _check_flood(state, chat_id)
    message: JSON = {
        "message_id": state.new_message_id(chat_id),
        "date": objects.now(),
        "chat": state.chat_json(chat_id),
        "from": objects.bot_user(state.username),
        "photo": objects.photo_sizes(),
    }
    if parsed.plain:
        message["caption"] = parsed.plain
    if params.get("reply_markup"):
        message["reply_markup"] = params["reply_markup"]
    state.messages[(str(chat_id), message["message_id"])] = message
    record = _record(message, {**params, "text": caption}, "sendPhoto")
    state.accepted.append(
        replace(record, plain=parsed.plain, photo=photo if isinstance(photo, bytes) else None)
    )
    return message


def edit_message_text(state: State, params: JSON) -> JSON | bool:
    """Replace a message's text (and keyboard), refusing a no-op edit like Telegram."""
    parsed = _checked(params)
    message = _find(state, params, "edit")
    if message is None:
        return True  # an inline message: nothing is stored for it
    markup = params.get("reply_markup")
    before = (message.get("text"), message.get("entities", []), message.get("reply_markup"))
    if before == (parsed.plain, list(parsed.entities), markup):
        raise ApiError(400, NOT_MODIFIED)
    _check_flood(state, params["chat_id"])
    _set_content(message, parsed, markup)
    message["edit_date"] = objects.now()
    state.accepted.append(_record(message, params, "editMessageText"))
    return message


def edit_message_reply_markup(state: State, params: JSON) -> JSON | bool:
    """Replace a message's inline keyboard."""
    markup = params.get("reply_markup")
    _check_markup(markup)
    message = _find(state, params, "edit")
    if message is None:
        return True
    if message.get("reply_markup") == markup:
        raise ApiError(400, NOT_MODIFIED)
    _set_content(message, Parsed(message["text"], tuple(message.get("entities", ()))), markup)
    message["edit_date"] = objects.now()
    params = {**params, "text": message["text"]}
    state.accepted.append(_record(message, params, "editMessageReplyMarkup"))
    return message


def delete_message(state: State, params: JSON) -> bool:
    """Delete a stored message."""
    key = (str(params["chat_id"]), int(params["message_id"]))
    if state.messages.pop(key, None) is None:
        raise ApiError(400, "Bad Request: message to delete not found")
    return True


def answer_callback_query(state: State, params: JSON) -> bool:
    """Answer a button press once, with at most 200 characters."""
    query_id = str(params["callback_query_id"])
    if state.callback_ids.get(query_id, True):
        raise ApiError(400, OLD_QUERY)
    if len(params.get("text") or "") > 200:
        raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
    state.callback_ids[query_id] = True
    state.answers.append(dict(params))
    return True


def answer_inline_query(state: State, params: JSON) -> bool:
    """Check up to 50 results with unique ids and valid message texts, then record them."""
    query_id = str(params["inline_query_id"])
    if query_id not in state.inline_ids:
        raise ApiError(400, OLD_QUERY)
    results = params.get("results") or []
    if len(results) > 50:
        raise ApiError(400, "Bad Request: RESULTS_TOO_MUCH")
    ids = [str(r.get("id", "")) for r in results]
    if len(set(ids)) != len(ids) or not all(0 < len(i.encode()) <= 64 for i in ids):
        raise ApiError(400, "Bad Request: RESULT_ID_INVALID")
    for result in results:
        content = result.get("input_message_content") or {}
        if "message_text" in content:
            _checked({"text": content["message_text"], "parse_mode": content.get("parse_mode")})
        _check_markup(result.get("reply_markup"))
    state.inline_ids.discard(query_id)
    state.answers.append(dict(params))
    return True


def get_chat(state: State, params: JSON) -> JSON:
    """The chat's full info."""
    return full_chat(state, params["chat_id"])


def get_chat_member(state: State, params: JSON) -> JSON:
    """One member's status, from the configured administrators."""
    return describe_chat_member(state, params["chat_id"], int(params["user_id"]))


def get_chat_administrators(state: State, params: JSON) -> list[JSON]:
    """The configured administrators, creator first."""
    chat_id = params["chat_id"]
    return [describe_chat_member(state, chat_id, u) for u in state.admins.get(str(chat_id), [])]


def always_true(state: State, params: JSON) -> bool:
    """Methods whose only effect is to be recorded."""
    return True


def _checked(params: JSON) -> Parsed:
    try:
        parsed = check_text(str(params.get("text", "")), params.get("parse_mode"))
    except EntityError as error:
        raise ApiError(400, str(error)) from None
    if params.get("entities") and not params.get("parse_mode"):
        parsed = Parsed(parsed.plain, tuple(params["entities"]))
    _check_markup(params.get("reply_markup"))
    return parsed


def _check_markup(markup: JSON | None) -> None:
    """Inline buttons need a text and callback_data of 1–64 bytes."""
    for row in (markup or {}).get("inline_keyboard", []):
        for button in row:
            if not button.get("text"):
                raise ApiError(
                    400, "Bad Request: text buttons are unallowed in the inline keyboard"
                )
            data = button.get("callback_data")
            if data is not None and not 0 < len(str(data).encode()) <= 64:
                raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")


def _check_flood(state: State, chat_id: int | str) -> None:
    retry_after = state.limiter.admit(chat_id) if state.limiter else None
    if retry_after is not None:
        text = f"Too Many Requests: retry after {retry_after}"
        raise ApiError(429, text, {"retry_after": retry_after})


def _find(state: State, params: JSON, verb: str) -> JSON | None:
    if params.get("inline_message_id"):
        return None
    key = (str(params.get("chat_id")), int(params.get("message_id") or 0))
    if key not in state.messages:
        raise ApiError(400, f"Bad Request: message to {verb} not found")
    return state.messages[key]


def _set_content(message: JSON, parsed: Parsed, markup: JSON | None) -> None:
    message["text"] = parsed.plain
    message.pop("entities", None)
    message.pop("reply_markup", None)
    if parsed.entities:
        message["entities"] = list(parsed.entities)
    if markup and "inline_keyboard" in markup:
        # Telegram echoes only inline keyboards in the returned message.
        message["reply_markup"] = markup


def _record(message: JSON, params: JSON, method: str) -> SentMessage:
    return SentMessage(
        chat_id=params["chat_id"],
        message_id=message["message_id"],
        text=str(params.get("text", "")),
        plain=message.get("text", ""),
        parse_mode=params.get("parse_mode"),
        reply_markup=params.get("reply_markup"),
        message_thread_id=params.get("message_thread_id"),
        entities=tuple(message.get("entities", ())),
        message=dict(message),
        method=method,
    )


def get_file(state: State, params: JSON) -> JSON:
    """A file a user sent (send_document); downloaded from /file/bot<token>/<file_path>."""
    file_id = str(params.get("file_id"))
    if file_id not in state.files:
        raise ApiError(400, "Bad Request: invalid file_id")
    size = len(state.files[file_id])
    return {
        "file_id": file_id,
        "file_unique_id": file_id[-8:],
        "file_size": size,
        "file_path": f"documents/{file_id}",
    }


METHODS: dict[str, Method] = {
    "getme": get_me,
    "getupdates": get_updates,
    "setwebhook": set_webhook,
    "deletewebhook": delete_webhook,
    "getwebhookinfo": get_webhook_info,
    "setmycommands": set_my_commands,
    "getmycommands": get_my_commands,
    "deletemycommands": always_true,
    "sendmessage": send_message,
    "sendphoto": send_photo,
    "editmessagetext": edit_message_text,
    "editmessagereplymarkup": edit_message_reply_markup,
    "deletemessage": delete_message,
    "answercallbackquery": answer_callback_query,
    "answerinlinequery": answer_inline_query,
    "sendchataction": always_true,
    "getchat": get_chat,
    "getchatmember": get_chat_member,
    "getchatadministrators": get_chat_administrators,
    "getfile": get_file,
    "close": always_true,
    "logout": always_true,
}
