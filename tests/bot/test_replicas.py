"""More than one process on one database, as real processes against the fake Bot API: a
second process on an SQLite file, a second poller, and (on PostgreSQL) the work shared."""

from __future__ import annotations

import re
import signal
import subprocess
import time
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from bot.startup import Exit
from bot.store import Subscription, open_store
from tests.bot.test_ingest import write_corpus
from tests.bot.test_run_process import CHAT, Run, ask, free_port, start, wait_until
from tests.e2e.news import PAGES
from tests.fakebot import FakeBotApi

DONE = re.compile(r"scan done: new (\d+), updated \d+, unchanged \d+, duplicates (\d+)")
SQLITE_BUSY = "SQLite serves one process at a time"
POLLING_BUSY = "already polls this bot's updates on this database"


def folders(tmp_path: Path, *names: str) -> list[Path]:
    made = [tmp_path / name for name in names]
    for folder in made:
        folder.mkdir()
    return made


def last_line(run: Run) -> str:
    return run.stderr.strip().splitlines()[-1]


@pytest.mark.parametrize("command", ["run", "watch"])
def test_a_second_process_on_an_sqlite_file_is_refused_in_one_line(
    tmp_path: Path, fake_bot: FakeBotApi, runs: list[Run], command: str
) -> None:
    first_folder, second_folder = folders(tmp_path, "first", "second")
    first = start(runs, first_folder, fake_bot.base_url)
    assert "订阅" in ask(fake_bot, "/start")
    shared = f"sqlite:///{first.db}"
    second = start(runs, second_folder, fake_bot.base_url, command, DATABASE_URL=shared)
    assert second.wait() == Exit.BUSY
    assert last_line(second).startswith(f"digestbot {command}: another digestbot process")
    assert SQLITE_BUSY in last_line(second) and "Traceback" not in second.stderr
    assert "订阅" in ask(fake_bot, "/start")  # the first one still serves
    assert first.stop() < 5 and first.process.returncode == Exit.OK


def test_a_second_poller_elsewhere_is_told_by_telegram_and_one_of_them_stops(
    tmp_path: Path, fake_bot: FakeBotApi, runs: list[Run]
) -> None:
    """Two databases, one token: Telegram ends the older long poll with a 409 Conflict."""
    first_folder, second_folder = folders(tmp_path, "first", "second")
    first = start(runs, first_folder, fake_bot.base_url)
    assert "订阅" in ask(fake_bot, "/start")
    second = start(runs, second_folder, fake_bot.base_url)
    wait_until(lambda: first.process.poll() is not None or second.process.poll() is not None)
    stopped, serving = (first, second) if first.process.poll() is not None else (second, first)
    assert stopped.wait() == Exit.BUSY
    assert "Telegram answered Conflict: another process polls" in stopped.stderr
    assert "Traceback" not in stopped.stderr
    assert "订阅" in ask(fake_bot, "/start")  # the other one serves alone
    assert serving.stop() < 5 and serving.process.returncode == Exit.OK


@pytest.mark.postgres
def test_a_second_poller_on_postgresql_is_refused_and_watchers_share(
    tmp_path: Path, fake_bot: FakeBotApi, runs: list[Run], pg_url: str
) -> None:
    one, two, three = folders(tmp_path, "one", "two", "three")
    first = start(runs, one, fake_bot.base_url, DATABASE_URL=pg_url)
    assert "订阅" in ask(fake_bot, "/start")
    second = start(runs, two, fake_bot.base_url, DATABASE_URL=pg_url)
    assert second.wait() == Exit.BUSY and POLLING_BUSY in last_line(second)
    (three / "pages").mkdir()
    (three / "pages" / "river.txt").write_text(PAGES["river"], encoding="utf-8")
    watcher = start(runs, three, fake_bot.base_url, "watch", DATABASE_URL=pg_url)
    store = open_store(pg_url)
    try:  # a watcher beside the bot on PostgreSQL scans
        wait_until(lambda: store.stats()["documents"] >= 1 or watcher.process.poll() is not None)
        assert watcher.process.poll() is None and store.stats()["documents"] == 1
    finally:
        store.close()
    assert "订阅" in ask(fake_bot, "/start")
    assert watcher.stop() < 5 and watcher.process.returncode == Exit.OK
    assert first.stop() < 5 and first.process.returncode == Exit.OK


