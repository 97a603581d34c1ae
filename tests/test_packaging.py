"""The Dockerfile cannot be built here (no Docker engine), so its steps are checked as text."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

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


def test_it_installs_the_lock_then_the_package_without_resolving_again() -> None:
    locked, package = instructions("RUN")
    assert locked == "pip install --require-hashes -r requirements/lock.txt"
    assert package.startswith("pip install --no-deps . ")


def requirements(*extras: str) -> dict[str, str]:
    """pyproject's runtime requirements (and those of `extras`): name → specifier."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    listed = list(project["dependencies"])
    for extra in extras:
        listed += project["optional-dependencies"][extra]
    found = {}
    for line in listed:
        requirement = Requirement(line)
        found[canonicalize_name(requirement.name)] = str(requirement.specifier)
    return found


def pins(lock: str) -> dict[str, str]:
    text = (ROOT / "requirements" / lock).read_text(encoding="utf-8")
    return {
        canonicalize_name(name): version
        for name, version in re.findall(r"^([A-Za-z0-9_.\-]+)==(\S+)", text, flags=re.MULTILINE)
    }


@pytest.mark.parametrize(
    ("lock", "extras"), [("lock.txt", ("postgres",)), ("test-lock.txt", ("postgres", "test"))]
)
def test_each_lock_pins_every_requirement_within_its_range(
    lock: str, extras: tuple[str, ...]
) -> None:
    """A requirement added to pyproject.toml without regenerating the lock fails here."""
    pinned = pins(lock)
    for name, specifier in requirements(*extras).items():
        assert name in pinned, f"{name} is not in requirements/{lock}: regenerate it"
        assert SpecifierSet(specifier).contains(pinned[name]), f"{name}=={pinned[name]}"


def test_the_test_lock_agrees_with_the_deployment_lock() -> None:
    deployed, tested = pins("lock.txt"), pins("test-lock.txt")
    assert {name: tested[name] for name in deployed} == deployed


@pytest.mark.parametrize("lock", ["lock.txt", "test-lock.txt"])
def test_lxml_is_pinned_under_the_extra_justext_asks_for(lock: str) -> None:
    """justext asks for `lxml[html_clean]`: pip 23 in --require-hashes mode refuses a lock that
    pins `lxml` alone as soon as the index offers a newer lxml (it did, 3 December 2026)."""
    text = (ROOT / "requirements" / lock).read_text(encoding="utf-8")
    extra = re.search(r"^lxml\[html_clean\]==(\S+) \\$", text, flags=re.MULTILINE)
    assert extra is not None, f"requirements/{lock}: add the lxml[html_clean] pin after compiling"
    assert extra.group(1) == pins(lock)["lxml"]


def test_each_lock_says_how_to_regenerate_it() -> None:
    for lock in ("lock.txt", "test-lock.txt"):
        head = (ROOT / "requirements" / lock).read_text(encoding="utf-8").splitlines()[:3]
        assert any("uv pip compile pyproject.toml" in line for line in head), lock


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
