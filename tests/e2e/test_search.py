"""Search by command, by plain text and inline; pages turned and results opened by buttons."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.store.records import SearchHit, SearchPage
from tests.e2e.conftest import Bot

USER = 7001


def buttons(message: object) -> list[tuple[str, str]]:
    markup = getattr(message, "reply_markup", None) or {}
    if isinstance(markup, str):
        markup = json.loads(markup)
    return [
        (b["text"], b["callback_data"]) for row in markup.get("inline_keyboard", []) for b in row
    ]


async def _corpus(bot: Bot, copies: int) -> None:
    """`copies` distinct pages that all mention 会议 (enough for several pages of results)."""
    for n in range(copies):
        topic = ["河湖", "文物", "农业", "机器人", "教育", "交通", "医疗"][n % 7]
        body = f"第{n}号{topic}会议召开\n2024-05-{n % 28 + 1:02d} 来源:测试区\n" + "".join(
            f"{topic}工作会议第{n}次强调第{k}项任务要落实到位,"
            f"{topic}部门第{n * 31 + k}号方案要细化。"
            for k in range(8)
        )
        bot.drop(f"page{n}", body)
    await bot.scan()


async def test_search_pages_by_button_and_opens_a_result(bot: Bot) -> None:
    await _corpus(bot, 12)
    (first,) = await bot.ask(USER, "/search 会议")
    assert "第 1/3 页" in first.plain
    assert "<b>会议</b>" in first.text
    labels = buttons(first)
    assert len([d for _, d in labels if d.startswith("doc:")]) == 5
    (next_page,) = [d for text, d in labels if "下一页" in text]
    assert len(next_page.encode()) <= 64
    bot.fake.press_button(first, next_page)
    edit = (await _edits(bot, 1))[0]
    assert "第 2/3 页" in edit.plain and any("上一页" in t for t, _ in buttons(edit))
    opened = next(d for _, d in buttons(edit) if d.startswith("doc:"))
    bot.fake.press_button(edit, opened)
    (card,) = (await bot.fake.wait_for(2, USER))[1:]
    stored = bot.services.store.document(int(opened.removeprefix("doc:")))
    assert stored is not None and stored.document.title in card.plain
    assert all(
        a.get("callback_query_id")
        for a in (c.params for c in bot.fake.calls("answerCallbackQuery"))
    )


def _capped(matches: int) -> Any:
    """A store's search over `matches` documents that counts only the first 1000, as ours does."""

    def search(query: str, *, limit: int = 5, offset: int = 0, **_: Any) -> SearchPage:
        ids = range(offset, min(offset + limit, matches))
        hits = [
            SearchHit(
                n + 1, f"第{n + 1}次全体会议", None, None, f"/{n}", "会议召开", ((0, 2),), 1.0
            )
            for n in ids
        ]
        return SearchPage(max(1000, offset + len(hits)), hits, total_is_lower_bound=True)

    return search


async def test_a_capped_total_shows_1000_plus_and_pages_on_past_it(
    bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.services.store, "search", _capped(1003))
    (first,) = await bot.ask(USER, "/search 会议")
    assert "共 1000+ 条结果，第 1/200+ 页" in first.plain
    (next_page,) = [d for text, d in buttons(first) if "下一页" in text]
    bot.fake.press_button(first, next_page.rsplit(":", 1)[0] + ":199")  # the last counted page
    counted = (await _edits(bot, 1))[-1]
    assert "第 200/200+ 页" in counted.plain and "1000. 第1000次全体会议" in counted.plain
    (beyond,) = [d for text, d in buttons(counted) if "下一页" in text]
    bot.fake.press_button(counted, beyond)
    last = (await _edits(bot, 2))[-1]
    assert "第 201/201+ 页" in last.plain and "1003. 第1003次全体会议" in last.plain
    assert not [t for t, _ in buttons(last) if "下一页" in t]  # a short page: the end


async def _edits(bot: Bot, n: int) -> list:  # type: ignore[type-arg]
    assert await bot.fake.wait_until(lambda: len(bot.fake.edits(USER)) >= n)
    return bot.fake.edits(USER)


async def test_plain_text_in_private_is_a_search_across_scripts(bot: Bot) -> None:
    bot.drop("museum")
    await bot.scan()
    (reply,) = await bot.ask(USER, "文物保護")
    assert "文物保护工作座谈会" in reply.plain
    (none,) = await bot.ask(USER, "量子引力")
    assert "没有找到" in none.plain


async def test_doc_shows_the_full_text(bot: Bot) -> None:
    bot.drop("robots")
    await bot.scan()
    (hit,) = await bot.ask(USER, "/search 机器人")
    doc_id = next(d for _, d in buttons(hit) if d.startswith("doc:")).removeprefix("doc:")
    (text,) = await bot.ask(USER, f"/doc {doc_id}")
    assert "智能制造产业发展大会" in text.plain and f"编号 {doc_id}" in text.plain
    assert "会上，八家企业签订合作协议，总投资八十六亿元。" in text.plain  # the body, not a card


async def test_inline_mode_offers_documents(bot: Bot) -> None:
    bot.drop("harvest")
    await bot.scan()
    bot.fake.inline_query(USER, "乡村振兴")
    (call,) = await bot.fake.wait_for_calls("answerInlineQuery")
    results = call.params["results"]
    results = json.loads(results) if isinstance(results, str) else results
    assert len(results) == 1 and "南坪县" in results[0]["title"]
    assert call.status == 200


async def test_a_page_with_a_12000_character_sentence_stays_within_limits(bot: Bot) -> None:
    clause = "全区各部门要把河湖治理和污水管网建设统筹推进并加强督导考核,"
    giant = "东湖区召开河湖治理专题会\n2024-06-01 来源:测试区\n" + clause * 400 + "确保见效。\n"
    bot.drop("giant", giant)
    await bot.scan()
    (doc_id,) = [r.id for r in bot.services.store.search("河湖治理", limit=5).hits]
    (card,) = await bot.ask(USER, f"/doc {doc_id}")
    (digest,) = await bot.ask(USER, "/digest")
    for message in (card, digest):  # the fake refuses over 4096 or broken HTML
        assert "河湖治理" in message.plain and len(message.plain) <= 4096


async def test_a_forged_page_number_shows_the_last_page(bot: Bot) -> None:
    await _corpus(bot, 12)
    (first,) = await bot.ask(USER, "/search 会议")
    (next_page,) = [d for text, d in buttons(first) if "下一页" in text]
    bot.fake.press_button(first, next_page.rsplit(":", 1)[0] + ":999999")
    (edit,) = await _edits(bot, 1)
    assert "第 3/3 页" in edit.plain and "11. " in edit.plain
    bot.fake.press_button(first, next_page.rsplit(":", 1)[0] + ":999999")  # tapped twice
    assert await bot.fake.wait_until(lambda: len(bot.fake.answers) >= 2)
    assert not [m for m in bot.fake.sent(USER) if "出错了" in m.plain]
