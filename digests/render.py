"""Rendering a digest: terminal text, Telegram HTML, JSON. One import for every caller."""

from __future__ import annotations

from digests.render_html import TELEGRAM_LIMIT, render_card_html, render_html
from digests.render_json import document_json, render_json
from digests.render_text import LABELS, hashtag, labels, render_text

__all__ = [
    "LABELS",
    "TELEGRAM_LIMIT",
    "document_json",
    "hashtag",
    "labels",
    "render_card_html",
    "render_html",
    "render_json",
    "render_text",
]
