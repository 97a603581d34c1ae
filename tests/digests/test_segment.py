"""Tests for digests.segment: the domain dictionary, the stopwords, the shared tokenizer."""

from __future__ import annotations

import gc
import threading
import warnings
from importlib import resources

import jieba
import pytest

from digests import segment
from digests.pinyin import strip_pinyin
from digests.script import to_simplified
from digests.segment import STOPWORDS, initialize, is_content_word, tokenize
from tests.conftest import seed_path

DOMAIN_SENTENCES = [
    ("社市委召开2023年度领导班子民主生活会。", ["领导班子", "民主生活会"]),
    ("会上开展了批评与自我批评,并作对照检查。", ["批评与自我批评", "对照检查"]),
    ("坚定拥护“两个确立”,坚决做到“两个维护”。", ["两个确立", "两个维护"]),
    ("区政协召开党派团体负责人座谈会。", ["政协", "党派团体", "座谈会"]),
    ("市委统战部分管日常工作的副部长主持会议。", ["统战部", "分管"]),
    ("部署主题教育活动,推进全面从严治党。", ["主题教育", "全面从严治党"]),
    ("以中国式现代化全面推进强国建设。", ["中国式现代化"]),
    ("召开党支部书记抓党建述职评议大会。", ["党支部", "党建", "述职评议"]),
]


@pytest.mark.parametrize(("text", "words"), DOMAIN_SENTENCES)
def test_domain_terms_stay_whole(text: str, words: list[str]) -> None:
    tokens = tokenize(text)
    assert all(word in tokens for word in words), tokens


def test_tokens_cover_the_text_exactly() -> None:
    text = "10月28日上午,青浦区政协召开座谈会。 谢谢大家!"
    assert "".join(tokenize(text)) == text


@pytest.mark.parametrize(
    ("number", "word"),
    [(0, "民主生活会"), (1, "主题教育"), (2, "座谈会"), (3, "民主生活会"), (4, "述职评议")],
)
def test_seed_subjects_segment_whole(number: int, word: str) -> None:
    simplified = to_simplified(strip_pinyin(seed_path(number).read_text(encoding="utf-8")))
    assert word in tokenize(simplified)


def test_dedicated_tokenizer_leaves_jiebas_global_alone() -> None:
    initialize()
    assert segment._tokenizer is not None
    assert segment._tokenizer is not jieba.dt
    assert "民主生活会" not in jieba.dt.FREQ


def test_loading_leaves_no_file_open() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", ResourceWarning)
        tokenizer = segment._load()
        gc.collect()
    assert tokenizer.lcut("民主生活会") == ["民主生活会"]


def test_threads_share_one_tokenizer() -> None:
    segment._tokenizer = None
    results: list[list[str]] = []
    text = "九三学社上海市委召开领导班子民主生活会。"

    def work() -> None:
        results.append(tokenize(text))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 4
    assert all(result == results[0] for result in results)
    assert "民主生活会" in results[0]


def test_stopwords_are_function_words() -> None:
    assert {"的", "了", "我们", "关于", "以及", "因此"} <= STOPWORDS
    assert not {"民主生活会", "座谈会", "政协", "党建"} & STOPWORDS


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("民主生活会", True),
        ("政协", True),
        ("的", False),
        ("我们", False),
        ("会", False),  # one ideograph
        ("，", False),
        ("“", False),
        ("2023", False),
        ("18个", False),
        ("   ", False),
        ("APEC", True),
        ("x", False),
    ],
)
def test_is_content_word(token: str, expected: bool) -> None:
    assert is_content_word(token) is expected


def test_tags_come_from_jiebas_dictionary_and_ours() -> None:
    assert segment.word_tag("采取") == "v"
    assert segment.word_tag("上海市") == segment.PLACE
    assert segment.word_tag("民主生活会") == "n"
    assert segment.word_tag("整改") == "vn"  # a tag-only line of the user dictionary
    assert segment.is_nominal("查摆") and not segment.is_nominal("防止")
    assert segment.is_nominal("从未见过的新词")  # unknown words are taken as nouns


def test_a_tag_only_line_leaves_segmentation_alone() -> None:
    assert ("整改", None, "vn") in segment._entries(segment._data("userdict.txt"))
    dictionary = resources.files("jieba").joinpath("dict.txt").read_text(encoding="utf-8")
    line = next(line for line in dictionary.splitlines() if line.startswith("整改 "))
    assert segment._get().FREQ["整改"] == int(line.split()[1])  # jieba's own frequency


def test_loading_tags_leaves_no_file_open() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", ResourceWarning)
        tags = segment._load_tags()
        gc.collect()
    assert tags.get("防止") == "v"
    assert tags.get("机关") is None  # common nouns are the default, not stored


def test_a_split_name_is_joined_and_its_tail_reported() -> None:
    tokens = tokenize("区政协主席曹卫东出席,张得志主持。")
    assert "卫东" in tokens
    joined, tails = segment.join_names(tokens)
    assert "曹卫东" in joined and "张得志" in joined
    assert tails == {"卫东", "得志"}
    assert "".join(joined) == "".join(tokens)


def test_a_surname_character_before_a_common_word_is_not_a_name() -> None:
    tokens = ["高", "质量", "发展", "，", "王", "的"]
    assert segment.join_names(tokens) == (tokens, set())
    assert segment.is_person_name("钱锋") and not segment.is_person_name("政协")
