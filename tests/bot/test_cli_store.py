"""`digestbot ingest` and `digestbot search`: one summary line, marked snippets, JSON."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.cli.store import marked
from bot.store import open_store
from tests.bot.store import texts
from tests.bot.store.conftest import make_doc
from tests.conftest import SEEDS


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    news = tmp_path / "news"
    shutil.copytree(SEEDS, news)
    url = f"sqlite:///{tmp_path / 'data' / 'bot.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("DIGEST_SOURCES", f"{news},{tmp_path / 'nowhere'}")
    monkeypatch.chdir(tmp_path)  # no stray .env
    return url


def test_ingest_prints_one_summary_line(
    env: str, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    assert main(["ingest"]) == 0
    out, err = capsys.readouterr()
    nowhere = f"{env.removeprefix('sqlite:///').rsplit('/data/', 1)[0]}/nowhere"
    assert (
        out
        == f"new 5, updated 0, unchanged 0, duplicates 0, failed 1 ({nowhere}: folder not found)\n"
    )
    assert "nowhere: folder not found" in caplog.text  # the problem is logged
    assert "%|" not in err  # no progress bar off a terminal
    assert main(["ingest"]) == 0
    again = capsys.readouterr().out
    assert (
        again
        == f"new 0, updated 0, unchanged 5, duplicates 0, failed 1 ({nowhere}: folder not found)\n"
    )


def test_search_text_marks_the_match(env: str, capsys: pytest.CaptureFixture[str]) -> None:
    main(["ingest"])
    capsys.readouterr()
    assert main(["search", "生活會", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1. ") and "【生活" in out and "2. " not in out
    assert main(["search", "no-such-word-here"]) == 0
    assert capsys.readouterr() == ("", "digestbot: no results\n")


def test_search_json(env: str, capsys: pytest.CaptureFixture[str]) -> None:
    store = open_store(env)
    feed = store.ensure_source("https://news.example.org/feed.xml")
    store.add_document(
        make_doc("https://news.example.org/a.html", texts.FLOOD, title="防汛会"),
        source_id=feed,
        raw_hash="r",
        duplicate_of=None,
    )
    folder = store.ensure_source("/srv")
    store.add_document(
        make_doc("/srv/b.txt", texts.FARM + "防汛。", title="推进会"),
        source_id=folder,
        raw_hash="s",
        duplicate_of=None,
    )
    store.close()
    assert main(["search", "防汛", "--format", "json"]) == 0
    results = json.loads(capsys.readouterr().out)["results"]
    assert [r["title"] for r in results] == ["防汛会", "推进会"]  # best first
    assert set(results[0]) == {"id", "title", "date", "source", "snippet", "url"}
    assert results[0]["url"] == "https://news.example.org/a.html"
    assert results[1]["path"] == "/srv/b.txt" and "防汛" in results[1]["snippet"]
    assert main(["search", '"防汛 OR (*', "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"results": []}


def test_search_rejects_a_bad_limit(env: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["search", "会议", "--limit", "0"])
    assert "1–100" in capsys.readouterr().err


def test_marked() -> None:
    assert marked("召开民主生活会议", ((4, 7),)) == "召开民主【生活会】议"
    assert marked("ab ab", ((0, 2), (3, 5))) == "【ab】 【ab】"
    assert marked("abc", ()) == "abc"
