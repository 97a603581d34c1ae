"""Delivery decisions against a recording bot and store: what is sent, marked, retried, dropped."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut

from bot.cards import View
from bot.delivery import Deliverer, Outcome, Planned, Sent, plain, plan
from bot.store.records import StoredDocument, Subscription
from digests.pipeline import analyse_paths
from tests.fakebot import check_text


class Recorder:
    """Stands in for both the Bot (send_message) and the Store (mark_sent, mark_failed,
    deactivate)."""

    def __init__(self, failures: Sequence[Exception | None] = ()) -> None:
        self.events: list[tuple[Any, ...]] = []
        self.failures = list(failures)  # one per send attempt; None = success

    async def send_message(self, chat_id: int, text: str, **options: Any) -> None:
        failure = self.failures.pop(0) if self.failures else None
        self.events.append(
            ("send", chat_id, text, options.get("parse_mode"), options.get("message_thread_id"))
        )
        if failure is not None:
            raise failure

    def mark_sent(self, chat_id: int, doc_ids: Sequence[int]) -> None:
        self.events.append(("mark", chat_id, tuple(doc_ids)))

    def mark_failed(self, chat_id: int, doc_ids: Sequence[int]) -> None:
        self.events.append(("failed", chat_id, tuple(doc_ids)))

    def deactivate(self, chat_id: int, reason: str) -> None:
        self.events.append(("deactivate", chat_id))

    def claim(self, chat_id: int, doc_ids: Sequence[int], owner: str, lease: float) -> set[int]:
        return set(doc_ids)  # no other process here (claims: test_claims.py)

    def release(self, chat_id: int, doc_ids: Sequence[int], owner: str) -> None:
        pass


def fixed_plan(*messages: tuple[str, tuple[int, ...]]) -> Any:
    return lambda docs, view: [Planned(html, ids) for html, ids in messages]


def deliverer(recorder: Recorder, planner: Any, **options: Any) -> Deliverer:
    return Deliverer(
        recorder,
        recorder,
        planner=planner,
        backoff=0,  # type: ignore[arg-type]
        **options,
    )


SUB = Subscription(chat_id=42)
DOC = SimpleNamespace(id=1)  # the planner is stubbed: only the id is read (plan cache key)
TWO = fixed_plan(("<b>one</b>", (1, 2)), ("<b>two</b>", (3,)))


async def test_each_message_is_marked_right_after_it_is_sent() -> None:
    recorder = Recorder()
    outcome = await deliverer(recorder, TWO).deliver(SUB, [DOC])  # type: ignore[list-item]
    assert [e[0] for e in recorder.events] == ["send", "mark", "send", "mark"]
    assert recorder.events[1] == ("mark", 42, (1, 2)) and recorder.events[3] == ("mark", 42, (3,))
    assert (outcome.messages, outcome.documents, outcome.result) == (2, 3, Sent.OK)


async def test_a_crash_mid_send_leaves_the_rest_unseen() -> None:
    recorder = Recorder([None, RuntimeError("killed")])
    with pytest.raises(RuntimeError):
        await deliverer(recorder, TWO).deliver(SUB, [DOC])  # type: ignore[list-item]
    assert [e for e in recorder.events if e[0] == "mark"] == [("mark", 42, (1, 2))]


@pytest.mark.parametrize(
    "error", [Forbidden("Forbidden: bot was blocked by the user"), BadRequest("Chat not found")]
)
async def test_blocked_or_missing_chat_is_deactivated(error: Exception) -> None:
    recorder = Recorder([error])
    outcome = await deliverer(recorder, TWO).deliver(SUB, [DOC])  # type: ignore[list-item]
    assert outcome.result is Sent.GONE
    assert [e[0] for e in recorder.events] == ["send", "deactivate"]


async def test_html_refused_is_resent_as_plain_text() -> None:
    recorder = Recorder([BadRequest("Can't parse entities: unsupported start tag")])
    result = await deliverer(recorder, None).send(7, "<b>A &amp; B</b> 会议")
    assert result is Sent.OK
    assert recorder.events[1][2:4] == ("A & B 会议", None)


async def test_a_429_past_the_limiters_retries_fails_unmarked_without_more_tries() -> None:
    recorder = Recorder([RetryAfter(0), None])  # the limiter is the one layer retrying 429s
    outcome = await deliverer(recorder, TWO).deliver(SUB, [DOC])  # type: ignore[list-item]
    assert outcome.result is Sent.FAILED
    assert [e[0] for e in recorder.events] == ["send"]  # the next scan offers it again


def _from(error: TelegramError, cause: BaseException) -> TelegramError:
    """`error` raised from httpx's `cause`, as python-telegram-bot raises it."""
    error.__cause__ = cause
    return error


