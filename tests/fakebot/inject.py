"""Updates a test injects, as a user, a group or a channel would cause them."""

from __future__ import annotations

import itertools

from tests.fakebot import objects
from tests.fakebot.objects import JSON
from tests.fakebot.state import SentMessage, State

USER_ID = 100001
_query_ids = itertools.count(1)


class Injecting(State):
    """State plus helpers that queue realistic updates for getUpdates."""

    def send_text(
        self,
        chat_id: int,
        text: str,
        *,
        user_id: int | None = None,
        language_code: str | None = "zh-hans",
        chat_type: str | None = None,
        message_thread_id: int | None = None,
        is_topic_message: bool | None = None,
    ) -> JSON:
        """A user writes `text`; a leading command gets its bot_command entity."""
        message = self._user_message(chat_id, user_id, language_code, chat_type, message_thread_id)
        message["text"] = text
        entities = objects.command_entities(text)
        if entities:
            message["entities"] = entities
        if message_thread_id is not None and is_topic_message is not False:
            message["is_topic_message"] = True
        return self.push_update("message", message)

    def send_sticker(
        self, chat_id: int, *, user_id: int | None = None, chat_type: str | None = None
    ) -> JSON:
        """A user sends a sticker."""
        message = self._user_message(chat_id, user_id, "zh-hans", chat_type, None)
        message["sticker"] = objects.sticker()
        return self.push_update("message", message)

    def send_photo(
        self, chat_id: int, caption: str | None = None, *, user_id: int | None = None
    ) -> JSON:
        """A user sends a photo, with an optional caption."""
        message = self._user_message(chat_id, user_id, "zh-hans", None, None)
        message["photo"] = objects.photo_sizes()
        if caption:
            message["caption"] = caption
        return self.push_update("message", message)

    def send_document(
        self,
        chat_id: int,
        name: str,
        data: bytes,
        *,
        user_id: int | None = None,
        mime_type: str = "application/octet-stream",
    ) -> JSON:
        """A user sends a file; the bot can getFile and download it."""
        message = self._user_message(chat_id, user_id, "zh-hans", None, None)
        with self.cond:
            file_id = f"BQACdoc{len(self.files) + 1}"
            self.files[file_id] = data
        message["document"] = {
            "file_id": file_id,
            "file_unique_id": file_id[-8:],
            "file_name": name,
            "mime_type": mime_type,
            "file_size": len(data),
        }
        return self.push_update("message", message)

    def press_button(
        self,
        message: SentMessage | JSON,
        callback_data: str,
        *,
        user_id: int | None = None,
        language_code: str | None = "zh-hans",
    ) -> JSON:
        """A user presses an inline button of a message the bot sent (as it is now)."""
        sent = message.message if isinstance(message, SentMessage) else message
        with self.cond:
            current = self.messages.get((str(sent["chat"]["id"]), sent["message_id"]), sent)
            query_id = str(next(_query_ids))
            self.callback_ids[query_id] = False
            query = {
                "id": query_id,
                "from": objects.user(user_id or _default_user(sent["chat"]["id"]), language_code),
                "chat_instance": f"ci{sent['chat']['id']}",
                "message": dict(current),
                "data": callback_data,
            }
        return self.push_update("callback_query", query)

    def inline_query(
        self, user_id: int, query: str, *, offset: str = "", language_code: str | None = "zh-hans"
    ) -> JSON:
        """A user types `@bot query` in any chat."""
        with self.cond:
            query_id = str(next(_query_ids))
            self.inline_ids.add(query_id)
        body = {"id": query_id, "from": objects.user(user_id, language_code), "query": query}
        return self.push_update("inline_query", {**body, "offset": offset})

    def channel_post(self, chat_id: int, text: str) -> JSON:
        """A post in a channel the bot administers."""
        with self.cond:
            chat = self._register(chat_id, "channel", False)
            post: JSON = {"message_id": self.new_message_id(chat_id), "date": objects.now()}
        post.update(chat=chat, sender_chat=chat, text=text)
        entities = objects.command_entities(text)
        if entities:
            post["entities"] = entities
        return self.push_update("channel_post", post)

    def my_chat_member(
        self,
        chat_id: int,
        *,
        old: str = "left",
        new: str = "member",
        user_id: int | None = None,
        chat_type: str | None = None,
    ) -> JSON:
        """The bot's own status in a chat changes (added, promoted, removed, blocked)."""
        with self.cond:
            chat = self._register(chat_id, chat_type or _default_type(chat_id), False)
        bot = objects.bot_user(self.username)
        body: JSON = {"chat": chat, "from": objects.user(user_id or _default_user(chat_id))}
        body.update(date=objects.now(), old_chat_member=objects.member(bot, old))
        return self.push_update(
            "my_chat_member", {**body, "new_chat_member": objects.member(bot, new)}
        )

    def _user_message(
        self,
        chat_id: int,
        user_id: int | None,
        language_code: str | None,
        chat_type: str | None,
        thread: int | None,
    ) -> JSON:
        with self.cond:
            chat = self._register(chat_id, chat_type or _default_type(chat_id), thread is not None)
            message: JSON = {"message_id": self.new_message_id(chat_id), "date": objects.now()}
        sender = objects.user(user_id or _default_user(chat_id), language_code)
        message.update({"chat": chat, "from": sender})
        if thread is not None:
            message["message_thread_id"] = thread
        return message

    def _register(self, chat_id: int, chat_type: str, is_forum: bool) -> JSON:
        """Remember the chat so the bot's replies and getChat describe it the same way."""
        known = self.chats.get(str(chat_id))
        if known and known["type"] == chat_type and (known.get("is_forum", False) or not is_forum):
            return known
        self.chats[str(chat_id)] = objects.chat(chat_id, chat_type, is_forum=is_forum)
        return self.chats[str(chat_id)]


def _default_type(chat_id: int) -> str:
    return "private" if chat_id > 0 else "supergroup"


def _default_user(chat_id: int) -> int:
    """In a private chat the user's id is the chat's id."""
    return chat_id if chat_id > 0 else USER_ID
