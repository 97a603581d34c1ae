"""Tests for digests.highlights.pick_highlights."""

from __future__ import annotations

import pytest

from digests import segment
from digests.highlights import MAX_CHARS, pick_highlights
from digests.keywords import DocumentFrequencies, extract_keywords
from digests.model import MeetingFacts, Sentence
from digests.pipeline import analyse
from digests.script import to_simplified
from digests.segment import tokenize
from digests.sentences import split_sentences
from tests.digests.test_keywords import seed_corpus, seed_keywords

# Our own text, shaped like a report: lead with the meeting, points, boilerplate around.
REPORT = """\
同志们:
3月5日上午,红星镇党委在镇政府会议室召开领导班子民主生活会。
会议强调
镇党委书记李明主持会议并代表领导班子作对照检查。
班子成员逐一发言,开展批评与自我批评,查摆问题二十余条。
会议要求,要把民主生活会查摆的问题逐条整改,按时向群众公布整改结果。
会议要求,要把民主生活会查摆的问题逐条整改,并按时向群众公布整改结果。
天气晴朗,会场外的樱花开了。
点击分享到微信朋友圈,欢迎转发本文。
谢谢大家!"""


def sentences_of(text: str) -> list[Sentence]:
    out = []
    for no, line in enumerate(text.splitlines()):
        for piece in split_sentences(line):
            simplified = to_simplified(piece)
            out.append(Sentence(piece, simplified, tuple(tokenize(simplified)), no))
    return out


def picks(text: str, n: int = 3, meeting: MeetingFacts | None = None) -> tuple[str, ...]:
    sentences = sentences_of(text)
    tokens = [t for s in sentences for t in s.tokens]
    keywords = extract_keywords(tokens, DocumentFrequencies())
    return pick_highlights(sentences, keywords, meeting or MeetingFacts(), n)


def test_picks_the_news_and_skips_boilerplate_and_repeats() -> None:
    assert picks(REPORT, meeting=MeetingFacts(name="领导班子民主生活会")) == (
        "3月5日上午,红星镇党委在镇政府会议室召开领导班子民主生活会。",
        "班子成员逐一发言,开展批评与自我批评,查摆问题二十余条。",  # the most central
        "会议要求,要把民主生活会查摆的问题逐条整改,按时向群众公布整改结果。",
    )


def test_the_meeting_sentence_leads_even_when_it_comes_second() -> None:
    text = "今年以来,全镇上下扎实推进乡村振兴各项任务,成效明显。\n" + REPORT
    first = picks(text, n=1, meeting=MeetingFacts(name="领导班子民主生活会"))
    assert first == ("3月5日上午,红星镇党委在镇政府会议室召开领导班子民主生活会。",)


@pytest.mark.parametrize(
    "line",
    [
        "同志们:",
        "谢谢大家!",
        "谢谢！",
        "以上讲话,供大家参考。",
        "会议强调",
        "点击分享到微信朋友圈,欢迎转发本文。",
    ],
)
def test_furniture_never_shows(line: str) -> None:
    assert line not in picks(REPORT, n=10)


def test_n_bounds_the_count() -> None:
    assert picks(REPORT, n=0) == ()
    assert len(picks(REPORT, n=1)) == 1
    assert len(picks(REPORT, n=2)) == 2
    assert pick_highlights([], ["民主生活会"], MeetingFacts(), 3) == ()


def test_a_long_sentence_is_trimmed_at_a_clause() -> None:
    clause = "坚持问题导向,强化责任落实"
    long_line = "镇党委召开民主生活会," + ",".join([clause] * 20) + "。"
    (picked,) = picks(long_line, n=1)
    assert picked.endswith("…")
    assert len(picked) <= MAX_CHARS + 1
    assert picked[:-1].split(",")[-1] in {"坚持问题导向", "强化责任落实"}  # a whole clause


def test_highlights_never_segment_again(monkeypatch: pytest.MonkeyPatch) -> None:
    sentences = sentences_of(REPORT)

    def refuse(_text: str) -> list[str]:
        raise AssertionError("segmented twice")

    monkeypatch.setattr(segment, "tokenize", refuse)
    monkeypatch.setattr(segment, "_get", refuse)
    assert len(pick_highlights(sentences, ["民主生活会"], MeetingFacts(), 3)) == 3


@pytest.mark.parametrize("number", range(5))
def test_seed_highlights(number: int) -> None:
    sentences, meeting = seed_corpus()[number]
    highlights = pick_highlights(sentences, seed_keywords()[number], meeting, 3)
    assert len(highlights) == 3
    texts = [s.text for s in sentences]
    where = [next(i for i, t in enumerate(texts) if h.strip("…") in t) for h in highlights]
    assert where == sorted(where)  # document order
    for highlight in highlights:
        assert not highlight.startswith(("谢谢", "同志们", "以上"))
        assert len(highlight) <= MAX_CHARS + 2
    first = sentences[where[0]]  # the lead (after a salutation line) or the meeting's facts
    assert first.line <= 1 or any(v in first.simplified for v in ("召开", "举行", "主持", "出席"))


def test_highlights_start_at_a_sentence_start_without_bullets() -> None:
    text = (
        "3月5日上午，某區政協十四屆五次常委會議在區行政中心召開，區政協主席王建國主持會議。\n"
        "● 會上，各專委會負責人匯報了年度協商計劃的落實情況，並就下一步工作提出建議。\n"
        "王建國在講話中指出，要堅持以人民為中心的發展思想，圍繞全區中心工作開展協商議政，"
        "推動各項決策部署落地見效，為加快建設現代化新城貢獻政協智慧和力量，並落實《關於加強"
        "和改進新時代人民政協工作的意見》提出的各項要求，持續提升履職能力和水平。"
    )
    (document,), _ = analyse([("page.txt", text.encode())])
    assert document.highlights
    for highlight in document.highlights:
        assert not highlight.startswith(("…", "●", "•", "，", ","))
        assert highlight[0] not in "《（("


def test_a_word_holding_a_furniture_word_is_not_furniture() -> None:
    text = (
        "从今天起，某路正式实行全日步行街管理，为这条百年老字号一条街注入新动力。"
        "服务中心新增自助打印设备。"
    )
    (document,), _ = analyse([("post.txt", text.encode())])
    assert len(document.highlights) == 2
