"""Telegram, storage, sources and scheduling around the `digests` pipeline."""
