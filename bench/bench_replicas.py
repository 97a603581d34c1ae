"""One digest fanned out by two `digestbot run` webhook replicas on one PostgreSQL database.

    python bench/bench_replicas.py [--chats 1000] [--url postgresql+psycopg://…]

`--chats` chats subscribed instantly, two real replicas (webhook mode) against the fake Bot
API, a new page dropped into the shared source folder: the time until every chat has the
digest, against the bound (chats / the bot's overall rate, 30 messages a second less the
limiter's 5 % headroom: Telegram's limit is per token, so one sender at the limit is the
bound whatever the number of replicas), and the lost and duplicated messages (both must
be 0). The timers run in the leading replica, so it alone fans out; the other answers readers.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.bot.test_replicas import Replica, copies, say, subscribe_many  # noqa: E402
from tests.bot.test_run_process import Run  # noqa: E402
from tests.e2e.news import PAGES  # noqa: E402
from tests.fakebot import FakeBotApi  # noqa: E402

RATE = 30 * 0.95  # messages a second the bot's limiter lets out (bot.app.Tuning)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chats", type=int, default=1000)
    parser.add_argument("--url", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    plain, schema = args.url.replace("+psycopg", ""), f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    url = f"{args.url}?options=-csearch_path%3D{schema}"
    chats = range(30_000, 30_000 + args.chats)
    fake = FakeBotApi().start()
    runs: list[Run] = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            pages, one, two = folder / "pages", folder / "one", folder / "two"
            for made in (pages, one, two):
                made.mkdir()
            subscribe_many(url, chats)
            env = {"DATABASE_URL": url, "DIGEST_SOURCES": str(pages), "SCAN_INTERVAL": "1"}
            replicas = [Replica(runs, one, fake, **env), Replica(runs, two, fake, **env)]
            for replica in replicas:
                say(fake, replica, "/start")
            began = time.monotonic()
            (pages / "river.txt").write_text(PAGES["river"], encoding="utf-8")
            while min(copies(fake, chats, "河湖长制").values()) < 1:
                if time.monotonic() - began > 30 + 3 * args.chats / RATE:
                    break
                time.sleep(0.2)
            took = time.monotonic() - began
            time.sleep(3)  # three more scans: a second sender would show now
            got = copies(fake, chats, "河湖长制")
    finally:
        for run in runs:
            run.kill()
        fake.stop()
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")
    bound = args.chats / RATE
    lost = sum(1 for n in got.values() if n == 0)
    twice = sum(n - 1 for n in got.values() if n > 1)
    print(f"{args.chats} chats, 2 replicas: {took:.1f} s from the page to the last chat")
    print(f"bound {bound:.1f} s (chats / {RATE:g} msg/s): {took / bound:.2f}x, includes the scan")
    print(f"lost {lost}, duplicated {twice}")


if __name__ == "__main__":
    main()
