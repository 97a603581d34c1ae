"""Cards a reader can act on: number, link, 全文 paged, 原文链接, 订阅「词」, compact digests."""

from __future__ import annotations

import json

from tests.e2e.chat import buttons, data_of, notices, press
from tests.e2e.conftest import Bot, settle

USER = 7301
CLAUSE = "全区各部门要把河湖治理和污水管网建设统筹推进并加强督导考核。\n"


async def _many(bot: Bot, count: int) -> None:
    for n in range(count):
        topic = ["河湖", "文物", "农业", "机器人", "教育", "交通", "医疗"][n % 7]
        body = f"第{n}号{topic}工作会议召开\n2024-05-{n % 28 + 1:02d} 来源:测试区\n" + "".join(
            f"{topic}工作会议第{n}次强调第{k}项任务要落实到位，"
            f"{topic}部门第{n * 31 + k}号方案要细化。"
            for k in range(6)
        )
        bot.drop(f"page{n:02d}", body)
    await bot.scan()


async def test_a_single_article_is_a_card_with_its_number_and_buttons(bot: Bot) -> None:
    await bot.ask(USER, "/subscribe 文物")
    bot.drop("museum")
    await bot.scan()
    (card,) = await bot.ask(USER, "/digest")
    (doc_id,) = [h.id for h in bot.services.store.search("文物保护").hits]
    assert card.plain.startswith("北岸市文物保护工作座谈会召开\n2024-04-02 · 北岸日报 · 编号")
    assert f"编号 {doc_id} · 命中：文物" in card.plain
    assert "会议要闻" not in card.plain and "（1）" not in card.plain  # no header for one
    labels = [t for t, _ in buttons(card)]
    assert labels[0] == "全文" and labels[1].startswith("订阅「") and "文物" not in labels[1]
    (english,) = await bot.ask(USER, "/digest 文物 7d", language_code="en")
    assert english.plain == "Nothing about “文物” published in the last 7 days."


async def test_full_text_pages_turn_in_place_and_forged_pages_are_clamped(bot: Bot) -> None:
    giant = "东湖区召开河湖治理专题会\n2024-06-01 来源:测试区\n" + CLAUSE * 300
    bot.drop("giant", giant)
    await bot.scan()
    (doc_id,) = [h.id for h in bot.services.store.search("河湖治理").hits]
    (first,) = await bot.ask(USER, f"/doc {doc_id}")
    assert first.plain.startswith("东湖区召开河湖治理专题会\n2024-06-01 · 测试区 · 编号")
    assert first.plain.endswith("第 1/3 页") and len(first.plain) <= 4096
    assert next(t for t, _ in buttons(first)) == "下一页 ›"
    (second,) = await press(bot, USER, first, "下一页 ›")
    assert second.method == "editMessageText" and second.plain.endswith("第 2/3 页")
    assert "编号" not in second.plain  # the header is on the first page only
    answers = len(bot.fake.answers)
    bot.fake.press_button(first, f"fp:{doc_id}:999")  # forged: the last page
    bot.fake.press_button(first, f"fp:{doc_id}:999")  # and tapped twice: not modified
    assert await bot.fake.wait_until(lambda: len(bot.fake.answers) >= answers + 2)
    await settle()
    last = bot.fake.edits(USER)[-1]
    assert last.plain.endswith("第 3/3 页") and "下一页 ›" not in [t for t, _ in buttons(last)]
    assert not [m for m in bot.fake.sent(USER) if "出错了" in m.plain]
    assert all(not a.get("show_alert") for a in bot.fake.answers[answers:])


async def test_the_cards_buttons_open_the_text_the_page_and_subscribe(bot: Bot) -> None:
    bot.drop("robots")
    await bot.scan()
    (card,) = await bot.ask(USER, "/digest")
    (text,) = await press(bot, USER, card, "全文")
    assert text.method == "sendMessage" and "八家企业签订合作协议" in text.plain
    (label, data) = next((t, d) for t, d in buttons(card) if t.startswith("订阅「"))
    await press(bot, USER, card, label)
    word = label.removeprefix("订阅「").removesuffix("」")
    assert notices(bot)[-1] == f"已订阅关键词「{word}」。"
    (main,) = bot.services.store.topics(USER)
    assert main.keywords == (word,) and data.startswith("kw:")


