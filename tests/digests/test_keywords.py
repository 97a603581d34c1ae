"""Tests for digests.keywords: document frequencies and keyword extraction."""

from __future__ import annotations

import functools
import json

import jieba
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
    monkeypatch.setattr(jieba.Tokenizer, "cut", refuse)
    assert extract_keywords(tokens, DocumentFrequencies())


def test_a_phrase_never_ends_in_a_verb() -> None:
    text = (
        "街道召开居民议事会。议事会采取圆桌形式。议事会采取轮流发言方式。\n"
        "议事会采取现场投票办法,议事会采取公开计票。"
    )
    tokens = _tokens(text)
    assert tokens.count("采取") == 4  # the pair recurs and covers every use of both words
    keywords = extract_keywords(tokens, DocumentFrequencies())
    assert keywords[0] == "议事会", keywords
    assert not any(word.endswith("采取") and word != "采取" for word in keywords), keywords
    assert "采取" not in keywords[:4]  # a plain verb alone ranks low


def test_a_plain_verb_ranks_below_a_noun_seen_less_often() -> None:
    text = (
        "要防止形式主义。防止走过场。防止搞变通。防止层层加码。防止敷衍塞责。防止虚报数字。\n"
        "整治形式主义要持续。形式主义必须纠正。"
    )
    tokens = _tokens(text)
    assert tokens.count("防止") > tokens.count("形式主义")
    keywords = extract_keywords(tokens, DocumentFrequencies())
    assert keywords[0] == "形式主义", keywords
    assert "防止" not in keywords[:4]


def test_a_surname_split_name_leaves_no_fragment() -> None:
    text = (
        "区政协主席曹卫东出席会议。曹卫东指出,要做好提案办理。曹卫东强调,提案质量是生命线。\n"
        "镇人大主席张得志主持。张得志要求代表履职。"
    )
    tokens = _tokens(text)
    assert "卫东" in tokens and "得志" in tokens  # jieba's HMM splits the surname off
    keywords = extract_keywords(tokens, DocumentFrequencies())
    assert "提案" in keywords
    assert not {"卫东", "得志"} & set(keywords), keywords


def test_a_name_ranks_below_the_subject_it_is_seen_with() -> None:
    text = "曹卫东主持提案座谈会。曹卫东说,提案要精。曹卫东要求提案聚焦民生。曹卫东总结。"
    keywords = extract_keywords(_tokens(text), DocumentFrequencies())
    assert keywords[0] == "提案", keywords


def test_a_generic_committee_does_not_outrank_a_repeated_subject() -> None:
    text = (
        "区委召开垃圾分类推进会。区委书记强调,垃圾分类是民生实事。区委要求各镇抓好垃圾分类,\n"
        "区委督查室跟踪垃圾分类进展。区委将考核。区委通报情况。区委部署下阶段安排。"
    )
    tokens = _tokens(text)
    assert tokens.count("区委") > tokens.count("垃圾分类")
    keywords = extract_keywords(tokens, DocumentFrequencies())
    assert keywords[0] == "垃圾分类", keywords


def test_the_title_lifts_a_body_word_it_repeats() -> None:
    body = (
        "区政协召开座谈会。会上,委员围绕养老服务、托育机构、社区食堂展开交流。\n"
        "养老服务短板明显。托育机构数量不足。社区食堂运营困难。养老服务需要投入。"
    )
    tokens, frequencies = _tokens(body), DocumentFrequencies()
    assert "座谈会" not in extract_keywords(tokens, frequencies)
    lifted = extract_keywords(tokens, frequencies, title=tokenize("区政协召开民生座谈会"))
    assert "座谈会" in lifted, lifted
    assert "民生" not in lifted  # a title word the body never uses is not made up


def test_a_fragment_of_a_longer_word_becomes_that_word() -> None:
    text = (
        "市住建局召开安全生产会议。住建局局长李明主持会议，要求住建局各科室抓好燃气安全，"
        "市住建局将开展燃气安全专项检查，住建局负责督导。"
    )
    keywords = extract_keywords(tokenize(text), DocumentFrequencies())
    assert "建局" not in keywords and "局局长" not in keywords
    assert any(word.endswith("住建局") for word in keywords)


def test_weak_words_are_never_keywords() -> None:
    text = "会议强调，要凝聚奋进力量，坚持正确导向，汇聚发展力量，把握正确导向，壮大统一战线力量。"
    keywords = extract_keywords(tokenize(text), DocumentFrequencies())
    assert "力量" not in keywords and "导向" not in keywords
