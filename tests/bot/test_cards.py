"""Composing what a chat reads: one card or a compact list, within Telegram's limits."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from bot.cards import COMPACT_MAX, View, full_text, plan
from bot.store.records import StoredDocument
from digests.model import Document, MeetingFacts
from tests.fakebot import check_text

NOW = datetime(2024, 5, 1, tzinfo=UTC)


def article(n: int, text: str = "", **changes: object) -> StoredDocument:
    body = text or f"第{n}次河湖治理会议强调，要把第{n}号方案落实到位。" * 20
    doc = Document(
        path=f"/news/{n}.txt",
        title=f"第{n}号河湖治理工作会议召开",
        date=f"2024-04-{n % 28 + 1:02d}",
        source="东湖区融媒体中心",
        meeting=MeetingFacts(name=f"第{n}号河湖治理工作会议", chair="李明远"),
        keywords=("河湖", f"方案{n}", "治理"),
        highlights=tuple(body.split("。")[:3]),
        text=body,
        simplified=body,
        content_hash=str(n),
        simhash=n,
    )
    return StoredDocument(n, replace(doc, **changes), "/news", NOW)  # type: ignore[arg-type]


def test_a_compact_digest_fits_and_leaves_the_rest_for_more() -> None:
    docs = [article(n) for n in range(40, 0, -1)]  # newest (highest id) first
    (message,) = plan(docs, View(keywords=("河湖",), more="mo:t:7"))
    parsed = check_text(message.html, "HTML")
    assert len(message.doc_ids) == COMPACT_MAX and message.doc_ids == tuple(range(40, 30, -1))
    assert parsed.plain.startswith("会议要闻\n2024-04-01 – 2024-04-28 · 40 篇")
    assert "命中：河湖" in parsed.plain
    assert message.markup is not None
    labels = [b.text for row in message.markup.inline_keyboard for b in row]
    assert labels[-1] == "更多（还有 30 篇）"
    more = message.markup.inline_keyboard[-1][0].callback_data
    assert more == "mo:t:7"


def test_a_batch_too_long_for_one_message_shows_fewer() -> None:
    giant = "要把河湖治理和污水管网建设统筹推进并加强督导考核，确保见效。" * 200
    title = "关于进一步加强河湖治理和污水管网建设统筹推进工作的专题会议" * 6
    docs = [article(n, giant, title=f"{n}{title}") for n in range(12, 0, -1)]
    note = "<i>" + "只是查看" * 400 + "</i>"  # a long last line leaves room for fewer
    (message,) = plan(docs, View(more="mo:q:abcdefabcd:{offset}", offset=20, note=note))
    assert len(message.html) <= 4096 and 1 <= len(message.doc_ids) < COMPACT_MAX
    assert message.markup is not None
    data = message.markup.inline_keyboard[-1][0].callback_data
    assert data == f"mo:q:abcdefabcd:{20 + len(message.doc_ids)}"  # where the next batch starts
    assert "21. " in check_text(message.html, "HTML").plain  # numbered on from the offset


def test_one_article_is_its_card_in_english_and_in_traditional_script() -> None:
    (message,) = plan([article(3)], View(lang="en", keywords=("河湖",), topic="water"))
    plain = check_text(message.html, "HTML").plain
    assert plain.startswith("Topic: water\n第3号河湖治理工作会议召开\n2024-04-04")
    assert "No. 3 · Matched: 河湖" in plain and "Meeting digest" not in plain
    assert message.markup is not None
    labels = [b.text for row in message.markup.inline_keyboard for b in row]
    assert labels == ["Full text", "Subscribe to “方案3”"]  # 河湖 is followed already
    (traditional,) = plan([article(3)], View(script="traditional"))
    assert "編號 3" in check_text(traditional.html, "HTML").plain


def test_the_full_text_is_paged_within_the_limit_and_clamped() -> None:
    doc = article(5, "河湖治理要统筹推进。\n" * 1200)
    first, _, pages = full_text(doc, View(), 0)
    assert pages > 2 and check_text(first, "HTML").plain.endswith(f"第 1/{pages} 页")
    last, markup, _ = full_text(doc, View(), 10**6)
    assert check_text(last, "HTML").plain.endswith(f"第 {pages}/{pages} 页")
    assert [b.text for b in markup.inline_keyboard[0]] == ["‹ 上一页"]
    for page in range(pages):
        assert len(check_text(full_text(doc, View(), page)[0], "HTML").plain) <= 4096


def test_two_reports_of_one_meeting_are_one_card_delivered_together() -> None:
    meeting = MeetingFacts(name="东湖区河湖长制工作推进会", place="区行政中心")
    first = article(1, meeting=meeting, date="2024-03-12", source="东湖区融媒体中心")
    other = article(2, meeting=meeting, date="2024-03-12", source="东湖日报")
    (message,) = plan([other, first], View())
    plain = check_text(message.html, "HTML").plain
    assert sorted(message.doc_ids) == [1, 2] and "会议要闻" not in plain
    assert "另有 1 篇报道：" in plain
