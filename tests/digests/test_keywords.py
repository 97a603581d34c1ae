"""Tests for digests.keywords: document frequencies and keyword extraction."""

from __future__ import annotations

import functools
import json

import pytest

from digests import segment
from digests.keywords import GENRE_WORDS, DocumentFrequencies, extract_keywords
from digests.model import MeetingFacts, Sentence
from digests.normalize import normalize
from digests.pinyin import strip_pinyin
from digests.script import to_simplified
from digests.segment import tokenize
from digests.sentences import split_sentences
from tests.conftest import seed_path

SUBJECTS = {
    0: {"民主生活会"},
    1: {"主题教育"},
    2: {"座谈会", "政协"},
    3: {"民主生活会"},
    4: {"党建", "述职"},
}


def _simple_sentences(number: int) -> tuple[Sentence, ...]:
    """A seed split and tokenized without the pipeline: first line (title) and furniture out."""
    text = normalize(strip_pinyin(seed_path(number).read_text(encoding="utf-8")))
    lines = [line.strip() for line in text.splitlines() if line.strip()][1:]
    out = []
    for no, line in enumerate(lines):
        for piece in split_sentences(line):
            simplified = to_simplified(piece)
            out.append(Sentence(piece, simplified, tuple(tokenize(simplified)), no))
    return tuple(out)


@functools.cache
def seed_corpus() -> dict[int, tuple[tuple[Sentence, ...], MeetingFacts]]:
    """Each seed's sentences and meeting facts: from the pipeline once it runs, else simply."""
    try:
        from digests.pipeline import prepare
    except ImportError:  # the pipeline's other steps are not in the tree yet
        return {n: (_simple_sentences(n), MeetingFacts()) for n in range(5)}
    pages = {n: prepare(seed_path(n).read_bytes(), str(seed_path(n))) for n in range(5)}
    return {n: (page.sentences, page.meeting) for n, page in pages.items()}


def seed_tokens() -> dict[int, list[str]]:
    return {n: [t for s in sents for t in s.tokens] for n, (sents, _) in seed_corpus().items()}


@functools.cache
def seed_keywords() -> dict[int, tuple[str, ...]]:
    """Each seed's keywords, the five seeds forming the corpus."""
    frequencies = DocumentFrequencies()
    for tokens in seed_tokens().values():
        frequencies.add(tokens)
    return {n: extract_keywords(tokens, frequencies) for n, tokens in seed_tokens().items()}


def test_frequencies_count_each_word_once_per_document() -> None:
    frequencies = DocumentFrequencies()
    frequencies.add(["政协", "政协", "座谈会", "的"])
    frequencies.add(["政协", "党建"])
    assert frequencies.n_docs == 2
    assert (frequencies.df("政协"), frequencies.df("座谈会"), frequencies.df("党建")) == (2, 1, 1)
    assert frequencies.df("的") == 0  # function words are not counted
    assert frequencies.df("从未出现") == 0


def test_frequencies_survive_json_and_merge() -> None:
    a, b = DocumentFrequencies(), DocumentFrequencies()
    a.add(["政协", "座谈会"])
    b.add(["政协", "党建"])
    restored = DocumentFrequencies.from_dict(json.loads(json.dumps(a.to_dict())))
    assert restored == a
    restored.merge(b)
    assert restored.n_docs == 2
    assert (restored.df("政协"), restored.df("党建")) == (2, 1)


def test_a_word_in_every_document_of_a_corpus_has_no_weight() -> None:
    frequencies = DocumentFrequencies()
    for other in ["党建", "政协", "统战", "述职", "提案"]:
        frequencies.add(["协商", other])
    assert frequencies.idf("协商") == 0.0
    assert frequencies.idf("党建") > 0.0
    assert frequencies.idf("从未出现的词") > frequencies.idf("党建")


def test_the_prior_decides_on_an_empty_corpus() -> None:
    empty = DocumentFrequencies()
    assert empty.idf("民主生活会") > empty.idf("工作") > 0.0


@pytest.mark.parametrize("number", range(5))
def test_seed_keywords_name_the_subject(number: int) -> None:
    keywords = seed_keywords()[number]
    assert any(subject in word for word in keywords for subject in SUBJECTS[number]), keywords


@pytest.mark.parametrize("number", range(5))
def test_seed_keywords_hold_no_genre_word_and_respect_bounds(number: int) -> None:
    keywords = seed_keywords()[number]
    assert 5 <= len(keywords) <= 8
    assert not set(keywords) & (GENRE_WORDS | {"要", "会议", "工作", "发展", "同志们"})
    assert len(set(keywords)) == len(keywords)
    assert not any(a != b and a in b for a in keywords for b in keywords)  # no near-repeats


def test_k_bounds_the_count() -> None:
    frequencies = DocumentFrequencies()
    tokens = seed_tokens()[0]
    frequencies.add(tokens)
    assert len(extract_keywords(tokens, frequencies, k=3)) == 3
    assert extract_keywords(tokens, frequencies, k=3) == extract_keywords(tokens, frequencies)[:3]
    assert extract_keywords(tokens, frequencies, k=0) == ()
    assert extract_keywords([], frequencies) == ()
    assert extract_keywords(["的", "。", "工作"], frequencies) == ()


def _tokens(text: str) -> list[str]:
    return [t for line in text.splitlines() for s in split_sentences(line) for t in tokenize(s)]


def test_a_shorter_word_inside_a_keyword_is_not_repeated() -> None:
    text = (
        "镇党委召开民主生活会。民主生活会上,班子成员开展批评。生活会前广泛征求意见。\n"
        "民主生活会要求整改。班子成员对照检查。民主生活会达到预期目的。"
    )
    keywords = extract_keywords(_tokens(text), DocumentFrequencies())
    assert "民主生活会" in keywords
    assert "生活会" not in keywords


def test_a_recurring_pair_becomes_one_phrase() -> None:
    text = (
        "区里召开乡村振兴推进会。乡村振兴示范村建设加快。\n"
        "各镇交流乡村振兴经验。乡村振兴需要人才支撑。"
    )
    tokens = _tokens(text)
    assert "乡村" in tokens and "振兴" in tokens  # jieba keeps the two words apart
    keywords = extract_keywords(tokens, DocumentFrequencies())
    assert keywords[0] == "乡村振兴"
    assert "乡村" not in keywords and "振兴" not in keywords


def test_keywords_never_segment_again(monkeypatch: pytest.MonkeyPatch) -> None:
    tokens = seed_tokens()[2]

    def refuse(_text: str) -> list[str]:
        raise AssertionError("segmented twice")

    monkeypatch.setattr(segment, "tokenize", refuse)
    monkeypatch.setattr(segment, "_get", refuse)
    assert extract_keywords(tokens, DocumentFrequencies())
