"""Unknown commands: answered in private chats, and in groups only when addressed to this bot."""

from __future__ import annotations

from telegram import Chat, Message, Update, User

from bot.handlers.fallback import addressed_to_me


def update(chat_type: str, text: str) -> Update:
    chat = Chat(id=-5 if chat_type != "private" else 5, type=chat_type)
    message = Message(
        message_id=1,
        date=None,
        chat=chat,
        text=text,  # type: ignore[arg-type]
        from_user=User(id=5, first_name="u", is_bot=False),
    )
    return Update(update_id=1, message=message)


def test_addressed_to_me() -> None:
    assert addressed_to_me(update("private", "/nope"), "DigestTestBot")
    assert addressed_to_me(update("supergroup", "/nope@digesttestbot x"), "DigestTestBot")
    assert not addressed_to_me(update("supergroup", "/nope"), "DigestTestBot")
    assert not addressed_to_me(update("group", "/nope@OtherBot"), "DigestTestBot")
