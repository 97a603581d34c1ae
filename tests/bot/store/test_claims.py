"""Deliveries claimed before they are sent: two processes delivering to one chat at the same
moment send each document once, and a dead holder's claims go to the next one."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from bot.delivery import Deliverer, Sent
from bot.store import Store, Subscription
from tests.bot.store import texts
from tests.bot.store.test_subscriptions import _add

CHAT = 42


class SlowBot:
    """A Bot API that takes a while to answer, so two senders overlap."""

    def __init__(self) -> None:
        self.sent: list[str] = []

    async def send_message(self, chat_id: int, text: str, **options: Any) -> None:
        await asyncio.sleep(0.05)
        self.sent.append(text)


def stored(store: Store) -> list[Any]:
    store.save_subscription(Subscription(chat_id=CHAT))
    for n, text in enumerate((texts.FLOOD, texts.SCHOOL, texts.FARM)):
        _add(store, f"/n/{n}.txt", text)
    return store.unseen_documents(CHAT)


async def test_two_senders_at_once_send_each_document_once(store: Store) -> None:
    docs = stored(store)
    bot = SlowBot()
    one, two = (
        Deliverer(bot, store, owner=name, planner=lambda ds, v: _one_each(ds))  # type: ignore[arg-type]
        for name in ("replica-1", "replica-2")
    )
    sub = store.subscription(CHAT)
    assert sub is not None
    outcomes = await asyncio.gather(one.deliver(sub, docs), two.deliver(sub, docs))
    # the one that found the documents claimed says so: its caller must not stamp the topic
    assert sorted(o.result.value for o in outcomes) == [Sent.HELD.value, Sent.OK.value]
    assert sorted(bot.sent) == sorted(f"doc {d.id}" for d in docs)  # once each, in all
    assert sum(o.documents for o in outcomes) == len(docs)  # each marked by its sender
    assert store.unseen_documents(CHAT) == []


def test_a_claim_hides_the_document_until_sent_released_or_expired(store: Store) -> None:
    first, *rest = stored(store)
    assert store.claim(CHAT, [first.id], "replica-1") == {first.id}
    assert store.claim(CHAT, [first.id], "replica-2") == set()  # held
    assert first.id not in {d.id for d in store.unseen_documents(CHAT)}
    store.release(CHAT, [first.id], "replica-2")  # not its claim: nothing happens
    assert store.claim(CHAT, [first.id], "replica-2") == set()
    store.release(CHAT, [first.id], "replica-1")
    assert first.id in {d.id for d in store.unseen_documents(CHAT)}

    assert store.claim(CHAT, [first.id], "killed", lease=0.2) == {first.id}
    assert store.claim(CHAT, [first.id], "next") == set()
    time.sleep(0.3)  # its holder died; the lease ran out
    assert first.id in {d.id for d in store.unseen_documents(CHAT)}
    assert store.claim(CHAT, [first.id], "next") == {first.id}
    store.mark_sent(CHAT, [first.id])
    store.release(CHAT, [first.id], "next")  # a sent row is not a claim: it stays
    assert store.claim(CHAT, [first.id, rest[0].id], "again") == {rest[0].id}
    assert first.id not in {d.id for d in store.unseen_documents(CHAT)}


def _one_each(docs: Any) -> list[Any]:
    from bot.cards import Planned

    return [Planned(f"doc {d.id}", (d.id,)) for d in docs]


def test_the_one_process_of_a_store_drops_a_dead_predecessor_s_claims(store: Store) -> None:
    first, *_ = stored(store)
    assert store.claim(CHAT, [first.id], "killed") == {first.id}
    assert store.drop_claims() == 1
    assert store.claim(CHAT, [first.id], "restarted") == {first.id}
