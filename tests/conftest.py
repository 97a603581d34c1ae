"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
from pathlib import Path

# PTB 22.8 warns on every RetryAfter (a 429) unless told to use timedelta; warnings are errors.
os.environ.setdefault("PTB_TIMEDELTA", "true")

import pytest

from tests.fakebot import fake_bot  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def seed_path(number: int) -> Path:
    """The seed file whose name starts with the three-digit `number`."""
    (path,) = SEEDS.glob(f"{number:03d}_*.txt")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_bytes() -> dict[int, bytes]:
    return {n: seed_path(n).read_bytes() for n in range(5)}
