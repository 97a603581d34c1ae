"""Hostile pages stay within linear work: tag bombs, giant sentences, giant texts."""

from __future__ import annotations

import logging

import pytest

from digests import html, pipeline
from digests.html import EXTRACTOR_ELEMENTS, MAX_ELEMENTS, TooManyElements, elements
from digests.pipeline import MAX_TEXT, prepare
from digests.segment import tokenize
from digests.sentences import MAX_SENTENCE, hard_split, split_sentences

LEDE = "<p>市政协召开党组会议，传达学习全会精神，研究部署下一阶段工作。</p>" * 5


def page(body: str) -> bytes:
    return f"<html><head><title>党组会议</title></head><body>{LEDE}{body}</body></html>".encode()


def test_elements_are_counted_from_the_start_tags() -> None:
    assert elements("<html><body><p>一</p><br/><b>二</b> 3 < 4</body></html>") == 5


def test_a_page_over_the_element_bound_is_refused_unparsed(monkeypatch: pytest.MonkeyPatch) -> None:
    def never(markup: str) -> None:
        raise AssertionError("a tag bomb reached lxml")

    monkeypatch.setattr(html, "_tree", never)
    with pytest.raises(TooManyElements, match="over 200,000"):
        prepare(page("<i>" * (MAX_ELEMENTS + 1)), "bomb.html")


@pytest.mark.parametrize(
    "bomb",
    [
        "<b>x</b>" * (MAX_ELEMENTS - 100),  # flat
        "<div>" * (MAX_ELEMENTS - 100) + "深处" + "</div>" * (MAX_ELEMENTS - 100),  # nested
    ],
    ids=["flat", "nested"],
)
def test_a_tag_bomb_under_the_bound_skips_the_quadratic_extractors(
    bomb: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def never(markup: str) -> str:
        raise AssertionError("gne/trafilatura read a tag bomb")

    monkeypatch.setattr(html, "main_text", never)
    monkeypatch.setattr(html, "_found_date", never)
    prepared = prepare(page(bomb), "bomb.html")
    assert "市政协召开党组会议" in prepared.text


def test_a_real_sized_page_still_gets_the_extractors(monkeypatch: pytest.MonkeyPatch) -> None:
    used: list[str] = []
    monkeypatch.setattr(html, "main_text", lambda markup: used.append(markup) or "")
    prepare(page("<span>x</span>" * (EXTRACTOR_ELEMENTS - 100)), "page.html")
    assert used


def test_a_giant_sentence_is_cut_into_bounded_pieces_for_jieba(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    giant = "会" * 100_000  # one run of a repeated character: jieba's quadratic case
    seen: list[int] = []
    real = pipeline.tokenize

    def spy(text: str, **kwargs: bool) -> list[str]:
        seen.append(len(text))
        return real(text, **kwargs)

    monkeypatch.setattr(pipeline, "tokenize", spy)
    prepared = prepare(f"关于党组会议的报道\n{giant}。\n".encode(), "giant.txt")
    assert max(seen) <= MAX_SENTENCE
    assert max(len(sentence.text) for sentence in prepared.sentences) <= MAX_SENTENCE
    kept = sum(s.text.count("会") for s in prepared.sentences)
    assert kept >= MAX_TEXT - 100  # all of it, up to the page's text cap


def test_hard_split_prefers_a_comma_near_the_limit() -> None:
    text = "甲" * 400 + "，" + "乙" * 400
    pieces = hard_split(text)
    assert pieces == ["甲" * 400 + "，", "乙" * 400]


def test_hard_split_cuts_at_the_limit_without_a_comma_and_keeps_every_character() -> None:
    text = "会" * 1_234
    pieces = hard_split(text)
    assert [len(piece) for piece in pieces] == [500, 500, 234]


def test_short_sentences_are_untouched() -> None:
    assert split_sentences("会议指出,要抓落实。要强化学习！") == [
        "会议指出,要抓落实。",
        "要强化学习！",
    ]


def test_tokenize_keeps_every_character_of_a_long_text() -> None:
    text = ("市政协召开党组会议" * 200) + "龘" * 3_000
    assert "".join(tokenize(text)) == text


def test_a_text_over_the_cap_is_cut_with_a_log_line(caplog: pytest.LogCaptureFixture) -> None:
    line = "市政协召开党组会议，传达学习全会精神，研究部署下一阶段工作。" * 10
    data = ("\n".join([line] * (MAX_TEXT // len(line) * 3))).encode()
    with caplog.at_level(logging.WARNING, logger="digests.pipeline"):
        prepared = prepare(data, "long.txt")
    assert len(prepared.text) <= MAX_TEXT
    assert "long.txt: text cut to its first" in caplog.text
