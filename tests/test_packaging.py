"""The Dockerfile cannot be built here (no Docker engine), so its steps are checked as text."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bot.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")


def instructions(name: str) -> list[str]:
    """The arguments of every `name` instruction, continuation lines joined."""
    joined = DOCKERFILE.replace("\\\n", " ")
    return re.findall(rf"^{name}\s+(.+)$", joined, flags=re.MULTILINE)


def subcommands() -> set[str]:
    return set(re.findall(r"^    (\w+)  ", build_parser().format_help(), flags=re.MULTILINE))


def test_every_copied_path_is_in_the_repository() -> None:
    for args in instructions("COPY"):
        *sources, _target = args.split()
        for source in sources:
            assert (ROOT / source).exists(), f"COPY {source}: not in the repository"


def test_it_installs_the_package_as_the_readme_does() -> None:
    (run,) = instructions("RUN")
    assert re.search(r"pip install '\.(\[[a-z,]+\])?'", run)
    assert "pip install ." in (ROOT / "README.md").read_text(encoding="utf-8")


def test_it_runs_the_bot_as_a_user_with_a_data_volume() -> None:
    (user,) = instructions("USER")
    assert user.strip() not in {"root", "0"}
    assert instructions("VOLUME") == ['["/data"]']
    assert "DATABASE_URL=sqlite:////data/" in DOCKERFILE


def test_its_commands_exist() -> None:
    (cmd,) = instructions("CMD")
    (health,) = instructions("HEALTHCHECK")
    run = json.loads(cmd)
    check = json.loads(health.split("CMD", 1)[1])
    assert run[:2] == ["digestbot", "run"] and check[:2] == ["digestbot", "health"]
    assert {"run", "health"} <= subcommands()
