"""Exact and near-duplicate detection."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digests import dedupe
from digests.dedupe import (
    MIN_RESEMBLANCE,
    NEAR_DUPLICATE_BITS,
    band_masks,
    band_neighbours,
    bands,
    content_hash,
    from_signed64,
    hamming,
    is_near_duplicate,
    mark_duplicates,
    resemblance,
    simhash,
    to_signed64,
)
from digests.model import Document, MeetingFacts
from digests.pipeline import Prepared, prepare
from digests.script import to_simplified

REPORT = (
    "3月5日上午，市政协召开界别小组座谈会，围绕优化营商环境开展协商议政。\n"
    "市政协主席李明出席会议并讲话，副主席王芳主持会议。\n"
    "李明指出，要把调查研究贯穿履职全过程，提出务实管用的意见建议。\n"
    "与会委员结合各自领域工作实际，就降低企业成本、提升政务服务效率等作了发言。\n"
    "会议要求，各界别小组要加强联系群众，及时反映社情民意，推动问题解决。"
)
OTHER = (
    "12月18日，县委召开领导班子专题民主生活会，深入查摆问题，开展批评与自我批评。\n"
    "县委书记赵强代表常委班子作对照检查，班子成员逐一发言。\n"
    "赵强强调，要以整改落实的实际成效检验民主生活会成果，建立问题清单，明确整改时限。"
)


def doc(path: str, simplified: str) -> Document:
    """A document whose signatures are computed from `simplified`."""
    return Document(
        path=path,
        title=path,
        date=None,
        source=None,
        meeting=MeetingFacts(),
        keywords=(),
        highlights=(),
        text=simplified,
        simplified=simplified,
        content_hash=content_hash(simplified),
        simhash=simhash(simplified),
    )


def test_content_hash_ignores_punctuation_width_spaces_and_line_breaks() -> None:
    variant = REPORT.replace("，", ",").replace("。", ". ").replace("\n", "\r\n  ")
    assert content_hash(variant) == content_hash(REPORT)
    assert content_hash(REPORT.replace("李明", "李敏")) != content_hash(REPORT)


def test_content_hash_folds_full_width_letters_and_digits() -> None:
    assert content_hash("ＡＢＣ１２３会议") == content_hash("abc123会议")


def test_simhash_is_stable_across_processes() -> None:
    """Signatures are stored, so they must not depend on Python's per-process hash salt."""
    code = f"from digests.dedupe import simhash; print(simhash({REPORT!r}))"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert int(out.stdout) == simhash(REPORT)


def test_bit_votes_match_a_bit_by_bit_count() -> None:
    digests = dedupe._shingle_hashes(dedupe.normalise(REPORT))
    words = [int.from_bytes(digests[i : i + 8], "big") for i in range(0, len(digests), 8)]
    expected = [sum(word >> bit & 1 for word in words) for bit in range(64)]
    assert dedupe._bit_votes(digests) == expected


def test_simhash_is_64_bits_and_sensitive_to_order() -> None:
    signatures = [simhash(REPORT), simhash(OTHER), simhash("座谈会议"), simhash("议会谈座")]
    assert all(0 <= s < 2**64 for s in signatures)
    assert len(set(signatures)) == 4


def test_an_edited_text_stays_near_and_another_text_is_far() -> None:
    edited = REPORT.replace("务实管用", "切实可行").replace("3月5日", "3月6日")
    assert hamming(simhash(REPORT), simhash(edited)) <= NEAR_DUPLICATE_BITS
    assert hamming(simhash(REPORT), simhash(OTHER)) > NEAR_DUPLICATE_BITS


def test_short_and_empty_texts_have_signatures() -> None:
    assert simhash("会议") == simhash("会 议。")
    assert simhash("") != simhash("会议")


@pytest.mark.parametrize("value", [0, 1, 2**63 - 1, 2**63, 2**64 - 1, 0xDEADBEEFCAFEBABE])
def test_signed64_round_trip_fits_a_bigint(value: int) -> None:
    signed = to_signed64(value)
    assert -(2**63) <= signed < 2**63
    assert from_signed64(signed) == value


def test_hamming_and_threshold() -> None:
    assert hamming(0b1011, 0b0001) == 2
    assert hamming(2**64 - 1, 0) == 64
    assert is_near_duplicate(0, 2**NEAR_DUPLICATE_BITS - 1)
    assert not is_near_duplicate(0, 2 ** (NEAR_DUPLICATE_BITS + 1) - 1)