async def test_a_page_from_the_web_has_a_link_button(bot: Bot) -> None:
    store = bot.services.store
    bot.drop("harvest")
    await bot.scan()
    stored = store.search("乡村振兴").hits[0]
    doc = store.document(stored.id)
    assert doc is not None
    from dataclasses import replace

    web = replace(doc.document, path="https://example.org/news/t20240318_1.html")
    store.replace_document(stored.id, web, raw_hash="web")
    (card,) = await bot.ask(USER, "/digest")
    assert ("原文链接", "https://example.org/news/t20240318_1.html") in buttons(card)
    link = next(e for e in card.entities if e["type"] == "text_link")
    assert link["url"] == "https://example.org/news/t20240318_1.html"


async def test_many_articles_are_one_compact_message_and_more_sends_the_rest(bot: Bot) -> None:
    await _many(bot, 14)
    found = len(bot.services.store.unseen_documents(USER))  # near-repeats are one article
    assert found > 10
    (digest,) = await bot.ask(USER, "/digest")
    assert digest.plain.startswith(f"会议要闻\n2024-05-01 – 2024-05-14 · {found} 篇")
    quotes = [e for e in digest.entities if e["type"] == "expandable_blockquote"]
    label = f"更多（还有 {found - 10} 篇）"
    assert len(quotes) == 10 and label in [t for t, _ in buttons(digest)]
    assert [t for t, _ in buttons(digest)][:2] == ["全文 1", "全文 2"]
    more = data_of(digest, "更多")
    (rest,) = await press(bot, USER, digest, label)
    assert f"{found - 10} 篇" in rest.plain.split("\n")[1]
    assert not [t for t, _ in buttons(rest) if "更多" in t]
    edited = bot.fake.message(USER, digest.message_id)
    assert edited is not None and "更多" not in json.dumps(
        edited.get("reply_markup"), ensure_ascii=False
    )
    before = len(bot.fake.sent(USER))
    bot.fake.press_button(digest, more)  # a second tap on the gone button: nothing more
    await settle()
    assert len(bot.fake.sent(USER)) == before
    (nothing,) = await bot.ask(USER, "/digest")
    assert nothing.plain == "没有新的文章。"


async def test_the_chosen_script_applies_to_digests_doc_search_and_inline(bot: Bot) -> None:
    await bot.ask(USER, "/subscribe")
    (menu,) = await bot.ask(USER, "/settings")
    await press(bot, USER, menu, "繁體")
    bot.drop("museum")
    await bot.scan()
    (card,) = await bot.ask(USER, "/digest")
    assert "北岸市文物保護工作座談會召開" in card.plain and "編號" in card.plain
    doc_id = bot.services.store.search("文物").hits[0].id
    (text,) = await bot.ask(USER, f"/doc {doc_id}")
    assert "文物保護工作座談會" in text.plain
    (found,) = await bot.ask(USER, "/search 文物")
    assert "文物保護工作座談會" in found.plain
    bot.fake.inline_query(USER, "文物")
    (call,) = await bot.fake.wait_for_calls("answerInlineQuery")
    results = call.params["results"]
    results = json.loads(results) if isinstance(results, str) else results
    assert (
        "保護" in results[0]["title"]
        and "保護" in results[0]["input_message_content"]["message_text"]
    )


async def test_an_english_reader_gets_an_english_card(bot: Bot) -> None:
    await bot.ask(USER, "/subscribe 机器人", language_code="en")
    bot.drop("robots")
    await bot.scan()
    (card,) = await bot.ask(USER, "/digest", language_code="en")
    doc_id = bot.services.store.search("机器人").hits[0].id
    assert f"No. {doc_id} · Matched: 机器人" in card.plain and "编号" not in card.plain
    assert next(t for t, _ in buttons(card)) == "Full text"
    (text,) = await press(bot, USER, card, "Full text", language_code="en")
    assert text.plain.startswith(
        "西港经开区召开智能制造产业发展大会\n2024-04-09 · 西港经开区管委会 · No."
    )