READ_TIMEOUT = _from(TimedOut(), httpx.ReadTimeout("read"))
HUNG_UP = _from(NetworkError("httpx.RemoteProtocolError"), httpx.RemoteProtocolError("gone"))
GARBLED = _from(TelegramError("Invalid server response"), ValueError("not JSON"))
UNSENT = _from(NetworkError("httpx.ConnectError"), httpx.ConnectError("refused"))


@pytest.mark.parametrize("lost", [READ_TIMEOUT, HUNG_UP, GARBLED], ids=str)
async def test_a_send_that_may_have_arrived_is_tried_twice_then_marked_failed(
    lost: TelegramError,
) -> None:
    recorder = Recorder([lost] * 5)
    outcome = await deliverer(recorder, TWO).deliver(SUB, [DOC])  # type: ignore[list-item]
    assert outcome.result is Sent.FAILED
    assert [e[0] for e in recorder.events] == ["send", "send", "failed"]  # one repeat at most
    assert recorder.events[-1] == ("failed", 42, (1, 2))  # never offered again


async def test_one_unsure_send_then_unsent_ones_still_repeat_at_most_once() -> None:
    recorder = Recorder([READ_TIMEOUT, UNSENT, UNSENT, None])
    assert await deliverer(recorder, None).send(7, "x") is Sent.OK
    failing = Recorder([READ_TIMEOUT, UNSENT, UNSENT, UNSENT, None])
    assert await deliverer(failing, TWO).deliver(SUB, [DOC]) == Outcome(42, 0, 0, Sent.FAILED)  # type: ignore[list-item]
    assert [e[0] for e in failing.events] == ["send"] * 4 + ["failed"]  # bound: 3 retries


async def test_requests_that_never_left_are_retried_and_stay_unmarked() -> None:
    recorder = Recorder([UNSENT] * 10)
    outcome = await deliverer(recorder, TWO).deliver(SUB, [DOC])  # type: ignore[list-item]
    assert outcome.result is Sent.FAILED
    assert [e[0] for e in recorder.events] == ["send"] * 4  # nothing marked: the next scan


async def test_network_errors_retry_a_bounded_number_of_times() -> None:
    recorder = Recorder([NetworkError("reset")] * 10)
    assert await deliverer(recorder, None, network_retries=3).send(7, "x") is Sent.FAILED
    assert len(recorder.events) == 4
    recovering = Recorder([NetworkError("reset"), None])
    assert await deliverer(recovering, None).send(7, "x") is Sent.OK


async def test_other_bad_requests_fail_without_marking() -> None:
    recorder = Recorder([BadRequest("Bad Request: message text is empty")])
    outcome = await deliverer(recorder, TWO).deliver(SUB, [DOC])  # type: ignore[list-item]
    assert outcome.result is Sent.FAILED
    assert [e[0] for e in recorder.events] == ["send"]


async def test_posts_into_the_subscribed_topic_and_falls_back_when_it_is_gone() -> None:
    recorder = Recorder([BadRequest("Bad Request: message thread not found"), None])
    topic = Subscription(chat_id=-100, thread_id=9)
    await deliverer(recorder, fixed_plan(("x", (1,)))).deliver(topic, [DOC])  # type: ignore[list-item]
    assert [e[4] for e in recorder.events if e[0] == "send"] == [9, None]


async def test_fan_out_reaches_every_chat_once() -> None:
    recorder = Recorder()
    subs = [Subscription(chat_id=n) for n in range(300)]
    outcomes = await deliverer(recorder, fixed_plan(("x", (1,)))).fan_out(
        [(s, [DOC]) for s in subs],
        concurrency=16,  # type: ignore[list-item]
    )
    sent_to = sorted(e[1] for e in recorder.events if e[0] == "send")
    assert sent_to == list(range(300)) and all(o.result is Sent.OK for o in outcomes)


