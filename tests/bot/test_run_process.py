"""`digestbot run` as a real process against the fake Bot API: it starts, fails and stops
like a service (one line and an exit status per failure, SIGTERM within 5 s, health at once).
"""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.health import age
from bot.startup import Exit
from bot.store import open_store
from tests.bot.test_ingest import assert_consistent, documents_in, write_corpus
from tests.conftest import ROOT
from tests.e2e.news import PAGES
from tests.fakebot import TOKEN, FakeBotApi

CHAT = 4242
STOP_BUDGET = 5.0  # seconds from SIGTERM to exit (Docker kills at 10)
SECRET = TOKEN.partition(":")[2]
REJECTED = "Telegram rejected the token: check TELEGRAM_BOT_TOKEN (from @BotFather)"


class Run:
    """One `python -m bot run` (or `watch`) child process with its own folder and database."""

    def __init__(self, folder: Path, api_url: str, command: str = "run", **env: str) -> None:
        self.folder = folder
        self.db = folder / "bot.db"
        (folder / "pages").mkdir(exist_ok=True)
        settings = {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": api_url,
            "DATABASE_URL": f"sqlite:///{self.db}",
            "DIGEST_SOURCES": str(folder / "pages"),
            "HEARTBEAT_FILE": str(folder / "heartbeat"),
            "SCAN_INTERVAL": "1",
            **env,
        }
        clean = {k: v for k, v in os.environ.items() if k not in settings and k != "LOG_LEVEL"}
        environment = {**clean, **settings, "PYTHONPATH": str(ROOT), "PTB_TIMEDELTA": "true"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", command],
            cwd=folder,  # no .env of the project's
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.stdout = self.stderr = ""

    def wait(self, timeout: float = 60) -> int:
        """The exit status, once the process has ended; its stdout and stderr are kept."""
        self.stdout, self.stderr = self.process.communicate(timeout=timeout)
        return self.process.returncode

    def stop(self, signum: int = signal.SIGTERM) -> float:
        """SIGTERM (or `signum`); seconds until the process had exited."""
        began = time.monotonic()
        self.process.send_signal(signum)
        self.wait(timeout=30)
        return time.monotonic() - began

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.communicate()


@pytest.fixture
def runs(tmp_path: Path) -> Iterator[list[Run]]:
    """Children started by a test; killed if the test left them running."""
    started: list[Run] = []
    yield started
    for run in started:
        run.kill()


def start(runs: list[Run], folder: Path, api_url: str, command: str = "run", **env: str) -> Run:
    run = Run(folder, api_url, command, **env)
    runs.append(run)
    return run


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until(predicate: object, timeout: float = 30, step: float = 0.02) -> None:
    deadline = time.monotonic() + timeout
    while not predicate() and time.monotonic() < deadline:  # type: ignore[operator]
        time.sleep(step)
    assert predicate(), "timed out"  # type: ignore[operator]


def ask(fake: FakeBotApi, text: str, timeout: float = 30) -> str:
    """Say `text` in the chat and return the bot's answer."""
    before = len(fake.sent(CHAT))
    fake.send_text(CHAT, text)
    return fake.wait_for_messages(before + 1, CHAT, timeout=timeout)[before].plain


# -- start-up failures: one line, its own exit status, never the token ---------------------------


@pytest.mark.parametrize("level", ["INFO", "DEBUG"])
def test_a_rejected_token_is_one_line_and_status_3(
    tmp_path: Path, fake_bot: FakeBotApi, runs: list[Run], level: str
) -> None:
    wrong = TOKEN[:-6] + "XXXXXX"
    run = start(runs, tmp_path, fake_bot.base_url, TELEGRAM_BOT_TOKEN=wrong, LOG_LEVEL=level)
    assert run.wait() == Exit.TOKEN
    last = run.stderr.strip().splitlines()[-1]
    assert (
        last
        == "digestbot run: Telegram rejected the token: check TELEGRAM_BOT_TOKEN (from @BotFather)"
    )
    assert wrong.partition(":")[2] not in run.stderr
    if level == "INFO":
        assert run.stderr.strip() == last, "at INFO the one line is all"


def test_an_api_url_that_is_no_bot_api_is_status_3(
    tmp_path: Path, fake_bot: FakeBotApi, runs: list[Run]
) -> None:
    url = fake_bot.base_url.replace("/bot", "/telegram/bot")  # the fake answers 404 there
    run = start(runs, tmp_path, url)
    assert run.wait() == Exit.TOKEN
    assert run.stderr.startswith(f"digestbot run: TELEGRAM_API_URL {url} answered 404 Not Found")
    assert len(run.stderr.strip().splitlines()) == 1 and SECRET not in run.stderr


def test_an_unreachable_api_is_retried_then_status_4(tmp_path: Path, runs: list[Run]) -> None:
    url = f"http://127.0.0.1:{free_port()}/bot"
    run = start(runs, tmp_path, url, STARTUP_TIMEOUT="2.5")
    assert run.wait() == Exit.UNREACHABLE
    lines = run.stderr.strip().splitlines()
    retries = [line for line in lines if "is unreachable (" in line]
    assert len(retries) >= 2 and "attempt 1, next in 1 s" in retries[0]
    assert lines[-1].startswith("digestbot run: the Bot API at http://127.0.0.1:")
    assert "Traceback" not in run.stderr and SECRET not in run.stderr


def _failing_start(mode: str, fake: FakeBotApi) -> tuple[dict[str, str], int]:
    """The settings that make start-up fail in `mode`, and the exit status it must end with."""
    if mode == "rejected":  # the fake answers 401 for any token but its own
        return {"TELEGRAM_BOT_TOKEN": TOKEN[:-6] + "XXXXXX"}, Exit.TOKEN
    if mode == "404":
        return {"TELEGRAM_API_URL": fake.base_url.replace("/bot", "/telegram/bot")}, Exit.TOKEN
    if mode == "malformed":  # an unexpected error: at DEBUG its traceback is printed
        return {"TELEGRAM_API_URL": "http://[::1/bot"}, Exit.ERROR
    url = f"http://127.0.0.1:{free_port()}/bot"
    return {"TELEGRAM_API_URL": url, "STARTUP_TIMEOUT": "2.5"}, Exit.UNREACHABLE


@pytest.mark.parametrize("level", ["INFO", "DEBUG"])
@pytest.mark.parametrize("mode", ["rejected", "404", "unreachable", "malformed"])
def test_no_output_holds_the_token_in_any_failure_at_any_level(
    tmp_path: Path, fake_bot: FakeBotApi, runs: list[Run], mode: str, level: str
) -> None:
    env, status = _failing_start(mode, fake_bot)
    token = env.get("TELEGRAM_BOT_TOKEN", TOKEN)
    run = start(
        runs, tmp_path, env.pop("TELEGRAM_API_URL", fake_bot.base_url), LOG_LEVEL=level, **env
    )
    assert run.wait() == status
    output = run.stdout + run.stderr
    assert run.stderr.strip(), "the failure is said"
    assert token.partition(":")[2] not in output and token not in output
    if level == "DEBUG":  # where the token was, the redaction stands
        assert "Traceback" in output if mode == "malformed" else "bot<token>" in output
    else:
        assert "DEBUG" not in output and "Traceback" not in output


def test_the_bot_starts_when_the_api_comes_up_after_it(tmp_path: Path, runs: list[Run]) -> None:
    with socket.socket() as down:  # the API's port, answering nothing: each try is hung up on
        down.bind(("127.0.0.1", 0))
        down.listen()
        down.settimeout(60)
        port = down.getsockname()[1]
        run = start(runs, tmp_path, f"http://127.0.0.1:{port}/bot")
        down.accept()[0].close()  # the bot has tried once and failed
    fake = api_on(port)
    try:
        assert "订阅" in ask(fake, "/start", timeout=60)
        assert run.stop() < STOP_BUDGET
    finally:
        fake.stop()
    assert run.process.returncode == Exit.OK
    assert "attempt 1" in run.stderr


def api_on(port: int) -> FakeBotApi:
    """The fake on `port`, once the port can be bound again (a closed listener's last
    connection may hold it for a moment)."""
    for _ in range(50):
        try:
            return FakeBotApi(port=port).start()
        except OSError:
            time.sleep(0.1)
    return FakeBotApi(port=port).start()


# -- health from the first second ---------------------------------------------------------------


def test_the_heartbeat_is_fresh_before_the_first_poll(
    tmp_path: Path, fake_bot: FakeBotApi, runs: list[Run]
) -> None:
    run = start(runs, tmp_path, fake_bot.base_url)
    wait_until(lambda: polled(fake_bot) or run.process.poll() is not None)
    seconds = age(tmp_path / "heartbeat")
    assert seconds is not None and seconds < 5, "no fresh heartbeat when the bot began to poll"
    assert run.stop() < STOP_BUDGET


def polled(fake: FakeBotApi) -> bool:
    """Whether a getUpdates call has arrived (a long poll is recorded as a call only later)."""
    with fake.cond:
        return any(call.method == "getUpdates" for call in fake.arrived)


# -- stopping like a service ----------------------------------------------------------------------


def test_sigterm_when_idle_stops_at_once_and_closes_the_store(
    tmp_path: Path, fake_bot: FakeBotApi, runs: list[Run]
) -> None:
    run = start(runs, tmp_path, fake_bot.base_url)
    assert "订阅" in ask(fake_bot, "/start")
    assert run.stop() < STOP_BUDGET
    assert run.process.returncode == Exit.OK
    # SQLite removes the write-ahead log when the last connection closes: the store was closed
    assert run.db.exists() and not Path(f"{run.db}-wal").exists()


def test_sigterm_with_a_send_in_flight_finishes_it_and_keeps_its_record(
    tmp_path: Path, fake_bot: FakeBotApi, runs: list[Run]
) -> None:
    run = start(runs, tmp_path, fake_bot.base_url)
    ask(fake_bot, "/subscribe")
    ask(fake_bot, "/schedule instant")
    fake_bot.misbehave("sendMessage", delay=1.5, chat_id=CHAT)  # the digest is slow to go out
    (tmp_path / "pages" / "river.txt").write_text(PAGES["river"], encoding="utf-8")
    wait_until(lambda: any(c.method == "sendMessage" for c in arrivals_since(fake_bot, 2)))
    took = run.stop()
    assert took < STOP_BUDGET and run.process.returncode == Exit.OK
    (digest,) = fake_bot.sent(CHAT)[2:]
    assert "河湖长制" in digest.plain
    store = open_store(f"sqlite:///{run.db}")
    try:
        assert store.unseen_documents(CHAT) == [], "the message went out: it must be recorded"
    finally:
        store.close()


def arrivals_since(fake: FakeBotApi, replies: int) -> list[object]:
    """Calls that arrived at the fake after the bot's first `replies` messages to CHAT."""
    with fake.cond:
        sent = [c for c in fake.arrived if c.method == "sendMessage"]
        return sent[replies:]


@pytest.mark.parametrize(
    ("command", "signum"),
    [("run", signal.SIGTERM), ("run", signal.SIGINT), ("watch", signal.SIGTERM)],
)
def test_a_stop_signal_mid_scan_stops_within_5_s_with_whole_documents(
    tmp_path: Path, fake_bot: FakeBotApi, runs: list[Run], command: str, signum: int
) -> None:
    write_corpus(tmp_path / "pages", 300)
    run = start(runs, tmp_path, fake_bot.base_url, command, SCAN_INTERVAL="600")
    wait_until(lambda: documents_in(run.db) >= 5, timeout=60)
    took = run.stop(signum)
    assert took < STOP_BUDGET and run.process.returncode == Exit.OK
    stored = documents_in(run.db)
    assert stored < 300, "the scan should have been stopped, not finished"
    assert_consistent(run.db)
    with sqlite3.connect(run.db) as conn:
        paths = [row[0] for row in conn.execute("SELECT location FROM documents")]
    assert len(paths) == len(set(paths))


# -- killed between a send and its record: at most one repeat -------------------------------------


def titles_sent(fake: FakeBotApi, after: int) -> list[str]:
    """The title of each page in each message to CHAT after its first `after`, in order."""
    titles = [page.splitlines()[0] for page in PAGES.values()]
    messages = fake.sent(CHAT)[after:]
    return [title for message in messages for title in titles if title in message.plain]


def test_sigkill_between_a_send_and_its_record_repeats_that_message_once(
    tmp_path: Path, fake_bot: FakeBotApi, runs: list[Run]
) -> None:
    run = start(runs, tmp_path, fake_bot.base_url)
    ask(fake_bot, "/subscribe")
    ask(fake_bot, "/schedule instant")
    fake_bot.misbehave("sendMessage", delay=2.0, chat_id=CHAT)  # Telegram holds the send…
    (tmp_path / "pages" / "river.txt").write_text(PAGES["river"], encoding="utf-8")
    wait_until(lambda: any(c.method == "sendMessage" for c in arrivals_since(fake_bot, 2)))
    run.stop(signal.SIGKILL)  # …while the bot dies before it could record it
    wait_until(lambda: len(fake_bot.sent(CHAT)) == 3)  # the held send went out all the same
    for name in ("harvest", "museum", "robots"):
        (tmp_path / "pages" / f"{name}.txt").write_text(PAGES[name], encoding="utf-8")
    again = start(runs, tmp_path, fake_bot.base_url)
    wait_until(lambda: set(titles_sent(fake_bot, 2)) == {p.splitlines()[0] for p in PAGES.values()})
    ask(fake_bot, "/start")  # every scan's sends are done by the time a reply comes…
    time.sleep(2.5)  # …and two more scans (SCAN_INTERVAL 1 s) find nothing left to send
    assert again.stop() < STOP_BUDGET
    sent = titles_sent(fake_bot, 2)
    river = PAGES["river"].splitlines()[0]
    assert sorted(set(sent)) == sorted(p.splitlines()[0] for p in PAGES.values()), "none lost"
    assert sent.count(river) == 2, "the killed send is repeated once after the restart"
    assert len(sent) == len(set(sent)) + 1, "and nothing else is"
