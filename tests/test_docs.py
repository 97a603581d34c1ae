"""The docs cannot rot: /help, the README's command table and the registered handlers agree."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

from telegram.ext import CommandHandler

from bot import settings as settings_module
from bot import texts
from bot.cli import build_parser
from bot.handlers import MODULES

README = Path(__file__).resolve().parent.parent / "README.md"


def registered() -> list[str]:
    """Commands with a handler, in registration order."""
    return [
        command
        for module in MODULES
        for handler in module.HANDLERS
        if isinstance(handler, CommandHandler)
        for command in sorted(handler.commands)
    ]


def readme_commands() -> list[str]:
    """The first column of the table under README's "## Commands"."""
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Commands\n", 1)
    assert len(section) == 2, "README.md has no '## Commands' section"
    body = section[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `/([a-z0-9_]+)` \|", body, flags=re.MULTILINE)


def test_every_command_has_a_handler_and_a_help_line() -> None:
    names = [c.name for c in texts.COMMANDS]
    assert sorted(registered()) == sorted(names)
    for lang in ("zh", "en"):
        shown = texts.help_text(lang, "DigestTestBot")
        assert re.findall(r"^/([a-z0-9_]+) — ", shown, flags=re.MULTILINE) == names


def test_readme_lists_every_command_in_help_order() -> None:
    assert readme_commands() == [c.name for c in texts.COMMANDS]


def test_readme_lists_every_cli_subcommand_and_setting() -> None:
    """`digestbot --help` and the README's tables name the same commands and variables."""
    text = README.read_text(encoding="utf-8")
    listed = set(re.findall(r"^    (\w+)  ", build_parser().format_help(), flags=re.MULTILINE))
    documented = set(re.findall(r"^\| `digestbot (\w+)", text, flags=re.MULTILINE))
    assert listed and documented == listed
    variables = set(re.findall(r"^\| `([A-Z_]+)` \|", text, flags=re.MULTILINE))
    read = set(re.findall(r'env\.get\("([A-Z_]+)"', inspect.getsource(settings_module)))
    assert read and read <= variables, f"settings missing from the README: {read - variables}"