def test_plain_strips_tags_and_entities() -> None:
    assert plain('<a href="x">第<b>1</b>条</a> &lt;注&gt;') == "第1条 <注>"


@pytest.fixture(scope="module")
def stored(seeds_dir: Any) -> list[StoredDocument]:
    documents, _ = analyse_paths([seeds_dir])
    now = datetime.now(UTC)
    return [StoredDocument(n + 1, doc, "seeds", now) for n, doc in enumerate(documents)]


def test_a_plan_carries_the_documents_it_shows_and_their_buttons(
    stored: list[StoredDocument],
) -> None:
    originals = [d for d in stored if d.document.duplicate_of is None]
    (message,) = plan(originals, View(script="simplified", lang="zh", more="mo:t:1"))
    check_text(message.html, "HTML")
    assert sorted(message.doc_ids) == [d.id for d in originals]
    assert message.markup is not None
    data = [b.callback_data for row in message.markup.inline_keyboard for b in row]
    assert sorted(data) == sorted(f"full:{i}" for i in message.doc_ids)  # all fit: no 更多
    (single,) = plan(originals[:1], View(lang="en"))
    assert single.doc_ids == (originals[0].id,) and "No. 1" in single.html


async def test_a_shown_digest_is_not_marked_when_it_is_a_look() -> None:
    recorder = Recorder()
    await deliverer(recorder, TWO).deliver(SUB, [DOC], mark=False)  # type: ignore[list-item]
    assert [e[0] for e in recorder.events] == ["send", "send"]


async def test_a_fan_out_renders_the_digest_once() -> None:
    calls: list[str] = []

    def planner(docs: Any, view: View) -> list[Planned]:
        calls.append(view.script)
        return [Planned("x", (1,))]

    recorder = Recorder()
    subs = [
        Subscription(chat_id=n, script="simplified" if n % 2 else "original") for n in range(50)
    ]
    await deliverer(recorder, planner).fan_out([(s, [DOC]) for s in subs])
    assert sorted(calls) == ["original", "simplified"]


async def test_one_chats_surprise_does_not_stop_the_fan_out(
    caplog: pytest.LogCaptureFixture,
) -> None:
    recorder = Recorder([RuntimeError("store down")] + [None] * 10)
    subs = [Subscription(chat_id=n) for n in range(5)]
    outcomes = await deliverer(recorder, TWO).fan_out([(s, [DOC]) for s in subs], concurrency=1)
    assert [o.result for o in outcomes] == [Sent.FAILED] + [Sent.OK] * 4
    assert "delivery to chat 0 failed" in caplog.text


class SlowRecorder(Recorder):
    """A bot whose every send takes `seconds`; `sending` is set while one is in flight."""

    def __init__(self, seconds: float) -> None:
        super().__init__()
        self.seconds = seconds
        self.sending = asyncio.Event()

    async def send_message(self, chat_id: int, text: str, **options: Any) -> None:
        self.sending.set()
        await asyncio.sleep(self.seconds)
        await super().send_message(chat_id, text, **options)


async def test_stop_lets_the_send_in_flight_finish_and_be_marked_then_sends_no_more() -> None:
    recorder = SlowRecorder(0.1)
    sender = deliverer(recorder, TWO)
    delivering = asyncio.create_task(sender.deliver(SUB, [DOC]))  # type: ignore[list-item]
    await recorder.sending.wait()
    await sender.stop(grace=5)
    assert [e[0] for e in recorder.events] == ["send", "mark"]
    assert delivering.result().result is Sent.STOPPED


async def test_stop_cancels_a_send_that_outlasts_the_grace() -> None:
    recorder = SlowRecorder(30)
    sender = deliverer(recorder, TWO)
    delivering = asyncio.create_task(sender.deliver(SUB, [DOC]))  # type: ignore[list-item]
    await recorder.sending.wait()
    await asyncio.wait_for(sender.stop(grace=0.1), 2)
    assert delivering.cancelled() and recorder.events == []
