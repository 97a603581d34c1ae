"""Fixtures that tests of several modules here share (defined where they are used most)."""

from tests.bot.store.conftest import pg_url  # noqa: F401
from tests.bot.test_run_process import runs  # noqa: F401
