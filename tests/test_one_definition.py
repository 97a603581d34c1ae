"""Rules meant once are defined once: the query limit, the Chinese character class."""

from __future__ import annotations

import re

from bot import parsing
from bot.store import terms
from digests.script import CJK, count_cjk, is_cjk
from tests.conftest import ROOT

# A range of CJK ideographs written out (`\u4e00-\u9fff`, `一-龥`) outside digests/script.py.
_RANGE = re.compile(r"\\u(?:4e00|3400|9fff|9fa5)|一-龥", re.IGNORECASE)


def test_the_search_limit_is_the_one_the_store_searches() -> None:
    query, cut = parsing.parse_query("会" * (terms.MAX_QUERY + 50))
    assert cut and len(query) == terms.MAX_QUERY == parsing.MAX_QUERY


def test_the_cjk_class_is_written_out_only_in_the_script_module() -> None:
    written = [
        f"{path.relative_to(ROOT)}:{n}"
        for folder in ("bot", "digests")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path.name != "script.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _RANGE.search(line)
    ]
    assert written == []


def test_the_class_covers_every_block_of_ideographs() -> None:
    for char in ("会", "㐀", "𠀀", "𰀀"):  # basic, extension A, B, G
        assert is_cjk(char) and re.fullmatch(f"[{CJK}]", char)
    for char in ("a", "，", "ー", "가"):
        assert not is_cjk(char)
    assert count_cjk("2024年𠀀会a") == 3
