"""The bot's memory: sources, documents, search, chats, subscriptions and deliveries."""

from bot.store.records import SearchHit, SearchPage, SourceRow, StoredDocument, Subscription, Topic
from bot.store.store import Store, open_store

__all__ = [
    "SearchHit",
    "SearchPage",
    "SourceRow",
    "Store",
    "StoredDocument",
    "Subscription",
    "Topic",
    "open_store",
]