def test_mark_duplicates_points_repeats_at_the_first_copy() -> None:
    exact = doc("b.txt", REPORT.replace("，", ","))
    near = doc("c.txt", REPORT.replace("务实管用", "切实可行"))
    again = doc("e.txt", near.simplified)  # repeats a repeat: still points at the original
    documents = [doc("a.txt", REPORT), exact, near, doc("d.txt", OTHER), again]
    marked = mark_duplicates(documents)
    assert [d.duplicate_of for d in marked] == [None, "a.txt", "a.txt", None, "a.txt"]
    assert marked[1] == replace(exact, duplicate_of="a.txt")


def test_a_chance_simhash_match_is_not_a_duplicate() -> None:
    """Different stories whose signatures collide are told apart by their shingles."""
    colliding = replace(doc("d.txt", OTHER), simhash=simhash(REPORT))
    assert mark_duplicates([doc("a.txt", REPORT), colliding])[1].duplicate_of is None
    assert resemblance(REPORT, OTHER) < MIN_RESEMBLANCE <= resemblance(REPORT, REPORT[5:])


def test_mark_duplicates_keeps_distinct_documents() -> None:
    documents = [doc("a.txt", REPORT), doc("d.txt", OTHER)]
    assert mark_duplicates(documents) == documents


# The threshold, justified on the seeds as the pipeline sees them (cleaned, simplified).

DISTINCT_MARGIN = 8  # bits beyond the threshold that two different stories must keep
FURNITURE_TOP = "首页>新闻中心>统战要闻\n{title}\n发布时间:{date}  来源:本网  编辑:王五\n分享到:"
FURNITURE_END = "打印该页 关闭窗口 返回到页面顶部\n关键词:会议"


@pytest.fixture(scope="module")
def prepared(seed_bytes: dict[int, bytes]) -> dict[int, Prepared]:
    return {n: prepare(data, f"seed{n}") for n, data in seed_bytes.items()}


def repost(page: Prepared) -> bytes:
    """The page as another site serves it: simplified, other furniture, GBK."""
    top = FURNITURE_TOP.format(title=to_simplified(page.title), date=page.date or "2024-01-02")
    return f"{top}\n{to_simplified(page.text)}\n{FURNITURE_END}".encode("gbk")


def test_distinct_seeds_are_far_beyond_the_threshold(prepared: dict[int, Prepared]) -> None:
    for a, b in itertools.combinations(prepared.values(), 2):
        assert hamming(a.simhash, b.simhash) > NEAR_DUPLICATE_BITS + DISTINCT_MARGIN
        assert resemblance(a.simplified, b.simplified) < MIN_RESEMBLANCE / 5


def test_a_seed_reposted_elsewhere_is_within_the_threshold(prepared: dict[int, Prepared]) -> None:
    for page in prepared.values():
        again = prepare(repost(page), "elsewhere")
        assert is_near_duplicate(page.simhash, again.simhash)


def test_a_seed_missing_a_paragraph_is_within_the_threshold(
    prepared: dict[int, Prepared],
) -> None:
    for page in prepared.values():
        lines = page.simplified.split("\n")
        for i, line in enumerate(lines):
            if len(line) <= 0.2 * len(page.simplified):  # a fifth of the story, at most
                shorter = "\n".join(lines[:i] + lines[i + 1 :])
                assert is_near_duplicate(page.simhash, simhash(shorter)), (page.path, i)
                assert resemblance(page.simplified, shorter) >= MIN_RESEMBLANCE


def test_a_seed_with_a_sentence_rewritten_is_within_the_threshold(
    prepared: dict[int, Prepared],
) -> None:
    for page in prepared.values():
        first, _, rest = page.simplified.partition("。")
        edited = "会议还通报了近期重点工作的推进情况，并对下一阶段任务作出安排" + "。" + rest
        assert first and is_near_duplicate(page.simhash, simhash(edited))


def test_the_band_masks_are_every_mask_within_the_band_radius() -> None:
    masks = band_masks()
    assert len(masks) == len(set(masks)) == 1 + 16 + 120 + 560
    assert all(mask < 1 << 16 and mask.bit_count() <= 3 for mask in masks)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 2**64 - 1), st.sets(st.integers(0, 63), max_size=NEAR_DUPLICATE_BITS))
def test_a_signature_within_the_threshold_has_a_band_among_the_neighbours(
    signature: int, bits: set[int]
) -> None:
    """Pigeonhole: 14 bits over 4 bands leave one band with 3 at most."""
    flipped = signature ^ sum(1 << bit for bit in bits)
    neighbours = band_neighbours(signature)
    assert any(value in neighbours[i] for i, value in enumerate(bands(flipped)))