class Replica:
    """`digestbot run` in webhook mode on a port of its own; updates are posted to it as a
    load balancer in front of several replicas would."""

    def __init__(self, runs: list[Run], folder: Path, fake: FakeBotApi, **env: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/hook"
        self.run = start(
            runs, folder, fake.base_url, WEBHOOK_URL=self.url, PORT=str(self.port), **env
        )

    def post(self, update: dict[str, object]) -> bool:
        try:
            return httpx.post(self.url, json=update, timeout=5).status_code == 200
        except httpx.TransportError:
            return False  # not listening yet


def say(fake: FakeBotApi, replica: Replica, text: str) -> str:
    """`text` from the reader, through `replica`; the bot's answer."""
    before = len(fake.sent(CHAT))
    update = fake.send_text(CHAT, text)  # queued for pollers too, but nobody polls
    wait_until(lambda: replica.post(update) or replica.run.process.poll() is not None, step=0.2)
    return fake.wait_for_messages(before + 1, CHAT, timeout=30)[before].plain


def digests_of(fake: FakeBotApi, phrase: str) -> int:
    return digests_in(fake, CHAT, phrase)


@pytest.mark.postgres
def test_two_webhook_replicas_send_each_digest_once_and_one_takes_over_from_a_killed_leader(
    tmp_path: Path, fake_bot: FakeBotApi, runs: list[Run], pg_url: str
) -> None:
    pages, one, two = folders(tmp_path, "pages", "one", "two")
    env = {"DATABASE_URL": pg_url, "DIGEST_SOURCES": str(pages), "LEADER_TIMEOUT": "3"}
    first = Replica(runs, one, fake_bot, **env)
    assert "订阅" in say(fake_bot, first, "/start")  # the first leads: it tried first
    second = Replica(runs, two, fake_bot, **env)
    assert "订阅" in say(fake_bot, second, "/start")
    say(fake_bot, second, "/subscribe")  # changes made through either replica
    say(fake_bot, first, "/schedule instant")

    (pages / "river.txt").write_text(PAGES["river"], encoding="utf-8")
    wait_until(lambda: digests_of(fake_bot, "河湖长制") >= 1)
    time.sleep(4)  # four more scan intervals: a second scanner would push it again
    assert digests_of(fake_bot, "河湖长制") == 1

    first.run.process.send_signal(signal.SIGKILL)
    first.run.wait()
    (pages / "museum.txt").write_text(PAGES["museum"], encoding="utf-8")
    wait_until(lambda: digests_of(fake_bot, "文物保护") >= 1, timeout=30)  # the second leads
    time.sleep(4)
    assert digests_of(fake_bot, "文物保护") == 1 and digests_of(fake_bot, "河湖长制") == 1
    assert "订阅" in say(fake_bot, second, "/start")
    assert second.run.stop() < 5 and second.run.process.returncode == Exit.OK


@pytest.mark.postgres
def test_two_watch_workers_share_the_sources_and_store_every_file_once(
    tmp_path: Path, fake_bot: FakeBotApi, runs: list[Run], pg_url: str
) -> None:
    corpus, one, two = tmp_path / "corpus", *folders(tmp_path, "one", "two")
    write_corpus(corpus, 240)
    sources, pages = [tmp_path / f"source{n}" for n in range(4)], sorted(corpus.iterdir())
    for n, source in enumerate(sources):
        source.mkdir()
        for page in pages[n::4]:
            page.rename(source / page.name)
    env = {"DATABASE_URL": pg_url, "DIGEST_SOURCES": ",".join(map(str, sources))}
    workers = [start(runs, folder, fake_bot.base_url, "watch", **env) for folder in (one, two)]
    store = open_store(pg_url)
    try:
        wait_until(lambda: store.stats()["documents"] >= 240, timeout=240, step=0.5)
        time.sleep(2)  # two more scan rounds: a second scan of a source would count again
        assert store.stats()["documents"] == 240
    finally:
        store.close()
    for worker in workers:
        assert worker.stop() < 5 and worker.process.returncode == Exit.OK
        assert "Traceback" not in worker.stderr and "ERROR" not in worker.stderr
    stored = [
        sum(int(new) + int(repeats) for new, repeats in DONE.findall(worker.stderr))
        for worker in workers
    ]
    assert sum(stored) == 240 and min(stored) > 0, stored  # each stored a share, none twice


def leader(replicas: list[Replica], pg_url: str) -> Replica:
    """The replica whose connection holds the leader lock (the only advisory lock held)."""
    import psycopg

    plain = pg_url.split("?")[0].replace("+psycopg", "")
    with psycopg.connect(plain) as conn:
        ports = {
            row[0]
            for row in conn.execute(
                "SELECT a.client_port FROM pg_locks l JOIN pg_stat_activity a USING (pid)"
                " WHERE l.locktype = 'advisory' AND l.granted"
            )
        }
    sockets = subprocess.run(["ss", "-tnpH"], capture_output=True, text=True).stdout
    for replica in replicas:
        mine = [line for line in sockets.splitlines() if f"pid={replica.run.process.pid}," in line]
        if any(f":{port} " in line for line in mine for port in ports):
            return replica
    raise AssertionError(f"no replica holds the leader lock (ports {ports})")


def subscribe_many(pg_url: str, chats: range) -> None:
    """`chats` subscribed to everything, instantly (as /subscribe, /schedule instant)."""
    store = open_store(pg_url)
    try:
        since = datetime.now(UTC) - timedelta(minutes=1)
        for chat in chats:
            store.save_subscription(Subscription(chat_id=chat))
            (main,) = store.topics(chat)
            store.save_topic(replace(main, schedule="instant", last_digest_at=since))
    finally:
        store.close()


def copies(fake: FakeBotApi, chats: range, phrase: str) -> Counter[int]:
    return Counter({chat: digests_in(fake, chat, phrase) for chat in chats})


def digests_in(fake: FakeBotApi, chat: int, phrase: str) -> int:
    return sum(phrase in message.plain for message in fake.sent(chat))


@pytest.mark.postgres
def test_500_chats_get_each_digest_once_from_two_replicas_and_all_of_it_when_one_dies(
    tmp_path: Path, fake_bot: FakeBotApi, runs: list[Run], pg_url: str
) -> None:
    chats = range(20_000, 20_500)
    pages, one, two = folders(tmp_path, "pages", "one", "two")
    subscribe_many(pg_url, chats)
    env = {
        "DATABASE_URL": pg_url,
        "DIGEST_SOURCES": str(pages),
        "LEADER_TIMEOUT": "3",
        "DELIVERY_LEASE": "5",
    }
    first = Replica(runs, one, fake_bot, **env)
    assert "订阅" in say(fake_bot, first, "/start")
    second = Replica(runs, two, fake_bot, **env)
    assert "订阅" in say(fake_bot, second, "/start")

    (pages / "river.txt").write_text(PAGES["river"], encoding="utf-8")
    wait_until(lambda: min(copies(fake_bot, chats, "河湖长制").values()) >= 1, timeout=120)
    time.sleep(3)  # three more scans: a second sender would show now
    assert set(copies(fake_bot, chats, "河湖长制").values()) == {1}

    (pages / "museum.txt").write_text(PAGES["museum"], encoding="utf-8")
    wait_until(lambda: sum(copies(fake_bot, chats, "文物保护").values()) >= 100, timeout=60)
    killed = leader([first, second], pg_url)
    killed.run.process.send_signal(signal.SIGKILL)  # the leader, mid-fan-out
    killed.run.wait()
    survivor = second if killed is first else first
    wait_until(lambda: min(copies(fake_bot, chats, "文物保护").values()) >= 1, timeout=120)
    time.sleep(3)
    got = copies(fake_bot, chats, "文物保护")
    repeats = [chat for chat, n in got.items() if n > 1]
    assert max(got.values()) <= 2 and len(repeats) <= 8, repeats  # 8: the sends in flight
    assert survivor.run.stop() < 5 and survivor.run.process.returncode == Exit.OK
